"""Where the article's events took place, by world knowledge: the city of an event lies
in the country GeoNames puts its best-known namesake in, when the article names that
country too (an analyst reading "talks in Minsk" in a story about Belarus knows
Minsk lies in Belarus; the text rarely says so in one phrase). Other cities, often a
capital standing for its government ('Moscow said'), are left as the text gives them."""

from __future__ import annotations

from typing import Iterable, Sequence

from ..knowledge.gazetteer import Gazetteer
from ..knowledge.places import country_code
from ..records import EventMention, Mention, MentionRef, RelationMention
from .travel import country_of_place

#: Below what the text says outright ("Minsk, Belarus"): it is read from knowledge.
KNOWLEDGE_CONFIDENCE = 0.6
RULE = "knowledge:city-in-country"


def cities_in_countries(mentions: Sequence[Mention], gazetteer: Gazetteer, events: Iterable[EventMention],
                        stated: Iterable[RelationMention] = ()) -> list[RelationMention]:
    """``city locatedIn country`` for each city where an event of the article took place
    that lies in a country the article names, once per pair, unless the text already
    said where the city is. The evidence is the first sentence that names both, else the
    city's first sentence."""
    countries = _countries(mentions, gazetteer)
    venues = {ref for e in events for ref in e.locations}
    venue_keys = {m.key for m in mentions if MentionRef(m.start, m.end) in venues}
    said = {r.subject for r in stated if r.predicate == "locatedIn"}
    found: list[RelationMention] = []
    done: set[str] = set()
    for m in mentions:
        if m.cls != "Place" or m.demonym or m.key in done or m.key not in venue_keys:
            continue
        code = country_of_place(m, gazetteer)
        if code not in countries:
            continue
        done.add(m.key)
        places = [p for p in mentions if p.key == m.key and p.cls == "Place"]
        if any(MentionRef(p.start, p.end) in said for p in places):
            continue
        place, country = _best_pair(places, countries[code])
        found.append(RelationMention(MentionRef(place.start, place.end), "locatedIn",
                                     MentionRef(country.start, country.end), place.evidence,
                                     KNOWLEDGE_CONFIDENCE, RULE))
    return found


def _countries(mentions: Sequence[Mention], gazetteer: Gazetteer) -> dict[str, list[Mention]]:
    """ISO code -> the article's mentions of that country (its name, not an adjective:
    a relation needs a node, and 'Belarusian' is none)."""
    found: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.cls != "Country" or m.demonym:
            continue
        entry = gazetteer.entries.get(m.link) if m.link else None
        code = country_code(entry.label if entry else m.text)
        if code:
            found.setdefault(code, []).append(m)
    return found


def _best_pair(places: list[Mention], countries: list[Mention]) -> tuple[Mention, Mention]:
    for place in places:
        for country in countries:
            if country.evidence.start == place.evidence.start:
                return place, country
    return places[0], countries[0]
