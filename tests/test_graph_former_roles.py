"""A role stated only as past ("former president") is kept as statements with
gb:modality "former", never as a direct (current) triple; the current-leaders query
and the yardstick leave it out."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import RDF

from graphbuild.graph import edge_modality
from graphbuild.store.query import example_queries, open_store, run_query

GB = Namespace("https://w3id.org/graphbuild/ontology#")

ARTICLE = ("Leaders gather in Lima\n\n"
           "The former Chilean president Michelle Bachelet spoke in Lima on Monday. "
           "Kenyan President William Ruto spoke after her.\n")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    import graphbuild

    folder = tmp_path_factory.mktemp("former")
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path_factory.mktemp("former-out")
    graphbuild.build([folder]).write(out)
    return out


def _leader_facts(g: Graph) -> set[tuple[str, str]]:
    return {(str(s).rsplit("/", 1)[-1], str(o).rsplit("/", 1)[-1]) for s, o in g.subject_objects(GB.leaderOf)}


def test_graph_former_role_has_statements_but_no_direct_triple(built):
    g = Graph().parse(built / "graph.ttl")
    direct = _leader_facts(g)
    assert ("william-ruto", "kenya") in direct
    assert not [pair for pair in direct if pair[0] == "michelle-bachelet"], direct
    former = [st for st in g.subjects(RDF.type, RDF.Statement)
              if g.value(st, RDF.predicate) == GB.leaderOf and g.value(st, GB.modality) == Literal("former")]
    assert len(former) == 1 and str(g.value(former[0], RDF.subject)).endswith("michelle-bachelet")


def test_query_current_leaders_leaves_former_roles_out(built):
    table = run_query(open_store(built), example_queries()["current-leaders"])
    leaders = {row[0] for row in table.rows}
    assert "William Ruto" in leaders and "Michelle Bachelet" not in leaders


def test_evaluate_counts_no_former_statement_as_a_claim(built, tmp_path):
    from graphbuild.evaluate import evaluate

    gold = {"documents": {"a": {"file": "a.txt"}},
            "entities": [{"name": "Michelle Bachelet", "type": "Person"}, {"name": "Chile", "type": "Country"},
                         {"name": "William Ruto", "type": "Person"}, {"name": "Kenya", "type": "Country"}],
            "relations": [{"doc": "a", "s": "William Ruto", "p": "leaderOf", "o": "Kenya"}],
            "events": []}
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold))
    relations = evaluate(built / "graph.ttl", path).as_dict()["relations"]
    assert relations["precision"] == 1.0 and relations["recall"] == 1.0, relations


@pytest.mark.parametrize(
    "modalities, edge",
    [({"former"}, "former"), ({"former", "asserted"}, "asserted"), ({"former", "reported"}, "reported"),
     ({"planned", "reported"}, "planned")],
)
def test_edge_modality_keeps_a_fact_past_only_when_every_sentence_says_so(modalities, edge):
    assert edge_modality(modalities) == edge
