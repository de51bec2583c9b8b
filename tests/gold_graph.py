"""Build the graph a perfect extractor would write for a gold file, in the contract's
shape (entities, documents, reified statements, event nodes), to test the scorer."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from graphbuild.evaluate.gold import names_of
from graphbuild.export.turtle import date_literal
from graphbuild.ids import slugify
from graphbuild.vocab import GB, GB_IRI, GBR, core_class


def entity_iri(name: str) -> URIRef:
    return GBR[f"entity/{slugify(name)}"]


def gold_graph(gold: dict, doubled_events: bool = False) -> Graph:
    g = Graph()
    documents = gold.get("documents") or {}
    keys = {str(r["doc"]) for r in gold.get("relations", [])} | {str(e["doc"]) for e in gold.get("events", [])}
    keys |= set(documents)
    for key in sorted(keys):
        doc = GBR[f"document/{key}"]
        g.add((doc, RDF.type, GB.Document))
        g.add((doc, GB.sourceFile, Literal(documents.get(key, {}).get("file") or f"{key}.txt")))
    for entity in gold["entities"]:
        node = entity_iri(entity["name"])
        g.add((node, RDFS.label, Literal(entity["name"])))
        for cls in {entity["type"], core_class(entity["type"])}:
            g.add((node, RDF.type, GB[cls]))
        for alias in entity.get("aliases", []):
            g.add((node, SKOS.altLabel, Literal(alias)))
    for i, rel in enumerate(gold.get("relations", [])):
        s, o = entity_iri(names_of(rel["s"])[0]), entity_iri(names_of(rel["o"])[0])
        g.add((s, GB[rel["p"]], o))
        st = GBR[f"statement/{i}"]
        g.add((st, RDF.type, RDF.Statement))
        g.add((st, RDF.subject, s))
        g.add((st, RDF.predicate, GB[rel["p"]]))
        g.add((st, RDF.object, o))
        g.add((st, PROV.wasDerivedFrom, GBR[f"document/{rel['doc']}"]))
    for i, event in enumerate(gold.get("events", [])):
        for copy in range(2 if doubled_events else 1):
            node = GBR[f"event/{i}-{copy}"]
            g.add((node, RDF.type, GB.Event))
            g.add((node, RDF.type, URIRef(GB_IRI + event["type"])))  # types beyond the vocabulary too
            g.add((node, RDFS.label, Literal(f"{event['type']} {i}")))
            g.add((node, PROV.wasDerivedFrom, GBR[f"document/{event['doc']}"]))
            for name in names_of(event.get("participants")):
                g.add((node, GB.participant, entity_iri(name)))
            for name in names_of(event.get("host"))[:1]:
                g.add((node, GB.host, entity_iri(name)))
            for name in names_of(event.get("location"))[:1]:
                g.add((node, GB.location, entity_iri(name)))
            if event.get("date"):
                g.add((node, GB.date, date_literal(event["date"])))
    return g
