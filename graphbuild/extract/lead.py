"""How news is written: the headline and the lead state the main event and its place.
An event of the headline or the lead that no sentence places happened in the one city
(or site) the headline and the lead name; when they name
several, nothing is guessed. A sentence that tells a later trip ('He then travelled
to Paris') places nothing of the lead. Pure functions over the document's records."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import Sequence

from ..knowledge.gazetteer import Gazetteer
from ..lang import words
from ..records import Document, EventMention, Mention, MentionRef
from .article_dates import another_day, lead_end
from .context import PLACED_BY_CONTEXT, no_venue
from .modality import PLANNED
from .scope import MentionIndex

WORD = re.compile(r"[^\W\d_]+")


def tells_a_later_trip(m: Mention, sequel_words: frozenset[str]) -> bool:
    """``m`` stands in a sentence that tells a later trip ('He then travelled to X')."""
    return bool(sequel_words & set(WORD.findall(m.evidence.sentence.lower())))


def lead_place(index: MentionIndex, end: int, sequel_words: frozenset[str], gazetteer: Gazetteer,
               published: str | None = None) -> MentionRef | None:
    """The one place (not a country, a sea or a continent) named before ``end``
    outside sentences that tell a later trip, or None when there are none or several."""
    found: dict[str, MentionRef] = {}
    for m in index.mentions[:bisect.bisect_left(index.starts, end)]:
        if another_day(m.evidence.sentence, published):
            continue  # a photo of another day ('..., Oct. 1, 2018' in a report of November)
        if m.cls == "Place" and not m.demonym and not no_venue(gazetteer, m) and not tells_a_later_trip(m, sequel_words):
            found.setdefault(m.link or m.key, MentionRef(m.start, m.end))
    return next(iter(found.values())) if len(found) == 1 else None


def place_from_lead(events: Sequence[EventMention], index: MentionIndex, document: Document,
                    gazetteer: Gazetteer) -> list[EventMention]:
    """``events`` with the unplaced reported events of the headline and the lead
    placed in the lead's one place."""
    end = lead_end(document)
    place = lead_place(index, end, words().sequel_words, gazetteer, document.date_published) if end else None
    if place is None:
        return list(events)
    return [replace(e, locations=(place,))
            if not e.locations and e.cls in PLACED_BY_CONTEXT and e.modality != PLANNED and e.evidence.start < end
            else e for e in events]
