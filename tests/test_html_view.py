"""The HTML view as an analyst uses it, in real Chromium: a readable canvas (no
overlapping nodes, no unconnected ones, one edge per pair), time, details, layers."""

from __future__ import annotations

from pathlib import Path

import pytest

from .browser import open_page, overlapping_pairs, wait_until

pytestmark = pytest.mark.browser

ARTICLES = Path(__file__).parent / "data" / "html"


@pytest.fixture(scope="module")
def own_build(tmp_path_factory):
    import graphbuild

    result = graphbuild.build([ARTICLES])
    out = tmp_path_factory.mktemp("html-own")
    result.write(out)
    return result, out / "graph.html"


@pytest.fixture(scope="module")
def dated(tmp_path_factory):
    """A graph built by hand with events of known dates (no model needed)."""
    from graphbuild.export.html import to_html
    from graphbuild.graph import build_graph
    from graphbuild.records import (DocRecord, Document, Entity, Evidence, EventMention, RelationMention,
                                    Resolution, Segment)

    def doc(i, date, headline):
        return Document(id=f"d{i}", source_file=f"note{i}.txt", sha256=str(i) * 64,
                        segments=(Segment("x", "paragraph", 0),), headline=headline, date_published=date)

    docs = [doc(1, "2021-03-10", "Leaders meet in Port City"), doc(2, "2022-06-01", "Ana Lind in Norland"),
            doc(3, None, "An undated note")]
    names = {"ana": ("Person", "Ana Lind"), "bo": ("Person", "Bo Tan"), "norland": ("Country", "Norland"),
             "port": ("Place", "Port City"), "lone": ("Organization", "Lone Society")}
    entities = tuple(Entity(id=k, cls=c, label=label, mention_count=2, documents=("d1",) if k == "lone" else ())
                     for k, (c, label) in names.items())
    spans = {k: (10 * i, 10 * i + 5) for i, k in enumerate(names)}
    assignments = {(d.id, *spans[k]): k for d in docs for k in names}

    def ev(d, sentence):
        return Evidence(d.id, sentence, 0, len(sentence))

    pair = (spans["ana"], spans["bo"])
    summit1 = EventMention("Summit", "summit", pair, ev(docs[0], "Ana Lind and Bo Tan held a summit in Port City."),
                           0.9, "t", locations=(spans["port"],), date="2021-03-09")
    summit2 = EventMention("Summit", "summit", pair, ev(docs[1], "Last year's summit in Port City was recalled."),
                           0.8, "t", locations=(spans["port"],), date="2021-03-09")
    visit = EventMention("Visit", "visit", (spans["ana"],), ev(docs[1], "Ana Lind visited Norland in May."), 0.9, "t",
                         locations=(spans["norland"],), date="2022-05-30")
    meeting = EventMention("Meeting", "met", (spans["bo"],), ev(docs[2], "Bo Tan met officials in Norland."), 0.7, "t",
                           locations=(spans["norland"],))
    leader = RelationMention(spans["ana"], "leaderOf", spans["norland"],
                             ev(docs[0], "Ana Lind, the leader of Norland, spoke first."), 0.9, "r")
    visited = RelationMention(spans["ana"], "visited", spans["norland"],
                              ev(docs[1], "Ana Lind visited Norland in May."), 0.8, "r", modality="reported")
    records = [DocRecord(docs[0], relations=(leader,), events=(summit1,)),
               DocRecord(docs[1], relations=(visited,), events=(summit2, visit)),
               DocRecord(docs[2], events=(meeting,))]
    graph = build_graph(docs, Resolution(entities=entities, assignments=assignments), records)
    path = tmp_path_factory.mktemp("html-dated") / "graph.html"
    path.write_bytes(to_html(graph))
    events = {graph.nodes[n]["cls"]: n for n in graph if n.startswith("event/")}
    return graph, path, events


def drawn(page) -> set[str]:
    return set(page.evaluate("window.gbNodeView.getIds()"))


def assert_readable(page, graph) -> None:
    """No overlapping pair, no drawn node without a drawn edge, one edge per pair that
    names every predicate between the two."""
    assert overlapping_pairs(page) == []
    nodes = drawn(page)
    edges = page.evaluate("window.gbEdgeView.get().map(e => [e.from, e.to, e.label])")
    ends = {n for e in edges for n in e[:2]}
    assert nodes and nodes <= ends
    pairs = [frozenset(e[:2]) for e in edges]
    assert len(pairs) == len(set(pairs))
    labels = {frozenset(e[:2]): e[2] for e in edges}
    for u, v, key in graph.edges(keys=True):
        if u == v:
            continue
        assert key in labels[frozenset((u, v))].replace("\u2192", "").replace("\u2190", "").split()


def test_html_view_seed_page_is_readable(browser, seed_result, seed_out):
    page, _, errors = open_page(browser, seed_out / "graph.html")
    assert_readable(page, seed_result.graph)
    alone = {n for n in seed_result.graph if seed_result.graph.degree(n) == 0}
    assert alone and not alone & drawn(page)
    # China and Russia share several predicates: one edge lists them all.
    label = page.evaluate("window.gbEdges.get('entity/china|entity/russia') || "
                          "window.gbEdges.get('entity/russia|entity/china')")["label"]
    assert len(label.split("\n")) >= 3
    # The search placeholder fits its box.
    assert page.evaluate("""() => {
      const box = document.getElementById('gb-search'), style = getComputedStyle(box);
      const ctx = document.createElement('canvas').getContext('2d');
      ctx.font = style.font;
      const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return ctx.measureText(box.placeholder).width < room;
    }""")
    # The details of a node with a Wikidata id link it once (the tooltip text is not repeated there).
    page.fill("#gb-search", "Xi Jinping")
    wait_until(page, "document.getElementById('gb-details').textContent.indexOf('Xi Jinping') === 0")
    assert seed_result.graph.nodes["entity/xi-jinping"]["wikidata"]
    assert page.text_content("#gb-details").count("Wikidata") == 1
    assert page.locator("#gb-details a[href^='https://www.wikidata.org/wiki/']").count() == 1
    # Every node, drawn or not, is reached by searching its name (Enter steps through namesakes).
    lost = page.evaluate("window.gbNodes.get()"
                         ".filter(n => !window.gbLookupAll(n.full_label).includes(n.id)).map(n => n.id)")
    assert lost == []
    twins = page.evaluate("window.gbNodes.get().map(n => n.full_label).filter((l, i, all) => all.indexOf(l) !== i)")
    if twins:
        page.fill("#gb-search", twins[0])
        first = page.evaluate("window.gbNetwork.getSelectedNodes()")
        page.press("#gb-search", "Enter")
        assert page.evaluate("window.gbNetwork.getSelectedNodes()") != first
    assert errors == []
    page.close()


def test_html_view_own_articles_page_is_readable_and_lists_the_unconnected(browser, own_build):
    result, path = own_build
    page, _, errors = open_page(browser, path)
    assert len(drawn(page)) >= 4
    assert_readable(page, result.graph)
    alone = sorted(n for n in result.graph if result.graph.degree(n) == 0)
    assert "entity/world-bank" in alone or any("paris" in n for n in alone)
    listed = page.evaluate("[...document.querySelectorAll('#gb-alone-list li button')].map(b => b.textContent)")
    assert sorted(listed) == sorted(result.graph.nodes[n]["label"] for n in alone)
    pick = result.graph.nodes[alone[-1]]
    page.fill("#gb-alone-filter", pick["label"])
    assert page.locator("#gb-alone-list li button").count() < len(alone)
    page.click("#gb-alone-list li button")
    details = page.text_content("#gb-details")
    assert details.startswith(pick["label"]) and f"{pick['mention_count']} mention(s)" in details
    sources = {d.id: d for d in result.graph.graph["documents"]}
    for doc_id in pick["documents"]:
        assert sources[doc_id].source_file in details and sources[doc_id].headline in details
    page.check("#gb-show-alone")
    assert set(alone) <= drawn(page)
    assert overlapping_pairs(page) == []
    assert errors == []
    page.close()


def set_range(page, first: str, last: str) -> None:
    """Move both handles to the given dates, as a user's drag does (input events)."""
    page.evaluate("""([first, last]) => {
      const day = s => Math.round(Date.parse(s + 'T00:00:00Z') / 86400000);
      for (const [id, value] of [['gb-to', last], ['gb-from', first], ['gb-to', last]]) {
        const box = document.getElementById(id);
        box.value = String(day(value) - window.gbSpan[0]);
        box.dispatchEvent(new Event('input'));
      }
    }""", [first, last])


def test_html_view_events_read_type_place_and_date_and_grow_with_articles(browser, dated):
    graph, path, events = dated
    page, _, errors = open_page(browser, path)
    summit = page.evaluate(f"window.gbNodes.get('{events['Summit']}')")
    visit = page.evaluate(f"window.gbNodes.get('{events['Visit']}')")
    assert summit["label"] == "Summit, Port City, 2021-03-09"
    assert visit["label"] == "Ana Lind visit to Norland, 2022-05-30"
    assert summit["size"] > visit["size"]  # two articles against one
    assert errors == []
    page.close()


def test_html_view_date_range_hides_and_shows_events_and_edges(browser, dated):
    graph, path, events = dated
    page, _, errors = open_page(browser, path)
    assert {events["Summit"], events["Visit"], events["Meeting"]} <= drawn(page)
    assert page.text_content("#gb-range-text") == "2021-03-09 \u2013 2022-06-01"
    # A real drag of the right handle to the middle of the span drops the 2022 visit.
    track = page.locator(".gb-range").bounding_box()
    y = track["y"] + track["height"] / 2
    page.mouse.move(track["x"] + track["width"] - 7, y)
    page.mouse.down()
    page.mouse.move(track["x"] + track["width"] / 2, y, steps=8)
    page.mouse.up()
    assert page.text_content("#gb-range-text").startswith("2021-03-09 \u2013 2021-")
    assert events["Summit"] in drawn(page) and events["Visit"] not in drawn(page)
    set_range(page, "2021-01-01", "2021-12-31")
    assert page.text_content("#gb-range-text") == "2021-03-09 \u2013 2021-12-31"
    now = drawn(page)
    assert events["Summit"] in now and events["Meeting"] in now and events["Visit"] not in now
    assert page.evaluate("window.gbEdgeView.get('entity/ana|entity/norland').label") == "leaderOf"
    page.uncheck("#gb-undated")
    assert events["Meeting"] not in drawn(page)
    set_range(page, "2022-01-01", "2022-06-01")
    now = drawn(page)
    assert events["Visit"] in now and events["Summit"] not in now
    assert page.evaluate("window.gbEdgeView.get('entity/ana|entity/norland').label") == "visited"
    set_range(page, "2021-06-01", "2021-07-01")  # nothing dated then: Ana's edges and events all go
    assert "entity/ana" not in drawn(page)
    assert page.evaluate("window.gbEdgeView.length") == 0
    page.check("#gb-undated")
    set_range(page, "2021-03-09", "2022-06-01")
    assert {events["Summit"], events["Visit"], events["Meeting"], "entity/ana"} <= drawn(page)
    assert page.evaluate("window.gbEdgeView.get('entity/ana|entity/norland').label") == "leaderOf\nvisited"
    assert errors == []
    page.close()


def test_html_view_timeline_click_selects_the_event(browser, dated):
    graph, path, events = dated
    page, _, errors = open_page(browser, path)
    assert page.locator(".gb-tick").count() == 2  # the undated meeting has no place in time
    page.click(f".gb-tick[data-id='{events['Visit']}']")
    assert page.evaluate("window.gbNetwork.getSelectedNodes()") == [events["Visit"]]
    text = page.text_content("#gb-details")
    assert text.startswith("Ana Lind visit to Norland, 2022-05-30")
    assert "Ana Lind visited Norland in May." in text and "note2.txt" in text
    assert errors == []
    page.close()


def click_at(page, x: float, y: float) -> None:
    box = page.locator("#gb-graph").bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)


def canvas_point(page, expression: str) -> dict:
    return page.evaluate(f"window.gbNetwork.canvasToDOM({expression})")


def test_html_view_details_list_statements_and_background_click_clears(browser, dated):
    graph, path, events = dated
    page, _, errors = open_page(browser, path)
    p = canvas_point(page, "window.gbNetwork.getPosition('entity/ana')")
    click_at(page, p["x"], p["y"])
    assert page.evaluate("window.gbNetwork.getSelectedNodes()") == ["entity/ana"]
    text = page.text_content("#gb-details")
    for part in ("Ana Lind \u2192 leaderOf \u2192 Norland", "Ana Lind, the leader of Norland, spoke first.",
                 "confidence 0.90", "asserted", "Leaders meet in Port City", "2021-03-10", "note1.txt",
                 "Ana Lind visited Norland in May.", "reported", "note2.txt"):
        assert part in text
    assert text.count("Wikidata") <= 1
    middle = ("(() => { const p = window.gbNetwork.getPosition('entity/ana'), "
              "q = window.gbNetwork.getPosition('entity/norland'); "
              "return {x: (p.x + q.x) / 2, y: (p.y + q.y) / 2}; })()")
    p = canvas_point(page, middle)
    assert page.evaluate("p => window.gbNetwork.getEdgeAt(p)", p) is not None
    click_at(page, p["x"], p["y"])
    text = page.text_content("#gb-details")
    assert text.startswith("Ana Lind \u2014 Norland") or text.startswith("Norland \u2014 Ana Lind")
    assert "Statements (2)" in text and "spoke first" in text and "visited Norland in May" in text
    for x, y in ((5, 5), (8, 200), (300, 5)):
        point = {"x": x, "y": y}
        if page.evaluate("p => window.gbNetwork.getNodeAt(p) === undefined && "
                         "window.gbNetwork.getEdgeAt(p) === undefined", point):
            click_at(page, x, y)
            break
    else:
        pytest.fail("no empty point on the canvas to click")
    assert page.text_content("#gb-details").startswith("Click a node or an edge")
    assert page.evaluate("window.gbNetwork.getSelectedNodes()") == []
    assert errors == []
    page.close()


def test_html_view_article_layer_links_documents_to_what_they_mention(browser, dated):
    graph, path, events = dated
    page, _, errors = open_page(browser, path)
    assert not any(n.startswith("article/") for n in drawn(page))
    page.check("#gb-show-articles")
    now = drawn(page)
    assert {"article/d1", "article/d2", "article/d3"} <= now
    edges = page.evaluate("window.gbEdgeView.get().filter(e => e.kind === 'article').map(e => [e.from, e.to])")
    assert ["article/d2", events["Visit"]] in edges and ["article/d1", events["Summit"]] in edges
    assert overlapping_pairs(page) == []
    page.uncheck("#gb-show-articles")
    # From an event to one of its articles: described, never a layer switched by itself.
    page.evaluate("window.gbFind('Ana Lind visit to Norland')")
    page.click("#gb-details button.gb-link:has-text('Ana Lind in Norland')")
    assert not page.is_checked("#gb-show-articles")
    assert "tick Articles" in page.text_content("#gb-details")
    page.check("#gb-show-articles")
    page.evaluate("window.gbFind('Ana Lind in Norland')")
    assert page.evaluate("window.gbNetwork.getSelectedNodes()") == ["article/d2"]
    assert "Ana Lind visit to Norland, 2022-05-30" in page.text_content("#gb-details")
    assert errors == []
    page.close()
