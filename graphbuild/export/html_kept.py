"""The kept layout: a rebuild into a folder that holds an earlier graph.html draws the
graph where that page had it. Known nodes keep their positions; new ones go to the
free spot nearest to what they link to (a rebuild adding one article to a thousand
costs no spring layout, and the reader finds the graph where it was)."""

from __future__ import annotations

import json
import re

import numpy as np

from .html_layout import Box, layout, pack_rows, place_layer

#: Below this share of the linked nodes already placed, the graph is laid out afresh:
#: the earlier drawing was of another graph, and new nodes would crowd its edges.
REUSE_SHARE = 0.5

_DATA = re.compile(rb'<script type="application/json" id="gb-data">(.*?)</script>', re.S)


def keeps_layout(ids: list[str], edges: list[tuple[int, int]], placed: dict | None) -> bool:
    """Whether ``placed`` (an earlier drawing's positions by node id) holds most of the
    linked nodes of ``ids``, so that the drawing is kept."""
    linked = {a for e in edges for a in e if e[0] != e[1]}
    return bool(placed) and bool(linked) and sum(ids[k] in placed for k in linked) >= REUSE_SHARE * len(linked)


def layout_keeping(ids: list[str], boxes: list[Box], edges: list[tuple[int, int]],
                   placed: dict[str, tuple[float, float]] | None = None) -> np.ndarray:
    """:func:`.html_layout.layout`, or the kept drawing extended when ``placed`` holds it."""
    if keeps_layout(ids, edges, placed):
        return _extend(ids, boxes, edges, placed)
    return layout(ids, boxes, edges)


def _extend(ids: list[str], boxes: list[Box], edges: list[tuple[int, int]],
            placed: dict[str, tuple[float, float]]) -> np.ndarray:
    """The earlier positions of known nodes; new linked nodes near their known
    neighbours, new unlinked ones in rows under everything."""
    n = len(ids)
    pos = np.zeros((n, 2))
    known = [k for k in range(n) if ids[k] in placed]
    for k in known:
        pos[k] = placed[ids[k]]
    index = {k: m for m, k in enumerate(known)}
    neighbours: dict[int, set[int]] = {}
    for a, b in edges:
        if a != b:
            neighbours.setdefault(a, set()).add(b)
            neighbours.setdefault(b, set()).add(a)
    linked = sorted(neighbours)
    fresh = [k for k in linked if ids[k] not in placed]
    links = [sorted(index[m] for m in neighbours.get(k, ()) if m in index) for k in fresh]
    if fresh:
        pos[fresh] = place_layer(pos[known], [boxes[k] for k in known], links, [boxes[k] for k in fresh])
    alone = [k for k in range(n) if ids[k] not in placed and k not in neighbours]
    if alone:
        drawn = [k for k in range(n) if k in neighbours or ids[k] in placed]
        hw = np.array([boxes[k].half_width for k in drawn])
        # The box's lowest point: its centre's offset below the node, plus its half height.
        dy = np.array([(boxes[k].below - boxes[k].above) / 2 for k in drawn])
        hh = np.array([(boxes[k].above + boxes[k].below) / 2 for k in drawn])
        bottom = float(np.max(pos[drawn, 1] + dy + hh)) if drawn else 0.0
        left = float(np.min(pos[drawn, 0] - hw)) if drawn else 0.0
        width = max(800.0, float(np.max(pos[drawn, 0] + hw)) - left) if drawn else 800.0
        pos[alone] = pack_rows([boxes[k] for k in alone], left, bottom + 80.0, width)
    return pos


def previous_positions(page: bytes) -> dict[str, tuple[float, float]]:
    """Node positions of an earlier graph.html (its embedded data), by node id; nothing
    for a page that is not one (damaged, another tool's, an older layout)."""
    match = _DATA.search(page)
    if match is None:
        return {}
    try:
        nodes = json.loads(match.group(1))["nodes"]
        return {n["id"]: (float(n["x"]), float(n["y"])) for n in nodes
                if isinstance(n.get("id"), str)
                and all(isinstance(n.get(c), (int, float)) and not isinstance(n.get(c), bool) for c in "xy")}
    except (ValueError, KeyError, TypeError, AttributeError):
        return {}
