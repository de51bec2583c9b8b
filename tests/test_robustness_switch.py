"""The user's own files in --out never depend on a second step: a build killed right
after the folder exchange leaves its subfolders where the next build finds them, and
the fallback without the exchange says so (issue 29)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from graphbuild.run.output import OutputFolder

from .conftest import ROOT

WRITE = "import sys; from graphbuild.run.output import write_atomically; write_atomically(sys.argv[1], {'graph.ttl': b'new'})"


def test_switch_kill_after_the_exchange_keeps_the_users_subfolder(tmp_path):
    out = tmp_path / "out"
    (out / "mine").mkdir(parents=True)
    (out / "mine" / "notes.txt").write_text("keep me", encoding="utf-8")
    (out / "graph.ttl").write_bytes(b"old")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GRAPHBUILD_FAILPOINT": "after-switch"}
    done = subprocess.run([sys.executable, "-c", WRITE, str(out)], env=env, timeout=60)
    assert done.returncode == -signal.SIGKILL
    with OutputFolder(out) as target:  # the next build
        target.commit({"graph.ttl": b"newer"})
    assert (out / "mine" / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert (out / "graph.ttl").read_bytes() == b"newer"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_switch_fallback_says_so(tmp_path, monkeypatch):
    import graphbuild.run.output as output

    def no_exchange(a, b):
        raise OSError(38, "renameat2 is not available")

    monkeypatch.setattr(output, "exchange", no_exchange)
    out = tmp_path / "out"
    with OutputFolder(out) as target:
        target.commit({"graph.ttl": b"new"})
        assert target.notice and "one by one" in target.notice


def test_switch_fallback_is_noted_on_stderr(tmp_path, monkeypatch):
    from click.testing import CliRunner

    import graphbuild.run.output as output
    from graphbuild.cli import cli

    monkeypatch.setattr(output.OutputFolder, "_probe", lambda self, folder: folder == self.path)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("French President Emmanuel Macron visited Berlin on Monday.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(corpus), "--out", str(tmp_path / "out"), "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "note: " in result.stderr and "one by one" in result.stderr
