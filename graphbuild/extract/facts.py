"""Relation records from frame arguments: evidence, domain and range, confidence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..records import EventMention, Evidence, RelationMention
from ..vocab import PREDICATES
from .args import metonym
from .scope import Arg, Scope
from .modality import confidence

if TYPE_CHECKING:
    from spacy.tokens import Token

#: The base confidence of each kind of rule.
BASE_CONFIDENCE = {"verb": 0.9, "noun": 0.8, "title": 0.95, "copular": 0.8, "apposition": 0.85}

#: The extractor is stricter than the ontology: "their alliance" of two leaders is their
#: countries' alliance, and people do not trade or export.
STRICTER_DOMAIN = {p: ("Country", "Organization") for p in ("partnerOf", "tradesWith", "exportsTo")}


@dataclass(frozen=True)
class Found:
    """What a rule read: relations and events, in the order it read them."""

    relations: tuple[RelationMention, ...] = ()
    events: tuple[EventMention, ...] = ()


NOTHING = Found()


def evidence(scope: Scope, token: Token) -> Evidence:
    sent = token.sent
    return Evidence(scope.document.id, sent.text.strip(), scope.segment.start + sent.start_char,
                    scope.segment.start + sent.end_char)


def relation(scope: Scope, subj: Arg, predicate: str, obj: Arg, token: Token, rule: str, mode: str,
             base: float) -> RelationMention | None:
    """The relation ``subj predicate obj`` read at ``token``, or None when the classes do
    not fit the predicate (after trying a capital for its country)."""
    if subj.ref == obj.ref:
        return None
    domain, rng, _ = PREDICATES[predicate]
    domain = STRICTER_DOMAIN.get(predicate, domain)
    rng = tuple(c for c in rng if c in STRICTER_DOMAIN.get(predicate, rng))
    subj = metonym(scope, subj, domain)
    obj = metonym(scope, obj, rng)
    if subj.cls not in domain or obj.cls not in rng or subj.ref == obj.ref:
        return None
    return RelationMention(
        subject=subj.ref, predicate=predicate, object=obj.ref, evidence=evidence(scope, token),
        confidence=confidence(base, mode, subj.indirect or obj.indirect), rule=rule, modality=mode)
