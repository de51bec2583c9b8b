"""An --ontology folder that cannot give the rules is refused in one line before any
NLP; it never silently builds a graph without its entities (issue 29)."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from graphbuild.cli import cli
from graphbuild.run.resources import ontology_dir

GOOD = "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Monday.\n"


def _build(tmp_path, ontology):
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    (corpus / "a.txt").write_text(GOOD, encoding="utf-8")
    return CliRunner().invoke(cli, ["build", str(corpus), "--out", str(tmp_path / "out"), "--no-cache", "-q",
                                    "--ontology", str(ontology)])


def _one_error_line(result) -> str:
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    return lines[0]


@pytest.mark.parametrize("empty_gazetteer", [False, True])
def test_ontology_without_gazetteer_is_refused(tmp_path, empty_gazetteer):
    onto = tmp_path / "onto"
    (onto / "gazetteer" if empty_gazetteer else onto).mkdir(parents=True)
    result = _build(tmp_path, onto)
    assert result.exit_code != 0
    assert "gazetteer" in _one_error_line(result)
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_ontology_gazetteer_with_a_bad_row_is_one_line(tmp_path):
    onto = tmp_path / "onto"
    shutil.copytree(ontology_dir() / "gazetteer", onto / "gazetteer")
    tsv = sorted((onto / "gazetteer").glob("*.tsv"))[0]
    tsv.write_text(tsv.read_text(encoding="utf-8") + "\t\t\n" + "only-an-id\n", encoding="utf-8")
    result = _build(tmp_path, onto)
    assert result.exit_code != 0
    line = _one_error_line(result)
    assert tsv.name in line and "Traceback" not in result.output


@pytest.mark.parametrize("quiet", [True, False])
def test_ontology_third_party_warnings_are_no_flood(tmp_path, monkeypatch, quiet):
    import warnings

    import graphbuild.pipeline as pipeline

    real = pipeline.read_documents

    def noisy(*args, **kwargs):
        for i in range(100):  # as a library warning once per call, from many places
            warnings.warn_explicit("graphbuild_gazetteer does not have any patterns\ndetails", UserWarning,
                                   "thirdparty.py", i + 1)
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "read_documents", noisy)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(corpus), "--out", str(tmp_path / "out"), "--no-cache"]
                                + (["-q"] if quiet else []))
    assert result.exit_code == 0, result.output
    lines = [ln for ln in result.stderr.splitlines() if "does not have any patterns" in ln]
    assert lines == ([] if quiet else ["warning: UserWarning: graphbuild_gazetteer does not have any patterns "
                                       "details (shown once)"])
