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
from dataclasses import dataclass, field
from collections import defaultdict
from typing import Iterable

import networkx as nx

from .extract.lexicon import Lexicon
from .ids import content_hash
from .records import GAZETTEER, DocRecord, Document, EventMention, Ref, Resolution, Statement
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
                records: Iterable[DocRecord] = (), lexicon: Lexicon | None = None) -> nx.MultiDiGraph:
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
    records = sorted(records, key=lambda r: r.document.id)
    assign = resolution.assignments

    def resolve_ref(doc_id: str, ref: Ref) -> str | None:
        if ref[0] == GAZETTEER:
            # A metonym resolved through the gazetteer: only to a node the corpus has.
            return ref[1] if ref[1] in classes else None
        return assign.get((doc_id, ref[0], ref[1]))

    _add_relations(graph, records, resolve_ref, classes, lexicon)
    _add_events(graph, records, resolve_ref, classes, lexicon, {d.id: d for d in docs})
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
        kept = tuple(sorted(best.values(), key=lambda st: (st.evidence.doc_id, st.evidence.start, st.rule)))
        modalities = {st.modality for st in kept}
        graph.add_edge(
            entity_node(s), entity_node(o), key=p,
            kind="relation",
            predicate=p,
            confidence=noisy_or(st.confidence for st in kept),
            modality="asserted" if "asserted" in modalities else sorted(modalities)[0],
            statements=kept,
            cameo=cameo.get(p),
            symmetric=PREDICATES[p][2],
        )


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


def _event_label(cls: str, participants: list[str], locations: list[str], date: str | None, graph) -> str:
    names = [graph.nodes[entity_node(p)]["label"] for p in participants]
    places = [graph.nodes[entity_node(p)]["label"] for p in locations]
    if cls == "Visit" and names and places:
        label = f"{' and '.join(names)} visit to {', '.join(places)}"
    elif names:
        label = f"{cls} of {', '.join(names[:-1]) + ' and ' + names[-1] if len(names) > 1 else names[0]}"
        if places:
            label += f", {', '.join(places)}"
    else:
        label = f"{cls}, {', '.join(places)}"
    return f"{label}, {date}" if date else label


def _compatible_dates(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and (a.startswith(b) or b.startswith(a))


@dataclass(eq=False)
class EventCluster:
    """Event mentions read as one event, growing as mentions join it."""

    cls: str
    first: tuple[str, int]  # (document id, offset) of its first mention: its order and, undated, its identity
    participants: list[str] = field(default_factory=list)  # entity ids, sorted
    locations: list[str] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)
    date: str | None = None  # the most precise date of its mentions
    documents: list[str] = field(default_factory=list)
    mentions: list[EventMention] = field(default_factory=list)


def _add_events(graph, records, resolve_ref, classes, lexicon, documents) -> None:
    """Event mentions to event nodes. Within a document, mentions of the same class
    with the same participants and compatible places are one event; across
    documents they merge only when both are dated and the dates agree."""
    resolved = []
    for record in records:
        doc_id = record.document.id
        for ev in record.events:
            parts = sorted({p for p in (resolve_ref(doc_id, r) for r in ev.participants) if p})
            locs = sorted({p for p in (resolve_ref(doc_id, r) for r in ev.locations) if p})
            hosts = sorted({p for p in (resolve_ref(doc_id, r) for r in ev.hosts) if p})
            locs = [x for x in locs if classes.get(x) in ("Place", "Country")]
            if not parts and not locs:
                continue
            resolved.append((doc_id, ev, parts, locs, hosts))

    clusters: list[EventCluster] = []
    # Blocking: a mention is compared with the clusters of its own document, and with
    # the dated clusters elsewhere of its class, participants and year (an undated
    # event never merges across documents, so it is never a candidate there).
    by_doc: dict[str, list[EventCluster]] = defaultdict(list)
    by_key: dict[tuple, list[EventCluster]] = defaultdict(list)

    def block(c: EventCluster) -> tuple | None:
        return (c.cls, tuple(c.participants), c.date[:4]) if c.date else None

    for doc_id, ev, parts, locs, hosts in resolved:
        target = None
        key = (ev.cls, tuple(parts), ev.date[:4]) if ev.date else None
        others = [c for c in by_key.get(key, ()) if doc_id not in c.documents] if key else []
        candidates = by_doc[doc_id] + others
        for c in candidates:
            if c.cls != ev.cls:
                continue
            # The same people (or a subset, when a sentence names fewer): a meeting of
            # Putin and Trump is not a meeting of Putin and Modi.
            if parts and c.participants and not (set(parts) <= set(c.participants) or
                                                    set(c.participants) <= set(parts)):
                continue
            if locs and c.locations and not set(locs) & set(c.locations):
                continue
            same_doc = doc_id in c.documents
            if same_doc and (not ev.date or not c.date or _compatible_dates(ev.date, c.date)):
                target = c
                break
            if not same_doc and _compatible_dates(ev.date, c.date) and set(parts) == set(c.participants):
                target = c
                break
        if target is None:
            target = EventCluster(ev.cls, first=(doc_id, ev.evidence.start))
            clusters.append(target)
        old_key = block(target)
        target.participants = sorted(set(target.participants) | set(parts))
        target.locations = sorted(set(target.locations) | set(locs))
        target.hosts = sorted(set(target.hosts) | set(hosts))
        if ev.date and (target.date is None or len(ev.date) > len(target.date)):
            target.date = ev.date
        if doc_id not in target.documents:
            target.documents.append(doc_id)
            by_doc[doc_id].append(target)
        target.mentions.append(ev)
        new_key = block(target)
        if old_key is not None and new_key != old_key:
            by_key[old_key] = [c for c in by_key[old_key] if c is not target]
        if new_key is not None and not any(c is target for c in by_key[new_key]):
            by_key[new_key].append(target)

    cameo = lexicon.event_cameo if lexicon else {}
    for c in sorted(clusters, key=lambda c: c.first):
        eid = content_hash(c.cls, c.participants, c.locations, c.date or c.first)
        node = f"event/{eid}"
        modalities = {m.modality for m in c.mentions}
        graph.add_node(
            node,
            kind="event",
            cls=c.cls,
            core_class="Event",
            label=_event_label(c.cls, c.participants, c.locations, c.date, graph),
            alt_labels=(),
            wikidata=None,
            mention_count=len(c.mentions),
            documents=tuple(sorted(c.documents)),
            date=c.date,
            confidence=noisy_or(m.confidence for m in c.mentions),
            modality="asserted" if "asserted" in modalities else sorted(modalities)[0],
            evidence=tuple(sorted({m.evidence for m in c.mentions}, key=lambda e: (e.doc_id, e.start))),
            cameo=cameo.get(c.cls),
        )
        for role, targets in (("participant", c.participants), ("host", c.hosts), ("location", c.locations)):
            for target in targets:
                graph.add_edge(node, entity_node(target), key=role, kind="event-role", predicate=role,
                               confidence=graph.nodes[node]["confidence"])


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
