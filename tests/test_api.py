"""The top-level Python API: `graphbuild.build` returning a KnowledgeGraph, and the
formats it writes (JSON-LD compacted and isomorphic to the Turtle, GraphML valid
against the GraphML schema)."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from lxml import etree
from rdflib import Graph
from rdflib.compare import to_isomorphic

import graphbuild
from graphbuild.store.query import QueryError, Table

from .conftest import GOLD, ROOT

GRAPHML_XSD = ROOT / "tests" / "data" / "graphml" / "graphml.xsd"


def test_api_dir_shows_a_small_documented_api():
    names = [n for n in dir(graphbuild) if not n.startswith("_")]
    assert {"build", "KnowledgeGraph", "Entity", "Event", "Statement", "Table"} <= set(names)
    assert len(names) <= 12
    for name in names:
        assert getattr(graphbuild, name).__doc__, name


def test_api_build_returns_a_knowledge_graph(seed_result):
    assert isinstance(seed_result, graphbuild.KnowledgeGraph)
    assert isinstance(seed_result, graphbuild.BuildResult)
    assert "documents" in repr(seed_result) and "entities" in repr(seed_result)


@pytest.mark.parametrize("sparql, expected", [
    ("SELECT ?name WHERE { ?p a gb:Person ; rdfs:label ?name }", ("Xi Jinping",)),
    ("SELECT ?alias WHERE { entity:vladimir-putin skos:altLabel ?alias }", None),
    ("SELECT ?h WHERE { ?d a schema:NewsArticle ; schema:headline ?h }", None),
    ("SELECT ?s WHERE { ?s prov:wasDerivedFrom ?d } LIMIT 1", None),
    ("PREFIX ex: <http://example.org/>\nSELECT ?name WHERE { ?p a gb:Person ; rdfs:label ?name }", ("Xi Jinping",)),
])
def test_api_query_predeclares_the_project_prefixes(seed_result, sparql, expected):
    table = seed_result.query(sparql)
    assert isinstance(table, Table)
    rows = list(table)
    if expected:
        assert expected in rows
    else:
        assert isinstance(rows, list)


def test_api_query_ask_and_errors(seed_result):
    assert seed_result.query("ASK { entity:vladimir-putin a gb:Person }") is True
    with pytest.raises(QueryError, match="unknown prefix 'foaf:' at line 2"):
        seed_result.query("SELECT ?n WHERE {\n ?p foaf:name ?n }")


def test_api_query_as_frame(seed_result):
    pd = pytest.importorskip("pandas")
    frame = seed_result.query("SELECT ?name ?cls WHERE { ?p a gb:Person ; rdfs:label ?name . BIND('x' AS ?cls) }",
                              as_frame=True)
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == ["name", "cls"]
    assert "Vladimir Putin" in set(frame["name"])


def test_api_typed_records_agree_with_the_summary(seed_result):
    counts = seed_result.counts
    entities, events, statements = seed_result.entities, seed_result.events, seed_result.statements
    assert len(entities) == counts["entities"] and len(events) == counts["events"]
    assert all(isinstance(e, graphbuild.Entity) for e in entities)
    assert all(isinstance(e, graphbuild.Event) for e in events)
    assert all(isinstance(s, graphbuild.Statement) for s in statements)
    putin = next(e for e in entities if e.id == "entity:vladimir-putin")
    assert putin.cls == "Person" and putin.label == "Vladimir Putin"
    ids = {e.id for e in entities}
    assert all(set(ev.participants) | set(ev.locations) <= ids for ev in events)
    assert all(ev.id.startswith("event:") for ev in events)
    assert {(s.subject, s.predicate, s.object) for s in statements} == {
        (u.replace("/", ":", 1), d["predicate"], v.replace("/", ":", 1))
        for u, v, d in seed_result.graph.edges(data=True) if d["kind"] == "relation"}
    dated = [ev.date for ev in events if ev.date]
    assert dated == sorted(dated) and all(ev.date for ev in events[: len(dated)])


def test_api_to_networkx_and_to_rdflib(seed_result):
    g = seed_result.to_networkx()
    assert isinstance(g, nx.MultiDiGraph) and g.nodes["entity:vladimir-putin"]["label"] == "Vladimir Putin"
    # One id form: the API's records, networkx, GraphML and the CSV tables name nodes alike.
    assert {e.id for e in seed_result.entities} == {n for n, d in g.nodes(data=True) if d["kind"] == "entity"}
    assert {e.id for e in seed_result.events} == {n for n, d in g.nodes(data=True) if d["kind"] == "event"}
    assert g is not seed_result.graph and len(g) == len(seed_result.graph)
    assert g.number_of_edges() == seed_result.graph.number_of_edges()
    rdf = seed_result.to_rdflib()
    turtle = Graph().parse(data=seed_result.to_turtle(), format="turtle")
    assert to_isomorphic(rdf) == to_isomorphic(turtle)
    assert dict(rdf.namespaces())["gb"].startswith("https://w3id.org/graphbuild/ontology")


def test_api_write_named_formats(seed_result, tmp_path):
    written = seed_result.write(tmp_path, formats=["ttl", "html", "graphml", "jsonld"])
    assert sorted(p.name for p in written) == ["graph.graphml", "graph.html", "graph.jsonld", "graph.ttl"]
    with pytest.raises(ValueError, match="unknown format"):
        seed_result.write(tmp_path, formats=["pdf"])


def test_api_evaluate_scores_against_gold(seed_result):
    report = seed_result.evaluate(GOLD)
    assert report.entities.f1 > 0.9


def test_jsonld_is_compacted_and_isomorphic_to_the_turtle(seed_result):
    data = seed_result.to_rdf("jsonld")
    doc = json.loads(data)
    assert doc["@context"]["gb"] == "https://w3id.org/graphbuild/ontology#"
    assert doc["@context"]["entity"] == "https://w3id.org/graphbuild/resource/entity/"
    putin = next(n for n in doc["@graph"] if n["@id"] == "entity:vladimir-putin")
    assert putin["rdfs:label"] == "Vladimir Putin" and "gb:Person" in json.dumps(putin["@type"])
    from_jsonld = Graph().parse(data=data, format="json-ld")
    from_turtle = Graph().parse(data=seed_result.to_turtle(), format="turtle")
    assert len(from_jsonld) == len(from_turtle)
    assert to_isomorphic(from_jsonld) == to_isomorphic(from_turtle)


@pytest.fixture(scope="module")
def graphml_schema():
    return etree.XMLSchema(etree.parse(str(GRAPHML_XSD)))


def test_graphml_validates_against_the_graphml_schema(seed_result, graphml_schema):
    doc = etree.fromstring(seed_result.to_graphml())
    assert graphml_schema.validate(doc), graphml_schema.error_log
    ids = [k.get("id") for k in doc.iter("{http://graphml.graphdrawing.org/xmlns}key")]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("fault", ["duplicate key id", "slash in node id", "duplicate edge id", "dangling edge"])
def test_graphml_schema_rejects_what_graphml_forbids(graphml_schema, fault):
    keys = '<key id="d0" for="node" attr.name="label" attr.type="string"/>'
    keys += '<key id="d0" for="edge" attr.name="label" attr.type="string"/>' if fault == "duplicate key id" else ""
    a = "entity/a" if fault == "slash in node id" else "entity:a"
    edges = '<edge id="e0" source="entity:b" target="entity:c"/>'
    edges += '<edge id="e0" source="entity:b" target="entity:c"/>' if fault == "duplicate edge id" else ""
    edges += '<edge id="e9" source="entity:b" target="nowhere"/>' if fault == "dangling edge" else ""
    text = (f'<graphml xmlns="http://graphml.graphdrawing.org/xmlns">{keys}<graph edgedefault="directed">'
            f'<node id="{a}"><data key="d0">A</data></node><node id="entity:b"/><node id="entity:c"/>'
            f'{edges}</graph></graphml>')
    assert not graphml_schema.validate(etree.fromstring(text))
    clean = text.replace(keys, keys[: keys.index("/>") + 2]).replace(a, "entity:a")
    clean = clean.replace(edges, '<edge id="e0" source="entity:b" target="entity:c"/>')
    assert graphml_schema.validate(etree.fromstring(clean)), graphml_schema.error_log


def test_example_events_by_date_lists_every_event_with_its_place(seed_result):
    from graphbuild.store.query import example_queries

    table = seed_result.query(example_queries()["events-by-date"])
    assert table.variables == ("date", "class", "event", "place", "participants")
    assert len(table) == seed_result.counts["events"] == len(seed_result.events)
    dates = [row[0] for row in table]
    assert dates == sorted(dates, key=lambda d: (d == "", d))


def test_example_events_by_date_keeps_events_without_participants(tmp_path):
    from graphbuild.store.query import example_queries, open_store, run_query

    path = tmp_path / "graph.ttl"
    path.write_text(
        "@prefix gb: <https://w3id.org/graphbuild/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        "@prefix entity: <https://w3id.org/graphbuild/resource/entity/> .\n"
        "@prefix event: <https://w3id.org/graphbuild/resource/event/> .\n"
        'entity:geneva a gb:City, gb:Place ; rdfs:label "Geneva" .\n'
        'entity:ann a gb:Person ; rdfs:label "Ann Example" .\n'
        'event:a1 a gb:Summit, gb:Event ; rdfs:label "Summit, Geneva" ; gb:location entity:geneva ;\n'
        '    gb:date "2024-05-02"^^xsd:date ; gb:confidence 0.8 .\n'
        'event:b2 a gb:Visit, gb:Event ; rdfs:label "Ann Example visit" ; gb:participant entity:ann ;\n'
        '    gb:confidence 0.9 .\n'
        'entity:the-war a gb:War, gb:Conflict, gb:Event ; rdfs:label "The War" .\n', encoding="utf-8")
    table = run_query(open_store(path), example_queries()["events-by-date"])
    assert [tuple(row) for row in table] == [
        ("2024-05-02", "Summit", "Summit, Geneva", "Geneva", ""),
        ("", "Visit", "Ann Example visit", "", "Ann Example"),
    ]
