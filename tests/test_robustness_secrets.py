"""Bad secrets and bad files are one line naming the variable or the file, never a
traceback, and never the secret itself (issue 29)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from graphbuild.cli import cli

GRAPH = '<https://w3id.org/graphbuild/resource/entity/a> <http://www.w3.org/2000/01/rdf-schema#label> "A" .\n'
NO_SECRETS = {"GRAPHBUILD_USER": None, "GRAPHBUILD_PASSWORD": None, "GRAPHBUILD_TOKEN": None}


def _one_error_line(result) -> str:
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    assert "Traceback" not in result.output
    return lines[0]


@pytest.mark.parametrize("env, variable, secret", [
    ({"GRAPHBUILD_TOKEN": "tok-SECRET\r\nX-Injected: 1"}, "GRAPHBUILD_TOKEN", "SECRET"),
    ({"GRAPHBUILD_TOKEN": "tok-SECRET-\u00e9\u4e2d"}, "GRAPHBUILD_TOKEN", "SECRET"),
    ({"GRAPHBUILD_USER": "ana", "GRAPHBUILD_PASSWORD": "pw-SECRET-\udcff"}, "GRAPHBUILD_PASSWORD", "SECRET"),
    ({"GRAPHBUILD_USER": "ana\nSECRET", "GRAPHBUILD_PASSWORD": "x"}, "GRAPHBUILD_USER", "SECRET"),
])
def test_secrets_bad_credential_names_the_variable_not_the_value(tmp_path, env, variable, secret):
    (tmp_path / "graph.ttl").write_text(GRAPH, encoding="utf-8")
    result = CliRunner().invoke(cli, ["load", str(tmp_path), "--endpoint", "http://127.0.0.1:9/store",
                                      "--timeout", "3"], env={**NO_SECRETS, **env})
    assert result.exit_code != 0
    line = _one_error_line(result)
    assert variable in line and secret not in line


def test_secrets_credentials_in_the_url_are_masked(tmp_path):
    (tmp_path / "graph.ttl").write_text(GRAPH, encoding="utf-8")
    result = CliRunner().invoke(cli, ["load", str(tmp_path), "--endpoint", "http://ana:SECRET@127.0.0.1:9/store",
                                      "--timeout", "3"], env=NO_SECRETS)
    assert result.exit_code != 0
    line = _one_error_line(result)
    assert "SECRET" not in line and "127.0.0.1:9" in line


def test_secrets_non_utf8_query_file_is_one_line(tmp_path):
    (tmp_path / "graph.ttl").write_text(GRAPH, encoding="utf-8")
    (tmp_path / "q.rq").write_bytes(b"SELECT * WHERE { ?s ?p \"caf\xe9\" }")
    result = CliRunner().invoke(cli, ["query", "--file", str(tmp_path / "q.rq"), "--data", str(tmp_path)])
    assert result.exit_code != 0
    assert "q.rq" in _one_error_line(result)


@pytest.mark.parametrize("shapes", [b"@prefix sh: <http://www.w3.org/ns/shacl#> .\n# caf\xe9\n", b"<a> <b> \"\xff\" ."])
def test_secrets_non_utf8_shapes_file_is_one_line(tmp_path, shapes):
    (tmp_path / "graph.ttl").write_text(GRAPH, encoding="utf-8")
    (tmp_path / "shapes.ttl").write_bytes(shapes)
    result = CliRunner().invoke(cli, ["validate", str(tmp_path), "--shapes", str(tmp_path / "shapes.ttl")])
    assert result.exit_code not in (0, 1)
    assert "shapes.ttl" in _one_error_line(result)


def test_secrets_ill_typed_literal_still_gets_a_verdict(tmp_path):
    (tmp_path / "graph.ttl").write_text(
        GRAPH + '<https://w3id.org/graphbuild/resource/entity/a> <https://w3id.org/graphbuild/ontology#confidence> '
        '"NaN"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(tmp_path)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "does not conform" in result.output
    assert "NaN" in result.output


def test_secrets_ill_typed_literal_logs_no_library_traceback(tmp_path):
    # Validation runs in a child process: only a real command's stderr shows what it logs.
    import subprocess
    import sys

    from .conftest import ROOT

    (tmp_path / "graph.ttl").write_text(
        GRAPH + '<https://w3id.org/graphbuild/resource/entity/a> <https://w3id.org/graphbuild/ontology#mentionCount> '
        '"many"^^<http://www.w3.org/2001/XMLSchema#integer> .\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "graphbuild", "validate", str(tmp_path)], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 1, done.stderr
    assert "ill-typed literal \"many\"" in done.stdout
    assert "Traceback" not in done.stderr and "Failed to convert" not in done.stderr, done.stderr
