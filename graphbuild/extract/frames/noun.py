"""The noun frame: a trigger noun ('visit', 'sanctions', 'member') and the arguments
its registered steps find, in the order of ``frames.noun_steps`` in the lexicon:
possessors and country adjectives ('Putin's visit to China', 'Russian tariffs'),
prepositional objects, the subject of a light verb ('China provides support to
Russia'), copulas and appositions (:mod:`.copula`), 'between X and Y'."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..args import args
from ..scope import Arg, Scope, of_mention
from ..events import frame_events
from ..facts import BASE_CONFIDENCE, NOTHING, Found
from ..lexicon import Trigger
from ..modality import FORMER, modality, role_time
from ..registry import noun_steps, trigger_frames
from ..syntax import prep_objects, verb_subjects
from .coordination import between, emit, pair_of

if TYPE_CHECKING:
    from spacy.tokens import Token


class Slots(NamedTuple):
    """The arguments a noun frame has found so far, the rule's name and its base
    confidence (a NamedTuple: steps make many, and they are cheap to make)."""

    subjects: tuple[Arg, ...] = ()
    objects: tuple[Arg, ...] = ()
    rule: str = ""
    base: float = BASE_CONFIDENCE["noun"]

    def add(self, subjects=(), objects=()) -> Slots:
        return Slots(self.subjects + tuple(subjects), self.objects + tuple(objects), self.rule, self.base)


def owners(scope: Scope, noun: Token) -> list[Arg]:
    return [a for c in noun.children if c.dep_ == "poss" for a in args(scope, c)]


def _by_possessor(trig: Trigger, slots: Slots, found: list[Arg]) -> Slots:
    return slots.add(subjects=found) if trig.poss == "subject" else slots.add(objects=found)


@trigger_frames.register("noun")
def noun_frame(scope: Scope, noun: Token, trig: Trigger) -> Found:
    mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
    if trig.requires and not (trig.requires in mods or any(t.lower_ == trig.requires for t in noun.doc[max(noun.i - 2, 0):noun.i])):
        return NOTHING
    if trig.requires_mod and not mods & set(trig.requires_mod):
        return NOTHING
    if trig.not_after and mods & set(trig.not_after):
        return NOTHING
    mode = modality(scope.lexicon, noun)
    if mode is None:
        return NOTHING
    if role_time(scope.words, noun):
        mode = FORMER  # "the former president of X"
    slots = Slots(rule=f"noun:{trig.lemma}")
    for step in noun_steps.sequence(scope.lexicon.frames.noun_steps):
        slots = step(scope, noun, trig, slots)
    subjects, objects, rule = list(slots.subjects), list(slots.objects), slots.rule
    relations = emit(scope, trig, subjects, objects, noun, rule, mode, slots.base)
    pair = pair_of(scope, noun)
    if trig.between and pair:
        relations += between(scope, trig, pair, noun, rule, mode, BASE_CONFIDENCE["noun"])
    events = []
    if trig.event:
        participants = subjects
        if trig.between and pair:
            participants = [a for t in pair for a in args(scope, t)]
        events = frame_events(scope, trig.event, noun, participants, objects, rule, mode)
    return Found(tuple(relations), tuple(events))


@noun_steps.register("possessor")
def possessor(scope: Scope, noun: Token, trig: Trigger, slots: Slots) -> Slots:
    """'Putin's visit': the owner is the subject (or, for 'Russia's ally', the object)."""
    return _by_possessor(trig, slots, owners(scope, noun))


@noun_steps.register("modifier")
def modifier(scope: Scope, noun: Token, trig: Trigger, slots: Slots) -> Slots:
    """'Russian tariffs', 'the Chinese president': a country adjective or compound."""
    if not ("mod" in trig.subject or trig.mod_is == "object"):
        return slots
    found = []
    for c in noun.children:
        if c.dep_ in ("amod", "compound", "nmod"):
            m = scope.mention(c)
            if m is not None and m.cls in ("Country", "Organization"):
                found.append(of_mention(m))
    return slots.add(objects=found) if trig.mod_is == "object" else slots.add(subjects=found)


@noun_steps.register("by-agent")
def by_agent(scope: Scope, noun: Token, trig: Trigger, slots: Slots) -> Slots:
    """'the invasion by Russia'; 'the visit of Xi Jinping to India', where the lexicon
    lets 'of' name the agent: a person (the visit of a site is no one's)."""
    found = [a for t in prep_objects(noun, ("by",)) for a in args(scope, t)] if "by" in trig.subject else []
    if "of" in trig.subject:
        found += [a for t in prep_objects(noun, ("of",)) for a in args(scope, t) if a.cls == "Person"]
    return slots.add(subjects=found)


@noun_steps.register("object")
def objects_of(scope: Scope, noun: Token, trig: Trigger, slots: Slots) -> Slots:
    """The lexicon's object slots of the noun: 'visit to China', 'sanctions on Iran'."""
    return slots.add(objects=[a for t in prep_objects(noun, trig.object) for a in args(scope, t, thing=trig.thing_object)])


@noun_steps.register("thing-subject")
def thing_subject(scope: Scope, noun: Token, trig: Trigger, slots: Slots) -> Slots:
    """'the supply of Russian gas to China': the owner of the thing supplies it."""
    if not trig.thing_subject:
        return slots
    subjects = slots.subjects + tuple(a for t in prep_objects(noun, ("of",)) for a in args(scope, t, thing=True))
    return slots._replace(subjects=subjects, objects=tuple(a for a in slots.objects if a not in subjects))


@noun_steps.register("compound-head")
def compound_head(scope: Scope, noun: Token, trig: Trigger, slots: Slots) -> Slots:
    """'trade volumes between Russia and China': the trigger modifies the head noun."""
    if not (noun.dep_ == "compound" and noun.head.pos_ == "NOUN"):
        return slots
    head = noun.head
    slots = slots.add(objects=[a for t in prep_objects(head, trig.object) for a in args(scope, t, thing=trig.thing_object)])
    for c in head.children:
        if c.dep_ == "poss":
            slots = _by_possessor(trig, slots, args(scope, c))
    return slots


@noun_steps.register("light-verb")
def light_verb(scope: Scope, noun: Token, trig: Trigger, slots: Slots) -> Slots:
    """'China provides support to Russia', 'Russia imposed sanctions on X'."""
    head = noun.head
    if not (noun.dep_ in ("dobj", "attr", "nsubj", "pobj") and head.lemma_.lower() in scope.lexicon.light_verbs):
        return slots
    if not slots.subjects:
        # "X gave Y a tour of Z": the noun is Y's, the one given it ('dative'), not the giver's.
        receivers = [c for c in head.children if c.dep_ == "dative"] if noun.dep_ == "dobj" else []
        holders = receivers or verb_subjects(head)
        slots = slots.add(subjects=[a for t in holders for a in args(scope, t)])
    slots = slots.add(objects=[a for t in prep_objects(head, trig.object) for a in args(scope, t, thing=trig.thing_object)])
    return slots._replace(rule=slots.rule + f"+{head.lemma_.lower()}")


@noun_steps.register("name-of")
def name_of(scope: Scope, noun: Token, trig: Trigger, slots: Slots) -> Slots:
    """'its northeastern province of Heilongjiang': the pobj names the province, the
    possessor is where it lies."""
    if not trig.name_of or noun.dep_ == "appos":
        return slots
    named = [a for t in prep_objects(noun, ("of",)) for a in args(scope, t)]
    if not named:
        return slots
    # The owner ("its province of X") or, failing one, a country adjective ("the
    # Italian city of X") is where it lies.
    where = tuple(owners(scope, noun)) or tuple(a for a in slots.objects if a not in named)
    return slots._replace(subjects=tuple(named), objects=where)


@noun_steps.register("located-name")
def located_name(scope: Scope, noun: Token, trig: Trigger, slots: Slots) -> Slots:
    """'Russia's Kaliningrad region': the place named inside the noun lies in the owner."""
    if trig.predicate != "locatedIn" or noun.dep_ == "appos":
        return slots
    names = [a for c in noun.children if c.dep_ in ("compound", "nmod") for a in args(scope, c) if a.cls == "Place"]
    return slots._replace(subjects=tuple(names)) if names else slots


@noun_steps.register("inherited-subject")
def inherited_subject(scope: Scope, noun: Token, trig: Trigger, slots: Slots) -> Slots:
    """'Xi's visit to Europe, including stops in Hungary': the governing noun's owner;
    'arrived for talks with Macron': the governing verb's subject."""
    if slots.subjects or trig.poss != "subject":
        return slots
    t = noun
    for _ in range(3):
        if t.head is t:
            break
        t = t.head
        if t.pos_ == "NOUN":
            found = owners(scope, t)
            if found:
                return slots.add(subjects=found)
        if t.pos_ in ("VERB", "AUX"):
            break
    if noun.dep_ == "pobj" and noun.head.lower_ in scope.words.governing_prepositions:
        governor = noun.head.head
        if governor.pos_ in ("VERB", "AUX"):
            return slots.add(subjects=[a for t in verb_subjects(governor) for a in args(scope, t)])
    return slots


@noun_steps.register("invert")
def invert(scope: Scope, noun: Token, trig: Trigger, slots: Slots) -> Slots:
    """'China's purchases of Russian oil': the buyer is the object of exportsTo."""
    return slots._replace(subjects=slots.objects, objects=slots.subjects) if trig.invert else slots
