"""Extraction quality on hand-made gold: the seed development set, and graphbuild's
own generalisation articles (tests/data/unseen), through `evaluate` on the Turtle."""

from __future__ import annotations

import pytest

import graphbuild
from graphbuild.evaluate import evaluate

from .conftest import GOLD, ROOT

UNSEEN = ROOT / "tests" / "data" / "unseen"


@pytest.fixture(scope="module")
def unseen_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("unseen")
    graphbuild.build([UNSEEN / "articles"]).write(out)
    return out


def test_quality_seed_entities_meet_targets(seed_out):
    report = evaluate(seed_out, GOLD)
    assert report.entities.f1 >= 0.95, report.as_dict()
    assert report.typed_recall >= 0.95, report.as_dict()
    assert report.duplicates == []


def test_quality_unseen_entities_meet_targets(unseen_out):
    report = evaluate(unseen_out, UNSEEN / "gold.json")
    assert report.entities.f1 >= 0.93, report.as_dict()
    assert report.typed_recall >= 0.90, report.as_dict()
    assert report.duplicates == []


def test_quality_seed_relations_and_events_meet_targets(seed_out):
    report = evaluate(seed_out, GOLD)
    assert report.relations.f1 >= 0.75, report.as_dict()["relations"]
    assert report.relations.precision >= 0.80, report.as_dict()["relations"]
    assert report.events.recall >= 0.70, report.as_dict()["events"]


def test_quality_unseen_relations_and_events_meet_targets(unseen_out):
    report = evaluate(unseen_out, UNSEEN / "gold.json")
    assert report.relations.f1 >= 0.60, report.as_dict()["relations"]
    assert report.events.recall >= 0.60, report.as_dict()["events"]


@pytest.mark.parametrize(
    "iri, qid",
    [
        ("vladimir-putin", "Q7747"),
        ("xi-jinping", "Q15031"),
        ("russia", "Q159"),
        ("china", "Q148"),
        ("nato", "Q7184"),
        ("shanghai-cooperation-organisation", "Q485207"),
        ("brics", "Q243630"),
    ],
)
def test_quality_wikidata_links_sample(seed_result, iri, qid):
    assert seed_result.graph.nodes[f"entity/{iri}"]["wikidata"] == qid


def test_quality_gold_wikidata_ids_agree_with_build(seed_result):
    """Every gold entity with a Wikidata ID that the build links gets that same ID."""
    import json

    from graphbuild.evaluate import normalize_name

    gold = json.loads(GOLD.read_text())
    by_name = {}
    for _, data in seed_result.graph.nodes(data=True):
        for name in (data["label"], *data["alt_labels"]):
            by_name[normalize_name(name)] = data
    checked = 0
    for entity in gold["entities"]:
        data = by_name.get(normalize_name(entity["name"]))
        if data and data.get("wikidata") and entity.get("wikidata"):
            assert data["wikidata"] == entity["wikidata"], entity["name"]
            checked += 1
    assert checked >= 20
