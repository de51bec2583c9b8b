"""RDF export: the graph's triples as Turtle, N-Triples, TriG or JSON-LD, written
subject by subject straight to a file.

Why not rdflib's own Turtle serializer for everything: it needs the whole graph in an
in-memory store first, and for 8,000 articles that took 187 s and 2.6 GB (measured).
Here the triples of one subject at a time are made from the NetworkX graph, formatted
(and escaped) by rdflib term by term, and written out: memory holds one subject's
triples and the sorted list of subject IRIs, never the whole file.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from decimal import Decimal
from functools import cache, lru_cache
from itertools import groupby
from types import SimpleNamespace
from typing import BinaryIO, Iterator

import networkx as nx
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

from ..ids import content_hash
from .literals import drop_ill_typed, log, valid_date_value
from ..vocab import GB, GBR, SCHEMA, WD, class_chain
from .jsonld import write_jsonld
from .ntriples import write_ntriples
from .provenance import correction_iri, correction_subjects

#: rdflib format names for ``--format``.
RDF_FORMATS = {"turtle": "turtle", "ttl": "turtle", "nt": "nt", "ntriples": "nt",
               "jsonld": "json-ld", "json-ld": "json-ld", "trig": "trig"}


RESOURCE_KINDS = ("entity", "event", "document", "statement")

Pairs = set  # {(predicate, object)} of one subject

_PLAIN_LOCAL = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")


# Cached term makers: rdflib builds every term in Python (a Literal costs 5-14 us, even
# RDF.type 2 us), and the same few thousand terms repeat across a million triples.
@lru_cache(maxsize=1 << 17)
def iri(node: str) -> URIRef:
    return GBR[node]


@lru_cache(maxsize=1 << 15)
def document_iri(doc_id: str) -> URIRef:
    return GBR[f"document/{doc_id}"]


@lru_cache(maxsize=None)
def _gb(name: str) -> URIRef:
    return GB[name]


@lru_cache(maxsize=1 << 16, typed=True)
def _literal(value, datatype: URIRef | None = None) -> Literal:
    """A literal of a value that repeats (rules, modalities, offsets, counts, dates)."""
    return Literal(value, datatype=datatype)


@lru_cache(maxsize=1 << 12)
def _decimal(value: float) -> Literal:
    return Literal(Decimal(str(value)), datatype=XSD.decimal)


@cache
def _terms() -> SimpleNamespace:
    return SimpleNamespace(
        type=RDF.type, Statement=RDF.Statement, subject=RDF.subject, predicate=RDF.predicate,
        object=RDF.object, derived=PROV.wasDerivedFrom, label=RDFS.label, alt=SKOS.altLabel,
        same=OWL.sameAs, mentions=SCHEMA.mentions, nonneg=XSD.nonNegativeInteger, date=XSD.date,
    )


def prefixes() -> list[tuple[str, Namespace]]:
    # Turtle cannot write "gbr:entity/x" as a prefixed name; one prefix per kind keeps
    # the file readable ("entity:vladimir-putin") with the same IRIs.
    return [("gb", GB), ("gbr", GBR), ("wd", WD), ("schema", SCHEMA), ("prov", PROV), ("skos", SKOS),
            ("owl", OWL), ("xsd", XSD), ("rdfs", RDFS), ("rdf", RDF),
            *((kind, Namespace(f"{GBR}{kind}/")) for kind in RESOURCE_KINDS)]


def subjects(graph: nx.MultiDiGraph, ntriples_order: bool = False,
             without_stated: bool = False) -> Iterator[tuple[URIRef, Pairs]]:
    """Every subject of the graph's RDF with its (predicate, object) pairs, in IRI order
    (or in the order of their N-Triples form, ``<iri>``, which differs where one IRI
    is the start of another). ``without_stated``: leave out the reified statements and
    the relation triples they state (TriG puts those in each document's graph).

    Only the plan (one small tuple per subject) is held for the whole graph; the pairs
    are made when their subject's turn comes.
    """
    documents = {d.id: d for d in graph.graph.get("documents", ())}
    mentioned_in: dict[str, list[str]] = defaultdict(list)
    plan: list[tuple[str, str, object]] = [(str(document_iri(doc_id)), "document", doc_id) for doc_id in documents]
    for node, data in graph.nodes(data=True):
        if data.get("kind") == "entity":
            for doc_id in data.get("documents", ()):
                if doc_id not in documents and doc_id not in mentioned_in:
                    plan.append((str(document_iri(doc_id)), "document", doc_id))
                mentioned_in[doc_id].append(node)
        plan.append((str(iri(node)), "node", node))
    for u, v, key, data in graph.edges(keys=True, data=True):
        if data.get("kind") == "relation" and not without_stated:
            for i, st in enumerate(data.get("statements", ())):
                plan.append((str(statement_iri(st)), "statement", (u, v, key, i)))
    plan.extend((subject, "given", pairs) for subject, pairs in correction_subjects(graph))
    plan.sort(key=(lambda entry: entry[0] + ">") if ntriples_order else (lambda entry: entry[0]))
    for subject, entries in groupby(plan, key=lambda entry: entry[0]):
        pairs: Pairs = set()
        for _, kind, ref in entries:
            if kind == "document":
                _document_pairs(pairs, documents.get(ref), mentioned_in.get(ref, ()))
            elif kind == "node":
                _node_pairs(pairs, graph, ref, without_stated)
            elif kind == "given":
                pairs |= ref
            else:
                u, v, key, i = ref
                data = graph.edges[u, v, key]
                _statement_pairs(pairs, u, v, data, data["statements"][i])
        if pairs:
            yield URIRef(subject), drop_ill_typed(subject, pairs)


#: A URL written as schema:url: absolute, and nothing in it a reader of the literal
#: would have to escape back (a relative or broken link is left out).
#: A web address a reader may follow: http or https only (a javascript:// or file:// one
#: would run or open something), no spaces, controls, bidi or invisible format characters.
_ABSOLUTE_URL = re.compile(r"https?://[^\s<>\"{}|\\^`\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]+",
                           re.I)


def _document_pairs(pairs: Pairs, doc, mentioned: list[str]) -> None:
    if doc is not None:
        pairs.add((RDF.type, GB.Document))
        pairs.add((RDF.type, SCHEMA.NewsArticle))
        if doc.headline:
            pairs.add((SCHEMA.headline, Literal(doc.headline)))
        published = date_literal(doc.date_published) if doc.date_published else None
        if published is not None:
            pairs.add((SCHEMA.datePublished, published))
        if doc.publisher:
            pairs.add((SCHEMA.publisher, Literal(doc.publisher)))
        if doc.byline:
            pairs.add((SCHEMA.author, Literal(doc.byline)))
        if doc.url and _ABSOLUTE_URL.fullmatch(doc.url):
            pairs.add((SCHEMA.url, Literal(doc.url, datatype=XSD.anyURI)))
        pairs.add((GB.sourceFile, Literal(doc.source_file)))
        if doc.record:
            pairs.add((GB.sourceRecord, Literal(doc.record)))
        pairs.add((GB.sha256, Literal(doc.sha256)))
    for node in mentioned:
        pairs.add((_terms().mentions, iri(node)))


def _node_pairs(pairs: Pairs, graph: nx.MultiDiGraph, node: str, without_stated: bool = False) -> None:
    data = graph.nodes[node]
    kind = data.get("kind")
    if kind == "event":
        _event_pairs(pairs, node, data, graph)
    elif kind == "entity":
        t = _terms()
        for cls in class_chain(data["cls"]):
            pairs.add((t.type, _gb(cls)))
        pairs.add((t.label, Literal(data["label"])))
        for alt in data.get("alt_labels", ()):
            pairs.add((t.alt, Literal(alt)))
        if data.get("wikidata"):
            pairs.add((t.same, WD[data["wikidata"]]))
        pairs.add((_gb("mentionCount"), _literal(int(data.get("mention_count", 0)))))
        for key in data.get("corrections", ()):
            pairs.add((_gb("correctedBy"), correction_iri(key)))
    for _, target, edge in graph.out_edges(node, data=True):
        if edge.get("kind") == "relation" and not (without_stated and edge.get("statements")) \
                and edge.get("modality") != "former":
            # A fact stated only as past ("former president") has its statements, and
            # no direct triple that would read as a current fact.
            pairs.add((_gb(edge["predicate"]), iri(target)))


def stated_in(graph: nx.MultiDiGraph) -> Iterator[tuple[URIRef, Iterator[tuple[URIRef, Pairs]]]]:
    """Per document, in IRI order: the relation triples stated in it and their reified
    statements, by subject in IRI order."""
    by_doc: dict[str, list] = defaultdict(list)
    for u, v, key, data in graph.edges(keys=True, data=True):
        if data.get("kind") == "relation":
            for i, st in enumerate(data.get("statements", ())):
                by_doc[st.evidence.doc_id].append((u, v, key, i))
    for doc_id in sorted(by_doc, key=lambda d: str(document_iri(d))):
        yield document_iri(doc_id), _stated_subjects(graph, by_doc[doc_id])


def _stated_subjects(graph: nx.MultiDiGraph, refs: list) -> Iterator[tuple[URIRef, Pairs]]:
    by_subject: dict[URIRef, Pairs] = defaultdict(set)
    for u, v, key, i in refs:
        data = graph.edges[u, v, key]
        if data.get("modality") != "former":
            by_subject[iri(u)].add((_gb(data["predicate"]), iri(v)))
        st = data["statements"][i]
        _statement_pairs(by_subject[statement_iri(st)], u, v, data, st)
    for subject in sorted(by_subject, key=str):
        yield subject, by_subject[subject]


def add_triples(g, graph: nx.MultiDiGraph) -> None:
    """Add every triple of ``graph`` to ``g`` (anything with an ``add((s, p, o))``)."""
    for subject, pairs in subjects(graph):
        for p, o in pairs:
            g.add((subject, p, o))


def _namespace_manager():
    from rdflib.namespace import NamespaceManager

    nm = NamespaceManager(Graph(), bind_namespaces="none")
    for prefix, ns in prefixes():
        nm.bind(prefix, ns, override=True, replace=True)
    return nm


def _object_order(o) -> tuple[str, str]:
    return type(o).__name__, str(o)


class TurtleBlocks:
    """Turtle text of one subject at a time; rdflib formats (and escapes) every term."""

    def __init__(self) -> None:
        self.nm = _namespace_manager()
        self.names: dict = {}

    def header(self) -> str:
        return "\n".join(f"@prefix {prefix}: <{ns}> ." for prefix, ns in sorted(prefixes())) + "\n"

    def n3(self, term) -> str:
        # Terms repeat on every line and rdflib's prefix lookup is the slow part: each
        # is formatted once. Long literals (sentences) are unique: never kept.
        text = self.names.get(term)
        if text is None:
            text = term.n3(self.nm)
            if len(term) <= 120:
                if len(self.names) > 1 << 18:
                    self.names.clear()
                self.names[term] = text
        return text

    def block(self, subject, pairs: Pairs, indent: str = "") -> str:
        by_predicate: dict = {}
        for p, o in pairs:
            by_predicate.setdefault(p, []).append(o)
        parts = []
        rdf_type = _terms().type
        for p in sorted(by_predicate, key=lambda p: (p != rdf_type, str(p))):
            objects = ", ".join(self.n3(o) for o in sorted(by_predicate[p], key=_object_order))
            parts.append(f"{'a' if p == rdf_type else self.n3(p)} {objects}")
        return f"{indent}{self.subject_n3(subject)} " + f" ;\n{indent}    ".join(parts) + " .\n"

    def subject_n3(self, subject: URIRef) -> str:
        # Subjects never repeat, and rdflib's prefix lookup costs a fifth of the writer
        # (measured): a graphbuild resource with a plain local name is written
        # "kind:name" directly, which is what rdflib writes for it.
        kind, _, local = str(subject).removeprefix(str(GBR)).partition("/")
        if kind in RESOURCE_KINDS and str(subject).startswith(str(GBR)) and _PLAIN_LOCAL.fullmatch(local):
            return f"{kind}:{local}"
        return subject.n3(self.nm)


def write_turtle(graph: nx.MultiDiGraph, out: BinaryIO) -> None:
    """Turtle into ``out``, one block per subject in IRI order."""
    turtle = TurtleBlocks()
    out.write(turtle.header().encode("utf-8"))
    for subject, pairs in subjects(graph):
        out.write(("\n" + turtle.block(subject, pairs)).encode("utf-8"))


def write_trig(graph: nx.MultiDiGraph, out: BinaryIO) -> None:
    """TriG into ``out``: the facts and statements read from each document in a named
    graph named by the document's IRI (documents in IRI order); everything else in
    the default graph.

    Written here rather than by rdflib, whose TriG serializer needs the whole dataset
    in memory and writes the named graphs in an order that changes with the hash seed.
    """
    turtle = TurtleBlocks()
    out.write(turtle.header().encode("utf-8"))
    for subject, pairs in subjects(graph, without_stated=True):
        out.write(("\n" + turtle.block(subject, pairs)).encode("utf-8"))
    for name, stated in stated_in(graph):
        out.write(f"\n{turtle.n3(name)} {{\n".encode("utf-8"))
        out.write("\n".join(turtle.block(s, pairs, indent="    ") for s, pairs in stated).encode("utf-8"))
        out.write(b"}\n")




def statement_iri(st) -> URIRef:
    ev = st.evidence
    return GBR[f"statement/{content_hash(st.subject, st.predicate, st.object, ev.doc_id, ev.start, ev.end)}"]


def _statement_pairs(pairs: Pairs, u: str, v: str, data: dict, st) -> None:
    """One reified rdf:Statement per sentence that states a relation."""
    t = _terms()
    pairs.add((t.type, t.Statement))
    pairs.add((t.subject, iri(u)))
    pairs.add((t.predicate, _gb(data["predicate"])))
    pairs.add((t.object, iri(v)))
    pairs.add((t.derived, document_iri(st.evidence.doc_id)))
    pairs.add((_gb("evidence"), Literal(st.evidence.sentence)))
    pairs.add((_gb("sentenceStart"), _literal(st.evidence.start, t.nonneg)))
    pairs.add((_gb("sentenceEnd"), _literal(st.evidence.end, t.nonneg)))
    pairs.add((_gb("confidence"), _decimal(st.confidence)))
    pairs.add((_gb("rule"), _literal(st.rule)))
    pairs.add((_gb("modality"), _literal(st.modality)))
    if data.get("cameo"):
        pairs.add((_gb("cameoCode"), _literal(data["cameo"])))


def date_literal(value: str) -> Literal | None:
    """'2023-10-19' -> xsd:date, '2023-10' -> xsd:gYearMonth, '2023' -> xsd:gYear; None
    (with a warning) for what is no date, such as '2023-02-30'."""
    if not valid_date_value(value):
        log.warning("dropped the date %r: not a valid xsd date", value)
        return None
    datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}.get(len(value), XSD.string)
    return _literal(value, datatype)


def _event_pairs(pairs: Pairs, node: str, data: dict, graph: nx.MultiDiGraph) -> None:
    t = _terms()
    for cls in class_chain(data["cls"]):
        pairs.add((t.type, _gb(cls)))
    pairs.add((t.label, _literal(data["label"])))
    for _, target, role, edge in graph.out_edges(node, keys=True, data=True):
        if edge.get("kind") != "relation":
            pairs.add((_gb(role), iri(target)))
    date = date_literal(data["date"]) if data.get("date") else None
    if date is not None:
        pairs.add((_gb("date"), date))
    for doc_id in data.get("documents", ()):
        pairs.add((t.derived, document_iri(doc_id)))
    for ev in data.get("evidence", ()):
        pairs.add((_gb("evidence"), Literal(ev.sentence)))
    pairs.add((_gb("confidence"), _decimal(data.get("confidence", 0.0))))
    pairs.add((_gb("mentionCount"), _literal(int(data.get("mention_count", 0)))))
    pairs.add((_gb("articleCount"), _literal(int(data.get("article_count", 0)))))
    if data.get("end_date"):
        pairs.add((_gb("endDate"), date_literal(data["end_date"])))
    pairs.add((_gb("modality"), _literal(data.get("modality", "asserted"))))
    if data.get("cameo"):
        pairs.add((_gb("cameoCode"), _literal(data["cameo"])))


def write_rdf(graph: nx.MultiDiGraph, out: BinaryIO, fmt: str = "turtle") -> None:
    """The graph as ``turtle``, ``nt``, ``jsonld`` or ``trig`` into ``out``, subject by
    subject."""
    rdf_format = RDF_FORMATS.get(fmt.lower())
    if rdf_format is None:
        raise ValueError(f"unknown RDF format {fmt!r}; choose one of {', '.join(sorted(RDF_FORMATS))}")
    if rdf_format == "turtle":
        write_turtle(graph, out)
    elif rdf_format == "nt":
        write_ntriples(subjects(graph, ntriples_order=True), out)
    elif rdf_format == "trig":
        write_trig(graph, out)
    else:
        write_jsonld(subjects(graph), prefixes(), out)


def serialize(graph: nx.MultiDiGraph, fmt: str = "turtle") -> bytes:
    """The graph as bytes of ``turtle``, ``nt``, ``jsonld`` or ``trig``."""
    buffer = io.BytesIO()
    write_rdf(graph, buffer, fmt)
    return buffer.getvalue()
