"""The command line, through Click's runner: every command and its --help."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from graphbuild.cli import cli

from .conftest import GOLD

COMMANDS = [name for name in sorted(cli.commands)]


@pytest.fixture
def runner():
    return CliRunner()


def test_cli_has_the_documented_commands():
    """Every command the README documents exists, and the README documents every command."""
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = {line.split()[1] for line in readme.splitlines() if line.startswith("graphbuild ")
                  and not line.startswith("graphbuild --")}
    assert documented == set(COMMANDS)


@pytest.mark.parametrize("command", [[], *[[c] for c in COMMANDS]])
def test_cli_help_describes_every_command(runner, command):
    result = runner.invoke(cli, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    assert len(result.output.splitlines()) > 3


def test_cli_version(runner):
    from graphbuild import __version__

    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_cli_build_writes_all_outputs_and_a_summary(runner, corpus, tmp_path):
    folder = corpus({
        "a.txt": "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing.\n",
        "b.md": "# Talks\n\nNATO leaders met in Brussels on Monday to discuss Ukraine.\n",
        "notes.csv": "not,an,article\n",
    })
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", str(folder), "--out", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    for name in ("graph.ttl", "graph.html", "graph.graphml"):
        assert (out / name).stat().st_size > 0
    assert "2 documents" in result.output
    assert "entities" in result.output
    assert "notes.csv" in result.output and "unsupported" in result.output


def test_cli_build_fails_clearly_when_nothing_is_usable(runner, corpus, tmp_path):
    folder = corpus({"empty.txt": "", "furniture.txt": "Skip to content\n\nAdvertisement\n"})
    result = runner.invoke(cli, ["build", str(folder), "--out", str(tmp_path / "out")])
    assert result.exit_code != 0
    assert "nothing to build" in result.output
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_cli_build_fails_clearly_on_missing_input(runner, tmp_path):
    result = runner.invoke(cli, ["build", str(tmp_path / "nope"), "--out", str(tmp_path / "out")])
    assert result.exit_code != 0
    assert "no such file" in result.output


def test_cli_build_reports_unknown_model(runner, corpus, tmp_path):
    folder = corpus({"a.txt": "Putin met Xi in Beijing.\n"})
    result = runner.invoke(cli, ["build", str(folder), "--out", str(tmp_path / "o"), "--model", "no_such_pipeline_xx"])
    assert result.exit_code != 0
    assert "no_such_pipeline_xx" in result.output and "not installed" in result.output


def test_cli_evaluate_prints_scores(runner, seed_out):
    result = runner.invoke(cli, ["evaluate", str(seed_out), "--gold", str(GOLD)])
    assert result.exit_code == 0, result.output
    assert "precision" in result.output and "typed recall" in result.output


def test_cli_evaluate_json(runner, seed_out):
    result = runner.invoke(cli, ["evaluate", str(seed_out / "graph.ttl"), "--gold", str(GOLD), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert set(report["entities"]) >= {"precision", "recall", "f1", "typed_recall", "duplicate_nodes"}


def test_cli_evaluate_refuses_a_non_gold_file(runner, seed_out, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    result = runner.invoke(cli, ["evaluate", str(seed_out), "--gold", str(bad)])
    assert result.exit_code != 0
    assert "not a gold file" in result.output


def test_cli_build_lists_the_first_hundred_skips_and_counts_the_rest(tmp_path):
    from click.testing import CliRunner

    from graphbuild.cli import cli

    lines = ["{\"text\": \"Vladimir Putin met Xi Jinping in Beijing on Tuesday.\"}"] + ["[1, 2]"] * 150
    (tmp_path / "n.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "n.jsonl"), "--out", str(tmp_path / "o"),
                                      "--no-cache"])
    assert result.exit_code == 0, result.stderr
    listed = [line for line in result.stderr.splitlines() if line.startswith("  ") and "#L" in line]
    assert len(listed) == 100
    assert "... and 50 more (graphbuild read lists every one)" in result.stderr
