"""Small ones (issue 29, point 9): Ctrl-C exits with status 130 whenever it comes, even
while click still parses the options; links into /proc are refused, never read; an
.xhtml page prints no library warning; validate passes neither a graph of no graphbuild
node nor against a shapes file of no shape."""

from __future__ import annotations

import sys

import click
import pytest

from graphbuild import cli as cli_module


def test_signals_ctrl_c_while_parsing_options_exits_130(tmp_path, monkeypatch, capsys):
    def interrupted(self, value, param, ctx):
        raise KeyboardInterrupt

    monkeypatch.setattr(click.Path, "convert", interrupted)  # the first thing click does with --out
    monkeypatch.setattr(sys, "argv", ["graphbuild", "build", "seeds", "--out", str(tmp_path / "out")])
    with pytest.raises(SystemExit) as exit_:
        cli_module.main()
    err = capsys.readouterr().err
    assert exit_.value.code == 130, err
    assert "Aborted!" not in err and "interrupted" in err


@pytest.mark.parametrize("argv, code", [(["--version"], 0), (["query", "--bogus"], 2),
                                        (["query", "SELECT * WHERE { ?s ?p ?o }", "--data", "/nonexistent"], 1)])
def test_signals_main_keeps_the_exit_status_of_click(monkeypatch, capsys, argv, code):
    monkeypatch.setattr(sys, "argv", ["graphbuild", *argv])
    with pytest.raises(SystemExit) as exit_:
        cli_module.main()
    assert exit_.value.code == code, capsys.readouterr()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc")
def test_discover_links_into_proc_are_refused_unread(tmp_path):
    from graphbuild.ingest import discover

    (tmp_path / "kmsg.txt").symlink_to("/proc/kmsg")  # reading it blocks until the kernel logs
    (tmp_path / "status.txt").symlink_to("/proc/self/status")
    files, skipped = discover([tmp_path])
    assert files == []
    reasons = dict(skipped)
    assert all("/proc" in reasons[str(tmp_path / n)] for n in ("kmsg.txt", "status.txt")), skipped


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/dev/zero")
def test_discover_links_to_character_devices_are_refused_unread(tmp_path):
    from graphbuild.ingest import discover

    (tmp_path / "zero.txt").symlink_to("/dev/zero")  # reading it never ends
    files, skipped = discover([tmp_path])
    assert files == [] and skipped == [(str(tmp_path / "zero.txt"), "not a regular file")]


def test_discover_out_inside_an_input_is_not_listed_as_skipped(tmp_path):
    from click.testing import CliRunner

    from graphbuild.cli import cli

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("French President Emmanuel Macron visited Berlin on Monday.\n", encoding="utf-8")
    for _ in range(2):  # the second build finds the first one's graph.ttl, graph.graphml, ...
        result = CliRunner().invoke(cli, ["build", str(corpus), "--out", str(corpus / "out"), "--no-cache"])
        assert result.exit_code == 0, result.output
    assert "skipped" not in result.stderr, result.stderr


def test_validate_graph_without_graphbuild_nodes_is_no_pass(tmp_path):
    from click.testing import CliRunner

    from graphbuild.cli import EXIT_UNREADABLE, cli

    (tmp_path / "graph.ttl").write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n",
                                        encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(tmp_path)])
    assert result.exit_code == EXIT_UNREADABLE, result.output
    assert "no graphbuild" in result.output



@pytest.mark.parametrize("shapes", ["", "@prefix sh: <http://www.w3.org/ns/shacl#> .\n",
                                    "<http://example.org/a> <http://example.org/b> \"c\" .\n"])
def test_validate_against_no_shapes_is_no_pass(tmp_path, shapes):
    from click.testing import CliRunner

    from graphbuild.cli import EXIT_UNREADABLE, cli

    (tmp_path / "graph.ttl").write_text(
        '<https://w3id.org/graphbuild/resource/entity/a> <http://www.w3.org/2000/01/rdf-schema#label> "A" .\n',
        encoding="utf-8")
    (tmp_path / "shapes.ttl").write_text(shapes, encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(tmp_path), "--shapes", str(tmp_path / "shapes.ttl")])
    assert result.exit_code == EXIT_UNREADABLE, result.output
    assert "shapes.ttl" in result.output and "nothing to validate against" in result.output

XHTML = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en"><head><title>Talks in Ankara</title></head>
<body><h1>Talks in Ankara</h1>
<p>Turkish President Recep Tayyip Erdogan met German Chancellor Olaf Scholz in Ankara on Monday.</p>
<p>The two leaders discussed trade between Turkey and Germany, and the talks went on late.</p>
<p>Both sides said they would meet again in Berlin before the end of the year.</p>
</body></html>
"""  # bs4 warns when the first 500 characters show no "</html": longer than that


def test_warnings_an_xhtml_page_prints_no_library_warning(tmp_path):
    import subprocess

    from .conftest import ROOT

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.xhtml").write_text(XHTML, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "graphbuild", "build", str(tmp_path / "in"), "--out",
                           str(tmp_path / "out"), "--no-cache", "--no-progress"], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "Warning" not in proc.stderr and "warning:" not in proc.stderr, proc.stderr
    assert "Olaf Scholz" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")


def test_discover_out_inside_an_input_is_not_listed_as_skipped_by_dask_either(tmp_path):
    from graphbuild.run.cluster import list_inputs

    (tmp_path / "out").mkdir()
    (tmp_path / "a.txt").write_text("French President Emmanuel Macron visited Berlin on Monday.\n", encoding="utf-8")
    for name in ("graph.ttl", "graph.html", "graph.graphml"):
        (tmp_path / "out" / name).write_text("x", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    found, skipped = list_inputs([tmp_path], exclude=[tmp_path / "out"])
    assert found == [str(tmp_path / "a.txt")]
    assert skipped == [(str(tmp_path / "notes.pdf"), "unsupported file type '.pdf'")]
