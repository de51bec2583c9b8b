"""The one NetworkX graph every exporter reads.

Nodes are entities and events, keyed by their IRI path under ``gbr:``
("entity/vladimir-putin", "event/1a2b..."). A relation is one edge per (subject,
predicate, object) with every sentence that states it as a :class:`Statement`; its
confidence aggregates theirs. Event roles (participant, host, location) are edges
from the event node. Document metadata lives in ``graph.graph["documents"]``. Nodes
and edges are inserted in sorted order so that every export is deterministic.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from typing import Iterable

import networkx as nx

from .resolve.events import MULTILATERAL, EventCluster, Places, ResolvedEvent, cluster_events, place_containment
from .resolve.visits import visits_of_events
from .extract.lexicon import Lexicon
from .knowledge.gazetteer import Gazetteer
from .ids import content_hash
from .records import GAZETTEER, DocRecord, Document, Ref, Resolution, Statement
from .vocab import PREDICATES, class_chain, core_class

EVENT_ROLES = ("participant", "host", "location")


def entity_node(entity_id: str) -> str:
    return f"entity/{entity_id}"


def noisy_or(confidences: Iterable[float]) -> float:
    """Several independent readings of one fact: 1 - prod(1 - c)."""
    p = 1.0
    for c in confidences:
        p *= 1.0 - c
    return round(1.0 - p, 4)


def build_graph(documents: Iterable[Document], resolution: Resolution,
                records: Iterable[DocRecord] = (), lexicon: Lexicon | None = None,
                gazetteer: Gazetteer | None = None) -> nx.MultiDiGraph:
    """Assemble the graph from resolved entities, relation and event mentions, documents."""
    graph = nx.MultiDiGraph()
    docs = sorted(documents, key=lambda d: d.id)
    # Only metadata is kept: the text would make the graph grow with the corpus.
    graph.graph["documents"] = tuple(dataclasses.replace(d, segments=()) for d in docs)
    classes = {}
    for entity in sorted(resolution.entities, key=lambda e: e.id):
        classes[entity.id] = core_class(entity.cls)
        graph.add_node(
            entity_node(entity.id),
            kind="entity",
            cls=entity.cls,
            core_class=core_class(entity.cls),
            label=entity.label,
            alt_labels=entity.alt_labels,
            wikidata=entity.wikidata,
            mention_count=entity.mention_count,
            documents=entity.documents,
        )
    if resolution.corrections:
        graph.graph["corrections"] = resolution.corrections
        for correction in resolution.corrections:
            for eid in correction.entities:
                node = graph.nodes[entity_node(eid)]
                node["corrections"] = (*node.get("corrections", ()), correction.key)
    records = sorted(records, key=lambda r: r.document.id)
    assign = resolution.assignments

    def resolve_ref(doc_id: str, ref: Ref) -> str | None:
        if ref[0] == GAZETTEER:
            # A metonym resolved through the gazetteer: only to a node the corpus has.
            return ref[1] if ref[1] in classes else None
        return assign.get((doc_id, ref[0], ref[1]))

    _add_relations(graph, records, resolve_ref, classes, lexicon)
    _add_events(graph, records, resolve_ref, classes, lexicon, {d.id: d for d in docs}, gazetteer)
    return graph


def _add_relations(graph, records, resolve_ref, classes, lexicon) -> None:
    statements: dict[tuple[str, str, str], list[Statement]] = defaultdict(list)
    for record in records:
        for rel in _with_implied(record.relations):
            s = resolve_ref(record.document.id, rel.subject)
            o = resolve_ref(record.document.id, rel.object)
            if s is None or o is None or s == o:
                continue
            domain, rng, symmetric = PREDICATES[rel.predicate]
            # Domain and range on the resolved classes: a Person is never memberOf a Person.
            if classes[s] not in domain or classes[o] not in rng:
                continue
            if symmetric and o < s:
                s, o = o, s
            statements[(s, rel.predicate, o)].append(Statement(
                subject=s, predicate=rel.predicate, object=o, evidence=rel.evidence,
                confidence=rel.confidence, rule=rel.rule, modality=rel.modality))
    cameo = lexicon.predicate_cameo if lexicon else {}
    for (s, p, o), found in sorted(statements.items()):
        # One statement per sentence: the best reading of it.
        best: dict[tuple, Statement] = {}
        for st in found:
            key = (st.evidence.doc_id, st.evidence.start)
            if key not in best or st.confidence > best[key].confidence:
                best[key] = st
        _relation_edge(graph, s, p, o, best.values(), cameo)


def _relation_edge(graph, s: str, p: str, o: str, statements: Iterable[Statement], cameo: dict) -> None:
    """The edge of the fact ``s p o`` with its statements (added, or replaced)."""
    kept = tuple(sorted(statements, key=lambda st: (st.evidence.doc_id, st.evidence.start, st.rule)))
    graph.add_edge(
        entity_node(s), entity_node(o), key=p,
        kind="relation",
        predicate=p,
        confidence=noisy_or(st.confidence for st in kept),
        modality=edge_modality({st.modality for st in kept}),
        statements=kept,
        cameo=cameo.get(p),
        symmetric=PREDICATES[p][2],
    )


def edge_modality(modalities: set[str]) -> str:
    """One sentence that states the fact as it is outweighs any that plan, report it or
    state it as past; a fact only ever stated as past ("former") stays past."""
    if "asserted" in modalities:
        return "asserted"
    current = sorted(m for m in modalities if m != "former")
    return current[0] if current else "former"


#: Facts that another fact implies, with the factor on its confidence.
IMPLIED = {"exportsTo": ("tradesWith", 0.9)}


def _with_implied(relations):
    """Each relation, and what it implies: exporting to a country is trading with it."""
    for rel in relations:
        yield rel
        if rel.predicate in IMPLIED:
            predicate, factor = IMPLIED[rel.predicate]
            yield dataclasses.replace(rel, predicate=predicate, confidence=round(rel.confidence * factor, 3),
                                      rule=f"implied-by:{rel.predicate}/{rel.rule}")


def _names(graph, ids) -> list[str]:
    return [graph.nodes[entity_node(i)]["label"] for i in sorted(ids, key=lambda i: graph.nodes[entity_node(i)]["label"])]


def event_label(cluster: EventCluster, graph, containment: Places) -> str:
    """A label a reader can place: 'G7 summit, Hiroshima, 2023-05-19',
    'Vladimir Putin visit to Mongolia, 2024-09-03', 'Meeting of A and B, Woodside, 2023-11-15'."""
    cls = cluster.cls
    people = [p for p in cluster.participants if graph.nodes[entity_node(p)]["core_class"] != "Organization"]
    orgs = [p for p in cluster.participants if graph.nodes[entity_node(p)]["core_class"] == "Organization"]
    where = ", ".join(_names(graph, containment.most_specific(cluster.locations))[:2])
    if cls == "Visit" and people and where:
        head = f"{' and '.join(_names(graph, people))} visit to {where}"
        where = ""
    elif cls in MULTILATERAL and orgs:
        head = f"{' and '.join(_names(graph, orgs)[:2])} {cls.lower()}"
    elif cls in MULTILATERAL or not people:
        head = cls
    else:
        names = _names(graph, people)
        head = f"{cls} of {', '.join(names[:-1]) + ' and ' + names[-1] if len(names) > 1 else names[0]}"
    return ", ".join(part for part in (head, where, cluster.date or "") if part)


def _add_events(graph, records, resolve_ref, classes, lexicon, documents, gazetteer) -> None:
    """Event mentions to event nodes, one per real event (eventcoref)."""
    resolved = []
    for record in records:
        doc_id = record.document.id
        for ev in record.events:
            parts = frozenset(p for p in (resolve_ref(doc_id, r) for r in ev.participants) if p)
            locs = frozenset(p for p in (resolve_ref(doc_id, r) for r in ev.locations) if p
                             and classes.get(p) in ("Place", "Country"))
            hosts = frozenset(p for p in (resolve_ref(doc_id, r) for r in ev.hosts) if p)
            if not parts and not locs:
                continue
            resolved.append(ResolvedEvent(doc_id, ev, parts, locs, hosts, documents[doc_id].date_published
                                          if doc_id in documents else None))
    containment = _containment(graph, gazetteer)
    clusters = cluster_events(resolved, containment)
    parts_of = {id(r.mention): r.participants for r in resolved}
    _add_statements(graph, visits_of_events(clusters, containment, lambda p: _led(graph, p),
                                            lambda m, p: p in parts_of.get(id(m), ()),
                                            lambda p: classes.get(p) == "Person"), lexicon)
    cameo = lexicon.event_cameo if lexicon else {}
    node_of: dict[int, str] = {}  # id of a mention -> its event node
    for c in sorted(clusters, key=lambda c: c.first):
        participants, locations = sorted(c.participants), sorted(c.locations)
        eid = content_hash(c.cls, participants, locations, c.date or c.first)
        node = f"event/{eid}"
        modalities = {m.modality for m in c.mentions}
        graph.add_node(
            node,
            kind="event",
            cls=c.cls,
            core_class="Event",
            label=event_label(c, graph, containment),
            alt_labels=(),
            wikidata=None,
            mention_count=len(c.mentions),
            article_count=len(set(c.documents)),
            documents=tuple(sorted(c.documents)),
            date=c.date,
            end_date=c.end_date if c.end_date and c.date and len(c.date) == 10 and c.end_date > c.date else None,
            confidence=noisy_or(m.confidence for m in c.mentions),
            modality="asserted" if "asserted" in modalities else sorted(modalities)[0],
            evidence=tuple(sorted({m.evidence for m in c.mentions}, key=lambda e: (e.doc_id, e.start))),
            cameo=cameo.get(c.cls),
        )
        for role, targets in (("participant", participants), ("host", sorted(c.hosts)), ("location", locations)):
            for target in targets:
                graph.add_edge(node, entity_node(target), key=role, kind="event-role", predicate=role,
                               confidence=graph.nodes[node]["confidence"])
        node_of.update((id(m), node) for m in c.mentions)
    # A meeting on the sidelines of a summit: its own node, part of the summit's.
    for record in records:
        for ev in record.events:
            if ev.part_of is None:
                continue
            whole = node_of.get(id(record.events[ev.part_of]))
            part = node_of.get(id(ev))
            if part and whole and part != whole and not graph.has_edge(part, whole, key="partOf"):
                graph.add_edge(part, whole, key="partOf", kind="event-role", predicate="partOf",
                               confidence=graph.nodes[part]["confidence"])


def _led(graph, person: str) -> set[str]:
    """The countries the graph says a person leads (not a past role)."""
    return {v.split("/", 1)[1] for _, v, key, data in graph.out_edges(entity_node(person), keys=True, data=True)
            if key == "leaderOf" and data["modality"] != "former" and graph.nodes[v]["core_class"] == "Country"}


def _add_statements(graph, statements: Iterable[Statement], lexicon: Lexicon | None) -> None:
    """Statements read from events, added to the edges of their facts (one per document
    and fact: a sentence already stating it stays its reading)."""
    cameo = lexicon.predicate_cameo if lexicon else {}
    for st in statements:
        s, o = entity_node(st.subject), entity_node(st.object)
        known = graph.edges[s, o, st.predicate]["statements"] if graph.has_edge(s, o, key=st.predicate) else ()
        if not any(x.evidence.doc_id == st.evidence.doc_id for x in known):
            _relation_edge(graph, st.subject, st.predicate, st.object, (*known, st), cameo)


def _containment(graph, gazetteer) -> Places:
    nodes = {n: d for n, d in graph.nodes(data=True) if d.get("kind") == "entity"}
    by_class = defaultdict(dict)
    for n, d in nodes.items():
        by_class[d["core_class"]][n.removeprefix("entity/")] = d["label"]
    located_in = [(u.removeprefix("entity/"), v.removeprefix("entity/"))
                  for u, v, k in graph.edges(keys=True) if k == "locatedIn"]
    countries = {e.id: e.country for e in gazetteer.entries.values() if e.country} if gazetteer else {}
    return place_containment(by_class["Place"], by_class["Country"], located_in, countries)


def summary(graph: nx.MultiDiGraph) -> dict[str, int]:
    """Counts for the closing line of a build."""
    kinds = [data.get("kind") for _, data in graph.nodes(data=True)]
    return {
        "documents": len(graph.graph.get("documents", ())),
        "entities": kinds.count("entity"),
        "events": kinds.count("event"),
        "relations": sum(1 for *_, d in graph.edges(keys=True, data=True) if d.get("kind") == "relation"),
    }


__all__ = ["build_graph", "summary", "entity_node", "noisy_or", "EVENT_ROLES", "class_chain"]
