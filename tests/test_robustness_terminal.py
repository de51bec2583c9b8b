"""File names and query answers never reach a terminal raw: a newline cannot forge a
report line, nor ESC or U+202E drive the terminal (issue 29)."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys

import pytest
from click.testing import CliRunner

from graphbuild.cli import cli

from .conftest import ROOT

GOOD = "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Monday.\n"
HOSTILE = ["evil\nwrote everything.txt", "clear\x1b[2J\x1b]0;title\x07.txt", "rtl\u202etxt.exe.txt"]


def test_terminal_file_names_in_the_build_report_are_escaped(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    for name in HOSTILE:
        (corpus / name).write_bytes(b"")  # empty: skipped, so its name is printed
    result = CliRunner().invoke(cli, ["build", str(corpus), "--out", str(tmp_path / "out"), "--no-cache"])
    assert result.exit_code == 0, result.output
    report = result.stderr
    assert "\x1b" not in report and "\x07" not in report and "\u202e" not in report
    assert "evil\\nwrote everything.txt" in report and "\\x1b[2J" in report and "\\u202e" in report
    assert not any(line.startswith("wrote everything") for line in report.splitlines())


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_terminal_csv_and_json_on_a_terminal_are_escaped(tmp_path, fmt):
    label = 'A\x1b[2J\x1b]0;pwned\x07 \u202eB'
    (tmp_path / "graph.ttl").write_text(
        f'<https://w3id.org/graphbuild/resource/entity/a> <http://www.w3.org/2000/01/rdf-schema#label> '
        f'"{label}" .\n'.replace("\x1b", "\\u001B").replace("\x07", "\\u0007"), encoding="utf-8")
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "graphbuild", "query", "SELECT ?l WHERE { ?s rdfs:label ?l }",
                             "--data", str(tmp_path), "--no-ontology", "--format", fmt],
                            stdout=slave, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    proc.wait(60)
    os.close(master)
    text = out.decode("utf-8")
    assert proc.returncode == 0, proc.stderr.read()
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    if fmt == "json":  # escapes JSON reads back as the label itself
        assert json.loads(text.replace("\r\n", "\n")) == [{"l": label}]
    else:
        assert "\\x1b[2J" in text and "\\u202e" in text


NAME = "evil\nError: forged\x1b[2J\u202e"


@pytest.mark.parametrize("command", [
    ["query", "SELECT * WHERE { ?s ?p ?o }", "--data", "{bad}/nope"],
    ["query", "--file", "{bad}/q.rq", "--data", "{bad}"],
    ["validate", "{bad}"],
    ["build", "{bad}/nope", "--out", "{out}"],
])
def test_terminal_file_names_in_error_lines_are_escaped(tmp_path, command):
    bad = tmp_path / NAME
    bad.mkdir()
    (bad / "graph.ttl").write_text("not turtle", encoding="utf-8")
    (bad / "q.rq").write_bytes(b"SELECT \xff")
    args = [a.replace("{bad}", str(bad)).replace("{out}", str(tmp_path / "out")) for a in command]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code != 0, result.output
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    assert "\\nError: forged\\x1b[2J\\u202e" in lines[0] and "\u202e" not in lines[0]


def test_terminal_progress_shows_file_names_escaped():
    from graphbuild.run.progress import ProgressBar

    from rich.console import Console
    from rich.progress import Progress

    with open(os.devnull, "w", encoding="utf-8") as sink, ProgressBar(False) as bar:
        bar._bar = Progress(console=Console(file=sink))  # as on a terminal
        bar._task = bar._bar.add_task("extracting", total=None)
        bar(1, 2, "[bold]x\x1b[2J\u202e.txt")
        description = bar._bar.tasks[0].description
    assert "\x1b" not in description and "\u202e" not in description
    assert "\\[bold]" in description  # rich shows it as written, not as a style
