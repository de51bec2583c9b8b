"""Dates from the article: an event its sentence leaves undated takes them from how
news is written. The events of the headline and the lead happened in the month the
article was published; a meeting, a summit or a forum on the day another mention of it
states, else on the day of the report. Pure functions over the document's records.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..knowledge.dates import stated_days
from ..records import Document, EventMention
from .context import is_planned, same_party, shares_entity
from .scope import MentionIndex

#: Events a report dates to its day: told undated in the present or perfect, a meeting
#: happened, and a summit or forum met, on the day the article reports them (news
#: reports a summit while it sits). A visit lasts days; its month is all the tense says.
ONE_DAY_CLASSES = frozenset({"Meeting", "Summit", "Forum"})

#: A lead paragraph has at least this many words (shorter first blocks are captions,
#: bylines or teasers).
LEAD_WORDS = 12


def lead_end(document: Document) -> int:
    """Where the article's lead ends: the end of its first paragraph of some length
    (what comes before it, the headline and captions, belongs to the lead too)."""
    for seg in document.segments:
        if seg.kind != "heading" and len(seg.text.split()) >= LEAD_WORDS:
            return seg.start + len(seg.text)
    return 0


def another_day(sentence: str, published: str | None) -> bool:
    """The sentence states a day of another month than the article's (a caption of an
    older photo): its places are not where the article's events are."""
    return bool(published) and any(d[:7] != published[:7] for d in stated_days(sentence))


def dated_by_text(document: Document) -> Document:
    """A document without a publication date, dated by the first full date its headline,
    captions or first two paragraphs state ('Friday, June 7, 2024' under a photo): news
    tells the day of its event there. Its weekdays are then read either side of that day
    (``Document.dated_by_text``); a document with a publication date comes back as it is."""
    if document.date_published:
        return document
    paragraphs = 0
    for seg in document.segments:
        days = stated_days(seg.text)
        if days:
            return replace(document, date_published=days[0], dated_by_text=True)
        paragraphs += seg.kind != "heading" and len(seg.text.split()) >= LEAD_WORDS
        if paragraphs >= 2:
            break
    return document


def date_from_article(events: Sequence[EventMention], document: Document, index: MentionIndex) -> list[EventMention]:
    """The article's main events, those its headline and lead report, happened in the
    month it was published when their sentences give no date (a visit lasts days: the
    month is all the report says); a meeting, a summit or a forum on its day
    (:func:`meeting_days`)."""
    published = document.date_published
    if not published:
        return list(events)
    end = lead_end(document)
    out = [replace(e, date=published[:7])
           if e.date is None and not is_planned(e) and e.evidence.start < end and e.cls != "Conflict" else e
           for e in events]
    return [replace(e, date=_meeting_day(e, out, index, published))
            if e.cls in ONE_DAY_CLASSES and events[i].date is None and e.date else e for i, e in enumerate(out)]


def meeting_days(events: Sequence[EventMention], document: Document, index: MentionIndex) -> list[EventMention]:
    """A meeting (a summit, a forum: ``ONE_DAY_CLASSES``) that its sentence dates only
    by the tense of the report (the article's month: 'X meets Y', 'X has met Y') took
    place on the day another mention of it states ('the talks' refer back), else on
    the day of the report. Run
    before the article lends a visit's month to its undated meetings: that month says
    the day is unknown."""
    published = document.date_published
    if not published:
        return list(events)
    return [replace(e, date=_meeting_day(e, events, index, published))
            if e.cls in ONE_DAY_CLASSES and e.date == published[:7] and not is_planned(e) else e for e in events]


def _meeting_day(event: EventMention, events: Sequence[EventMention], index: MentionIndex, published: str) -> str:
    """The day a stated mention of the same meeting gives (the same people, or some of
    them, or the same place), else the day of the report."""
    for other in events:
        if other is event or other.cls not in ONE_DAY_CLASSES or is_planned(other):
            continue
        if not other.date or len(other.date) != 10 or other.date[:7] != event.date:
            continue
        if same_party(index, event.participants, other.participants) or (
                event.locations and shares_entity(index, event.locations, other.locations)) or (
                _refers_back_to(other, event)):
            return other.date
    return published[:10]


def _refers_back_to(other: EventMention, event: EventMention) -> bool:
    """A later 'the summit' that names no one (``referring_back`` made it only when the
    article had told one gathering of its kind) is a mention of that gathering."""
    return other.rule.endswith("/back") and other.cls == event.cls and other.evidence.start > event.evidence.start
