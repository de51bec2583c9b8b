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
    # float32: half the memory traffic of the n x n arrays, ample for a drawing.
    x, y = pos[:, 0].astype(np.float32), pos[:, 1].astype(np.float32)
    k = np.float32(k)
    for _ in range(iterations):
        fx = np.empty(n, dtype=np.float32)
        fy = np.empty(n, dtype=np.float32)
        # Repulsion k^2/d along the unit vector: k^2 * delta / d^2, by blocks of rows so
        # that memory stays a few megabytes whatever the number of nodes.
        for lo in range(0, n, 512):
            dx = x[lo:lo + 512, None] - x[None, :]
            dy = y[lo:lo + 512, None] - y[None, :]
            inv = dx * dx
            inv += dy * dy
            np.maximum(inv, 1e-6, out=inv)
            np.divide(k * k, inv, out=inv)
            fx[lo:lo + 512] = (dx * inv).sum(axis=1)
            fy[lo:lo + 512] = (dy * inv).sum(axis=1)
        if len(src):
            ex, ey = x[src] - x[dst], y[src] - y[dst]
            length = np.sqrt(ex * ex + ey * ey) / k
            fx += np.bincount(dst, ex * length, minlength=n) - np.bincount(src, ex * length, minlength=n)
            fy += np.bincount(dst, ey * length, minlength=n) - np.bincount(src, ey * length, minlength=n)
        # A weak pull to the centre keeps separate components from drifting apart.
        fx -= (x - 0.5) * (n * k * 0.05)
        fy -= (y - 0.5) * (n * k * 0.05)
        length = np.sqrt(fx * fx + fy * fy)
        np.maximum(length, 1e-9, out=length)
        step = np.minimum(length, temperature) / length
        x += (fx * step).astype(np.float32)
        y += (fy * step).astype(np.float32)
        temperature -= cooling
    pos = np.stack([x, y], axis=1).astype(np.float64)
    return pos


def _extents(boxes: list[Box]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    hw = np.array([b.half_width for b in boxes])
    hh = np.array([(b.above + b.below) / 2 for b in boxes])
    # Centre of the box relative to the node centre (the label hangs below).
    dy = np.array([(b.below - b.above) / 2 for b in boxes])
    return hw, hh, dy


def _overlaps(pos: np.ndarray, hw, hh, dy) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every overlapping pair: indices and overlap depth along x and y."""
    cx, cy = pos[:, 0], pos[:, 1] + dy
    n = len(pos)
    order = np.argsort(cx, kind="stable")
    # Sweep along x: sorted by centre, a node can only overlap the following ones whose
    # centre lies within its half width plus the widest half width; every such candidate
    # pair is generated at once, without a Python loop, then tested exactly.
    xs = cx[order]
    reach = np.searchsorted(xs, xs + hw[order] + float(hw.max()), side="left")
    counts = np.maximum(reach - np.arange(n) - 1, 0)
    total = int(counts.sum())
    if total == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0), np.zeros(0)
    a = np.repeat(np.arange(n), counts)
    b = a + 1 + np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    i, j = order[a], order[b]
    ox = hw[i] + hw[j] - np.abs(cx[i] - cx[j])
    oy = hh[i] + hh[j] - np.abs(cy[i] - cy[j])
    hit = (ox > 1e-6) & (oy > 1e-6)
    return i[hit], j[hit], ox[hit], oy[hit]


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


def compact(pos: np.ndarray, boxes: list[Box], tries: int = 12, factor: float = 0.9) -> np.ndarray:
    """Draw the layout in as long as a short local push still leaves no overlap: the
    spring and the overlap removal leave room that only shrinks the labels at fit."""
    hw, hh, dy = _extents(boxes)
    everyone = np.ones(len(pos), dtype=bool)
    for _ in range(tries):
        centre = pos.mean(axis=0)
        trial = remove_overlaps(centre + (pos - centre) * factor, boxes, movable=everyone, rounds=60)
        if len(_overlaps(trial, hw, hh, dy)[0]):
            break
        pos = trial
    return pos


def pull_in(pos: np.ndarray, boxes: list[Box], passes: int = 8) -> np.ndarray:
    """Move each node toward the centre as far as it goes without touching another (a
    quarter, else an eighth of the way per pass, inner nodes first): small components
    the spring pushed to the edge come back and the drawing fills its box."""
    pos = pos.copy()
    hw, hh, dy = _extents(boxes)
    centre = pos.mean(axis=0)
    for _ in range(passes):
        moved = False
        for i in np.argsort(((pos - centre) ** 2).sum(axis=1), kind="stable"):
            for step in (0.25, 0.125):
                target = pos[i] + (centre - pos[i]) * step
                ox = hw[i] + hw - np.abs(target[0] - pos[:, 0])
                oy = hh[i] + hh - np.abs(target[1] + dy[i] - pos[:, 1] - dy)
                hit = (ox > 1e-6) & (oy > 1e-6)
                hit[i] = False
                if not hit.any():
                    pos[i] = target
                    moved = True
                    break
        if not moved:
            break
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
    linked_set = set(linked)
    alone = [k for k in range(n) if k not in linked_set]
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
        placed = pull_in(compact(placed, sub_boxes, tries=12 if len(linked) < 1000 else 4), sub_boxes,
                         passes=8 if len(linked) < 1000 else 3)
        pos[linked] = placed
        hw, hh, dy = _extents(sub_boxes)
        bottom = float(np.max(placed[:, 1] + dy + hh))
        left = float(np.min(placed[:, 0] - hw))
        width = max(width, float(np.max(placed[:, 0] + hw)) - left)
    if alone:
        pos[alone] = pack_rows([boxes[k] for k in alone], left, bottom + 80.0, width)
    return pos


def place_layer(base: np.ndarray, base_boxes: list[Box], links: list[list[int]], boxes: list[Box]) -> np.ndarray:
    """Positions for extra nodes (articles): each at the free spot nearest to the centre
    of what it links to, searched on rings of growing radius, clear of every node
    placed so far (so the layer never covers the graph or itself)."""
    m = len(links)
    result = np.zeros((m, 2))
    if m == 0:
        return result
    xs, ys = list(base[:, 0]), list(base[:, 1]) if len(base) else []
    hw_all, hh_all, dy_all = (list(a) for a in _extents(list(base_boxes))) if len(base) else ([], [], [])
    centre = base.mean(axis=0) if len(base) else np.zeros(2)
    hw_new, hh_new, dy_new = _extents(list(boxes))
    stuck = []
    for k, linked in enumerate(links):
        target = base[linked].mean(axis=0) if linked else centre
        px, py = np.array(xs), np.array(ys) + np.array(dy_all)
        phw, phh = np.array(hw_all), np.array(hh_all)
        step = 2 * hh_new[k] + 2
        reach = float(phw.max(initial=0.0)) + hw_new[k] + float(phh.max(initial=0.0)) + hh_new[k]
        found = False
        # Rings close together near the target, then further apart (a bounded search).
        for radius in step * np.array([0, 1, 2, 3, 4, 5, 6, 8, 10, 13, 16, 20, 25, 32, 40, 50, 64]):
            # Only nodes near this ring can touch a spot on it.
            near = (np.abs(px - target[0]) < radius + reach) & (np.abs(py - target[1]) < radius + reach)
            count = min(max(1, int(2 * math.pi * radius / step)), 96)
            angle = 2 * math.pi * np.arange(count) / count
            cx = target[0] + radius * np.cos(angle)
            cy = target[1] + radius * np.sin(angle)
            ox = hw_new[k] + phw[near][None, :] - np.abs(cx[:, None] - px[near][None, :])
            oy = hh_new[k] + phh[near][None, :] - np.abs(cy[:, None] + dy_new[k] - py[near][None, :])
            free = ~((ox > 1e-6) & (oy > 1e-6)).any(axis=1)
            if free.any():
                first = int(np.argmax(free))
                result[k] = (cx[first], cy[first])
                found = True
                break
        if not found:
            stuck.append(k)
            continue
        xs.append(result[k, 0])
        ys.append(result[k, 1])
        hw_all.append(hw_new[k])
        hh_all.append(hh_new[k])
        dy_all.append(dy_new[k])
    if stuck:
        # No room near what they link to: in rows above everything.
        rows = pack_rows([boxes[k] for k in stuck], float(min(xs, default=0.0)), 0.0, 1600.0)
        top = min((y - a for y, a in zip(ys, hh_all)), default=0.0) - 80.0
        rows[:, 1] += top - float(np.max(rows[:, 1] + dy_new[stuck] + hh_new[stuck]))
        result[stuck] = rows
    return result
