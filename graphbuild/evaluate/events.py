"""Strict event scoring (the rules are written out in docs/evaluation.md)."""

from __future__ import annotations

from dataclasses import dataclass

from ..knowledge.places import countries_of_city, country_code
from .entities import nodes_for
from .gold import GoldEvent
from .predicted import PredictedEntity, PredictedEvent
from .scores import Report

#: Event classes whose predicted nodes are scored for precision.
SCORED_CLASSES = frozenset({"Visit", "Meeting", "Summit", "Forum", "Parade"})


def _agrees(date: str, gold: str, precision: int) -> bool:
    """The dates agree on their first ``precision`` characters (4 year, 7 month, 10 day)."""
    n = min(precision, len(gold))
    return len(date) >= n and date[:n] == gold[:n]


def _contradicts(date: str, gold: str) -> bool:
    n = min(len(date), len(gold))
    return date[:n] != gold[:n]


@dataclass(frozen=True)
class _Places:
    """Whether a predicted place is one of the gold places or lies inside one."""

    containment: dict[str, frozenset[str]]
    entities: dict[str, PredictedEntity]
    gold_names: dict[str, tuple[str, ...]]

    def inside(self, iri: str, gold_nodes: set[str], gold_places: tuple[str, ...]) -> bool:
        if iri in gold_nodes or self.containment.get(iri, frozenset()) & gold_nodes:
            return True
        codes = {country_code(n) for place in gold_places for n in self.gold_names.get(place, (place,))}
        codes.discard(None)
        entity = self.entities.get(iri)
        if not codes or entity is None:
            return False
        return any(countries_of_city(name) & codes for name in (entity.label, *sorted(entity.names)))


@dataclass(frozen=True)
class _Fit:
    found: bool       # recall: the node finds the gold event
    fits: bool        # precision: the node may be a report of the gold event
    date_right: bool
    participants: int
    host: bool
    shared: int


def _fit(node: PredictedEvent, gold: GoldEvent, report: Report, places: _Places) -> _Fit | None:
    """How ``node`` relates to ``gold``; None when it is of another article or type."""
    if gold.doc not in node.docs or not node.classes & gold.types:
        return None
    gold_places = nodes_for(report, gold.locations)
    place_hit = bool(node.locations & gold_places)
    place_inside = any(places.inside(p, gold_places, gold.locations) for p in node.locations)
    place_contradicts = bool(gold.locations and node.locations and not place_inside)
    date_contradicts = bool(gold.date and node.dates and all(_contradicts(d, gold.date) for d in node.dates))
    participants = sum(1 for names in gold.participant_slots if nodes_for(report, names) & node.participants)
    host = bool(nodes_for(report, gold.hosts) & node.hosts)
    actors = nodes_for(report, gold.participants + gold.hosts)
    shared = len(actors & (node.participants | node.hosts)) + (1 if place_inside else 0)
    found = (not gold.locations or place_hit) and (
        not gold.date or any(_agrees(d, gold.date, 7) for d in node.dates))
    fits = shared > 0 and not place_contradicts and not date_contradicts
    date_right = bool(gold.date) and found and any(_agrees(d, gold.date, 10) for d in node.dates)
    return _Fit(found, fits, date_right, participants, host, shared)


def _rank(fit: _Fit) -> tuple:
    return (fit.found, fit.date_right, fit.participants, fit.host, fit.shared)


def score_events(nodes: list[PredictedEvent], gold_events: list[GoldEvent], report: Report,
                 places: _Places) -> None:
    report.has_events = True
    score = report.events
    fits = {(n, g): f for n in range(len(nodes)) for g in range(len(gold_events))
            if (f := _fit(nodes[n], gold_events[g], report, places)) is not None}
    fitting = {k: f for k, f in fits.items() if f.fits}
    for g, event in enumerate(gold_events):
        if event.optional:
            continue
        score.required += 1
        score.participants += len(event.participant_slots)
        score.hosts += 1 if event.hosts else 0
        score.dated += 1 if event.date else 0
        # The best matching node is the best of those that find the event; a missed
        # event gets no credit for its date, participants or host.
        candidates = [(f, nodes[n].iri) for (n, gi), f in fits.items() if gi == g and f.found]
        if not candidates:
            score.missed.append(f"{event.doc}: {event.label}")
            continue
        best = max(candidates, key=lambda c: (_rank(c[0]), c[1]))[0]
        score.found += 1
        score.date_right += best.date_right
        if event.date and not best.date_right:
            score.wrong_date.append(f"{event.doc}: {event.label}")
        score.participants_found += best.participants
        score.hosts_found += best.host
    scored = [n for n, node in enumerate(nodes) if node.classes & SCORED_CLASSES]
    score.event_nodes, score.nodes = len(nodes), len(scored)
    taken_nodes: set[int] = set()
    taken_gold: set[int] = set()
    # One-to-one, best fits first; ties go to the lower IRI, then the earlier gold event.
    scored_set = set(scored)
    for (n, g), _ in sorted(((k, f) for k, f in fitting.items() if k[0] in scored_set),
                            key=lambda kf: (tuple(-int(x) for x in _rank(kf[1])), nodes[kf[0][0]].iri, kf[0][1])):
        if n not in taken_nodes and g not in taken_gold:
            taken_nodes.add(n)
            taken_gold.add(g)
    fitting_nodes = {n for n, _ in fitting}
    for n in scored:
        if n in taken_nodes:
            continue
        (score.duplicates if n in fitting_nodes else score.spurious).append(nodes[n].label)
    score.spurious.sort()
    score.duplicates.sort()


def places_for(containment, entities: list[PredictedEntity], gold: dict) -> _Places:
    gold_names = {e["name"]: (e["name"], *e.get("aliases", [])) for e in gold["entities"]}
    return _Places(containment, {e.iri: e for e in entities}, gold_names)
