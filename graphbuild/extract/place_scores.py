"""Where an event happened when no rule could say and several cues compete: the
headline names one place, the dateline another, the lead a third, the sentences
around the event a fourth. Each place the article names is a candidate, described
by how news is written (is it in the headline, the lead, the dateline, the event's
own sentence or near it; how often the article names it; is it a country one of
the event's people leads; did another event of the same people happen there). A
logistic scoring whose weights were fitted on the gold of both real dev sets
(benchmarks/fit_place_weights.py, shipped as ``lang/en/place_weights.json``) picks
the best candidate; below the threshold fitted for precision, the event stays
unplaced (no place is better than a wrong one)."""

from __future__ import annotations

import functools
import math
import re
from dataclasses import replace
from typing import NamedTuple, Sequence

from ..knowledge.gazetteer import Gazetteer
from ..lang import PlaceWeights, Words, words
from ..records import DATELINE, Document, EventMention, Mention, MentionRef
from .article_dates import another_day, lead_end
from .lead import tells_a_later_trip
from .context import (OCCASIONS, PLACED_BY_CONTEXT, is_planned, led_countries, no_venue, same_party,
                      shares_entity)
from .scope import MentionIndex
from .travel import country_of_place

#: The cues, in the order of the fitted weights.
FEATURES = ("in_headline", "in_lead", "in_dateline", "in_sentence", "near", "mentions", "share",
            "is_country", "of_a_participant", "place_of_their_event", "first_place", "event_in_lead")
#: Characters either side of the event's sentence that count as near it.
NEAR = 400


class Candidate(NamedTuple):
    ref: MentionRef  # the candidate's first mention
    key: str  # the place it names (gazetteer id or name)
    names: tuple[str, ...]  # what the text calls it, for matching gold in the fitting script
    features: tuple[float, ...]


def headline_end(document: Document) -> int:
    for seg in document.segments:
        if seg.kind == "heading" and document.headline and seg.text.strip() == document.headline.strip():
            return seg.start + len(seg.text)
    return 0


#: How far back a list of names before a place is looked for.
LIST_SPAN = 200
WORD = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=8)
def _listed_before(conjunctions: frozenset[str]) -> re.Pattern:
    """The names before a place in one list with it ('from Lima and Quito')."""
    joins = "|".join(sorted(re.escape(c) for c in conjunctions))
    return re.compile(rf"(?:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*\s*(?:,|\b(?:{joins})\b)\s*)*$")


def _left(m: Mention, vocabulary: Words) -> bool:
    """The place is one someone came from ('back from Lima and Quito'): the word before
    it, or before the list it ends, is an origin word."""
    before = m.evidence.sentence[:m.start - m.evidence.start][-LIST_SPAN:]
    head = before[:_listed_before(vocabulary.list_conjunctions).search(before).start()]
    words_before = WORD.findall(head[-20:].lower())
    return bool(words_before) and words_before[-1] in vocabulary.origin_words


def _places(index: MentionIndex, gazetteer: Gazetteer) -> dict[str, list[Mention]]:
    """The article's places and countries, by the thing they name (seas and continents,
    which no event is held in, nationality adjectives, and places of sentences that
    tell a later trip, 'He then travelled to X', left out)."""
    found: dict[str, list[Mention]] = {}
    sequel = words().sequel_words
    for m in index.mentions:
        if m.cls in ("Place", "Country") and not m.demonym and not no_venue(gazetteer, m) \
                and not tells_a_later_trip(m, sequel):
            found.setdefault(m.link or m.key, []).append(m)
    return found


def place_candidates(event: EventMention, events: Sequence[EventMention], index: MentionIndex, document: Document,
                     gazetteer: Gazetteer, leader_titles: frozenset[str]) -> list[Candidate]:
    """Every place the article names, with its cues for ``event``."""
    places = _places(index, gazetteer)
    if not places:
        return []
    lead, headline = lead_end(document), headline_end(document)
    datelines = [(s.start, s.end) for s in document.segments if s.kind == DATELINE]
    total = sum(len(ms) for ms in places.values())
    first = min(places, key=lambda k: places[k][0].start)
    led = led_countries(index, gazetteer, event.participants, leader_titles) | _titled_countries(index, event)
    # A bilateral meeting's place says little of the summit's venue, and the other way round.
    kind = OCCASIONS if event.cls in OCCASIONS else {"Meeting", "Visit"}
    theirs = [o for o in events if o is not event and o.locations and o.cls in kind
              and shares_entity(index, o.participants, event.participants)]
    start, end = event.evidence.start, event.evidence.end
    out = []
    for key, ms in sorted(places.items(), key=lambda kv: kv[1][0].start):
        if ms[0].cls == "Country" and event.cls in OCCASIONS:
            continue  # a summit, a forum, a parade is held in a city
        if all(another_day(m.evidence.sentence, document.date_published) for m in ms):
            continue  # named only under a photo of another day ('..., Oct. 1, 2018' in a report of November)
        refs = [MentionRef(m.start, m.end) for m in ms]
        features = (
            any(m.start < headline for m in ms), any(m.start < lead for m in ms),
            any(a <= m.start < b for m in ms for a, b in datelines), any(start <= m.start < end for m in ms),
            any(start - NEAR <= m.start < end + NEAR for m in ms), math.log1p(len(ms)), len(ms) / total,
            ms[0].cls == "Country", key in led, any(shares_entity(index, o.locations, refs) for o in theirs),
            key == first, start < lead)
        out.append(Candidate(refs[0], key, tuple(sorted({m.key for m in ms})), tuple(float(f) for f in features)))
    return out


def _titled_countries(index: MentionIndex, event: EventMention) -> set[str]:
    """The countries the titles of the event's people name ('Turkish Foreign Minister X')."""
    found = set()
    for ref in event.participants:
        if isinstance(ref[0], int):
            m = index.at(ref[0])
            if m is not None and m.role and m.role[1]:
                found.add(m.role[1])
    return found


def score(weights: PlaceWeights, features: Sequence[float]) -> float:
    z = weights.bias + sum(w * f for w, f in zip(weights.weights, features))
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))  # no overflow, whatever the weights


def scored_place(event: EventMention) -> bool:
    """An event whose place the cues may tell: a gathering no rule placed, not a plan
    (what the weights are fitted on)."""
    return not event.locations and event.cls in PLACED_BY_CONTEXT and not is_planned(event)


def _placed_elsewhere(event: EventMention, events: Sequence[EventMention], index: MentionIndex) -> bool:
    """Another mention of the article places the same people's gathering (one event,
    which coreference will place: a score would only risk splitting it), or the
    meeting was held at a summit its sentence names (it is where the summit is)."""
    return any((o.locations and o.cls in PLACED_BY_CONTEXT and same_party(index, o.participants, event.participants))
               or (event.cls == "Meeting" and o.cls in OCCASIONS and o.evidence.start == event.evidence.start)
               for o in events if o is not event)


def _organisers(index: MentionIndex, event: EventMention) -> set[str]:
    return {m.link or m.key for r in event.participants
            if isinstance(r[0], int) and (m := index.at(r[0])) is not None and m.cls == "Organization"}


def _not_the_summits(event: EventMention, events: Sequence[EventMention], index: MentionIndex,
                     gazetteer: Gazetteer) -> tuple[set[str], set[str]]:
    """The places a named summit ('the APEC summit') was not held at, by the article's
    cues alone, as two sets. Passed over: where its other events took place, but for
    those of the same organiser (the organiser's gatherings move from city to city, the
    talks beside one are often held elsewhere, and another bloc's summit is another),
    and the sites no gazetteer places (the estate of a bilateral, not a summit's city).
    Ruling out: the places someone came from ('back from Lima'), which may be where
    the summit was, so that no place is taken when one ranks first."""
    own = _organisers(index, event)
    if not own:
        return set(), set()
    others = {m.link or m.key for o in events if o is not event and not (_organisers(index, o) & own)
              for r in o.locations if isinstance(r[0], int) and (m := index.at(r[0])) is not None}
    vocabulary = words()
    places = [m for m in index.mentions if m.cls == "Place"]
    sites = {m.link or m.key for m in places if country_of_place(m, gazetteer) is None}
    left = {m.link or m.key for m in places if _left(m, vocabulary)}
    return others | sites, left


def place_by_scores(events: Sequence[EventMention], index: MentionIndex, document: Document, gazetteer: Gazetteer,
                    leader_titles: frozenset[str], weights: PlaceWeights | None) -> list[EventMention]:
    """``events`` with each unplaced gathering placed at its best-scoring candidate,
    when that scores at least the threshold."""
    if weights is None or tuple(weights.features) != FEATURES or len(weights.weights) != len(FEATURES):
        return list(events)  # weights of other cues (refit them): no scoring rather than a wrong one
    out = []
    for e in events:
        if scored_place(e) and not _placed_elsewhere(e, events, index):
            # The cues rank every place (what the weights are fitted on); a named summit
            # then passes over the places it was not held at, and takes none when the
            # best left is a place someone came from.
            passed, ruled_out = _not_the_summits(e, events, index, gazetteer)
            ranked = sorted(((score(weights, c.features), -c.ref.start, c) for c in
                             place_candidates(e, events, index, document, gazetteer, leader_titles)
                             if c.key not in passed), reverse=True)
            if ranked and ranked[0][0] >= weights.threshold and ranked[0][2].key not in ruled_out:
                e = replace(e, locations=(ranked[0][2].ref,))
        out.append(e)
    return out
