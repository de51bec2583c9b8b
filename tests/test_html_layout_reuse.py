"""A rebuild into the same folder keeps the earlier drawing: known nodes where they
were, new ones placed clear of them; a fresh folder or --no-cache lays out afresh."""

from __future__ import annotations

import numpy as np

import graphbuild
from graphbuild.export import html_kept as K
from graphbuild.export import html_layout as L

from .conftest import SEEDS


def overlapping(pos, boxes, new: set[int]) -> int:
    """Pairs of boxes that overlap with a new node among them (known nodes may touch
    by the rounding of the page's whole-pixel positions)."""
    i, j, _, _ = L._overlaps(np.asarray(pos, dtype=float), *L._extents(boxes))
    return sum(1 for a, b in zip(i, j) if a in new or b in new)


def test_html_layout_known_nodes_keep_their_positions_and_new_ones_do_not_overlap():
    ids = [f"n{k}" for k in range(12)]
    boxes = [L.node_box(f"Node number {k}", 10.0) for k in range(12)]
    edges = [(k, k + 1) for k in range(11)]
    first = L.layout(ids[:10], boxes[:10], edges[:9])
    placed = {ids[k]: (float(round(x)), float(round(y))) for k, (x, y) in enumerate(first)}
    again = K.layout_keeping(ids, boxes, edges, placed)
    assert [tuple(again[k]) for k in range(10)] == [placed[ids[k]] for k in range(10)]
    assert overlapping(again, boxes, {10, 11}) == 0


def test_html_layout_another_graph_is_laid_out_afresh():
    ids = [f"n{k}" for k in range(6)]
    boxes = [L.node_box("x", 10.0) for _ in ids]
    edges = [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)]
    placed = {"n0": (5000.0, 5000.0), "elsewhere": (1.0, 1.0)}
    assert (K.layout_keeping(ids, boxes, edges, placed) == L.layout(ids, boxes, edges)).all()


def test_html_layout_previous_positions_read_back_a_page_and_refuse_junk(seed_result):
    page = seed_result.to_html()
    positions = K.previous_positions(page)
    assert len(positions) >= seed_result.graph.number_of_nodes()
    assert all(isinstance(x, float) for xy in positions.values() for x in xy)
    assert K.previous_positions(b"<html>not ours</html>") == {}
    broken = page.replace(b'id="gb-data">{', b'id="gb-data">{{', 1)
    assert K.previous_positions(broken) == {}


def test_build_rebuild_into_same_folder_keeps_earlier_positions(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for path in seeds[:-1]:
        (corpus / path.name).write_bytes(path.read_bytes())
    out, cache = tmp_path / "out", tmp_path / "cache"
    graphbuild.build([corpus], cache_dir=cache, progress=False).write(out)
    before = K.previous_positions((out / "graph.html").read_bytes())
    (corpus / seeds[-1].name).write_bytes(seeds[-1].read_bytes())
    graphbuild.build([corpus], cache_dir=cache, progress=False).write(out)
    after = K.previous_positions((out / "graph.html").read_bytes())
    assert len(after) > len(before)
    assert {k: after[k] for k in before if k in after} == {k: v for k, v in before.items() if k in after}
    fresh = tmp_path / "fresh"
    graphbuild.build([corpus], no_cache=True, progress=False).write(fresh)
    graphbuild.build([corpus], no_cache=True, progress=False).write(out)
    assert (out / "graph.html").read_bytes() == (fresh / "graph.html").read_bytes()
