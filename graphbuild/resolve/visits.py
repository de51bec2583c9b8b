"""Who travelled, read from whole events: a leader of one country who took part in a
meeting, summit or forum held in another visited the place it was held in. The
sentence-level rule (extract/travel.py) sees one sentence; an event gathers what all
its mentions say (the people of one sentence, the place of another, the country a
third sentence gives a participant), so the visit it implies is read here too.
"""

from __future__ import annotations

from typing import Callable, Iterable

from ..extract.modality import ASSERTED
from ..records import EventMention, Statement
from .events import EventCluster, Places

#: Gatherings a participant travels to.
GATHERINGS = frozenset({"Meeting", "Summit", "Forum", "Visit"})
#: A visit read from an event and a title is trusted less than one a sentence states.
TRAVEL_CONFIDENCE = 0.6
RULE = "event:participant-from-abroad/event"


def _countries(place: str, places: Places) -> set[str]:
    if place in places.countries:
        return {place}
    return {p for p in places.parents.get(place, ()) if p in places.countries}


def _venue(locations: set[str], places: Places) -> str | None:
    """The one most specific place of an event (Sochi of Sochi and Russia), or None."""
    specific = places.most_specific(locations)
    return next(iter(specific)) if len(specific) == 1 else None


def visits_of_events(clusters: Iterable[EventCluster], places: Places, homes: Callable[[str], set[str]],
                     takes_part: Callable[[EventMention, str], bool],
                     is_person: Callable[[str], bool]) -> list[Statement]:
    """``person visited venue`` for each participant of an asserted gathering who leads
    a country (``homes``) other than the one it was held in, once per document: read
    from that document's first asserted mention the person takes part in
    (``takes_part``)."""
    found = []
    for c in clusters:
        if c.cls not in GATHERINGS or not any(m.modality == ASSERTED for m in c.mentions):
            continue
        venue = _venue(c.locations, places)
        held_in = _countries(venue, places) if venue else set()
        if not held_in:
            continue
        mentions = sorted((m for m in c.mentions if m.modality == ASSERTED),
                          key=lambda m: (m.evidence.doc_id, m.evidence.start))
        for person in sorted(c.participants):
            home = homes(person)
            if not is_person(person) or not home or home & held_in:
                continue
            firsts: dict[str, EventMention] = {}
            for m in mentions:
                if takes_part(m, person):
                    firsts.setdefault(m.evidence.doc_id, m)
            found.extend(Statement(person, "visited", venue, m.evidence, round(TRAVEL_CONFIDENCE * m.confidence, 3),
                                   RULE) for _, m in sorted(firsts.items()))
    return found
