"""Lists: 'the BRICS (Brazil, Russia, India, China, South Africa) group': an
organization followed by a parenthesised list of countries names its members."""

from __future__ import annotations

from ...records import MentionRef
from ..args import Arg, Scope
from ..facts import BASE_CONFIDENCE, NOTHING, Found, relation
from ..modality import ASSERTED
from ..registry import segment_rules


@segment_rules.register("member-list")
def member_lists(scope: Scope) -> Found:
    doc = scope.doc
    found = []
    for ent in doc.ents:
        m = scope.mention(ent[0])
        if m is None or m.cls != "Organization" or ent.end >= len(doc) or doc[ent.end].text != "(":
            continue
        close = next((t.i for t in doc[ent.end:ent.end + 40] if t.text == ")"), None)
        if close is None:
            continue
        members: list[Arg] = []
        for t in doc[ent.end + 1:close]:
            c = scope.mention(t)
            if c is not None and c.cls == "Country" and (c.start, c.end) not in {a.ref for a in members}:
                members.append(Arg(MentionRef(c.start, c.end), "Country"))
            elif c is None and t.is_alpha and t.lower_ not in scope.words.list_conjunctions:
                members = []
                break
        if len(members) >= 2:
            for a in members:
                found.append(relation(scope, a, "memberOf", Arg(MentionRef(m.start, m.end), "Organization"), ent[0],
                                      "member-list", ASSERTED, BASE_CONFIDENCE["apposition"]))
    relations = tuple(r for r in found if r is not None)
    return Found(relations) if relations else NOTHING
