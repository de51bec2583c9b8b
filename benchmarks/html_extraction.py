"""Article text of real news pages: graphbuild's HTML reader against trafilatura alone,
on the Zyte/Scrapinghub article-extraction benchmark (181 pages with a hand-made
article body each). Scored as the benchmark scores: word 4-gram shingles per page,
true/false positives and false negatives normalised per page, precision and recall
averaged over pages, F1 of the two averages.

    .venv/bin/python benchmarks/html_extraction.py PATH_TO_BENCHMARK_CHECKOUT [--repeat 3]

The two readers run in turn (graphbuild, trafilatura, graphbuild, ...) ``--repeat``
times; each one's time is the median of its runs, so that load on the machine falls on
both alike.

The checkout holds ``html/*.html.gz`` and ``ground-truth.json``; nothing of it is
copied into this repository.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

TOKEN = re.compile(r"\w+", re.UNICODE)
SHINGLE = 4
#: A page whose true article has at least this many words must not come out empty.
LONG_ARTICLE_WORDS = 50


def shingles(text: str) -> Counter:
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1))
                   if tokens[i:i + SHINGLE])


def page_counts(true: str, pred: str) -> tuple[float, float, float]:
    t, p = shingles(true), shingles(pred)
    tp = sum(min(t[k], p[k]) for k in t.keys() | p.keys())
    fp = sum(max(0, p[k] - t[k]) for k in p)
    fn = sum(max(0, t[k] - p[k]) for k in t)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _ratio(part: float, other: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if part == other == 0 else part / (part + other)


def scores(pages: list[tuple[float, float, float]]) -> dict[str, float]:
    precision = statistics.mean(_ratio(tp, fp, fp, fn) for tp, fp, fn in pages if tp + fp > 0)
    recall = statistics.mean(_ratio(tp, fn, fp, fn) for tp, fp, fn in pages if tp + fn > 0)
    return {"f1": 2 * precision * recall / (precision + recall), "precision": precision, "recall": recall}


def graphbuild_text(html: bytes, name: str) -> str:
    from graphbuild.ingest import IngestError, parse_document

    try:
        return parse_document(html, name).text
    except IngestError:
        return ""


def trafilatura_text(html: bytes, name: str) -> str:
    import trafilatura

    return trafilatura.extract(html.decode("utf-8", "replace")) or ""


def timed(reader, pages: dict[str, bytes]) -> tuple[dict[str, str], float]:
    started = time.perf_counter()
    out = {key: reader(html, f"{key}.html") for key, html in pages.items()}
    return out, time.perf_counter() - started


def run(readers: dict, pages: dict[str, bytes], truth: dict[str, str], repeat: int) -> dict[str, dict]:
    """Figures of each reader, and the median of its ``repeat`` times (runs alternate)."""
    times: dict[str, list[float]] = {name: [] for name in readers}
    outs: dict[str, dict[str, str]] = {}
    for _ in range(repeat):
        for name, reader in readers.items():
            outs[name], seconds = timed(reader, pages)
            times[name].append(seconds)
    rows = {}
    for name in readers:
        out = outs[name]
        figures = scores([page_counts(truth[k], out[k]) for k in pages])
        empty = sum(1 for k in pages if not out[k].strip() and len(TOKEN.findall(truth[k])) >= LONG_ARTICLE_WORDS)
        rows[name] = {**figures, "empty_long": empty, "seconds": statistics.median(times[name]),
                      "runs": times[name]}
    return rows


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="a checkout of the article-extraction benchmark")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each reader, in turn (default 3)")
    args = parser.parse_args(argv)
    truth_file, folder = args.path / "ground-truth.json", args.path / "html"
    if not truth_file.is_file() or not folder.is_dir():
        sys.exit(f"{args.path}: not a checkout of the benchmark (ground-truth.json and html/)")
    truth = {k: v.get("articleBody", "") for k, v in json.loads(truth_file.read_text()).items()}
    pages = {p.name.split(".")[0]: gzip.decompress(p.read_bytes()) for p in sorted(folder.glob("*.html.gz"))}
    pages = {k: v for k, v in pages.items() if k in truth}
    graphbuild_text(b"<html><body><p>warm up</p></body></html>", "w.html")  # imports out of the timing
    trafilatura_text(b"<html><body><p>warm up</p></body></html>", "w.html")
    rows = run({"graphbuild": graphbuild_text, "trafilatura alone": trafilatura_text}, pages, truth,
               max(1, args.repeat))
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"{len(pages)} pages; seconds: the median of {max(1, args.repeat)} runs of each reader, in turn")
    print(f"{'reader':<18} {'F1':>6} {'prec':>6} {'recall':>6} {'empty':>6} {'seconds':>8}")
    for name, r in rows.items():
        print(f"{name:<18} {r['f1']:6.3f} {r['precision']:6.3f} {r['recall']:6.3f} {r['empty_long']:6d} {r['seconds']:8.1f}")
    ratio = rows["graphbuild"]["seconds"] / rows["trafilatura alone"]["seconds"]
    pairs = [g / t for g, t in zip(rows["graphbuild"]["runs"], rows["trafilatura alone"]["runs"])]
    print(f"time graphbuild / trafilatura: {ratio:.2f} (each run: {', '.join(f'{p:.2f}' for p in pairs)})")


if __name__ == "__main__":
    main()
