"""Lists: an organization followed by the countries it is made of names its members:
'the BRICS (Brazil, Russia, India, China, South Africa) group', 'the bloc: A, B and C',
'the Quad group of A, B, C and D'."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...records import MentionRef
from ..scope import Arg, Scope
from ..facts import BASE_CONFIDENCE, NOTHING, Found, relation
from ..modality import ASSERTED
from ..registry import segment_rules

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Outside brackets a list names members only with this many countries ("A, B and C").
OPEN_LIST_MIN = 3
#: How far a list runs (tokens).
LIST_SPAN = 40


def _countries(scope: Scope, doc: Doc, start: int, close: str | None) -> list[Arg]:
    """The countries listed from ``start``; in brackets every word must be one, an open
    list ends at the first word that is not."""
    members: list[Arg] = []
    for t in doc[start:start + LIST_SPAN]:
        if close is not None and t.text == close:
            return members
        c = scope.mention(t)
        if c is not None and c.cls == "Country" and not c.demonym:
            if (c.start, c.end) not in {a.ref for a in members}:
                members.append(Arg(MentionRef(c.start, c.end), "Country"))
        elif c is None and (t.lower_ in scope.words.list_conjunctions or t.lower_ == "the" or t.text == ","):
            continue
        elif close == ")" or c is not None:
            return []
        else:
            break
    return [] if close == ")" else members


@segment_rules.register("member-list")
def member_lists(scope: Scope) -> Found:
    doc = scope.doc
    words = scope.words
    found = []
    for ent in doc.ents:
        m = scope.mention(ent[0])
        if m is None or m.cls != "Organization" or ent.end >= len(doc):
            continue
        nxt = doc[ent.end]
        if nxt.text == "(":
            members = _countries(scope, doc, ent.end + 1, ")")
        elif nxt.text in words.list_openers:
            members = _countries(scope, doc, ent.end + 1, nxt.text if nxt.text != ":" else None)
            members = members if len(members) >= OPEN_LIST_MIN else []
        elif nxt.lower_ in words.definite_descriptions and ent.end + 1 < len(doc) and doc[ent.end + 1].lower_ == "of":
            members = _countries(scope, doc, ent.end + 2, None)  # "the X group of A, B and C"
            members = members if len(members) >= OPEN_LIST_MIN else []
        else:
            continue
        if len(members) >= 2:
            for a in members:
                found.append(relation(scope, a, "memberOf", Arg(MentionRef(m.start, m.end), "Organization"), ent[0],
                                      "member-list", ASSERTED, BASE_CONFIDENCE["apposition"]))
    relations = tuple(r for r in found if r is not None)
    return Found(relations) if relations else NOTHING
