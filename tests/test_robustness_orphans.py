"""A build killed with SIGKILL takes its worker processes with it: none is left
holding memory or the caller's pipes (issue 29)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; PR_SET_PDEATHSIG")

ARTICLE = ("President {name} met Prime Minister Olaf Scholz in Berlin on Monday. "
           "The two leaders discussed trade between France and Germany.\n\n") * 6


def _descendants(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                children = (task / "children").read_text().split()
            except OSError:
                continue
            for child in map(int, children):
                if child not in found:
                    found.add(child)
                    todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_worker_dies_with_a_killed_build(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(40):
        (corpus / f"a{i:02}.txt").write_text(ARTICLE.format(name=f"Emmanuel Macron{i}"), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "graphbuild", "build", str(corpus), "--out", str(tmp_path / "out"),
                             "--workers", "2", "--no-cache", "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env, cwd=tmp_path)
    workers: set[int] = set()
    deadline = time.monotonic() + 120
    while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
        workers = _descendants(proc.pid)
        time.sleep(0.1)
    assert len(workers) >= 2, "the build started no pool"
    time.sleep(1.0)  # the workers are loading spaCy or extracting
    workers |= _descendants(proc.pid)
    proc.kill()
    proc.wait(10)
    until = time.monotonic() + 5
    while time.monotonic() < until and any(_alive(w) for w in workers):
        time.sleep(0.1)
    left = [w for w in workers if _alive(w)]
    for pid in left:  # never leave them to the next test either
        os.kill(pid, signal.SIGKILL)
    assert left == []
    proc.communicate(timeout=5)  # the pipes close: a caller reading them does not hang


def test_worker_query_child_dies_with_a_killed_query(tmp_path):
    (tmp_path / "graph.ttl").write_text("".join(f"<http://e/{i}> <http://e/p> {i} .\n" for i in range(60)),
                                        encoding="utf-8")
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "graphbuild", "query", runaway, "--data", str(tmp_path),
                             "--no-ontology", "--timeout", "600"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env)
    children: set[int] = set()
    deadline = time.monotonic() + 60
    while not children and time.monotonic() < deadline and proc.poll() is None:
        children = _descendants(proc.pid)
        time.sleep(0.1)
    assert children, "the query ran in no child"
    time.sleep(0.5)
    proc.kill()
    proc.wait(10)
    until = time.monotonic() + 5
    while time.monotonic() < until and any(_alive(c) for c in children):
        time.sleep(0.1)
    left = [c for c in children if _alive(c)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert left == []
