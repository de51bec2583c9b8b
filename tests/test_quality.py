"""Extraction quality on hand-made gold, scored strictly (docs/evaluation.md): the seeds
and graphbuild's own development articles (tests/data/dev). Thresholds sit about 0.05
below what benchmarks/quality.py measures, so that a regression fails the suite; raise
them when the figures rise."""

from __future__ import annotations

import json

import pytest

import graphbuild
from graphbuild.evaluate import evaluate, normalize_name

from .conftest import GOLD, ROOT

OWN = ROOT / "tests" / "data" / "dev"

# Measured with `benchmarks/quality.py seeds tests/data/dev` (see README, "Quality").
SEED_FLOORS = {
    "entities.f1": 0.95, "entities.typed_recall": 0.95,
    "relations.precision": 0.85, "relations.f1": 0.83,
    "events.recall": 0.77, "events.date_recall": 0.95, "events.participant_recall": 0.71,
    "events.host_recall": 0.78, "events.precision": 0.95,
}
# The golds of the seeds, tests/data/dev and tests/data/heldout state no visit implied by
# attending a meeting abroad, no city-in-country and no membership the text does not
# spell out; the real golds do (extract/travel.py, geography.py and membership.py were
# measured on them), so these sets' relation precision sits lower since those rules.
OWN_FLOORS = {
    "entities.f1": 0.95, "entities.typed_recall": 0.94,
    "relations.precision": 0.78, "relations.f1": 0.81,
    "events.recall": 0.81, "events.date_recall": 0.71, "events.participant_recall": 0.70,
    "events.precision": 0.73,
}
# The held-out set is measured, never tuned (tests/data/heldout/README.md): these floors
# only catch a regression on articles no rule was written for.
HELDOUT_FLOORS = {
    "entities.f1": 0.92, "relations.precision": 0.76, "relations.f1": 0.63,
    "events.recall": 0.67, "events.precision": 0.88,
}
SEED_CEILINGS = {"entities.duplicates": 0, "events.duplicates": 0}
OWN_CEILINGS = {"entities.duplicates": 0, "events.duplicates": 5}


@pytest.fixture(scope="module")
def own_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("own")
    graphbuild.build([OWN / "docs"]).write(out)
    return out


def _value(figures: dict, path: str):
    section, key = path.split(".")
    return figures[section][key]


def _check(figures: dict, floors: dict, ceilings: dict) -> list[str]:
    low = [f"{p} {_value(figures, p)} < {v}" for p, v in floors.items() if _value(figures, p) < v]
    high = [f"{p} {_value(figures, p)} > {v}" for p, v in ceilings.items() if _value(figures, p) > v]
    return low + high


def test_quality_seeds_meet_floors(seed_out):
    assert _check(evaluate(seed_out, GOLD).as_dict(), SEED_FLOORS, SEED_CEILINGS) == []


def test_quality_heldout_articles_meet_floors(tmp_path):
    heldout = ROOT / "tests" / "data" / "heldout"
    graphbuild.build([heldout / "docs"]).write(tmp_path)
    assert _check(evaluate(tmp_path, heldout / "gold.json").as_dict(), HELDOUT_FLOORS, {}) == []


def test_quality_own_articles_meet_floors(own_out):
    assert _check(evaluate(own_out, OWN / "gold.json").as_dict(), OWN_FLOORS, OWN_CEILINGS) == []


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


def test_quality_build_wikidata_ids_agree_with_gold(seed_result):
    """Every node the build links to Wikidata that the gold knows carries the gold's ID:
    the gold was annotated apart from the gazetteer, so this can fail on a wrong link."""
    gold = json.loads(GOLD.read_text())
    by_name = {normalize_name(n): e["wikidata"] for e in gold["entities"] if e.get("wikidata")
               for n in (e["name"], *e.get("aliases", []))}
    checked = 0
    for _, data in seed_result.graph.nodes(data=True):
        if not data.get("wikidata"):
            continue
        qid = by_name.get(normalize_name(data["label"]))
        if qid:
            assert data["wikidata"] == qid, data["label"]
            checked += 1
    assert checked >= 20
