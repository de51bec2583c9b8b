"""The verb frame: subject and object of a trigger verb ('Putin visited China'),
the agent of a passive ('launched by China'), prepositional objects ('arrived in
Beijing', 'met with Xi'), the origin of a transfer ('goods from Russia')."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..args import args
from ..scope import Scope
from ..events import frame_events
from ..facts import BASE_CONFIDENCE, NOTHING, Found
from ..lexicon import Trigger
from ..modality import modality
from ..registry import trigger_frames
from ..syntax import prep_objects, verb_subjects
from .coordination import emit

if TYPE_CHECKING:
    from spacy.tokens import Token


def noun_referent(noun: Token) -> Token:
    """The name a descriptive noun stands for: 'The BRI is a programme launched by ...'."""
    if noun.dep_ == "attr":
        subs = [c for c in noun.head.children if c.dep_ == "nsubj"]
        if subs:
            return subs[0]
    if noun.dep_ == "appos":
        return noun.head
    return noun


@trigger_frames.register("verb")
def verb_frame(scope: Scope, verb: Token, trig: Trigger) -> Found:
    if trig.requires and not any(c.lower_ == trig.requires for c in verb.children):
        return NOTHING
    mode = modality(scope.lexicon, verb)
    if mode is None:
        return NOTHING
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if passive:
        subj_tokens = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        obj_tokens = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if verb.dep_ == "acl" and not obj_tokens:
            obj_tokens = [noun_referent(verb.head)]
    else:
        subj_tokens = verb_subjects(verb)
        obj_tokens = prep_objects(verb, trig.object)
        if verb.dep_ == "acl" and not subj_tokens and verb.tag_ == "VBN":
            # "a programme launched by China": the participle's noun is the object.
            subj_tokens = [p for c in verb.children if c.dep_ in ("agent", "prep") and c.lower_ == "by"
                           for p in c.children if p.dep_ == "pobj"]
            obj_tokens = [noun_referent(verb.head)]
    if "from" in trig.subject:
        # "transporting goods from Russia to China": the origin, not the driver.
        origins = prep_objects(verb, ("from",))
        if origins:
            subj_tokens = origins
    subjects = [a for t in subj_tokens for a in args(scope, t)]
    objects = [a for t in obj_tokens if t is not None for a in args(scope, t, thing=trig.thing_object)]
    if trig.object_classes:
        objects = [a for a in objects if a.cls in trig.object_classes]
    rule = f"verb:{trig.lemma}" + ("/passive" if passive else "")
    if trig.invert:
        # "India buys Russian oil": the seller is the subject of exportsTo.
        relations = emit(scope, trig, objects, subjects, verb, rule, mode, BASE_CONFIDENCE["verb"])
    else:
        relations = emit(scope, trig, subjects, objects, verb, rule, mode, BASE_CONFIDENCE["verb"])
    events = frame_events(scope, trig.event, verb, subjects, objects, rule, mode) if trig.event else []
    if trig.host_is == "subject" and events:
        # "A hosted B", "A welcomed B to X": A hosts, and X is where they met.
        hosts = tuple(a.ref for a in subjects if a.cls in ("Person", "Country"))
        spec = scope.lexicon.event_types[trig.event].locations
        places = tuple(a.ref for t in prep_objects(verb, scope.words.arrival_prepositions)
                       for a in args(scope, t) if a.cls in spec.classes)
        events = [replace(e, hosts=e.hosts or hosts, locations=e.locations or places) for e in events]
    return Found(tuple(relations), tuple(events))
