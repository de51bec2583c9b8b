"""The output of a build appears whole or not at all, one build at a time per folder,
and every way it cannot be written is one clear line before any NLP is spent."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphbuild.cli import cli
from graphbuild.run.output import OutputBusy, OutputFolder, write_atomically

from .conftest import ROOT

GOOD = ("Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Monday. "
        "The two leaders discussed trade between Russia and China.\n")
THREE = ("graph.graphml", "graph.html", "graph.ttl")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.startswith(".")}


def _build_process(corpus: Path, out: Path, cache: Path, **env) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "graphbuild", "build", str(corpus), "--out", str(out), "-q",
                             "--cache-dir", str(cache), "--workers", "1"],
                            env={**os.environ, **env}, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.fixture
def old_and_new(seed_out, tmp_path):
    """An output folder holding the seed build (old), a corpus whose build differs (new),
    and the bytes of both."""
    out = tmp_path / "out"
    shutil.copytree(seed_out, out)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(GOOD)
    # Built over the same old files: the page keeps the positions the old page gave
    # the nodes both graphs have (graph.html, "kept layout" in the contract).
    reference = tmp_path / "reference"
    shutil.copytree(seed_out, reference)
    proc = _build_process(corpus, reference, tmp_path / "cache")
    assert proc.wait(timeout=300) == 0, proc.stderr.read().decode()
    return out, corpus, _files(seed_out), _files(reference)


@pytest.mark.parametrize("step, expected", [("before-switch", "old"), ("after-switch", "new")])
def test_output_kill_at_each_commit_step_leaves_old_or_new_three_files(old_and_new, tmp_path, step, expected):
    out, corpus, old, new = old_and_new
    assert old != new and sorted(old) == sorted(new) == list(THREE)
    proc = _build_process(corpus, out, tmp_path / "cache", GRAPHBUILD_FAILPOINT=step)
    assert proc.wait(timeout=300) == -signal.SIGKILL, proc.stderr.read().decode()
    assert _files(out) == (old if expected == "old" else new)
    # What the killed build left next to the folder is cleared by the next build.
    assert list(tmp_path.glob(".out.graphbuild-*"))
    again = _build_process(corpus, out, tmp_path / "cache")
    assert again.wait(timeout=300) == 0, again.stderr.read().decode()
    assert _files(out) == new
    assert not list(tmp_path.glob(".out.graphbuild-*"))


def test_output_two_concurrent_builds_into_one_folder(old_and_new, tmp_path):
    out, corpus, _, new = old_and_new
    # The first build holds the folder (paused before its switch) while the second starts.
    first = _build_process(corpus, out, tmp_path / "cache", GRAPHBUILD_PAUSE_BEFORE_RENAME="8")
    try:
        while not list(tmp_path.glob(".out.graphbuild-*/graph.ttl")):
            assert first.poll() is None, first.stderr.read().decode()
        second = _build_process(corpus, out, tmp_path / "cache")
        assert second.wait(timeout=300) == 1
        message = second.stderr.read().decode()
        assert "another graphbuild build is writing into" in message and "Traceback" not in message
        assert first.wait(timeout=300) == 0, first.stderr.read().decode()
    finally:
        if first.poll() is None:
            first.kill()
    assert _files(out) == new


def test_output_folder_lock_refuses_a_second_writer(tmp_path):
    with OutputFolder(tmp_path / "out") as first:
        with pytest.raises(OutputBusy, match="another graphbuild build"):
            OutputFolder(tmp_path / "out").open()
        first.commit({"graph.ttl": b"x"})
    with OutputFolder(tmp_path / "out") as again:  # released
        again.commit({"graph.ttl": b"y"})
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == b"y"


def test_output_temp_folders_of_live_builds_are_kept_and_dead_ones_removed(tmp_path):
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        dead = subprocess.Popen([sys.executable, "-c", "pass"])
        dead.wait()
        (tmp_path / f".out.graphbuild-{live.pid}-abc").mkdir()
        (tmp_path / f".out.graphbuild-{dead.pid}-abc").mkdir()
        write_atomically(tmp_path / "out", {"graph.ttl": b"x"})
        assert (tmp_path / f".out.graphbuild-{live.pid}-abc").exists()
        assert not (tmp_path / f".out.graphbuild-{dead.pid}-abc").exists()
    finally:
        live.kill()
        live.wait()


def test_output_other_files_and_folders_in_out_are_kept(tmp_path):
    out = tmp_path / "out"
    (out / "notes").mkdir(parents=True)
    (out / "notes" / "n.txt").write_text("mine")
    (out / "README.txt").write_text("mine too")
    (out / "graph.ttl").write_text("old")
    write_atomically(out, {"graph.ttl": b"new", "graph.html": b"new"})
    assert (out / "notes" / "n.txt").read_text() == "mine"
    assert (out / "README.txt").read_text() == "mine too"
    assert (out / "graph.ttl").read_bytes() == b"new"


def test_output_falls_back_to_renames_when_the_parent_is_not_writable(tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    real = OutputFolder._probe
    monkeypatch.setattr(OutputFolder, "_probe", lambda self, folder: folder != out.parent and real(self, folder))
    with OutputFolder(out) as target:
        assert not target.atomic
        target.commit({"graph.ttl": b"a", "graph.html": b"b"})
    assert _files(out) == {"graph.ttl": b"a", "graph.html": b"b"}
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def _no_nlp(monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("the build started before the output folder was checked")

    monkeypatch.setattr("graphbuild.pipeline.build", fail)


def test_output_unwritable_folder_is_one_line_before_any_nlp(tmp_path, monkeypatch):
    _no_nlp(monkeypatch)

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("graphbuild.run.output.tempfile.mkdtemp", denied)
    (tmp_path / "a.txt").write_text(GOOD)
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"Error: cannot write into {tmp_path / 'out'}: permission denied"]


def test_output_path_that_is_a_file_is_one_line(tmp_path, monkeypatch):
    _no_nlp(monkeypatch)
    (tmp_path / "out").write_text("a file")
    result = CliRunner().invoke(cli, ["build", str(tmp_path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.output.strip().splitlines()[-1].endswith("out' is a file.")


def test_output_disk_full_is_one_line_and_keeps_the_old_files(seed_out, tmp_path, monkeypatch):
    out = tmp_path / "out"
    shutil.copytree(seed_out, out)
    before = _files(out)

    def full(graph, fh):
        fh.write(b"<?xml")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("graphbuild.export.graphml.write_graphml", full)
    (tmp_path / "a.txt").write_text(GOOD)
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "a.txt"), "--out", str(out), "--no-cache"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"Error: cannot write into {out}: No space left on device"]
    assert _files(out) == before
    assert not list(tmp_path.glob(".out.graphbuild-*"))


def test_output_inside_an_input_folder_is_not_read_back(corpus, tmp_path):
    folder = corpus({"a.txt": GOOD})
    out = folder / "out"
    for _ in range(2):
        result = CliRunner().invoke(cli, ["build", str(folder), "--out", str(out), "--no-cache", "--no-progress"])
        assert result.exit_code == 0, result.output
        assert "1 document," in result.output and "graph.html" not in result.output.split("wrote")[0]
