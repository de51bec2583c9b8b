"""Who attends a summit: the leaders its sentences name. A sentence about a summit
names the heads of state and government it brought together ('A sat beside B and C at
the summit', 'the summit, chaired by A'); a leader named in it attends, unless the
sentence gives the leader another event (talks planned after it) or says the leader
stayed away ('a summit that A did not attend'). Others named there (an adviser, a
minister quoted on it) are not taken: only people the text or the gazetteer gives a
leader's title."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from ..knowledge.gazetteer import Gazetteer
from ..lang import words
from ..records import EventMention, MentionRef
from .context import is_planned, led_countries, sentence_mentions, shares_entity
from .scope import MentionIndex

SUMMITS = frozenset({"Summit", "Forum"})

#: Words, with the negation split off its verb ("didn't" -> "did", "n't").
WORD = re.compile(r"n['\u2019]t\b|[^\W\d_]+?(?=n['\u2019]t\b)|[^\W\d_]+")
#: The clause a name stands in ends at one of these.
CLAUSE_END = re.compile(r"[,;:.!?\u2014]")
#: How many words before a name may say it was absent ('held without A').
BEFORE_WORDS = 2


def absent(sentence: str, start: int, end: int, absence: frozenset[str]) -> bool:
    """The words of the name's clause after it, or just before it, say it was absent."""
    after = CLAUSE_END.split(sentence[end:], maxsplit=1)[0]
    before = WORD.findall(sentence[:start].lower())[-BEFORE_WORDS:]
    found = {w.replace("\u2019", "'") for w in (*WORD.findall(after.lower()), *before)}
    return bool(absence & found)


def _sentence_people(index: MentionIndex, event: EventMention, absence: frozenset[str]) -> list[MentionRef]:
    """The people named in the event's sentence and not said to be absent."""
    return [MentionRef(m.start, m.end) for m in sentence_mentions(index, event) if m.cls == "Person"
            and not absent(m.evidence.sentence, m.start - m.evidence.start, m.end - m.evidence.start, absence)]


def leaders_at_summits(events: Sequence[EventMention], index: MentionIndex, gazetteer: Gazetteer,
                       leader_titles: frozenset[str]) -> list[EventMention]:
    """``events`` with the leaders named in a summit's sentence among its participants,
    but for those the sentence gives another event to (talks planned after it): run
    after the meetings held at a summit are linked to it (``part_of``)."""
    absence = words().absence_words
    out = []
    for j, e in enumerate(events):
        if e.cls in SUMMITS and not is_planned(e):
            busy = [p for o in events if o.cls not in SUMMITS and o.evidence.start == e.evidence.start
                    and o.part_of != j for p in o.participants]
            added = tuple(p for p in _sentence_people(index, e, absence)
                          if led_countries(index, gazetteer, [p], leader_titles)
                          and not shares_entity(index, [p], e.participants) and not shares_entity(index, [p], busy))
            if added:
                e = replace(e, participants=e.participants + added)
        out.append(e)
    return out
