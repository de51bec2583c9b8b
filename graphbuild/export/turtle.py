"""RDF export: the graph as an rdflib Graph, serialised by rdflib (Turtle and others)."""

from __future__ import annotations

from decimal import Decimal

import networkx as nx
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

from ..ids import content_hash
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
        if data.get("kind") == "event":
            _event_triples(g, node, data, graph)
            continue
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
    for u, v, data in graph.edges(data=True):
        if data.get("kind") == "relation":
            _relation_triples(g, u, v, data)
    return g


def statement_iri(st) -> URIRef:
    ev = st.evidence
    return GBR[f"statement/{content_hash(st.subject, st.predicate, st.object, ev.doc_id, ev.start, ev.end)}"]


def _relation_triples(g: Graph, u: str, v: str, data: dict) -> None:
    """The direct triple, and one reified rdf:Statement per sentence that states it."""
    s, o, p = iri(u), iri(v), GB[data["predicate"]]
    g.add((s, p, o))
    for st in data.get("statements", ()):
        node = statement_iri(st)
        g.add((node, RDF.type, RDF.Statement))
        g.add((node, RDF.subject, s))
        g.add((node, RDF.predicate, p))
        g.add((node, RDF.object, o))
        g.add((node, PROV.wasDerivedFrom, document_iri(st.evidence.doc_id)))
        g.add((node, GB.evidence, Literal(st.evidence.sentence)))
        g.add((node, GB.sentenceStart, Literal(st.evidence.start, datatype=XSD.nonNegativeInteger)))
        g.add((node, GB.sentenceEnd, Literal(st.evidence.end, datatype=XSD.nonNegativeInteger)))
        g.add((node, GB.confidence, Literal(Decimal(str(st.confidence)), datatype=XSD.decimal)))
        g.add((node, GB.rule, Literal(st.rule)))
        g.add((node, GB.modality, Literal(st.modality)))
        if data.get("cameo"):
            g.add((node, GB.cameoCode, Literal(data["cameo"])))


def date_literal(value: str) -> Literal:
    """'2023-10-19' -> xsd:date, '2023-10' -> xsd:gYearMonth, '2023' -> xsd:gYear."""
    datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}.get(len(value), XSD.string)
    return Literal(value, datatype=datatype)


def _event_triples(g: Graph, node: str, data: dict, graph: nx.MultiDiGraph) -> None:
    e = iri(node)
    for cls in class_chain(data["cls"]):
        g.add((e, RDF.type, GB[cls]))
    g.add((e, RDFS.label, Literal(data["label"])))
    for _, target, role in graph.out_edges(node, keys=True):
        g.add((e, GB[role], iri(target)))
    if data.get("date"):
        g.add((e, GB.date, date_literal(data["date"])))
    for doc_id in data.get("documents", ()):
        g.add((e, PROV.wasDerivedFrom, document_iri(doc_id)))
    for ev in data.get("evidence", ()):
        g.add((e, GB.evidence, Literal(ev.sentence)))
    g.add((e, GB.confidence, Literal(Decimal(str(data.get("confidence", 0.0))), datatype=XSD.decimal)))
    g.add((e, GB.mentionCount, Literal(int(data.get("mention_count", 0)))))
    g.add((e, GB.modality, Literal(data.get("modality", "asserted"))))
    if data.get("cameo"):
        g.add((e, GB.cameoCode, Literal(data["cameo"])))


def to_dataset(graph: nx.MultiDiGraph):
    """The graph as a dataset: the facts and statements read from each document in a
    named graph named by the document's IRI; everything else in the default graph."""
    from rdflib import Dataset

    whole = to_rdf(graph)
    ds = Dataset()
    for prefix, ns in whole.namespaces():
        ds.bind(prefix, ns)
    per_doc: dict[str, set] = {}
    for u, v, data in graph.edges(data=True):
        if data.get("kind") != "relation":
            continue
        for st in data.get("statements", ()):
            node = statement_iri(st)
            triples = per_doc.setdefault(st.evidence.doc_id, set())
            triples.add((iri(u), GB[data["predicate"]], iri(v)))
            triples.update(whole.triples((node, None, None)))
    placed = set()
    for doc_id in sorted(per_doc):
        named = ds.graph(document_iri(doc_id))
        for t in sorted(per_doc[doc_id]):
            named.add(t)
            placed.add(t)
    default = ds.default_graph if hasattr(ds, "default_graph") else ds.default_context
    for t in whole:
        if t not in placed:
            default.add(t)
    return ds


def serialize(graph: nx.MultiDiGraph, fmt: str = "turtle") -> bytes:
    """The graph in an RDF format rdflib writes (``turtle``, ``nt``, ``jsonld``, ``trig``)."""
    rdf_format = RDF_FORMATS.get(fmt.lower())
    if rdf_format is None:
        raise ValueError(f"unknown RDF format {fmt!r}; choose one of {', '.join(sorted(RDF_FORMATS))}")
    if rdf_format == "trig":
        return to_dataset(graph).serialize(format="trig", encoding="utf-8")
    data = to_rdf(graph).serialize(format=rdf_format, encoding="utf-8")
    if rdf_format == "nt":
        # N-Triples has no order of its own: sort the lines so the bytes are stable.
        lines = sorted(set(data.decode("utf-8").splitlines()))
        data = ("\n".join(line for line in lines if line) + "\n").encode("utf-8")
    return data
