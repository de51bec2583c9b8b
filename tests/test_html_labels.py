"""Level of detail, focus, search and the layer notes of the HTML view, in real
Chromium at 1600x1000: labels legible (>= 10 px on screen) for the nodes that matter,
never overlapping, more as one zooms in; edge labels only for the focus."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from .browser import IN_VIEW_JS, label_overlaps, open_wide, redraw, wait_until

pytestmark = pytest.mark.browser
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))


@pytest.fixture(scope="module")
def news_page(tmp_path_factory):
    """2,000 synthetic articles over 150 entities: search and the layers at that size."""
    from html_layout import synthetic_news

    from graphbuild.export.html import to_html

    path = tmp_path_factory.mktemp("html-news") / "graph.html"
    path.write_bytes(to_html(synthetic_news(2000)))
    return path


@pytest.fixture(scope="module")
def crowded_page(tmp_path_factory):
    from html_layout import synthetic

    from graphbuild.export.html import to_html

    path = tmp_path_factory.mktemp("html-crowded") / "graph.html"
    path.write_bytes(to_html(synthetic(800)))
    return path


def test_html_labels_seed_page_labels_every_drawn_node_legibly(browser, seed_out):
    page, errors = open_wide(browser, seed_out / "graph.html")
    labels = page.evaluate("window.gbLabels()")
    assert {lab["id"] for lab in labels} == set(page.evaluate("window.gbNodeView.getIds()"))
    assert min(lab["px"] for lab in labels) >= 10
    assert label_overlaps(labels) == []
    assert page.evaluate("window.gbEdgeLabels()") == []  # none until a node is chosen
    assert errors == []
    page.close()


def test_html_labels_crowded_page_labels_the_important_and_zoom_shows_more(browser, crowded_page):
    page, errors = open_wide(browser, crowded_page)
    labels = page.evaluate("window.gbLabels()")
    assert len(labels) >= 30 and min(lab["px"] for lab in labels) >= 10
    assert label_overlaps(labels) == []
    # Labels go to the most important first: the best-ranked node in view has one.
    view = page.evaluate(IN_VIEW_JS)
    best = min(view, key=lambda i: page.evaluate(f"window.gbNodes.get('{i}').imp"))
    assert best in {lab["id"] for lab in labels}
    # The whole graph in view: still legible labels, none overlapping, fewer of them.
    page.click("#gb-whole")
    redraw(page)
    labels = page.evaluate("window.gbLabels()")
    assert len(labels) >= 30 and min(lab["px"] for lab in labels) >= 10
    assert label_overlaps(labels) == []
    assert len(labels) < len(page.evaluate(IN_VIEW_JS))
    page.evaluate("window.gbNetwork.moveTo({scale: window.gbNetwork.getScale() * 2, animation: false})")
    redraw(page)
    closer = page.evaluate("window.gbLabels()")
    assert label_overlaps(closer) == []
    # Of the nodes still in view, zooming in labels more.
    inside = set(page.evaluate(IN_VIEW_JS))
    assert len(inside & {lab["id"] for lab in closer}) > len(inside & {lab["id"] for lab in labels})
    assert errors == []
    page.close()


def test_html_labels_focus_fades_the_rest_labels_its_edges_and_escape_returns(browser, seed_out):
    page, errors = open_wide(browser, seed_out / "graph.html")
    p = page.evaluate("window.gbNetwork.canvasToDOM(window.gbNetwork.getPosition('entity/xi-jinping'))")
    box = page.locator("#gb-graph").bounding_box()
    page.mouse.click(box["x"] + p["x"], box["y"] + p["y"])
    page.mouse.move(box["x"] + 2, box["y"] + 2)  # no hover label in the way
    redraw(page)
    near = set(page.evaluate("window.gbNetwork.getConnectedNodes('entity/xi-jinping')")) | {"entity/xi-jinping"}
    opacity = page.evaluate("Object.fromEntries(window.gbNodeView.get().map(n => [n.id, n.opacity]))")
    assert all(opacity[n] in (1, None) for n in near)
    assert all(opacity[n] is not None and opacity[n] < 0.5 for n in opacity if n not in near)
    edge_labels = page.evaluate("window.gbEdgeLabels()")
    assert edge_labels and all("entity/xi-jinping" in e["id"].split("|") for e in edge_labels)
    assert label_overlaps(page.evaluate("window.gbLabels()") + edge_labels) == []
    page.keyboard.press("Escape")
    redraw(page)
    assert page.evaluate("window.gbNetwork.getSelectedNodes()") == []
    assert set(page.evaluate("window.gbNodeView.get().map(n => n.opacity)")) <= {1, None}
    assert page.evaluate("window.gbEdgeLabels()") == []
    assert errors == []
    page.close()


def test_html_search_lists_entities_before_marked_articles_within_200_ms(browser, news_page):
    page, errors = open_wide(browser, news_page)
    boxes = "[...document.querySelectorAll('aside input[type=checkbox], #gb-time input')].map(b => b.checked)"
    before = page.evaluate(boxes)
    slowest = 0.0
    for typed in ("P", "Pu", "Put", "Puti"):
        page.fill("#gb-search", typed)
        slowest = max(slowest, page.evaluate("window.gbSearchMs"))
    assert slowest < 200
    kinds = page.evaluate("[...document.querySelectorAll('#gb-results .gb-result')].map(b => b.lastChild.textContent)")
    assert kinds[0] != "article" and "article" in kinds
    assert kinds == sorted(kinds, key=lambda k: k == "article")  # articles after the rest
    # Choosing an article (one the layer does not draw too) describes it and changes no box.
    page.locator("#gb-results .gb-result-article").first.dispatch_event("mousedown")
    assert page.text_content("#gb-details").startswith("Putin and partners meet")
    assert page.evaluate(boxes) == before
    assert errors == []
    page.close()


def test_html_view_articles_layer_says_how_many_and_why_some_are_left_out(browser, news_page, seed_out):
    page, errors = open_wide(browser, news_page)
    assert page.text_content("#gb-articles-text").startswith("Articles: 400 of 2000")
    assert "1600 left out: the layer holds at most 400" in page.text_content("#gb-articles-why")
    assert "size by mentions" in page.text_content("#gb-legend") and "Line width" in page.text_content("#gb-legend")
    page.close()
    page, errors = open_wide(browser, seed_out / "graph.html")
    assert page.text_content("#gb-articles-why") == ""  # every article drawn: nothing to explain
    assert errors == []
    page.close()


def test_html_groups_focus_the_events_of_a_place_and_escape_returns(browser, seed_out):
    page, errors = open_wide(browser, seed_out / "graph.html")
    button = page.locator("#gb-groups button[data-group^='place:']").first
    place = button.get_attribute("data-group").split(":", 1)[1]
    button.click()
    redraw(page)
    ids = page.evaluate("window.gbNodes.get().filter(n => n.kind === 'event').map(n => n.id)")
    listed = page.locator("#gb-details button.gb-link").count()
    assert page.text_content("#gb-details").startswith(f"Events in {place} (") and 0 < listed < len(ids)
    faded = page.evaluate("window.gbNodeView.get().filter(n => n.opacity !== undefined && n.opacity < 0.5).length")
    assert faded > 0
    assert {lab["id"] for lab in page.evaluate("window.gbLabels()")} <= set(
        page.evaluate("window.gbNodeView.get().filter(n => n.opacity === undefined || n.opacity === 1).map(n => n.id)"))
    page.keyboard.press("Escape")
    assert page.evaluate("window.gbNodeView.get().filter(n => n.opacity !== undefined && n.opacity < 0.5).length") == 0
    assert errors == []
    page.close()
