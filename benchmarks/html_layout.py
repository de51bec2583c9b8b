"""Time to a stable layout of the HTML view: the seed graph and a 2,000-node graph.

Up to 800 nodes the layout is computed once in Python; above, the page runs seeded
physics once and stops. This prints the render time and the time the page takes in
headless Chromium to show every node and report itself stable.

    .venv/bin/python benchmarks/html_layout.py [--nodes 2000]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import networkx as nx

import graphbuild
from graphbuild.export.html import layout, to_html
from graphbuild.graph import build_graph
from graphbuild.records import Document, Entity, Resolution, Segment

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


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


def in_browser(html: Path) -> float:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page()
        start = time.perf_counter()
        page.goto(html.as_uri())
        while not page.evaluate("window.gbStable === true"):  # wait_for_function needs eval (CSP)
            page.wait_for_timeout(50)
        count = page.evaluate("window.gbNodes.length")
        elapsed = time.perf_counter() - start
        browser.close()
    return elapsed, count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--nodes", type=int, default=2000)
    args = parser.parse_args()
    graphs = {"seed graph": graphbuild.build([ROOT / "seeds"]).graph, f"{args.nodes}-node graph": synthetic(args.nodes)}
    with tempfile.TemporaryDirectory() as tmp:
        for name, g in graphs.items():
            t0 = time.perf_counter()
            layout(g)
            t1 = time.perf_counter()
            page = Path(tmp) / "graph.html"
            page.write_bytes(to_html(g))
            t2 = time.perf_counter()
            seconds, count = in_browser(page)
            where = "Python layout" if g.number_of_nodes() <= 800 else "(not used: the page lays out) Python layout"
            print(f"{name}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges; {where} {t1 - t0:.2f} s, "
                  f"whole page {t2 - t1:.2f} s; in Chromium: {count} nodes shown and stable after {seconds:.2f} s")


if __name__ == "__main__":
    main()
