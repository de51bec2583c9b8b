"""Time to a still, usable HTML view: the seed graph and a 2,000-node graph.

The layout (spring, then overlap removal) is computed once when the page is written;
the page never runs physics. This prints the time to write the page and, in headless
Chromium, the time until every node is drawn, the time a search takes, the number of
overlapping node pairs at the default zoom and of nodes their name does not find.

    .venv/bin/python benchmarks/html_layout.py [--nodes 2000] [--articles 500]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from typing import NamedTuple

import networkx as nx

import graphbuild
from graphbuild.export.html import to_html
from graphbuild.graph import build_graph
from graphbuild.records import Document, Entity, Evidence, Resolution, Segment

ROOT = Path(__file__).resolve().parent.parent


def synthetic(n: int) -> nx.MultiDiGraph:
    rng = random.Random(n)
    classes = ["Person", "Country", "City", "InternationalOrganization", "Initiative"]
    entities = tuple(Entity(id=f"e{i:05d}", cls=rng.choice(classes), label=f"Entity {i}", mention_count=rng.randint(1, 50))
                     for i in range(n))
    g = build_graph([Document("d", "d.txt", "0" * 64, (Segment("x", "paragraph", 0),))], Resolution(entities=entities))
    for _ in range(2 * n):
        a, b = rng.sample(range(n), 2)
        g.add_edge(f"entity/e{a:05d}", f"entity/e{b:05d}", key="partnerOf", kind="relation", predicate="partnerOf",
                   confidence=0.8, statements=())
    return g


class Statement(NamedTuple):
    evidence: Evidence
    confidence: float
    modality: str


def synthetic_news(articles: int, entities: int = 150) -> nx.MultiDiGraph:
    """``articles`` dated articles, each mentioning four of ``entities`` entities (one
    of them, Vladimir Putin, in every tenth) and stating a fact between two of them:
    what search and the Articles layer meet at that size, without a model."""
    rng = random.Random(articles)
    docs = [Document(f"d{i:05d}", f"a{i:05d}.txt", "0" * 64, (Segment("x", "paragraph", 0),),
                     headline=f"Putin and partners meet, report {i}" if i % 10 == 0 else f"Report {i} from the talks",
                     date_published=f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}") for i in range(articles)]
    mentioned: dict[int, list[str]] = {k: [] for k in range(entities)}
    picks = []
    for i, d in enumerate(docs):
        chosen = rng.sample(range(1, entities), 4) if i % 10 else [0, *rng.sample(range(1, entities), 3)]
        picks.append(chosen)
        for k in chosen:
            mentioned[k].append(d.id)
    classes = ["Person", "Country", "City", "InternationalOrganization"]
    people = tuple(Entity(id=f"e{k:04d}", cls=classes[k % 4], label="Vladimir Putin" if k == 0 else f"Entity {k}",
                          mention_count=2 * len(mentioned[k]), documents=tuple(mentioned[k])) for k in range(entities))
    g = build_graph(docs, Resolution(entities=people))
    for d, chosen in zip(docs, picks):
        a, b = chosen[:2]
        st = Statement(Evidence(d.id, f"{people[a].label} met {people[b].label}.", 0, 10), 0.8, "asserted")
        key = f"metWith-{d.id}"
        g.add_edge(f"entity/e{a:04d}", f"entity/e{b:04d}", key=key, kind="relation", predicate="metWith",
                   confidence=0.8, statements=(st,), symmetric=True)
    return g


def _labels(page) -> dict:
    """Labels drawn now: how many at 10 px or more inside the canvas, overlapping pairs,
    and which of the nodes in view carry one."""
    from tests.browser import IN_VIEW_JS, label_overlaps, redraw

    redraw(page)
    labels = page.evaluate("window.gbLabels()")
    inside = set(page.evaluate(IN_VIEW_JS))
    return {"legible": sum(1 for lab in labels if lab["px"] >= 10), "overlaps": len(label_overlaps(labels)),
            "in_view": inside, "labelled": inside & {lab["id"] for lab in labels}}


def _search(page) -> float:
    """The slowest keystroke of typing "Putin" (milliseconds, measured in the page)."""
    slowest = 0.0
    for k in range(1, 6):
        page.fill("#gb-search", "Putin"[:k])
        slowest = max(slowest, page.evaluate("window.gbSearchMs"))
    page.fill("#gb-search", "")
    return slowest


def in_browser(html: Path) -> dict:
    """Seconds from navigation until the page has drawn every node once and is still
    (no physics: positions come from the build), then checks made on that page at
    1600x1000: labels as it opens, with the whole graph fitted and 2x closer, search."""
    import sys

    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT))
    from tests.browser import CHROMIUM, CHROMIUM_ARGS, OVERLAPS_JS

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        start = time.perf_counter()
        page.goto(html.as_uri())
        while not page.evaluate("window.gbStable === true"):  # wait_for_function needs eval (CSP)
            page.wait_for_timeout(50)
        stable = time.perf_counter() - start
        r = {"stable": stable, "open": _labels(page), "search_ms": _search(page),
             "scale": page.evaluate("window.gbNetwork.getScale()")}
        t0 = time.perf_counter()
        # The most important node: the longest panel a click commonly opens.
        page.evaluate("window.gbFind(window.gbNodes.get().sort((a, b) => a.imp - b.imp)[0].full_label)")
        r["select"] = time.perf_counter() - t0
        page.keyboard.press("Escape")
        page.click("#gb-whole")
        r["whole"] = _labels(page)
        page.evaluate("window.gbNetwork.moveTo({scale: window.gbNetwork.getScale() * 2, animation: false})")
        r["zoom"] = _labels(page)
        r["zoom_before"] = len(r["zoom"]["in_view"] & r["whole"]["labelled"])
        r["moving"] = page.evaluate("window.gbNetwork.physics.physicsEnabled")
        r["count"] = page.evaluate("window.gbNodes.length")
        r["unreachable"] = page.evaluate(
            "window.gbNodes.get().filter(n => !window.gbLookupAll(n.full_label).includes(n.id)).length")
        r["node_overlaps"] = len(page.evaluate(OVERLAPS_JS))
        r["drawn"] = page.evaluate("window.gbNodeView.length")
        browser.close()
    return r


def report(name: str, g: nx.MultiDiGraph, written: float, r: dict) -> str:
    o, w, z = r["open"], r["whole"], r["zoom"]
    return (f"{name}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges; page written (layout included) in "
            f"{written:.2f} s; in Chromium 1600x1000: {r['drawn']} of {r['count']} nodes drawn, still (physics "
            f"{'on' if r['moving'] else 'off'}) after {r['stable']:.2f} s\n"
            f"  as it opens (zoom {r['scale']:.2f}): {o['legible']} labels >= 10 px, {o['overlaps']} overlapping; "
            f"{len(o['labelled'])} of {len(o['in_view'])} nodes in view labelled\n"
            f"  whole graph fitted: {w['legible']} labels >= 10 px, {w['overlaps']} overlapping; 2x closer: "
            f"{len(z['labelled'])} of the {len(z['in_view'])} nodes then in view labelled (against "
            f"{r['zoom_before']} before), {z['overlaps']} overlapping\n"
            f"  search: slowest keystroke {r['search_ms']:.1f} ms; a selection with its panel {r['select']:.2f} s; "
            f"{r['node_overlaps']} overlapping node boxes at fit; {r['unreachable']} nodes not found by their name")


def main() -> None:
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpus import write_corpus

    parser = argparse.ArgumentParser()
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--articles", type=int, default=500, help="a corpus.py build of this many (0: none)")
    args = parser.parse_args()
    graphs = {"seed graph": lambda: graphbuild.build([ROOT / "seeds"]).graph,
              f"{args.nodes}-node graph": lambda: synthetic(args.nodes),
              "2000 synthetic articles": lambda: synthetic_news(2000)}
    with tempfile.TemporaryDirectory() as tmp:
        if args.articles:
            folder = write_corpus(Path(tmp) / "corpus", args.articles)
            graphs[f"{args.articles}-article corpus.py build"] = lambda: graphbuild.build([folder]).graph
        for name, make in graphs.items():
            g = make()
            t1 = time.perf_counter()
            page = Path(tmp) / "graph.html"
            page.write_bytes(to_html(g))
            t2 = time.perf_counter()
            print(report(name, g, t2 - t1, in_browser(page)), flush=True)


if __name__ == "__main__":
    main()
