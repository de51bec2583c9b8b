"""One word, one event. Several frames may read the same trigger word (the noun frame
and the event-noun frame both read 'summit'), each finding part of its arguments:
one finds who held it, the other only one of them. They are one event, with what
either found; two events of one word only when their people differ (a round of
bilateral meetings: 'A met B and C')."""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..records import EventMention


def _one_event(a: EventMention, b: EventMention) -> bool:
    if a.cls != b.cls or a.modality != b.modality or a.part_of != b.part_of:
        return False
    if a.date and b.date and a.date != b.date:
        return False
    pa, pb = set(a.participants), set(b.participants)
    if not (pa <= pb or pb <= pa):
        return False
    la, lb = set(a.locations), set(b.locations)
    return not la or not lb or la == lb


def _union(refs_a: tuple, refs_b: tuple) -> tuple:
    return tuple(dict.fromkeys((*refs_a, *refs_b)))


def _merged(a: EventMention, b: EventMention) -> EventMention:
    """``a`` (the first read) with what ``b`` adds."""
    return replace(a, participants=_union(a.participants, b.participants), locations=_union(a.locations, b.locations),
                   hosts=_union(a.hosts, b.hosts), date=a.date or b.date, end_date=a.end_date or b.end_date,
                   confidence=max(a.confidence, b.confidence))


def one_event_per_word(events: Sequence[EventMention]) -> list[EventMention]:
    """The events the frames read at one word, those that are one event merged."""
    out: list[EventMention] = []
    for event in events:
        for i, kept in enumerate(out):
            if _one_event(kept, event):
                out[i] = _merged(kept, event)
                break
        else:
            out.append(event)
    return out
