"""Mutation check: apply each small breakage of ``benchmarks/mutations.json`` to a copy
of the repository, run that breakage's tests there, and list the survivors (the
breakages no test noticed). Run it before resolving an issue; put its result in the
closing note.

    python benchmarks/mutate.py            # every mutation
    python benchmarks/mutate.py ID ...     # only these

Exit status 1 when a mutation survives, 2 when a test fails before any breakage.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MUTATIONS = REPO / "benchmarks" / "mutations.json"
#: What a test run needs from the repository (not the built output, not the venv).
COPIED = ("graphbuild", "tests", "seeds", "ontology", "setup.cfg", "pyproject.toml", "README.md", "docs")
TIMEOUT_SECONDS = 600


def load(ids: list[str]) -> list[dict]:
    mutations = json.loads(MUTATIONS.read_text(encoding="utf-8"))["mutations"]
    unknown = set(ids) - {m["id"] for m in mutations}
    if unknown:
        raise SystemExit(f"unknown mutation ids: {', '.join(sorted(unknown))}")
    return [m for m in mutations if not ids or m["id"] in ids]


def copy_repo(target: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache")
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        elif source.exists():
            shutil.copy2(source, target / name)


def run_tests(copy: Path, tests: list[str]) -> bool:
    """True when the tests pass in the copy (the copy's package first on the path)."""
    env = dict(os.environ, PYTHONPATH=str(copy), PYTHONDONTWRITEBYTECODE="1",
               XDG_CACHE_HOME=str(copy / ".cache"))  # never the user's extraction cache
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-m", "not browser", *tests]
    try:
        done = subprocess.run(command, cwd=copy, env=env, capture_output=True, timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return False  # a breakage that hangs the tests is caught
    return done.returncode == 0


def mutate(copy: Path, mutation: dict) -> bool:
    """Apply one mutation, run its tests, revert; True when it survives."""
    path = copy / mutation["file"]
    original = path.read_text(encoding="utf-8")
    count = original.count(mutation["old"])
    if count != 1:
        raise SystemExit(f"{mutation['id']}: the old text occurs {count} times in {mutation['file']}, not once")
    path.write_text(original.replace(mutation["old"], mutation["new"]), encoding="utf-8")
    try:
        return run_tests(copy, mutation["tests"])
    finally:
        path.write_text(original, encoding="utf-8")


def main(argv: list[str]) -> int:
    mutations = load(argv)
    with tempfile.TemporaryDirectory(prefix="graphbuild-mutate-") as tmp:
        copy = Path(tmp)
        copy_repo(copy)
        baseline = sorted({t for m in mutations for t in m["tests"]})
        if not run_tests(copy, baseline):
            print("the tests fail before any breakage:", " ".join(baseline))
            return 2
        survivors = []
        for mutation in mutations:
            survived = mutate(copy, mutation)
            print(f"{'SURVIVED' if survived else 'killed  '}  {mutation['id']}", flush=True)
            if survived:
                survivors.append(mutation["id"])
    print(f"{len(mutations) - len(survivors)} of {len(mutations)} killed; survivors: {', '.join(survivors) or 'none'}")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
