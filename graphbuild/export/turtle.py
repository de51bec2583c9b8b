"""RDF export: the graph as an rdflib Graph, serialised by rdflib (Turtle and others)."""

from __future__ import annotations

import networkx as nx
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

from ..vocab import GB, GBR, SCHEMA, WD, class_chain

#: rdflib format names for ``--format``.
RDF_FORMATS = {"turtle": "turtle", "ttl": "turtle", "nt": "nt", "ntriples": "nt",
               "jsonld": "json-ld", "json-ld": "json-ld", "trig": "trig", "xml": "xml"}


RESOURCE_KINDS = ("entity", "event", "document", "statement")


def iri(node: str) -> URIRef:
    return GBR[node]


def document_iri(doc_id: str) -> URIRef:
    return GBR[f"document/{doc_id}"]


def to_rdf(graph: nx.MultiDiGraph) -> Graph:
    """Every node, edge and document of ``graph`` as triples."""
    g = Graph()
    for prefix, ns in (("gb", GB), ("gbr", GBR), ("wd", WD), ("schema", SCHEMA), ("prov", PROV),
                       ("skos", SKOS), ("owl", OWL), ("xsd", XSD), ("rdfs", RDFS)):
        g.bind(prefix, ns)
    # Turtle cannot write "gbr:entity/x" as a prefixed name; one prefix per kind keeps
    # the file readable ("entity:vladimir-putin") with the same IRIs.
    for kind in RESOURCE_KINDS:
        g.bind(kind, Namespace(f"{GBR}{kind}/"))

    for doc in graph.graph.get("documents", ()):
        d = document_iri(doc.id)
        g.add((d, RDF.type, GB.Document))
        g.add((d, RDF.type, SCHEMA.NewsArticle))
        if doc.headline:
            g.add((d, SCHEMA.headline, Literal(doc.headline)))
        if doc.date_published:
            g.add((d, SCHEMA.datePublished, Literal(doc.date_published, datatype=XSD.date)))
        if doc.publisher:
            g.add((d, SCHEMA.publisher, Literal(doc.publisher)))
        if doc.byline:
            g.add((d, SCHEMA.author, Literal(doc.byline)))
        g.add((d, GB.sourceFile, Literal(doc.source_file)))
        g.add((d, GB.sha256, Literal(doc.sha256)))

    for node, data in graph.nodes(data=True):
        if data.get("kind") != "entity":
            continue
        s = iri(node)
        for cls in class_chain(data["cls"]):
            g.add((s, RDF.type, GB[cls]))
        g.add((s, RDFS.label, Literal(data["label"])))
        for alt in data.get("alt_labels", ()):
            g.add((s, SKOS.altLabel, Literal(alt)))
        if data.get("wikidata"):
            g.add((s, OWL.sameAs, WD[data["wikidata"]]))
        g.add((s, GB.mentionCount, Literal(int(data.get("mention_count", 0)))))
        for doc_id in data.get("documents", ()):
            g.add((document_iri(doc_id), SCHEMA.mentions, s))
    return g


def serialize(graph: nx.MultiDiGraph, fmt: str = "turtle") -> bytes:
    """The graph in an RDF format rdflib writes (``turtle``, ``nt``, ``jsonld``, ``trig``)."""
    rdf_format = RDF_FORMATS.get(fmt.lower())
    if rdf_format is None:
        raise ValueError(f"unknown RDF format {fmt!r}; choose one of {', '.join(sorted(RDF_FORMATS))}")
    data = to_rdf(graph).serialize(format=rdf_format, encoding="utf-8")
    if rdf_format == "nt":
        # N-Triples has no order of its own: sort the lines so the bytes are stable.
        lines = sorted(set(data.decode("utf-8").splitlines()))
        data = ("\n".join(line for line in lines if line) + "\n").encode("utf-8")
    return data
