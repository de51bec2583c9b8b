"""Positions for the HTML view, computed once at build time so the page opens still.

A seeded Fruchterman-Reingold layout (numpy, all pairs: fast enough for the few
thousand nodes a page can show) places the connected nodes; then overlap removal
pushes apart every pair whose boxes touch. A box is the node's shape and the label
drawn under it, as vis-network measures it (``getBoundingBox``), with the label width
estimated generously from its characters. Nodes without edges are packed in rows
under the graph, never on a ring around it; extra layers (articles) are placed at
the centre of what they link to and then moved off whatever they overlap.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

FONT_SIZE = 14
#: Width of a character in ems, a little wider than the wide sans fonts (DejaVu Sans)
#: a headless browser falls back to: an underestimate would let labels overlap.
_WIDE = set("mwMW@%")
GAP = 6.0
SEED = 20231019


@dataclass(frozen=True)
class Box:
    """A node's extent around its centre: half width, height above, height below."""

    half_width: float
    above: float
    below: float


def label_width(text: str, font_size: float = FONT_SIZE) -> float:
    em = 0.0
    for ch in text:
        if ch in _WIDE:
            em += 1.0
        elif ch.isupper():
            em += 0.78
        elif ch in " .,;:'|!il":
            em += 0.36
        else:
            em += 0.64
    return em * font_size


def node_box(label: str, size: float, font_size: float = FONT_SIZE) -> Box:
    lines = label.split("\n") if label else []
    width = max((label_width(line, font_size) for line in lines), default=0.0)
    height = len(lines) * font_size * 1.15 + (5 if lines else 0)
    return Box(half_width=max(size, width / 2) + GAP / 2 + 1, above=size + GAP / 2 + 1,
               below=size + height + GAP / 2 + 1)


def spring(n: int, edges: list[tuple[int, int]], iterations: int = 80) -> np.ndarray:
    """Fruchterman-Reingold in the unit square, seeded: an n x 2 array."""
    rng = np.random.RandomState(SEED)
    pos = rng.rand(n, 2).astype(np.float64)
    if n == 1:
        return pos
    k = 1.0 / math.sqrt(n)
    src = np.array([e[0] for e in edges], dtype=np.int64)
    dst = np.array([e[1] for e in edges], dtype=np.int64)
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    x, y = pos[:, 0].copy(), pos[:, 1].copy()
    for _ in range(iterations):
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        # Repulsion k^2/d along the unit vector: k^2 * delta / d^2.
        inv = dx * dx
        inv += dy * dy
        np.maximum(inv, 1e-6, out=inv)
        np.divide(k * k, inv, out=inv)
        fx = (dx * inv).sum(axis=1)
        fy = (dy * inv).sum(axis=1)
        if len(src):
            ex, ey = x[src] - x[dst], y[src] - y[dst]
            length = np.sqrt(ex * ex + ey * ey) / k
            np.add.at(fx, src, -ex * length)
            np.add.at(fx, dst, ex * length)
            np.add.at(fy, src, -ey * length)
            np.add.at(fy, dst, ey * length)
        # A weak pull to the centre keeps separate components from drifting apart.
        fx -= (x - 0.5) * (n * k * 0.05)
        fy -= (y - 0.5) * (n * k * 0.05)
        length = np.sqrt(fx * fx + fy * fy)
        np.maximum(length, 1e-9, out=length)
        step = np.minimum(length, temperature) / length
        x += fx * step
        y += fy * step
        temperature -= cooling
    pos = np.stack([x, y], axis=1)
    return pos


def _extents(boxes: list[Box]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    hw = np.array([b.half_width for b in boxes])
    hh = np.array([(b.above + b.below) / 2 for b in boxes])
    # Centre of the box relative to the node centre (the label hangs below).
    dy = np.array([(b.below - b.above) / 2 for b in boxes])
    return hw, hh, dy


def _overlaps(pos: np.ndarray, hw, hh, dy) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every overlapping pair (i < j): indices and overlap depth along x and y."""
    cx, cy = pos[:, 0], pos[:, 1] + dy
    order = np.argsort(cx, kind="stable")
    found_i, found_j = [], []
    # Sweep along x: a node can only overlap those whose left edge lies before its right edge.
    left = cx[order] - hw[order]
    right = cx[order] + hw[order]
    reach = np.searchsorted(left, right, side="left")
    for a in range(len(order)):
        if reach[a] <= a + 1:
            continue
        others = order[a + 1:reach[a]]
        i = order[a]
        ox = hw[i] + hw[others] - np.abs(cx[i] - cx[others])
        oy = hh[i] + hh[others] - np.abs(cy[i] - cy[others])
        hit = (ox > 1e-6) & (oy > 1e-6)
        if hit.any():
            found_i.append(np.full(int(hit.sum()), i))
            found_j.append(others[hit])
    if not found_i:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0), np.zeros(0)
    i = np.concatenate(found_i)
    j = np.concatenate(found_j)
    ox = hw[i] + hw[j] - np.abs(cx[i] - cx[j])
    oy = hh[i] + hh[j] - np.abs(cy[i] - cy[j])
    return i, j, ox, oy


def remove_overlaps(pos: np.ndarray, boxes: list[Box], movable: np.ndarray | None = None,
                    rounds: int = 300) -> np.ndarray:
    """Push apart overlapping boxes along the axis of least overlap until none touch.

    Only ``movable`` nodes move (all by default). Whatever still overlaps after
    ``rounds`` is resolved by spreading the whole layout (when all are movable).
    """
    pos = pos.astype(np.float64).copy()
    n = len(pos)
    if n < 2:
        return pos
    hw, hh, dy = _extents(boxes)
    mobile = np.ones(n, dtype=bool) if movable is None else movable.astype(bool)
    for r in range(rounds):
        i, j, ox, oy = _overlaps(pos, hw, hh, dy)
        keep = mobile[i] | mobile[j]
        i, j, ox, oy = i[keep], j[keep], ox[keep], oy[keep]
        if len(i) == 0:
            return pos
        shift = np.zeros_like(pos)
        along_x = ox <= oy
        cx_diff = pos[i, 0] - pos[j, 0]
        cy_diff = (pos[i, 1] + dy[i]) - (pos[j, 1] + dy[j])
        # Ties (same centre) are broken by index, deterministically.
        sign_x = np.where(cx_diff == 0, np.where(i < j, -1.0, 1.0), np.sign(cx_diff))
        sign_y = np.where(cy_diff == 0, np.where(i < j, -1.0, 1.0), np.sign(cy_diff))
        amount = np.where(along_x, ox, oy) + 0.5
        # Who moves: both halves when both can, else the movable one all the way.
        share_i = np.where(mobile[i] & mobile[j], 0.5, np.where(mobile[i], 1.0, 0.0))
        share_j = np.where(mobile[i] & mobile[j], 0.5, np.where(mobile[j], 1.0, 0.0))
        step = np.zeros((len(i), 2))
        step[:, 0] = np.where(along_x, sign_x * amount, 0.0)
        step[:, 1] = np.where(along_x, 0.0, sign_y * amount)
        np.add.at(shift, i, step * share_i[:, None])
        np.add.at(shift, j, -step * share_j[:, None])
        pos += shift * 0.6
        if movable is None and r % 10 == 9:
            # A crowd too dense to untangle locally: give everyone a little more room.
            centre = pos.mean(axis=0)
            pos = centre + (pos - centre) * 1.05
    if movable is None:
        pos = _spread(pos, hw, hh, dy)
    return pos


def _spread(pos: np.ndarray, hw, hh, dy) -> np.ndarray:
    """Scale every position from the centre by the least factor that separates all pairs."""
    for _ in range(20):
        i, j, _, _ = _overlaps(pos, hw, hh, dy)
        if len(i) == 0:
            return pos
        dx = np.abs(pos[i, 0] - pos[j, 0])
        dyy = np.abs((pos[i, 1] + dy[i]) - (pos[j, 1] + dy[j]))
        with np.errstate(divide="ignore"):
            need = np.minimum(np.where(dx > 0, (hw[i] + hw[j] + 1) / dx, np.inf),
                              np.where(dyy > 0, (hh[i] + hh[j] + 1) / dyy, np.inf))
        factor = float(np.max(need[np.isfinite(need)], initial=1.05))
        centre = pos.mean(axis=0)
        pos = centre + (pos - centre) * max(factor, 1.05)
        same = i[~np.isfinite(need)]
        pos[same, 0] += np.arange(1, len(same) + 1) * 2 * hw[same]
    return pos


def pack_rows(boxes: list[Box], left: float, top: float, width: float) -> np.ndarray:
    """Nodes in reading order, in rows under ``top`` starting at ``left``: no overlap by construction."""
    pos = np.zeros((len(boxes), 2))
    x, y, row_height = left, top, 0.0
    for k, b in enumerate(boxes):
        w = 2 * b.half_width
        if x > left and x + w > left + width:
            x, y, row_height = left, y + row_height, 0.0
        pos[k] = (x + b.half_width, y + b.above)
        x += w
        row_height = max(row_height, b.above + b.below)
    return pos


def layout(ids: list[str], boxes: list[Box], edges: list[tuple[int, int]]) -> np.ndarray:
    """Positions of ``ids`` (pixels) for canvas ``edges`` (index pairs): the connected
    nodes spring-laid and de-overlapped, the rest packed in rows underneath."""
    n = len(ids)
    pos = np.zeros((n, 2))
    if n == 0:
        return pos
    linked = sorted({a for e in edges for a in e if e[0] != e[1]})
    alone = [k for k in range(n) if k not in set(linked)]
    bottom, left, width = 0.0, 0.0, 800.0
    if linked:
        index = {k: m for m, k in enumerate(linked)}
        sub_edges = sorted({(index[a], index[b]) for a, b in edges if a != b})
        iterations = 80 if len(linked) < 1000 else 50
        unit = spring(len(linked), sub_edges, iterations)
        sub_boxes = [boxes[k] for k in linked]
        # Scale so that the spring's natural spacing is about one typical box.
        # Scale so that the drawing has about twice the area of its boxes: the
        # overlap removal then has little to do and the layout keeps its shape.
        area = sum(4 * b.half_width * (b.above + b.below) for b in sub_boxes)
        extent = np.ptp(unit, axis=0)
        scale = math.sqrt(2 * area / max(float(extent[0] * extent[1]), 1e-6)) if len(linked) > 1 else 1.0
        placed = remove_overlaps((unit - unit.mean(axis=0)) * scale, sub_boxes)
        pos[linked] = placed
        hw, hh, dy = _extents(sub_boxes)
        bottom = float(np.max(placed[:, 1] + dy + hh))
        left = float(np.min(placed[:, 0] - hw))
        width = max(width, float(np.max(placed[:, 0] + hw)) - left)
    if alone:
        pos[alone] = pack_rows([boxes[k] for k in alone], left, bottom + 80.0, width)
    return pos


def place_layer(base: np.ndarray, base_boxes: list[Box], links: list[list[int]], boxes: list[Box]) -> np.ndarray:
    """Positions for extra nodes (articles) near what they link to, off every base node."""
    m = len(links)
    if m == 0:
        return np.zeros((0, 2))
    if len(base):
        top = float(np.min(base[:, 1])) - 120.0
        centre = base.mean(axis=0)
    else:
        top, centre = 0.0, np.zeros(2)
    start = np.array([base[ls].mean(axis=0) if ls else centre for ls in links])
    start[:, 1] -= 1.0  # never exactly on a base node: the push needs a direction
    allpos = np.vstack([base, start]) if len(base) else start
    movable = np.concatenate([np.zeros(len(base), dtype=bool), np.ones(m, dtype=bool)])
    placed = remove_overlaps(allpos, list(base_boxes) + list(boxes), movable=movable, rounds=200)
    result = placed[len(base):]
    hw, hh, dy = _extents(list(base_boxes) + list(boxes))
    i, j, _, _ = _overlaps(placed, hw, hh, dy)
    stuck = sorted({int(k) - len(base) for k in np.concatenate([i, j]) if k >= len(base)})
    if stuck:
        # What the push could not free goes in rows above the graph.
        rows = pack_rows([boxes[k] for k in stuck], float(np.min(placed[:, 0])), 0.0, 1200.0)
        rows[:, 1] += top - float(np.max(rows[:, 1])) - 60.0
        result[stuck] = rows
        # Rows are built apart from the rest: check they are clear of it, else lift them.
        full = np.vstack([base, result]) if len(base) else result
        for _ in range(50):
            i, j, _, _ = _overlaps(full, hw, hh, dy)
            if len(i) == 0:
                break
            result[stuck, 1] -= 200.0
            full = np.vstack([base, result]) if len(base) else result
    return result
