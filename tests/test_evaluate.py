"""The scorer itself: perfect, empty and doubled graphs, strict event rules, gold errors."""

from __future__ import annotations

import copy
import json

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS, XSD

from graphbuild.cli import cli
from graphbuild.evaluate import GoldError, evaluate, format_report
from graphbuild.vocab import GB, GBR

from .conftest import GOLD, ROOT
from .gold_graph import entity_iri, gold_graph

OWN_GOLD = ROOT / "tests" / "data" / "dev" / "gold.json"


def _write(tmp_path, gold: dict):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    return path


def _figures(report) -> dict:
    d = report.as_dict()
    return {"entity_p": d["entities"]["precision"], "entity_r": d["entities"]["recall"],
            "typed": d["entities"]["typed_recall"], "rel_p": d["relations"]["precision"],
            "rel_r": d["relations"]["recall"], **{k: d["events"][k] for k in (
                "recall", "date_recall", "participant_recall", "host_recall", "precision")}}


@pytest.mark.parametrize("gold_path", [GOLD, OWN_GOLD], ids=["seeds", "own"])
def test_evaluate_gold_graph_scores_one_everywhere(gold_path):
    gold = json.loads(gold_path.read_text())
    report = evaluate(gold_graph(gold), gold_path)
    assert set(_figures(report).values()) == {1.0}, _figures(report)
    assert report.duplicate_nodes == 0
    assert report.events.spurious == [] and report.events.duplicates == []


@pytest.mark.parametrize("gold_path", [GOLD, OWN_GOLD], ids=["seeds", "own"])
def test_evaluate_empty_graph_scores_zero(gold_path):
    report = evaluate(Graph(), gold_path)
    assert set(_figures(report).values()) == {0.0}, _figures(report)


def test_evaluate_doubled_event_nodes_halve_event_precision():
    gold = json.loads(GOLD.read_text())
    report = evaluate(gold_graph(gold, doubled_events=True), GOLD)
    assert report.events.precision == 0.5
    assert report.events.recall == 1.0
    assert len(report.events.duplicates) == report.events.nodes // 2


def _one_event_gold(**event) -> dict:
    base = {"doc": "a1", "type": "Meeting", "location": ["France"], "date": "2023-05-19",
            "participants": ["Ann Smith", "Bo Chen"]}
    return {"entities": [{"name": "Ann Smith", "type": "Person"}, {"name": "Bo Chen", "type": "Person"},
                         {"name": "France", "type": "Country"}, {"name": "Lyon", "type": "Place", "optional": True},
                         {"name": "Madrid", "type": "Place", "optional": True}],
            "events": [{**base, **event}]}


def _graph_with_event(gold: dict, **node) -> Graph:
    g = gold_graph({**gold, "events": [], "documents": {"a1": {"file": "a1.txt"}}})
    event = GBR["event/x"]
    g.add((event, RDF.type, GB.Event))
    g.add((event, RDF.type, GB[node.get("type", "Meeting")]))
    g.add((event, RDFS.label, Literal("the event")))
    from rdflib.namespace import PROV
    g.add((event, PROV.wasDerivedFrom, GBR["document/a1"]))
    for name in node.get("participants", ["Ann Smith", "Bo Chen"]):
        g.add((event, GB.participant, entity_iri(name)))
    if node.get("location"):
        g.add((event, GB.location, entity_iri(node["location"])))
    if node.get("date"):
        g.add((event, GB.date, Literal(node["date"], datatype=XSD.string)))
    return g


@pytest.mark.parametrize("node, found, date_right, precision", [
    ({"location": "France", "date": "2023-05-19"}, True, True, 1.0),
    ({"location": "France", "date": "2023-05"}, True, False, 1.0),     # month agrees, day unknown
    ({"location": "France", "date": "2023-05-20"}, True, False, 0.0),  # a wrong day contradicts
    ({"location": "France", "date": "2023-06-19"}, False, False, 0.0),
    ({"location": "France"}, False, False, 1.0),                        # undated: fits, not found
    ({"date": "2023-05-19"}, False, False, 1.0),                        # no place: fits, not found
    ({"location": "Lyon", "date": "2023-05-19"}, False, False, 1.0),    # a city inside France
    ({"location": "Madrid", "date": "2023-05-19"}, False, False, 0.0),  # a city elsewhere
    ({"type": "Visit", "location": "France", "date": "2023-05-19"}, False, False, 0.0),
], ids=["exact", "month", "wrong-day", "wrong-month", "undated", "no-place", "city-inside",
        "city-elsewhere", "wrong-type"])
def test_evaluate_event_rules(tmp_path, node, found, date_right, precision):
    gold = _one_event_gold()
    report = evaluate(_graph_with_event(gold, **node), _write(tmp_path, gold))
    assert (report.events.found, report.events.date_right) == (int(found), int(date_right))
    assert report.events.precision == precision


def test_evaluate_event_participant_and_host_recall(tmp_path):
    gold = _one_event_gold(host=["France", "Ann Smith"])
    g = _graph_with_event(gold, location="France", date="2023-05-19", participants=["Ann Smith"])
    g.add((GBR["event/x"], GB.host, entity_iri("France")))
    report = evaluate(g, _write(tmp_path, gold))
    assert report.events.participant_recall == 0.5
    assert report.events.host_recall == 1.0



@pytest.mark.parametrize("participants, recall", [
    (["Ann Smith"], 1.0),  # one of the alternatives
    (["France"], 1.0),     # the other
    (["Bo Chen"], 0.0),
])
def test_evaluate_participant_given_as_alternatives_counts_once(tmp_path, participants, recall):
    gold = _one_event_gold(participants=[["Ann Smith", "France"]])
    g = _graph_with_event(gold, location="France", date="2023-05-19", participants=participants)
    report = evaluate(g, _write(tmp_path, gold))
    assert report.events.participants == 1
    assert report.events.participant_recall == recall

def test_evaluate_gold_without_labels_or_documents_maps_documents_by_file_name(tmp_path):
    """The real-news gold names documents by key only ('d01' for 'd01_some_page.txt')."""
    gold = _one_event_gold()
    g = _graph_with_event(gold, location="France", date="2023-05-19")
    for doc in g.subjects(RDF.type, GB.Document):
        g.set((doc, GB.sourceFile, Literal("a1_a_saved_page.txt")))
    report = evaluate(g, _write(tmp_path, gold))
    assert report.events.found == 1
    assert "Meeting" in format_report(_missed(tmp_path, gold))


def _missed(tmp_path, gold):
    return evaluate(Graph(), _write(tmp_path, gold))


@pytest.mark.parametrize("content, message", [
    ("not json {", "not valid JSON"),
    ("[]", "not a gold file"),
    ('{"entities": [{"name": "X"}]}', "an item lacks the field 'type'"),
])
def test_evaluate_bad_gold_file_names_the_file(tmp_path, content, message):
    path = tmp_path / "my-gold.json"
    path.write_text(content)
    with pytest.raises(GoldError, match=rf"my-gold\.json: {message}"):
        evaluate(Graph(), path)


def test_evaluate_report_says_na_for_a_predicate_with_nothing_to_score(tmp_path):
    gold = json.loads(GOLD.read_text())
    gold = copy.deepcopy(gold)
    gold["relations"].append({"doc": "000", "s": "Russia", "p": "sanctioned", "o": "China", "optional": True})
    text = format_report(evaluate(gold_graph({**gold, "relations": gold["relations"][:-1]}),
                                  _write(tmp_path, gold)))
    assert "sanctioned        n/a" in text
    assert "P 0.00 R 0.00" not in text


def test_evaluate_cli_json_has_the_documented_keys(tmp_path):
    gold = json.loads(GOLD.read_text())
    (tmp_path / "graph.ttl").write_text(gold_graph(gold).serialize(format="turtle"))
    result = CliRunner().invoke(cli, ["evaluate", str(tmp_path), "--gold", str(GOLD), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"precision", "recall", "f1", "duplicates"} <= set(data["entities"])
    assert {"precision", "recall", "f1"} <= set(data["relations"])
    assert {"recall", "date_recall", "participant_recall", "host_recall", "precision", "spurious",
            "duplicates"} <= set(data["events"])
    assert data["events"]["precision"] == 1.0


def test_evaluate_cli_bad_gold_is_one_line(tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text("{")
    result = CliRunner().invoke(cli, ["evaluate", str(tmp_path), "--gold", str(bad)])
    assert result.exit_code != 0
    assert "broken.json: not valid JSON" in result.output
