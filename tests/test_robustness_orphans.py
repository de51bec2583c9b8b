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

PARAGRAPH = ("President {name} met Prime Minister Olaf Scholz in Berlin on Monday, round {k}. "
             "The two leaders discussed trade between France and Germany.\n\n")


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


def _corpus(tmp_path: Path) -> Path:
    # Far more work than the few seconds the test waits: the kill always lands mid-build.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(200):
        text = "".join(PARAGRAPH.format(name=f"Emmanuel Macron{i}", k=k) for k in range(40))
        (corpus / f"a{i:03}.txt").write_text(text, encoding="utf-8")
    return corpus


def _survivors_of_a_killed_build(tmp_path: Path, options: list[str], workers: int) -> list[int]:
    """SIGKILL a ``graphbuild build`` once ``workers`` child processes run; the pids of
    its descendants still alive 5 s later (killed here, so none outlives the test)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "graphbuild", "build", str(_corpus(tmp_path)),
                             "--out", str(tmp_path / "out"), "--no-cache", "-q", *options],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path)
    children: set[int] = set()
    deadline = time.monotonic() + 120
    while len(children) < workers and time.monotonic() < deadline and proc.poll() is None:
        children = _descendants(proc.pid)
        time.sleep(0.1)
    assert len(children) >= workers, "the build started no pool"
    time.sleep(2.0)  # the workers are loading spaCy or extracting
    children |= _descendants(proc.pid)
    assert proc.poll() is None, "the build ended before the kill"
    left = _survivors_of_a_kill(proc, children)
    proc.communicate(timeout=5)  # the pipes close: a caller reading them does not hang
    return left


def _survivors_of_a_kill(proc, children: set[int]) -> list[int]:
    """SIGKILL ``proc``; the ``children`` still alive 5 s later (killed too, so that a
    failing test leaves nothing behind)."""
    proc.kill()
    proc.wait(10)
    until = time.monotonic() + 5
    while time.monotonic() < until and any(_alive(c) for c in children):
        time.sleep(0.1)
    left = [c for c in children if _alive(c)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    return left


def test_worker_dies_with_a_killed_build(tmp_path):
    assert _survivors_of_a_killed_build(tmp_path, ["--workers", "2"], workers=2) == []


def test_worker_dask_local_cluster_dies_with_a_killed_build(tmp_path):
    # distributed's worker processes exit when the pipe their parent holds closes;
    # multiprocessing's resource tracker when its own pipe does.
    pytest.importorskip("distributed", reason="make test installs dask[distributed]")
    assert _survivors_of_a_killed_build(tmp_path, ["--dask", "local:2"], workers=2) == []


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
    assert _survivors_of_a_kill(proc, children) == []
