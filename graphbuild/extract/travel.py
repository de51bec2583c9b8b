"""Who travelled: a person of one country who took part in a meeting, summit or forum
held in another country visited the place it was held in. News says "Putin and Xi met
in Beijing" and leaves "Putin visited Beijing" to the reader; a graph should not."""

from __future__ import annotations

from typing import Iterable, Sequence

from ..knowledge.gazetteer import Gazetteer
from ..knowledge.places import country_code, country_of_city
from ..records import EventMention, Mention, MentionRef, RelationMention
from .modality import ASSERTED

#: Gatherings a participant travels to (a parade or a war is not one).
GATHERINGS = ("Meeting", "Summit", "Forum", "Visit")
#: Below a visit the text states: it is read from the event and the person's country.
TRAVEL_CONFIDENCE = 0.7
RULE = "event:participant-from-abroad"


def visits_from_events(mentions: Sequence[Mention], events: Iterable[EventMention], gazetteer: Gazetteer,
                       stated: Iterable[RelationMention] = ()) -> list[RelationMention]:
    """``person visited place`` for each participant of an asserted gathering whose
    country the article or the gazetteer gives and who is not of the country the
    gathering was held in."""
    by_ref = {MentionRef(m.start, m.end): m for m in mentions}
    homes = _home_countries(mentions, gazetteer)
    said = {(r.subject, r.object) for r in stated if r.predicate == "visited"}
    found: list[RelationMention] = []
    seen: set[tuple[str, str]] = set()
    for event in events:
        if event.cls not in GATHERINGS or event.modality != ASSERTED or not event.locations:
            continue
        where = by_ref.get(event.locations[0])
        held_in = country_of_place(where, gazetteer) if where is not None else None
        if held_in is None:
            continue
        for ref in event.participants:
            who = by_ref.get(ref)
            if who is None or who.cls != "Person" or not homes.get(who.key) or held_in in homes[who.key]:
                continue
            if (who.key, where.key) in seen or (ref, event.locations[0]) in said:
                continue
            seen.add((who.key, where.key))
            found.append(RelationMention(ref, "visited", event.locations[0], event.evidence,
                                         round(TRAVEL_CONFIDENCE * event.confidence, 3), RULE))
    return found


def _home_countries(mentions: Sequence[Mention], gazetteer: Gazetteer) -> dict[str, set[str]]:
    """Person key -> the ISO codes of the countries the person holds an office of (a
    title in the text, 'Russian President X', or a role in the gazetteer)."""
    homes: dict[str, set[str]] = {}
    for m in mentions:
        if m.cls != "Person":
            continue
        countries = {m.role[1]} if m.role and m.role[1] else set()
        entry = gazetteer.entries.get(m.link) if m.link else None
        countries |= {role.of for role in (entry.roles if entry else ())}
        for cid in countries:
            target = gazetteer.entries.get(cid)
            code = country_code(target.label) if target is not None and target.core == "Country" else None
            if code:
                homes.setdefault(m.key, set()).add(code)
    return homes


def country_of_place(place: Mention, gazetteer: Gazetteer) -> str | None:
    """The ISO code of the country a place is, or lies in."""
    entry = gazetteer.entries.get(place.link) if place.link else None
    if entry is not None and entry.core == "Country":
        return country_code(entry.label)
    if entry is not None and entry.country:
        country = gazetteer.entries.get(entry.country)
        return country_code(country.label) if country is not None else None
    return country_of_city(place.key) if place.cls == "Place" else country_code(place.text)
