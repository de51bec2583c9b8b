"""What `graphbuild.build` and `KnowledgeGraph.write` accept: a path as a string or a
PathLike or a list of either, formats as one name or a list, progress as a bool or a
callable, and the same options and defaults as the command line."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

import graphbuild

ARTICLE = "Angela Merkel met Emmanuel Macron in Paris on Monday. Merkel praised the talks."


@pytest.fixture
def one_article(corpus) -> Path:
    return corpus({"talks.txt": ARTICLE})


@pytest.mark.parametrize("shape", ["str", "pathlike", "list of str", "list of pathlike"])
def test_build_accepts_one_path_or_a_list(one_article, shape, tmp_path):
    paths = {"str": str(one_article), "pathlike": one_article,
             "list of str": [str(one_article)], "list of pathlike": [one_article]}[shape]
    kg = graphbuild.build(paths, cache_dir=tmp_path / "cache")
    assert kg.counts["documents"] == 1
    assert "Angela Merkel" in {e.label for e in kg.entities}


def test_build_refuses_paths_that_are_not_paths():
    with pytest.raises(TypeError, match="strings or PathLike"):
        graphbuild.build([42])


@pytest.mark.parametrize("formats", ["jsonld", ["jsonld"], ("jsonld",)])
def test_write_takes_a_format_name_or_a_list(one_article, tmp_path, formats):
    kg = graphbuild.build(one_article, no_cache=True)
    written = {p.name for p in kg.write(str(tmp_path / "out"), formats=formats)}
    assert written == {"graph.ttl", "graph.html", "graph.graphml", "graph.jsonld"}


def test_write_names_an_unknown_format(one_article, tmp_path):
    kg = graphbuild.build(one_article, no_cache=True)
    with pytest.raises(ValueError, match="unknown format"):
        kg.write(tmp_path / "out", formats="xlsx")


def test_build_signature_matches_the_command_line():
    params = inspect.signature(graphbuild.build).parameters
    assert not any(p.kind is p.VAR_KEYWORD for p in params.values())
    for name in ("model", "ontology", "title", "workers", "cache_dir", "no_cache", "dask", "doc_timeout",
                 "progress"):
        assert name in params, name
    from graphbuild.limits import DEFAULT_DOC_TIMEOUT

    assert params["doc_timeout"].default == DEFAULT_DOC_TIMEOUT
    assert params["progress"].default is True and params["no_cache"].default is False


def test_build_uses_every_core_by_default(one_article, monkeypatch):
    seen = {}
    import graphbuild.pipeline as pipeline

    real = pipeline.run

    def spy(todo, loader, workers, doc_timeout):
        seen["workers"] = workers
        return real(todo, loader, workers=1, doc_timeout=doc_timeout)

    monkeypatch.setattr(pipeline, "run", spy)
    monkeypatch.setattr("graphbuild.run.worker.default_workers", lambda: 7)
    graphbuild.build(one_article, no_cache=True)
    assert seen["workers"] == 7


@pytest.mark.parametrize("progress", [True, False])
def test_build_takes_progress_as_a_bool(one_article, progress):
    assert graphbuild.build(one_article, no_cache=True, progress=progress).counts["documents"] == 1


def test_build_calls_a_progress_function(one_article):
    calls = []
    graphbuild.build(one_article, no_cache=True, progress=lambda done, total, name: calls.append((done, total)))
    assert calls and calls[-1] == (1, 1)


def test_build_caches_by_default_and_not_with_no_cache(one_article, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    graphbuild.build(one_article)
    assert graphbuild.build(one_article).cache_hits == 1
    assert graphbuild.build(one_article, no_cache=True).cache_hits == 0


def test_build_texts_builds_strings_held_in_memory():
    kg = graphbuild.build_texts([ARTICLE, "Xi Jinping visited Moscow. Xi met Vladimir Putin there."],
                                no_cache=True)
    assert isinstance(kg, graphbuild.KnowledgeGraph)
    assert kg.counts["documents"] == 2
    assert {"Angela Merkel", "Xi Jinping", "Vladimir Putin"} <= {e.label for e in kg.entities}


def test_build_texts_takes_ids_and_metadata():
    kg = graphbuild.build_texts([("paris-talks", ARTICLE),
                                 {"id": "moscow", "text": "Xi Jinping visited Moscow on Tuesday.",
                                  "headline": "Xi in Moscow", "date": "2024-03-05"}], no_cache=True)
    docs = {d.source_file: d for d in kg.documents}
    assert set(docs) == {"paris-talks.txt", "moscow.md"}
    assert docs["moscow.md"].headline == "Xi in Moscow"
    assert docs["moscow.md"].date_published == "2024-03-05"


def test_build_texts_refuses_two_texts_with_one_id():
    with pytest.raises(ValueError, match="two texts have the id 'a'"):
        graphbuild.build_texts([("a", ARTICLE), ("a", ARTICLE + " Again.")])


def test_build_texts_gives_the_same_graph_as_the_files(one_article):
    from_file = graphbuild.build(one_article, no_cache=True)
    in_memory = graphbuild.build_texts([("talks", ARTICLE)], no_cache=True)
    assert in_memory.to_turtle() == from_file.to_turtle()
