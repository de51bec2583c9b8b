"""Who attended a summit when no sentence says it in so many words. An article about a
summit names its people all through: the host in the lead, a leader quoted three
paragraphs on, a president whose talks on the sidelines are told near the end. Each
person the article names is a candidate, described by how news is written (in the
headline, in the lead, near the summit's sentence; how often named; a leader, of the
host country, of a member of the bloc holding the summit; named beside a later 'the
summit', or beside another summit of another city or bloc; in a meeting of the same
days). A logistic scoring whose weights were fitted
on the gold of both real dev sets (benchmarks/fit_participant_weights.py, shipped as
``lang/en/participant_weights.json``) takes those scoring at least its threshold;
the others are left out (a missing participant is better than a wrong one). People
the article says stayed away, or who travel on later, are no candidates."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import NamedTuple, Sequence

from ..knowledge.gazetteer import Gazetteer
from ..lang import PlaceWeights, words
from ..records import EventMention, Mention, MentionRef
from .article_dates import lead_end
from .attendance import SUMMITS, absent
from .context import country_by_code, is_planned, led_countries, shares_entity
from .gatherings import same_gathering, where_and_whose
from .lead import tells_a_later_trip
from .place_scores import NEAR, headline_end, score
from .scope import MentionIndex

#: The cues, in the order of the fitted weights.
FEATURES = ("in_headline", "in_lead", "in_sentence", "near", "mentions", "is_leader", "leads_host",
            "leads_member", "beside_event_word", "beside_another", "in_a_meeting", "event_in_lead", "titled")


class Candidate(NamedTuple):
    ref: MentionRef  # the candidate's first mention
    key: str  # the person it names (gazetteer id or name)
    names: tuple[str, ...]  # what the text calls them, for matching gold in the fitting script
    features: tuple[float, ...]


#: Words, with a hyphen kept ("ex-president").
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
#: How many words before a name its title stands in ("the former Brazilian president X").
TITLE_WORDS = 4


def _former(m: Mention, markers: frozenset[str]) -> bool:
    """The title before the name marks a past role ('former President X', 'ex-minister X')."""
    before = WORD.findall(m.evidence.sentence[:m.start - m.evidence.start].lower())[-TITLE_WORDS:]
    return any(w in markers or w.split("-", 1)[0] in markers for w in before)


def _surnames_joined(found: dict[str, list[Mention]]) -> dict[str, list[Mention]]:
    """'Niinistö' after 'Sauli Niinistö': a name whose words are all in one other
    person's name is that person (none is joined when two people could be meant)."""
    words = {k: {w for m in ms for w in m.key.split()} for k, ms in found.items()}
    out = {k: list(ms) for k, ms in found.items()}
    for k in sorted(found, key=lambda k: (len(words[k]), k)):
        fuller = [o for o in out if o != k and words[k] < words[o]]
        if len(fuller) == 1 and k in out:
            out[fuller[0]] = sorted(out[fuller[0]] + out.pop(k), key=lambda m: m.start)
    return out


def _people(index: MentionIndex, lexicon) -> dict[str, list[Mention]]:
    """The article's people by the person they name, but for those a sentence says were
    absent, tells travelling on later, or gives a past role."""
    found: dict[str, list[Mention]] = {}
    for m in index.mentions:
        if m.cls == "Person":
            found.setdefault(m.link or m.key, []).append(m)
    found = _surnames_joined(found)
    absence, sequel, past = lexicon.absence_words, lexicon.sequel_words, lexicon.titles.past_markers
    return {k: ms for k, ms in found.items() if not any(
        absent(m.evidence.sentence, m.start - m.evidence.start, m.end - m.evidence.start, absence)
        or tells_a_later_trip(m, sequel) or _former(m, past) for m in ms)}


def participant_candidates(event: EventMention, events: Sequence[EventMention], index: MentionIndex, document,
                           gazetteer: Gazetteer, leader_titles: frozenset[str]) -> list[Candidate]:
    """Every person the article names and ``event`` does not list yet, with their cues."""
    people = _people(index, words())
    lead, headline = lead_end(document), headline_end(document)
    host_codes, blocs = where_and_whose(index, gazetteer, event)
    by_code = country_by_code(gazetteer.origin)
    same_kind = {o.evidence.start for o in events if same_gathering(index, gazetteer, o, event)}
    others = {o.evidence.start for o in events if o.cls in SUMMITS and not is_planned(o)} - same_kind
    meetings = [o for o in events if o.cls in ("Meeting", "Visit") and not is_planned(o)]
    start, end = event.evidence.start, event.evidence.end
    out = []
    for key, ms in sorted(people.items(), key=lambda kv: kv[1][0].start):
        refs = [MentionRef(m.start, m.end) for m in ms]
        if shares_entity(index, refs, event.participants):
            continue
        led = led_countries(index, gazetteer, refs, leader_titles)
        features = (
            any(m.start < headline for m in ms), any(m.start < lead for m in ms),
            any(start <= m.start < end for m in ms), any(start - NEAR <= m.start < end + NEAR for m in ms),
            math.log1p(len(ms)), bool(led), any(by_code.get(code) in led for code in host_codes),
            any((country, bloc) in gazetteer.memberships for country in led for bloc in blocs),
            any(m.evidence.start in same_kind for m in ms), any(m.evidence.start in others for m in ms),
            any(shares_entity(index, refs, o.participants) for o in meetings),
            start < lead, any(m.role is not None for m in ms))
        out.append(Candidate(refs[0], key, tuple(sorted({m.key for m in ms})), tuple(float(f) for f in features)))
    return out


def scored_gathering(event: EventMention) -> bool:
    """A summit or forum that took place (what the weights are fitted on)."""
    return event.cls in SUMMITS and not is_planned(event)


def participants_by_scores(events: Sequence[EventMention], index: MentionIndex, document, gazetteer: Gazetteer,
                           leader_titles: frozenset[str], weights: PlaceWeights | None) -> list[EventMention]:
    """``events`` with each summit's candidates scoring at least the threshold among
    its participants."""
    if weights is None or tuple(weights.features) != FEATURES or len(weights.weights) != len(FEATURES):
        return list(events)  # weights of other cues (refit them): no scoring rather than a wrong one
    out = []
    for e in events:
        if scored_gathering(e):
            added = tuple(c.ref for c in participant_candidates(e, events, index, document, gazetteer, leader_titles)
                          if score(weights, c.features) >= weights.threshold)
            if added:
                e = replace(e, participants=e.participants + added)
        out.append(e)
    return out
