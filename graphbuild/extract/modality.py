"""Modality of a frame: negated and hypothetical frames give nothing; planned and
reported ones are kept, marked, and trusted less.

The cue words live in the trigger lexicon (``negation_words``, ``negating_verbs``,
``hypothetical_cues``, ``planned_cues``, ``reported_cues``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lang import Words
from .lexicon import Lexicon
from .syntax import governors

if TYPE_CHECKING:
    from spacy.tokens import Token

ASSERTED, PLANNED, REPORTED = "asserted", "planned", "reported"
#: A role held in the past ("former president"): kept, never read as a current fact.
FORMER = "former"

#: Confidence factors of a reading.
INDIRECT_FACTOR = 0.8  # an argument found through a pronoun or a role noun
PLANNED_FACTOR = 0.8
REPORTED_FACTOR = 0.85


def modality(lexicon: Lexicon, trigger: Token) -> str | None:
    """None when the frame is negated or hypothetical; else asserted/planned/reported."""
    lex = lexicon
    chain = [trigger, *governors(trigger)]
    mode = ASSERTED
    for t in chain:
        for child in t.children:
            if child.dep_ == "neg" or (child.lower_ in lex.negation_words and child.dep_ in ("neg", "advmod", "det")):
                return None
            if child.dep_ in ("aux", "auxpass") and child.lower_ in lex.hypothetical_cues:
                return None
            if child.dep_ in ("aux",) and child.lower_ in lex.planned_cues:
                mode = PLANNED
            if child.dep_ == "amod" and child.lower_ in lex.planned_cues:
                mode = PLANNED
        lemma = t.lemma_.lower()
        if t is not trigger:
            if lemma in lex.negating_verbs:
                return None
            if lemma in lex.hypothetical_cues and t.pos_ == "VERB":
                return None
            if lemma in lex.planned_cues:
                mode = PLANNED
            if lemma in lex.reported_cues and t.pos_ == "VERB" and mode == ASSERTED:
                mode = REPORTED
        if t.dep_ in ("ROOT", "relcl", "acl", "appos"):
            break  # a relative clause has its own polarity
    if any(c.lower_ in lex.reported_sentence_cues for c in trigger.sent):
        mode = REPORTED if mode == ASSERTED else mode
    if mode == ASSERTED and bare_infinitive(trigger):
        mode = PLANNED
    return mode


def bare_infinitive(trigger: Token) -> bool:
    """A headline's 'X to visit Y' (or its noun's 'talks to follow'): an infinitive that
    no finite verb governs states a plan."""
    t = trigger
    for _ in range(3):  # "to hold talks": the noun's verb
        if t.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in t.children):
            break
        if t.dep_ not in ("dobj", "pobj", "prep") or t.head is t:
            return False
        t = t.head
    else:
        return False
    return t.dep_ == "ROOT" or (t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN")
                                and t.head.dep_ == "ROOT")


def confidence(base: float, mode: str, indirect: bool = False) -> float:
    """A reading's confidence: its rule's base, less for an indirect argument and for
    a planned or reported frame."""
    value = base
    if indirect:
        value *= INDIRECT_FACTOR
    if mode == PLANNED:
        value *= PLANNED_FACTOR
    elif mode == REPORTED:
        value *= REPORTED_FACTOR
    return round(value, 3)


def past_role(words: Words, tokens) -> bool:
    """A role marked as past: 'former', 'late', 'outgoing', 'ex-' or 'then-' among
    ``tokens`` (the words before and around a title or a role noun)."""
    markers = words.titles.past_markers
    tokens = list(tokens)
    for i, t in enumerate(tokens):
        lower = t.lower_
        if lower in markers and (lower not in ("ex", "then") or (i + 1 < len(tokens) and tokens[i + 1].text == "-")):
            return True
        if "-" in lower and lower.split("-", 1)[0] in markers:
            return True  # "ex-president" as one token
    return False


def role_time(words: Words, noun: Token) -> bool:
    """The role noun is past: 'the former president of X', 'X's ex-leader'."""
    near = [c for c in noun.children if c.dep_ in ("amod", "advmod", "compound", "punct") and c.i < noun.i]
    if not near:
        return False
    return past_role(words, noun.doc[min(c.i for c in near):noun.i])
