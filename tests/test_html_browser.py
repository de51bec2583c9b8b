"""The HTML view in a real browser: Debian's Chromium driven by Playwright.

Every request that is not file:// or data: is aborted and recorded, so the test both
proves the page is offline and sends nothing out.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .browser import open_page, overlapping_pairs, wait_until

pytestmark = pytest.mark.browser

def test_html_seed_page_opens_offline_with_every_node(browser, seed_result, seed_out, tmp_path):
    page, outside, errors = open_page(browser, seed_out / "graph.html")
    ids = page.evaluate("window.gbNodes.get().filter(n => n.kind !== 'article').map(n => n.id)")
    assert set(ids) == set(seed_result.graph.nodes)
    articles = page.evaluate("window.gbNodes.get().filter(n => n.kind === 'article').map(n => n.id)")
    assert len(articles) == len(seed_result.graph.graph["documents"])
    assert outside == []
    assert errors == []
    page.screenshot(path=str(tmp_path / "graph.png"))
    # For people to look at: tests/artifacts/seed-graph.png after `make test`.
    shots = Path(os.environ.get("GRAPHBUILD_SCREENSHOTS", Path(__file__).parent / "artifacts"))
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shots / "seed-graph.png"))
    page.close()


def test_html_search_finds_xi_jinping_by_short_name(browser, seed_out):
    page, _, errors = open_page(browser, seed_out / "graph.html")
    page.fill("#gb-search", "Xi")
    wait_until(page, "document.getElementById('gb-search-status').textContent.length > 0")
    assert page.text_content("#gb-search-status") == "Xi Jinping"
    assert page.evaluate("window.gbNetwork.getSelectedNodes()") == ["entity/xi-jinping"]
    assert errors == []
    page.close()


def test_html_article_payloads_show_as_text_and_never_run(browser, tmp_path):
    import graphbuild

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "evil.html").write_text(
        "<html><head><title>&lt;img src=x onerror=window.__pwned=1&gt; Summit</title></head><body>"
        "<h1>&lt;script&gt;window.__pwned=2&lt;/script&gt; Talks</h1>"
        "<p>Russian President Vladimir Putin met the &lt;img src=x onerror=window.__pwned=3&gt; "
        "Organisation in Beijing.</p>"
        "<p>The Acme &lt;script&gt;window.__pwned=4&lt;/script&gt; Corporation signed a deal with "
        "China.</p></body></html>",
        encoding="utf-8",
    )
    (folder / "plain.txt").write_text(
        "Leaders of the <img src=x onerror=\"window.__pwned=5\"> Council met Chinese President Xi Jinping.\n",
        encoding="utf-8",
    )
    result = graphbuild.build([folder], heading="<img src=x onerror=window.__pwned=6> graph")
    out = tmp_path / "out"
    result.write(out)
    page, outside, errors = open_page(browser, out / "graph.html")
    assert page.evaluate("window.__pwned === undefined")
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 3  # data, vis-network, graphbuild
    assert "<img src=x onerror=window.__pwned=6> graph" in page.text_content("h1")
    assert outside == [] and errors == []
    page.close()


def test_html_hostile_names_in_graph_show_as_text(browser, tmp_path):
    """Labels, aliases and headlines with markup: rendered as text in tooltip and panel."""
    from graphbuild.export.html import to_html
    from graphbuild.graph import build_graph
    from graphbuild.records import Document, Entity, Resolution, Segment

    payload = '<img src=x onerror="window.__pwned=7">'
    doc = Document(id="d1", source_file="x.txt", sha256="0" * 64, segments=(Segment("x", "paragraph", 0),),
                   headline=f"{payload} headline </script><script>window.__pwned=8</script>")
    entity = Entity(id="evil", cls="Organization", label=f"Acme {payload}", alt_labels=(f"</script>{payload}",),
                    mention_count=2, documents=("d1",))
    graph = build_graph([doc], Resolution(entities=(entity,)))
    html_path = tmp_path / "graph.html"
    html_path.write_bytes(to_html(graph, heading=payload))
    page, outside, errors = open_page(browser, html_path)
    page.fill("#gb-search", "Acme")
    wait_until(page, "document.getElementById('gb-search-status').textContent.length > 0")
    assert payload in page.text_content("#gb-details")
    assert "</script><script>window.__pwned=8</script>" in page.text_content("#gb-details")
    assert page.evaluate("window.__pwned === undefined")
    assert page.locator("#gb-details img").count() == 0
    assert outside == [] and errors == []
    page.close()


def test_html_max_nodes_keeps_the_most_connected_and_says_so(browser, seed_result, tmp_path):
    from graphbuild.export.html import to_html

    page_path = tmp_path / "graph.html"
    page_path.write_bytes(to_html(seed_result.graph, max_nodes=10))
    page, outside, errors = open_page(browser, page_path)
    ids = page.evaluate("window.gbNodes.get().filter(n => n.kind !== 'article').map(n => n.id)")
    assert len(ids) == 10
    degree = seed_result.graph.degree
    assert min(degree(n) for n in ids) >= max(degree(n) for n in seed_result.graph if n not in ids)
    assert f"10 most connected of {seed_result.graph.number_of_nodes()} nodes" in page.text_content("#gb-note")
    assert outside == [] and errors == []
    page.close()


def test_html_two_thousand_nodes_load_still_and_every_node_is_found_by_search(browser, tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from html_layout import synthetic

    from graphbuild.export.html import to_html

    g = synthetic(2000)
    page_path = tmp_path / "graph.html"
    page_path.write_bytes(to_html(g))
    page, outside, errors = open_page(browser, page_path)
    assert page.evaluate("window.gbNodes.length") == 2000
    assert page.evaluate("window.gbNetwork.physics.physicsEnabled") is False
    lost = page.evaluate("window.gbNodes.get().filter(n => window.gbLookup(n.full_label) !== n.id).map(n => n.id)")
    assert lost == []
    assert overlapping_pairs(page) == []
    assert outside == [] and errors == []
    page.close()


def test_html_edge_hover_text_has_predicate_confidence_and_evidence(browser, seed_result, seed_out):
    page, _, errors = open_page(browser, seed_out / "graph.html")
    titles = page.evaluate("window.gbEdges.get().filter(e => e.facts.some(f => f.p === 'annexed')).map(e => e.title)")
    assert len(titles) == 1
    text = titles[0]
    assert "\u2192 annexed \u2192" in text and "confidence" in text
    assert "annexation of Crimea" in text  # the evidence sentence
    assert "Putin's Visit to China" in text and "2023-10-19" in text  # its headline and date
    assert errors == []
    page.close()
