"""What a built graph predicts, read from its RDF (so any graph.ttl can be scored)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from ..run.resources import graph_file
from ..vocab import CORE_CLASSES, GB, GB_IRI, GBR_IRI
from .gold import doc_key_for, normalize_name

ENTITY_PREFIX = GBR_IRI + "entity/"
EVENT_PREFIX = GBR_IRI + "event/"


@dataclass(frozen=True)
class PredictedEntity:
    iri: str
    label: str
    names: frozenset[str]
    classes: frozenset[str]


@dataclass(frozen=True)
class PredictedStatement:
    doc: str
    s: str
    p: str
    o: str


@dataclass(frozen=True)
class PredictedEvent:
    iri: str
    label: str
    classes: frozenset[str]
    docs: frozenset[str]
    participants: frozenset[str]
    hosts: frozenset[str]
    locations: frozenset[str]
    dates: tuple[str, ...]


def load_graph(target) -> Graph:
    """``target``: an rdflib Graph, a graph.ttl, or a build folder holding one."""
    if isinstance(target, Graph):
        return target
    path = graph_file(Path(target))
    g = Graph()
    g.parse(path, format="turtle" if path.suffix in (".ttl", ".turtle") else None)
    return g


def entities(g: Graph) -> list[PredictedEntity]:
    core = {GB[c] for c in CORE_CLASSES}
    found = []
    for s in sorted(set(g.subjects(RDF.type, None))):
        if not isinstance(s, URIRef) or not str(s).startswith(ENTITY_PREFIX):
            continue
        classes = {str(o).rsplit("#", 1)[-1] for o in g.objects(s, RDF.type) if o in core}
        label = str(g.value(s, RDFS.label) or "")
        names = {normalize_name(label)} | {normalize_name(str(a)) for a in g.objects(s, SKOS.altLabel)}
        found.append(PredictedEntity(str(s), label, frozenset(n for n in names if n), frozenset(classes)))
    return found


def doc_keys(g: Graph, gold: dict) -> dict[str, str]:
    """Document IRI -> gold document key."""
    keys = {}
    for doc in g.subjects(RDF.type, GB.Document):
        key = doc_key_for(str(g.value(doc, GB.sourceFile) or ""), gold)
        if key is not None:
            keys[str(doc)] = key
    return keys


def statements(g: Graph, keys: dict[str, str]) -> set[PredictedStatement]:
    found = set()
    for st in g.subjects(RDF.type, RDF.Statement):
        p = str(g.value(st, RDF.predicate))
        if not p.startswith(GB_IRI):
            continue
        if str(g.value(st, GB.modality)) == "former":
            continue  # a past role is no claim of the current fact that gold relations state
        for doc in g.objects(st, PROV.wasDerivedFrom):
            if str(doc) in keys:
                found.add(PredictedStatement(keys[str(doc)], str(g.value(st, RDF.subject)), p[len(GB_IRI):],
                                             str(g.value(st, RDF.object))))
    return found


def events(g: Graph, keys: dict[str, str]) -> list[PredictedEvent]:
    found = []
    for e in sorted(set(g.subjects(RDF.type, GB.Event))):
        if not str(e).startswith(EVENT_PREFIX):
            continue
        found.append(PredictedEvent(
            iri=str(e),
            label=str(g.value(e, RDFS.label) or e),
            classes=frozenset(str(c)[len(GB_IRI):] for c in g.objects(e, RDF.type) if str(c).startswith(GB_IRI)),
            docs=frozenset(keys[str(d)] for d in g.objects(e, PROV.wasDerivedFrom) if str(d) in keys),
            participants=frozenset(str(p) for p in g.objects(e, GB.participant)),
            hosts=frozenset(str(p) for p in g.objects(e, GB.host)),
            locations=frozenset(str(p) for p in g.objects(e, GB.location)),
            dates=tuple(sorted(str(d) for d in g.objects(e, GB.date))),
        ))
    return found


def containment(g: Graph) -> dict[str, frozenset[str]]:
    """Place IRI -> every place the graph says it lies in (gb:locatedIn, transitively)."""
    direct: dict[str, set[str]] = {}
    for s, o in g.subject_objects(GB.locatedIn):
        direct.setdefault(str(s), set()).add(str(o))
    closed = {}
    for start in direct:
        seen, todo = set(), list(direct[start])
        while todo:
            place = todo.pop()
            if place not in seen:
                seen.add(place)
                todo.extend(direct.get(place, ()))
        closed[start] = frozenset(seen)
    return closed
