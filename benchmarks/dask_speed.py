"""Throughput of the Dask build against the local build on the same corpus, and the
client's peak memory. Each build runs in its own process.

    .venv/bin/python benchmarks/dask_speed.py [--articles 200] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402

CHILD = r"""
import json, resource, sys, time
import graphbuild
folder, mode, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
start = time.perf_counter()
if mode == "dask":
    result = graphbuild.build([folder], dask=f"local:{n}")
else:
    result = graphbuild.build([folder], workers=n)
print(json.dumps({"seconds": time.perf_counter() - start, "documents": len(result.documents),
                  "client_peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "ttl_bytes": len(result.to_turtle())}))
"""


def run(folder: Path, mode: str, n: int) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(folder), mode, str(n)], check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_corpus(Path(tmp) / "corpus", args.articles)
        results = {
            "local, 1 worker": run(folder, "local", 1),
            f"local, {args.workers} workers": run(folder, "local", args.workers),
            f"dask local:{args.workers}": run(folder, "dask", args.workers),
        }
    base = results["local, 1 worker"]["seconds"]
    print(f"{args.articles} articles")
    for name, r in results.items():
        print(f"  {name:<18} {r['seconds']:6.1f} s  {args.articles / r['seconds']:5.1f} docs/s  "
              f"speed-up {base / r['seconds']:.2f}x  client peak RSS {r['client_peak_rss_mb']:.0f} MB")
    sizes = {r["ttl_bytes"] for r in results.values()}
    print("same graph.ttl size in every run" if len(sizes) == 1 else f"graph.ttl sizes differ: {sizes}")


if __name__ == "__main__":
    main()
