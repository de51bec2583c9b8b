"""Relations and events: pure functions from a parsed segment and the document's
mentions to :class:`RelationMention` and :class:`EventMention` records.

A trigger from the lexicon (a verb or a noun) opens a frame; its arguments are
found along the dependency parse (:mod:`.args`, :mod:`.frames`). Negated frames give
nothing; planned and reported ones are kept and marked; hypothetical ones ("could",
"threatened to") are dropped (:mod:`.modality`). The rules are registered by name
(:mod:`.registry`) and the lexicon says which run, and in which order.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Iterable

from ..knowledge.gazetteer import Gazetteer
from ..lang import Words, words as default_words
from ..records import Document, EventMention, RelationMention, Segment
from . import frames  # noqa: F401  (importing it registers the built-in rules)
from .scope import MentionIndex, Scope
from .facts import Found
from .lexicon import Lexicon
from .registry import segment_rules, trigger_frames
from .names import described_event
from .syntax import is_verbal, prep_objects

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["MentionIndex", "extract_relations"]


def extract_relations(doc: Doc, segment: Segment, document: Document, index: MentionIndex,
                      gazetteer: Gazetteer, lexicon: Lexicon, prior_events: Iterable[EventMention] = (),
                      words: Words | None = None) -> tuple[list[RelationMention], list[EventMention]]:
    """Relations and events stated in ``doc`` (the parse of ``segment``); ``prior_events``
    are the events of earlier segments ("the visit" refers back to them)."""
    scope = Scope(doc, segment, document, index, gazetteer, lexicon, words or default_words(), tuple(prior_events))
    relations: list[RelationMention] = []
    events: list[EventMention] = []

    def take(found: Found) -> None:
        nonlocal scope
        relations.extend(found.relations)
        if found.events:
            events.extend(found.events)
            scope = replace(scope, events=scope.events + found.events)

    for name in lexicon.frames.segment:
        take(segment_rules.get(name)(scope))
    verbs, nouns, event_nouns = lexicon.verbs, lexicon.nouns, lexicon.event_nouns
    for token in doc:
        lemma = token.lemma_.lower()
        if is_verbal(token) and (lemma in verbs or token.lower_ in verbs):
            for trig in verbs.get(lemma) or verbs[token.lower_]:
                take(trigger_frames.get(trig.frame_name)(scope, token, trig))
        elif token.pos_ in ("NOUN", "PROPN"):
            if not token.ent_type_ or described_event(token):
                for trig in nouns.get(lemma, ()) or nouns.get(token.lower_, ()):
                    take(trigger_frames.get(trig.frame_name)(scope, token, trig))
            # "the G20 Summit" may be tagged a named event: it is still a summit.
            if lemma in event_nouns and token.ent_type_ in ("", "EVENT"):
                take(trigger_frames.get("event-noun")(scope, token, event_nouns[lemma]))
            elif lemma in lexicon.gatherings_of and _of_leaders(token, lexicon.gatherings_of[lemma][1]):
                take(trigger_frames.get("event-noun")(scope, token, lexicon.gatherings_of[lemma][0]))
    return relations, events


def _of_leaders(noun: Token, words: frozenset[str]) -> bool:
    """'the meeting of the heads of the Andean states', 'a meeting of leaders'."""
    return any(t.lemma_.lower() in words for t in prep_objects(noun, ("of",)))
