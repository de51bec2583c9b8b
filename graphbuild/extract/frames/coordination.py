"""Coordination: relations among coordinated arguments ('Putin and Xi met', 'support
each other') and 'between X and Y'."""

from __future__ import annotations

from itertools import combinations
from typing import TYPE_CHECKING

from ...records import RelationMention
from ...vocab import PREDICATES
from ..args import args
from ..scope import Arg, Scope
from ..facts import relation
from ..lexicon import Trigger
from ..syntax import between_objects, hyphen_pair

if TYPE_CHECKING:
    from spacy.tokens import Token

#: "Russia and China fought": together, not against each other.
SIDE_BY_SIDE_EXCLUDED = {"atWarWith"}

#: "The presidents of A and B": each leads one of them, which the syntax does not pair;
#: every subject to every object would make each the leader of both.
RESPECTIVE = {"leaderOf"}


def emit(scope: Scope, trig: Trigger, subjects: list[Arg], objects: list[Arg], token: Token, rule: str,
         mode: str, base: float) -> list[RelationMention]:
    """Every subject to every object; coordinated subjects to each other when the
    predicate is symmetric or the sentence says 'each other'."""
    found = []
    respective = trig.predicate in RESPECTIVE and len(subjects) >= 2 and len(objects) >= 2
    for s in subjects if not respective else ():
        for o in objects:
            found.append(relation(scope, s, trig.predicate, o, token, rule, mode, base))
    if len(subjects) >= 2 and reciprocal(scope, token):
        # "support each other": every subject to every other.
        for a in subjects:
            for b in subjects:
                found.append(relation(scope, a, trig.predicate, b, token, rule + "+reciprocal", mode, base))
    elif PREDICATES[trig.predicate][2] and len(subjects) >= 2 and not objects \
            and trig.predicate not in SIDE_BY_SIDE_EXCLUDED:
        # "Russia and China have developed a partnership", "Putin and Xi met".
        for a, b in combinations(subjects, 2):
            found.append(relation(scope, a, trig.predicate, b, token, rule + "+pair", mode, base))
    return [r for r in found if r is not None]


def reciprocal(scope: Scope, token: Token) -> bool:
    window = token.doc[token.i + 1:min(token.i + 4, len(token.doc))].text.lower()
    return window.startswith(scope.words.reciprocals)


def pair_of(scope: Scope, noun: Token) -> list[Token]:
    """'between Russia and China', 'China-Russia trade': the two sides named at a noun
    (or at the noun it modifies)."""
    between = scope.words.between_prepositions
    pair = between_objects(noun, between) or hyphen_pair(noun)
    if not pair and noun.dep_ == "compound":
        pair = between_objects(noun.head, between) or hyphen_pair(noun.head)
    return pair


def between(scope: Scope, trig: Trigger, pair: list[Token], noun: Token, rule: str, mode: str,
            base: float) -> list[RelationMention]:
    """Every two of the parties of 'between X and Y'."""
    parties = [a for t in pair for a in args(scope, t)]
    found = [relation(scope, a, trig.predicate, b, noun, rule + "+between", mode, base)
             for a, b in combinations(parties, 2)]
    return [r for r in found if r is not None]
