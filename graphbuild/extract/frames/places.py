"""Where a named place lies, read off its neighbours: 'the Grand Palace in Bangkok',
'the spaceport in the far north of X', 'Mombasa, Kenya' -> locatedIn."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...records import Mention
from ..scope import Scope, of_mention
from ..facts import BASE_CONFIDENCE, NOTHING, Found, relation
from ..modality import ASSERTED
from ..registry import segment_rules

if TYPE_CHECKING:
    from spacy.tokens import Token

#: The classes a place can lie in: another place ("in Bangkok") or a country.
CONTAINERS = ("Place", "Country")


def _tokens(scope: Scope, m: Mention) -> list[Token]:
    base = scope.segment.start
    span = scope.doc.char_span(m.start - base, m.end - base, alignment_mode="expand")
    return list(span) if span is not None else []


def _named(scope: Scope, token: Token, classes: tuple[str, ...]) -> Mention | None:
    m = scope.mention(token)
    return m if m is not None and m.cls in classes and not m.demonym else None


def _inside(scope: Scope, holder: Token) -> Mention | None:
    """The place named after 'in' under ``holder``: 'in Bangkok', 'in the far north of X'."""
    for prep in holder.children:
        found = _in_object(scope, prep)
        if found is not None:
            return found
    return None


def _in_object(scope: Scope, prep: Token) -> Mention | None:
    if prep.dep_ != "prep" or prep.lower_ != "in":
        return None
    for obj in prep.children:
        if obj.dep_ != "pobj":
            continue
        found = _named(scope, obj, CONTAINERS)
        if found is not None:
            return found
        if obj.lower_ in scope.words.direction_nouns:
            for of in obj.children:
                if of.dep_ == "prep" and of.lower_ == "of":
                    for part in of.children:
                        found = _named(scope, part, CONTAINERS) if part.dep_ == "pobj" else None
                        if found is not None:
                            return found
    return None


def _after_comma(scope: Scope, tokens: list[Token]) -> Mention | None:
    """'Mombasa, Kenya' and 'Mombasa, coastal Kenya', not a list ('Mombasa, Kenya and
    Uganda', 'Lima, Quito, Bogota')."""
    doc = scope.doc
    first, last = tokens[0], tokens[-1]
    if first.i > 0 and (doc[first.i - 1].text == "," or doc[first.i - 1].lower_ in scope.words.comma_stoppers):
        return None
    i = last.i + 1
    if i >= len(doc) or doc[i].text != ",":
        return None
    i += 1
    if i < len(doc) and doc[i].pos_ == "ADJ" and doc[i].is_lower:
        i += 1  # "southern"
    if i >= len(doc):
        return None
    country = _named(scope, doc[i], ("Country",))
    if country is None:
        return None
    inner = _tokens(scope, country)
    root = next((t for t in inner if t.head not in inner or t.head is t), inner[-1])
    if root.head not in tokens:
        return None  # "In Lima, Peru's envoy said": the country starts a clause of its own
    after = [t for t in doc[i:] if scope.offset(t) >= country.end][:2]
    if after and after[0].lower_ in scope.words.comma_stoppers:
        return None
    if len(after) == 2 and after[0].text == "," and _named(scope, after[1], CONTAINERS):
        return None
    return country


@segment_rules.register("located-place")
def located_places(scope: Scope) -> Found:
    segment = scope.segment
    found = []
    for m in scope.index.mentions:
        if not segment.start <= m.start < segment.end or m.cls != "Place" or m.demonym:
            continue
        tokens = _tokens(scope, m)
        if not tokens:
            continue
        root = next((t for t in tokens if t.head not in tokens or t.head is t), tokens[-1])
        holders = [root]
        if root.dep_ == "compound" and root.head.pos_ == "NOUN" and scope.mention(root.head) is None:
            holders.append(root.head)  # "the Lamu estate in ...": the noun the name modifies
        where = next((w for w in map(lambda h: _inside(scope, h), holders) if w is not None), None)
        nxt = tokens[-1].i + 1
        if where is None and nxt < len(scope.doc) and scope.doc[nxt].head is not root:
            # "met at the Grand Palace in Bangkok": the parse hangs 'in' on the verb;
            # right after the name it still says where the place is.
            where = _in_object(scope, scope.doc[nxt])
        rule = "place:in"
        if where is None:
            where, rule = _after_comma(scope, tokens), "place:comma"
        if where is None:
            continue
        found.append(relation(scope, of_mention(m), "locatedIn", of_mention(where), root, rule, ASSERTED,
                              BASE_CONFIDENCE["apposition"]))
    relations = tuple(r for r in found if r is not None)
    return Found(relations) if relations else NOTHING
