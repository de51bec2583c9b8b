"""Copulas and appositions, steps of the noun frame: 'China is Russia's largest
trading partner', 'X is at odds with Y', 'Hungary, a member of the EU', 'his term
as President of Russia', 'admitted Belarus as its tenth member'."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..args import args
from ..scope import Arg, Scope
from ..facts import BASE_CONFIDENCE
from ..lexicon import Trigger
from ..registry import noun_steps
from ..syntax import prep_objects, verb_subjects
from .noun import Slots

if TYPE_CHECKING:
    from spacy.tokens import Token


@noun_steps.register("copula")
def copula(scope: Scope, noun: Token, trig: Trigger, slots: Slots) -> Slots:
    """The subject of 'be' holds the noun: 'China is Russia's largest trading partner'."""
    head = noun.head
    if not (noun.dep_ == "attr" or (noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_ == "be")):
        return slots
    verb = head if noun.dep_ == "attr" else head.head
    holder = [a for t in verb_subjects(verb) for a in args(scope, t, thing=trig.thing_subject)]
    if not holder:
        return slots
    if trig.copular or trig.poss == "object" or not slots.subjects:
        slots = slots.add(subjects=holder)
    else:
        slots = slots.add(objects=holder)
    return slots._replace(base=BASE_CONFIDENCE["copular"], rule=slots.rule + "+copula")


@noun_steps.register("apposition")
def apposition(scope: Scope, noun: Token, trig: Trigger, slots: Slots) -> Slots:
    """'China, Russia's most important ally'; 'Taiwan's president, William Lai'."""
    if not (noun.dep_ == "appos" or trig.apposition):
        return slots
    if noun.dep_ == "appos" and not in_series(noun.head):
        slots = slots.add(subjects=args(scope, noun.head))
    for c in [*noun.children, *of_appositions(noun)]:
        if c.dep_ == "appos":
            slots = slots.add(subjects=args(scope, c))
    if slots.subjects:
        slots = slots._replace(base=BASE_CONFIDENCE["apposition"], rule=slots.rule + "+appos")
    return slots


def in_series(token: Token) -> bool:
    """'A, B, C, the chairman of X': a name in a list of names; what follows it is the
    next item, not its apposition."""
    return token.dep_ in ("conj", "appos") or any(c.dep_ == "conj" for c in token.children)


def of_appositions(noun: Token) -> list[Token]:
    """'the president of Kenya, Jane Doe': the parse hangs the name on the country; it
    names the holder of the noun."""
    return [c for t in prep_objects(noun, ("of",)) for c in t.children if c.dep_ == "appos"]


@noun_steps.register("title-holder")
def title_holder(scope: Scope, noun: Token, trig: Trigger, slots: Slots) -> Slots:
    """'his fifth term as President of Russia': the person the title belongs to."""
    if trig.predicate != "leaderOf" or slots.subjects:
        return slots
    return slots.add(subjects=holder_of_title(scope, noun))


def holder_of_title(scope: Scope, noun: Token) -> list[Arg]:
    t = noun
    for _ in range(4):
        if t.dep_ == "pobj" and t.head.lower_ == "as":
            governor = t.head.head
            # "the swearing-in of Dilma Rousseff as head of ...", "named X as head".
            for c in governor.children:
                candidates = [c] if c.dep_ in ("dobj", "poss") else (
                    [p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ == "of" else [])
                if c.dep_ == "dobj":
                    # "attended the swearing-in of Dilma Rousseff as head of ...".
                    candidates += [p for x in c.children if x.dep_ == "prep" and x.lower_ == "of"
                                   for p in x.children if p.dep_ == "pobj"]
                people = [a for x in candidates for a in args(scope, x) if a.cls == "Person"]
                if people:
                    return people
            return [a for s in verb_subjects(governor) for a in args(scope, s) if a.cls == "Person"]
        t = t.head
    return []


@noun_steps.register("as-object")
def as_object(scope: Scope, noun: Token, trig: Trigger, slots: Slots) -> Slots:
    """'admitted Belarus as its tenth member', 'portrays Russia as a partner'."""
    head = noun.head
    if slots.subjects or not (noun.dep_ == "pobj" and head.lower_ == "as" and head.head.pos_ in ("VERB", "AUX")):
        return slots
    slots = slots.add(subjects=[a for c in head.head.children if c.dep_ == "dobj" for a in args(scope, c)])
    return slots._replace(subjects=slots.objects, objects=slots.subjects) if trig.invert else slots


@noun_steps.register("appointed")
def appointed(scope: Scope, noun: Token, trig: Trigger, slots: Slots) -> Slots:
    """'make the African Union a permanent member'."""
    if slots.subjects or not (noun.dep_ in ("oprd", "attr", "dobj") and noun.head.lemma_ in scope.words.appointing_verbs):
        return slots
    return slots.add(subjects=[a for c in noun.head.children if c.dep_ == "dobj" and c is not noun
                               for a in args(scope, c)])
