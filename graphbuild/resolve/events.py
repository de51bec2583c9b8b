"""Event coreference: the mentions of one real event, in one article or in many, become
one cluster (one event node).

Two mentions are one event when they are of the same type, their places are compatible
(equal, or one inside the other: Beijing is compatible with China), their dates agree at
their common precision (an undated mention takes its article's publication date, give or
take a few days), and they share who took part (a bilateral meeting or a visit: the same
people, or a subset when a sentence names fewer; a summit, forum or parade: a shared
participant or place). Mentions from articles with no date at all join only an event with
exactly the same type, participants and places. Blocking by type, participant or place,
and month keeps the comparison linear in the corpus.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date as Date, timedelta
from typing import Iterable

from ..records import EventMention

#: Event types with many participants: they need not share every participant.
MULTILATERAL = frozenset({"Summit", "Forum", "Parade"})

#: The two words news uses for one meeting of leaders.
NAMED_EITHER_WAY = frozenset({"Meeting", "Summit"})

#: Event types that last: a war is one event however far apart its reports are.
DURABLE = frozenset({"Conflict", "War"})

#: How far apart two articles may be published and still report one undated event.
ARTICLE_WINDOW = timedelta(days=7)


@dataclass(frozen=True)
class ResolvedEvent:
    """One event mention with its arguments resolved to entity ids."""

    doc_id: str
    mention: EventMention
    participants: frozenset[str]
    locations: frozenset[str]
    hosts: frozenset[str]
    doc_date: str | None = None


@dataclass
class EventCluster:
    """The mentions of one event; mutable only while clustering."""

    cls: str
    first: tuple[str, int]
    participants: set[str] = field(default_factory=set)
    locations: set[str] = field(default_factory=set)
    hosts: set[str] = field(default_factory=set)
    date: str | None = None
    end_date: str | None = None  # the last day, when a mention gives a range
    documents: list[str] = field(default_factory=list)
    mentions: list[EventMention] = field(default_factory=list)
    doc_dates: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Places:
    """Which place lies in which: entity id -> ids of the places that contain it; and
    the countries (which lie in nothing)."""

    parents: dict[str, frozenset[str]] = field(default_factory=dict)
    countries: frozenset[str] = frozenset()

    def inside(self, inner: str, outer: str) -> bool:
        return outer in self.parents.get(inner, frozenset())

    def unplaced(self, ids: Iterable[str]) -> bool:
        """Nothing is known of where any of these places lies (a site: an airport, an
        estate): neither a country nor inside one."""
        ids = set(ids)
        return bool(ids) and not any(self.parents.get(x) or x in self.countries for x in ids)

    def most_specific(self, places: Iterable[str]) -> set[str]:
        """Beijing of Beijing and China: the places none of the others lies in."""
        places = set(places)
        return {p for p in places if not any(self.inside(q, p) for q in places if q != p)}

    def compatible(self, a: Iterable[str], b: Iterable[str]) -> bool:
        a, b = set(a), set(b)
        if not a or not b or a & b:
            return True
        return any(self.inside(x, y) or self.inside(y, x) for x in a for y in b)


def _parse(value: str | None) -> Date | None:
    if not value or len(value) < 10:
        return None
    try:
        return Date.fromisoformat(value[:10])
    except ValueError:
        return None


def dates_agree(a: str | None, b: str | None) -> bool:
    """Two ISO prefixes agree at their common precision ('2023-05' and '2023-05-19')."""
    if a is None or b is None:
        return False
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _near(event_date: str | None, doc_dates: Iterable[str]) -> bool:
    """An event date (or an undated mention's article date) within the window of an article date."""
    for other in doc_dates:
        x, y = _parse(event_date), _parse(other)
        if x and y:
            if abs(x - y) <= ARTICLE_WINDOW:
                return True
        elif dates_agree(event_date, other) and event_date and len(event_date) >= 7:
            return True
    return False


def _actors_fit(cls: str, a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> bool:
    if not a or not b:
        return True
    if cls in MULTILATERAL:
        return True
    # A meeting of Putin and Trump is not a meeting of Putin and Modi.
    return a <= b or b <= a


def _when_fits(event: ResolvedEvent, cluster: EventCluster, same_doc: bool) -> bool:
    if cluster.cls in DURABLE:
        return True  # a war's reports carry the dates of the reports, not of one event
    date = event.mention.date
    if date and cluster.date:
        return dates_agree(date, cluster.date)
    if same_doc:
        return True
    # One side undated: the articles' dates stand in for it.
    if date:
        return _near(date, cluster.doc_dates)
    if cluster.date:
        return event.doc_date is not None and _near(cluster.date, [event.doc_date])
    if not event.doc_date and not cluster.doc_dates:
        return True  # nothing dates either side: _same_event asks for an exact match
    return event.doc_date is not None and _near(event.doc_date, cluster.doc_dates)


def _same_day_same_people(event: ResolvedEvent, cluster: EventCluster, same_doc: bool, places: Places) -> bool:
    """One article's two sentences on the same people meeting on the same day are one
    meeting, even when they name places whose relation is unknown (an estate and the
    region around it). One person's two visits of one day are one visit only when one
    of them is to a site nothing places ('landed at an airport to start a trip to X'):
    a day may take a traveller from one city or country to another."""
    date = event.mention.date
    if not (same_doc and event.mention.cls not in MULTILATERAL and event.participants
            and event.participants == frozenset(cluster.participants)
            and bool(date) and len(date) == 10 and date == cluster.date):
        return False
    return len(event.participants) >= 2 or places.unplaced(event.locations) or places.unplaced(cluster.locations)


def _one_meeting_two_words(event: ResolvedEvent, cluster: EventCluster) -> bool:
    """One article calls the same people's meeting a meeting in one sentence and a
    summit in another ('met in Hanoi', 'their second summit'): one event, named by
    the word of its first mention. Once the article has called the meeting by both words,
    a later mention of it by either that names fewer of its people ('Kim left the summit')
    is it too. A meeting held at a summit is not the summit."""
    side = event.mention.part_of is not None or any(m.part_of is not None for m in cluster.mentions)
    if {event.mention.cls, cluster.cls} != NAMED_EITHER_WAY or event.doc_id not in cluster.documents or side:
        return False
    if len(event.participants) >= 2 and event.participants == frozenset(cluster.participants):
        return True
    called_so = any(m.cls == event.mention.cls for m in cluster.mentions)
    return called_so and bool(event.participants) and event.participants < frozenset(cluster.participants)


def _named_apart(event: ResolvedEvent, cluster: EventCluster) -> bool:
    """'The G20 summit' and 'the COP27 summit' are two gatherings, however near: one of
    them has a name of its own, and the names and organisers of the two share nothing.
    Two organisers alone are not enough ('the ECOWAS summit', 'the summit of the bloc's
    Authority'): one summit is named for more than one body."""
    def called(mentions):
        return {n for m in mentions for n in ((m.name,) if m.name else ()) + m.organisers}

    own = event.mention.name is not None or any(m.name for m in cluster.mentions)
    ours, theirs = called([event.mention]), called(cluster.mentions)
    return own and bool(ours) and bool(theirs) and not ours & theirs


def _same_event(event: ResolvedEvent, cluster: EventCluster, places: Places) -> bool:
    if cluster.cls != event.mention.cls and not _one_meeting_two_words(event, cluster):
        return False
    if _named_apart(event, cluster):
        return False
    if not _actors_fit(event.mention.cls, event.participants, cluster.participants):
        return False
    same_doc = event.doc_id in cluster.documents
    if not places.compatible(event.locations, cluster.locations) and not _same_day_same_people(
            event, cluster, same_doc, places):
        return False
    if not _when_fits(event, cluster, same_doc):
        return False
    if same_doc:
        return True
    if cluster.cls in DURABLE:
        # Russia's war with Ukraine is one war in every article that names both sides.
        return event.participants == frozenset(cluster.participants) and len(event.participants) >= 2
    if not event.doc_date and not event.mention.date and not cluster.doc_dates and not cluster.date:
        # Nothing dates either side: only an exact match of who and where.
        return (event.participants == frozenset(cluster.participants)
                and event.locations == frozenset(cluster.locations) and bool(event.participants))
    shared_actor = bool(event.participants & cluster.participants)
    shared_place = bool(event.locations) and bool(cluster.locations) and places.compatible(
        event.locations, cluster.locations)
    if event.mention.cls in MULTILATERAL:
        return shared_actor or shared_place
    return shared_actor


def _month(value: str | None) -> str | None:
    return value[:7] if value and len(value) >= 7 else None


def _months_around(value: str | None) -> tuple[str, ...]:
    """The month of a date and its neighbours, so that a window across a month's end is seen."""
    parsed = _parse(value)
    if parsed is None:
        month = _month(value)
        return (month,) if month else ()
    return tuple(sorted({(parsed + timedelta(days=d)).isoformat()[:7] for d in (-8, 0, 8)}))


def _block_keys(cls: str, actors: Iterable[str], places: Iterable[str], when: str | None,
                undated_signature: tuple | None) -> list[tuple]:
    if cls in DURABLE:
        return [(cls, "durable", tuple(sorted(actors)))]
    if undated_signature is not None:
        return [("undated", *undated_signature)]
    months = _months_around(when)
    names = [("actor", a) for a in actors] + ([("place", p) for p in places] if cls in MULTILATERAL else [])
    return [(cls, name, month) for name in sorted(names) for month in months]


def cluster_events(events: Iterable[ResolvedEvent], places: Places | None = None) -> list[EventCluster]:
    """Group event mentions (in document order) into clusters, one per real event."""
    places = places or Places()
    clusters: list[EventCluster] = []
    by_doc: dict[str, list[EventCluster]] = defaultdict(list)
    by_key: dict[tuple, list[EventCluster]] = defaultdict(list)
    for event in events:
        when = event.mention.date or event.doc_date
        undated = None
        if not when:
            undated = (event.mention.cls, tuple(sorted(event.participants)), tuple(sorted(event.locations)))
        keys = _block_keys(event.mention.cls, event.participants, event.locations, when, undated)
        seen: set[int] = set()
        candidates = list(by_doc[event.doc_id])
        for key in keys:
            candidates.extend(c for c in by_key.get(key, ()) if event.doc_id not in c.documents)
        target = None
        for cluster in candidates:
            if id(cluster) in seen:
                continue
            seen.add(id(cluster))
            if _same_event(event, cluster, places):
                target = cluster
                break
        if target is None:
            target = EventCluster(cls=event.mention.cls, first=(event.doc_id, event.mention.evidence.start))
            clusters.append(target)
        _add(target, event)
        if event.doc_id not in target.documents:
            target.documents.append(event.doc_id)
            by_doc[event.doc_id].append(target)
        for key in _block_keys(target.cls, target.participants, target.locations, when, undated):
            if not any(c is target for c in by_key[key]):
                by_key[key].append(target)
    return clusters


def _add(cluster: EventCluster, event: ResolvedEvent) -> None:
    cluster.participants |= event.participants
    cluster.locations |= event.locations
    cluster.hosts |= event.hosts
    date = event.mention.date
    if date and (cluster.date is None or len(date) > len(cluster.date)):
        cluster.date = date
    end = event.mention.end_date
    if end and (cluster.end_date is None or end > cluster.end_date):
        cluster.end_date = end
    if event.doc_date:
        cluster.doc_dates.add(event.doc_date)
    cluster.mentions.append(event.mention)


def place_containment(places: dict[str, str], countries: dict[str, str], located_in: Iterable[tuple[str, str]],
                      gazetteer_country: dict[str, str] | None = None) -> Places:
    """What lies in what, from three sources: the text's own locatedIn facts, the
    gazetteer's country of a place, and GeoNames' country of a city.

    ``places``/``countries``: entity id -> label of the graph's places and countries.
    """
    from ..knowledge.places import countries_of_city, country_code

    direct: dict[str, set[str]] = defaultdict(set)
    for inner, outer in located_in:
        direct[inner].add(outer)
    for inner, outer in (gazetteer_country or {}).items():
        if inner in places and outer in countries:
            direct[inner].add(outer)
    by_code: dict[str, list[str]] = defaultdict(list)
    for eid, label in sorted(countries.items()):
        code = country_code(label)
        if code:
            by_code[code].append(eid)
    for eid, label in places.items():
        codes = countries_of_city(label)
        if len(codes) == 1:  # an ambiguous city name says nothing
            direct[eid].update(by_code.get(next(iter(codes)), ()))
    parents: dict[str, frozenset[str]] = {}
    for start in direct:
        seen: set[str] = set()
        todo = list(direct[start])
        while todo:
            place = todo.pop()
            if place not in seen and place != start:
                seen.add(place)
                todo.extend(direct.get(place, ()))
        parents[start] = frozenset(seen)
    return Places(parents, frozenset(countries))
