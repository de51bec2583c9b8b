"""The HTML view's layout and data, in Python (no browser): overlap detection and
removal, packing, the article layer, dates, event labels, merged edges."""

from __future__ import annotations

import numpy as np
import pytest

from graphbuild.export import html_layout as L
from graphbuild.export.html_data import day_span


def random_boxes(n: int, seed: int) -> tuple[np.ndarray, list]:
    rng = np.random.RandomState(seed)
    boxes = [L.node_box("x" * rng.randint(0, 45), float(rng.randint(5, 40))) for _ in range(n)]
    return rng.rand(n, 2) * 2500, boxes


def brute_force(pos, boxes) -> set[tuple[int, int]]:
    hw, hh, dy = L._extents(boxes)
    cx, cy = pos[:, 0], pos[:, 1] + dy
    ox = hw[:, None] + hw[None, :] - np.abs(cx[:, None] - cx[None, :])
    oy = hh[:, None] + hh[None, :] - np.abs(cy[:, None] - cy[None, :])
    return {(int(a), int(b)) for a, b in zip(*np.nonzero((ox > 1e-6) & (oy > 1e-6))) if a < b}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_html_layout_overlap_sweep_finds_every_pair(seed):
    pos, boxes = random_boxes(400, seed)
    i, j, _, _ = L._overlaps(pos, *L._extents(boxes))
    expected = brute_force(pos, boxes)
    assert expected  # the case is crowded enough to mean something
    assert {tuple(sorted(p)) for p in zip(i.tolist(), j.tolist())} == expected


@pytest.mark.parametrize("n,seed", [(2, 1), (60, 2), (300, 3)])
def test_html_layout_leaves_no_overlap_and_packs_the_unconnected_underneath(n, seed):
    _, boxes = random_boxes(n, seed)
    rng = np.random.RandomState(seed)
    linked = max(2, n * 2 // 3)
    edges = sorted({tuple(sorted(rng.choice(linked, 2, replace=False).tolist())) for _ in range(linked)})
    pos = L.layout([str(k) for k in range(n)], boxes, edges)
    assert brute_force(pos, boxes) == set()
    drawn = {k for e in edges for k in e}
    alone = set(range(n)) - drawn
    if alone:
        hw, hh, dy = L._extents(boxes)
        bottom_of_graph = max(pos[k, 1] + dy[k] + hh[k] for k in drawn)
        assert all(pos[k, 1] + dy[k] - hh[k] > bottom_of_graph for k in alone)
    again = L.layout([str(k) for k in range(n)], boxes, edges)
    assert np.array_equal(pos, again)


def test_html_layout_same_centre_pairs_are_separated():
    boxes = [L.node_box("Same place", 10.0) for _ in range(5)]
    pos = L.remove_overlaps(np.zeros((5, 2)), boxes)
    assert brute_force(pos, boxes) == set()


def test_html_layout_article_layer_is_clear_of_the_graph_and_itself():
    pos, boxes = random_boxes(200, 7)
    pos = L.remove_overlaps(pos, boxes)
    links = [[k, k + 1, k + 2] for k in range(0, 150, 3)]
    extra = [L.node_box("An article headline of some length", 7.0) for _ in links]
    placed = L.place_layer(pos, boxes, links, extra)
    assert brute_force(np.vstack([pos, placed]), boxes + extra) == set()
    # Near what they mention: most articles sit within a few boxes of their centroid.
    distance = [np.linalg.norm(placed[k] - pos[ls].mean(axis=0)) for k, ls in enumerate(links)]
    assert np.median(distance) < 400


@pytest.mark.parametrize("text,expected", [
    ("2023-05-19", ("2023-05-19", "2023-05-19")),
    ("2024-02", ("2024-02-01", "2024-02-29")),
    ("2023", ("2023-01-01", "2023-12-31")),
    ("2023-02-30", None),
    (None, None),
])
def test_html_data_day_span_covers_the_date_said(text, expected):
    import datetime as dt

    def day(iso):
        return (dt.date.fromisoformat(iso) - dt.date(1970, 1, 1)).days

    assert day_span(text) == (None if expected is None else (day(expected[0]), day(expected[1])))


def test_html_data_merges_parallel_edges_and_shows_the_graphs_event_label():
    from graphbuild.export.html import node_tooltip
    from graphbuild.export.html_data import build_view
    from graphbuild.graph import build_graph
    from graphbuild.records import Document, Entity, Resolution, Segment

    doc = Document("d1", "a.txt", "0" * 64, (Segment("x", "paragraph", 0),), headline="H", date_published="2023-05-19")
    graph = build_graph([doc], Resolution(entities=(
        Entity("ana", "Person", "Ana Lind", documents=("d1",)), Entity("nor", "Country", "Norland"),
        Entity("port", "City", "Port City"), Entity("lone", "Organization", "Lone Society"))))
    for key in ("leaderOf", "visited"):
        graph.add_edge("entity/ana", "entity/nor", key=key, kind="relation", predicate=key, confidence=0.9,
                       statements=(), modality="asserted", symmetric=False)
    graph.add_edge("entity/nor", "entity/ana", key="hosts", kind="relation", predicate="hosts", confidence=0.5,
                   statements=(), modality="asserted", symmetric=False)
    graph.add_node("event/e1", kind="event", cls="Summit", core_class="Event", label="Summit, Port City, 2023-05-19",
                   alt_labels=(), date="2023-05-19", documents=("d1",), mention_count=1, evidence=())
    graph.add_edge("event/e1", "entity/ana", key="participant", kind="event-role", predicate="participant")
    graph.add_edge("event/e1", "entity/port", key="location", kind="event-role", predicate="location")
    view = build_view(graph, node_tooltip)
    edges = {(e["from"], e["to"]): e for e in view["edges"] if e["kind"] != "article"}
    assert len(edges) == 3  # one per pair
    ana_nor = edges[("entity/ana", "entity/nor")]
    assert ana_nor["label"] == "leaderOf \u2192\nvisited \u2192\n\u2190 hosts" and ana_nor["arrows"] == "to, from"
    nodes = {n["id"]: n for n in view["nodes"]}
    assert nodes["event/e1"]["label"] == "Summit, Port City, 2023-05-19"
    assert nodes["entity/lone"]["isolated"] and not nodes["entity/ana"]["isolated"]
    assert view["span"] == [day_span("2023-05-19")[0]] * 2
    assert ("article/d1", "entity/ana") in {(e["from"], e["to"]) for e in view["edges"]}


def test_html_data_importance_ranks_entities_by_links_and_events_by_articles():
    from graphbuild.export.html_data import importance

    def node(i, kind, docs, mentions=0):
        return {"id": i, "kind": kind, "docs": list(range(docs)), "mentions": mentions}

    nodes = [node("a", "entity", 1, 1), node("hub", "entity", 3, 30), node("e1", "event", 1), node("e9", "event", 9)]
    importance(nodes, [("hub", "a"), ("hub", "e1"), ("hub", "e9"), ("e9", "a")])
    rank = {n["id"]: n["imp"] for n in nodes}
    assert rank["e9"] < rank["e1"]  # reported by nine articles against one
    assert rank["hub"] < rank["a"]  # three links and three articles against two and one
    assert sorted(rank.values()) == [0, 1, 2, 3]
