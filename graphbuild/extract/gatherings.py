"""Which event mentions of one article may be of one gathering: the summit of the
headline, 'the summit' of a later paragraph and 'the ASEAN summit in Jakarta' are one
unless they are placed in different countries or named for different blocs."""

from __future__ import annotations

from typing import Sequence

from ..knowledge.gazetteer import Gazetteer
from ..records import EventMention
from .context import is_planned
from .scope import MentionIndex
from .travel import country_of_place


def where_and_whose(index: MentionIndex, gazetteer: Gazetteer, event: EventMention) -> tuple[set[str], set[str]]:
    """The countries an event mention's places lie in (of those known), and the blocs
    it names."""
    countries, blocs = set(), set()
    for ref in (*event.locations, *event.participants):
        m = index.at(ref[0]) if isinstance(ref[0], int) else None
        if m is not None and ref in event.locations:
            code = country_of_place(m, gazetteer)
            countries.update({code} if code else ())
        elif m is not None and ref in event.participants and m.cls == "Organization":
            blocs.add(m.link or m.key)
    return countries, blocs


def same_gathering(index: MentionIndex, gazetteer: Gazetteer, a: EventMention, b: EventMention) -> bool:
    """Two mentions may be of one summit: of one kind, and neither is placed in a
    country or names a bloc the other names otherwise (a venue and its city are one
    summit's places)."""
    if a.cls != b.cls or is_planned(a) or is_planned(b):
        return False
    (ca, ba), (cb, bb) = where_and_whose(index, gazetteer, a), where_and_whose(index, gazetteer, b)
    return (not ca or not cb or bool(ca & cb)) and (not ba or not bb or bool(ba & bb))


def one_gathering(index: MentionIndex, gazetteer: Gazetteer, events: Sequence[EventMention]) -> bool:
    """All of ``events`` may be of one gathering."""
    return all(same_gathering(index, gazetteer, a, b) for i, a in enumerate(events) for b in events[i + 1:])
