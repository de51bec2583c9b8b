"""Driving Debian's Chromium through Playwright for the browser tests: every request
that is not file:// or data: is aborted and recorded, so a test both proves a page is
offline and sends nothing out."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM = os.environ.get("GRAPHBUILD_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def open_page(browser, html: Path):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    outside: list[str] = []
    errors: list[str] = []

    def route(r):
        if r.request.url.startswith(("file://", "data:")):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(html.resolve().as_uri())
    wait_until(page, "window.gbStable === true", timeout=60)
    return page, outside, errors


#: Every pair of drawn nodes whose boxes (shape and label, as vis-network measures
#: them after drawing) intersect.
OVERLAPS_JS = """() => {
  const net = window.gbNetwork, ids = window.gbNodeView.getIds();
  const boxes = ids.map(id => net.getBoundingBox(id));
  const out = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const p = boxes[i], q = boxes[j];
      if (p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom) { out.push([ids[i], ids[j]]); }
    }
  }
  return out;
}"""


def overlapping_pairs(page) -> list:
    page.evaluate("window.gbNetwork.fit({animation: false}); window.gbNetwork.redraw()")
    return page.evaluate(OVERLAPS_JS)


def wait_until(page, expression: str, timeout: float = 30) -> None:
    """Poll through page.evaluate: wait_for_function would need eval, which the page's
    Content-Security-Policy rightly forbids."""
    import time

    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {expression}")
        page.wait_for_timeout(100)


def open_wide(browser, html: Path):
    """The page at the size the issue measured it (1600x1000), labels drawn once more."""
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(html.resolve().as_uri())
    wait_until(page, "window.gbStable === true", timeout=60)
    redraw(page)
    return page, errors


def redraw(page) -> None:
    page.evaluate("window.gbDraws = 0; window.gbNetwork.redraw()")
    wait_until(page, "window.gbDraws > 0")


def label_overlaps(labels: list[dict]) -> list[tuple[str, str]]:
    """Every pair of drawn labels (screen rectangles) that intersect."""
    return [(a["id"], b["id"]) for i, a in enumerate(labels) for b in labels[i + 1:]
            if a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"]
            and b["y"] < a["y"] + a["h"]]


#: Drawn nodes whose centre lies inside the canvas, as it is now.
IN_VIEW_JS = """() => {
  const net = window.gbNetwork, ids = window.gbNodeView.getIds(), pos = net.getPositions(ids);
  const box = document.getElementById('gb-graph');
  return ids.filter(id => { const p = net.canvasToDOM(pos[id]);
    return p.x >= 0 && p.y >= 0 && p.x <= box.clientWidth && p.y <= box.clientHeight; });
}"""
