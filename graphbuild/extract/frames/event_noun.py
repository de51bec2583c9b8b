"""Event nouns: 'a military parade in China', 'the SCO summit in Tianjin', 'a forum in
Beijing' (``event_nouns`` of the lexicon): an event with whoever attends it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..args import args
from ..context import no_venue
from ..scope import Arg, Scope, of_mention
from ..events import clause_places, event_date, event_mention
from ..facts import NOTHING, Found, evidence
from ..gatherings import one_gathering
from ..modality import ASSERTED, modality
from ...records import EventMention
from ..registry import trigger_frames
from ..syntax import conjuncts, prep_objects, verb_subjects

if TYPE_CHECKING:
    from spacy.tokens import Token


def _hyphenated(token: Token) -> bool:
    """'Russia-Africa' before a noun: the two sides of the event, not its place."""
    doc = token.doc
    return any(0 <= i < len(doc) and doc[i].text in ("-", "\u2013") for i in (token.i - 1, token.i + 1))


def listed_people(scope: Scope, noun: Token) -> list[Arg]:
    """Everyone an 'including' phrase on the noun names, however the parser nested its
    titles ('including President of the Republic of X A, Y's premier B and C')."""
    found: dict[tuple, Arg] = {}
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in scope.words.example_prepositions:
            for t in [*child.subtree, *list_run(scope, child)]:
                m = scope.mention(t)
                if m is not None and m.cls == "Person":
                    found.setdefault((m.start, m.end), of_mention(m))
    return list(found.values())


def list_run(scope: Scope, opener: Token) -> list[Token]:
    """The names of a list of people that runs on from ``opener`` in the text, where
    the parser broke it into pieces: names, their titles and countries, commas and
    'and'. It ends at the first other word (a full stop too: a sentence the parser
    ended inside the list goes on); a name a verb follows is the subject of a new
    clause ('..., and B said'), not listed."""
    titles = scope.words.titles
    title_words = titles.title_heads | titles.state_forms | {
        w.lower() for t in titles.leader_titles for w in t.split()}
    found: list[Token] = []
    doc = opener.doc
    i = opener.i + 1
    while i < len(doc):
        t = doc[i]
        m = scope.mention(t)
        if m is not None:
            end = i
            while end + 1 < len(doc) and scope.mention(doc[end + 1]) is m:
                end += 1
            if end + 1 < len(doc) and doc[end + 1].pos_ in ("VERB", "AUX"):
                break
            found.append(t)
            i = end + 1
            continue
        if not (t.text == "," or t.lower_ in scope.words.list_conjunctions or t.pos_ in ("DET", "PROPN", "ADJ")
                or t.tag_ == "POS" or t.lower_ in scope.words.title_links or t.lower_ in title_words):
            break
        i += 1
    return found


def _named_place(scope: Scope, noun: Token) -> list[Arg]:
    """'the Lisbon summit': a city or site named before the noun (not a country: 'the
    US-China summit' names its sides; nor a world region: 'the East Asia Summit' is not
    held in East Asia at large)."""
    return [a for c in noun.children if c.dep_ in ("compound", "nmod") and not _hyphenated(c)
            for a in args(scope, c) if a.cls == "Place" and not no_venue(scope.gazetteer, scope.index.exact(a.ref))][:1]


def demonym_place(scope: Scope, noun: Token) -> list[Arg]:
    """'a Swiss summit', 'the Chinese military parade': the one country a nationality
    adjective names (not two sides: 'a Chinese-Russian summit', 'French and German')."""
    found = []
    for c in noun.children:
        if c.dep_ in ("amod", "compound") and not _hyphenated(c) and not c.conjuncts:
            m = scope.mention(c)
            if m is not None and m.demonym and m.cls == "Country":
                found.append(of_mention(m))
    return found if len(found) == 1 else []


@trigger_frames.register("event-noun")
def standalone_event(scope: Scope, noun: Token, cls: str) -> Found:
    if noun.tag_ == "NNS":
        return NOTHING  # "international forums": a kind of event, not one
    mode = modality(scope.lexicon, noun)
    if mode is None:
        return NOTHING
    locations = [a for t in prep_objects(noun, ("in", "at")) for a in args(scope, t) if a.cls in ("Place", "Country")]
    if not locations:
        locations = _named_place(scope, noun)
    if not locations:
        locations = demonym_place(scope, noun)
    if not locations:
        locations = clause_places(scope, noun, cls)
    participants: list[Arg] = []
    hosts: list[Arg] = []
    # The organiser of a named event: "the BRICS summit", "a summit of the SCO", "the
    # alliance's annual summit".
    orgs = [a for c in [*(c for c in noun.children if c.dep_ in ("compound", "amod", "nmod", "poss")),
                        *prep_objects(noun, ("of",))]
            for a in args(scope, c) if a.cls == "Organization"]
    t = noun
    # Who attends: "Putin is to be the guest of honour at a parade", "Putin attended a forum".
    for _ in range(3):
        if t.dep_ == "pobj":
            t = t.head.head
        elif t.dep_ in ("dobj", "attr"):
            t = t.head
        else:
            break
    if t is not noun:
        holder = t if t.pos_ in ("VERB", "AUX") else t.head
        participants = [a for s in verb_subjects(holder) for a in args(scope, s) if a.cls in ("Person", "Country")]
        participants += [a for s in (holder, *verb_subjects(holder)) for a in listed_people(scope, s)]
        triggers = scope.lexicon.verbs.get(holder.lemma_.lower(), ())
        if any(trig.host_is == "subject" for trig in triggers):
            hosts = list(participants)  # "A hosted B and C for a summit": A hosts it
        for trig in triggers:
            if trig.event == "Meeting":
                # "A met B at the summit", "A hosted B for a summit": all of them attend.
                participants += [a for o in prep_objects(holder, trig.object) for a in args(scope, o)
                                 if a.cls in ("Person", "Country")]
                break
    # "... ahead of the summit, including A and B": the leaders it lists attend.
    participants += listed_people(scope, noun)
    for child in noun.children:
        if child.dep_ == "relcl" and not any(c.dep_ == "neg" for c in child.children):
            # "a summit that Putin and Xi used to ..." (not "a summit that X did not attend").
            participants += [a for s in child.children if s.dep_ == "nsubj" for a in args(scope, s)
                             if a.cls in ("Person", "Country")]
    if not participants and not orgs and not locations:
        return referring_back(scope, noun, cls, mode)  # an organiser alone makes one: "the G20 summit opened"
    hosts += [a for a in locations if a.cls == "Country"]
    participants = list({a.ref: a for a in participants}.values())
    event = event_mention(scope, cls, noun, participants + orgs, locations, hosts, f"event:{noun.lemma_.lower()}", mode)
    organisers = tuple(sorted({_organiser(scope, a) for a in orgs}))
    return Found(events=(replace(event, name=own_name(scope, noun), organisers=organisers),)) if event else NOTHING


#: A gathering's own name: letters and its number ('COP27', 'COP-28'), not an ordinal ('31st').
OWN_NAME = re.compile(r"[A-Z][A-Za-z]*-?\d+")


def own_name(scope: Scope, noun: Token) -> str | None:
    """A gathering's name of its own, that no entity holds ('the COP27 climate summit')."""
    for c in [*(c for c in noun.children if c.dep_ in ("compound", "nmod", "poss")), *prep_objects(noun, ("of",))]:
        for t in (c, *conjuncts(c)):
            if scope.mention(t) is None and t.pos_ == "PROPN" and OWN_NAME.fullmatch(t.text):
                return t.text
    return None


def _organiser(scope: Scope, arg: Arg) -> str:
    """The key of an organiser a gathering is named for: its gazetteer id, else its name."""
    m = scope.index.exact(arg.ref)
    return str(arg.ref[1]) if m is None else (m.link or m.key)


def referring_back(scope: Scope, noun: Token, cls: str, mode: str) -> Found:
    """'The summit closed on Tuesday': a definite mention that names no one and no place
    refers back to the one gathering of its kind the article has told so far; it gives
    its sentence's date (and the leaders the sentence names) to that gathering. None
    when the article has told none, or several, when an order word makes it another
    of the series ('the previous summit', 'the next summit'), or when the sentence's
    date is not that gathering's ('the summit of 2019' is another)."""
    if mode != ASSERTED or not any(c.dep_ == "det" and c.lower_ in scope.words.definite_determiners
                                   for c in noun.children):
        return NOTHING
    if any(c.dep_ in ("amod", "compound", "advmod") and c.lower_ in scope.words.order_words
           for c in noun.children):
        return NOTHING
    earlier = [e for e in scope.events if e.cls == cls and e.modality == ASSERTED]
    if not earlier or not one_gathering(scope.index, scope.gazetteer, earlier):
        return NOTHING
    start, end = event_date(scope, noun, mode)
    if start and not _of_the_days(start, earlier, scope.document.date_published):
        return NOTHING
    event = EventMention(cls=cls, trigger=noun.lemma_.lower(), participants=(), evidence=evidence(scope, noun),
                         confidence=earlier[0].confidence, rule=f"event:{noun.lemma_.lower()}/back", date=start,
                         end_date=end, modality=mode)
    return Found(events=(event,))


#: How many days a gathering's later 'the summit' may lie after the day it was told
#: with (a summit that opened on Monday closes on Wednesday; a conference sits two weeks).
GATHERING_DAYS = 14


def _of_the_days(value: str, earlier: list[EventMention], published: str | None) -> bool:
    """``value`` is a day of the gathering: it agrees with the earlier mentions' dates at
    their common precision, or falls within their days; with no dates told, within a
    month of the article's date (the summit it reports was in its days)."""
    told = [(e.date, e.end_date) for e in earlier if e.date]
    if not told:
        return published is None or _within_a_month(value, published)
    return any(_agrees(value, date) or _in_days(value, date, end) for date, end in told)


def _agrees(value: str, other: str) -> bool:
    n = min(len(value), len(other))
    return value[:n] == other[:n]


def _in_days(value: str, date: str, end: str | None) -> bool:
    if len(value) < 10 or len(date) < 10:
        return False
    day, first = dt.date.fromisoformat(value[:10]), dt.date.fromisoformat(date[:10])
    last = dt.date.fromisoformat(end[:10]) if end and len(end) >= 10 else first
    return first - dt.timedelta(days=GATHERING_DAYS) <= day <= max(last, first + dt.timedelta(days=GATHERING_DAYS))


def _within_a_month(value: str, other: str) -> bool:
    if _agrees(value, other):
        return True
    if len(value) < 7 or len(other) < 7:
        return False
    months = (int(value[:4]) - int(other[:4])) * 12 + int(value[5:7]) - int(other[5:7])
    return abs(months) <= 1
