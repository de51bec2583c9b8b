"""Cross-article event merging: N lightly edited copies of each seed article (another
file name, one sentence added) built together with the seeds should give about the
event nodes of the seeds alone (the target: at most 1.2 times). A figure, never a test;
tests/test_eventcoref_build.py checks a small version.

    .venv/bin/python benchmarks/event_merge.py [--copies 8]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_copies  # noqa: E402


def events(paths) -> int:
    import graphbuild

    return graphbuild.build(paths).counts["events"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=8, help="copies of each seed (8 x 5 seeds = 40)")
    args = parser.parse_args()
    seeds = HERE.parent / "seeds"
    alone = events([seeds])
    with tempfile.TemporaryDirectory() as folder:
        copies = write_copies(seeds, Path(folder) / "copies", args.copies)
        started = time.perf_counter()
        together = events([seeds, copies])
        seconds = time.perf_counter() - started
    n = len(list(seeds.glob("*.txt")))
    print(f"seeds alone: {alone} event nodes ({n} articles)")
    print(f"seeds + {args.copies * n} edited copies: {together} event nodes ({n + args.copies * n} articles, "
          f"{seconds:.1f} s)")
    print(f"ratio: {together / alone:.2f} (target <= 1.2)")


if __name__ == "__main__":
    main()
