"""Counterparts: 'Putin met his Malawian counterpart Peter Mutharika' -> Peter Mutharika
leaderOf Malawi, when the one whose counterpart he is leads a country.

News names a leader's host or guest by the office they share: a counterpart holds the
same office in the country the adjective names. Only a leader's counterpart is read
(a foreign minister's counterpart is a minister, which the graph does not record).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...records import Mention, MentionRef
from ..scope import Arg, Scope, of_mention
from ..facts import NOTHING, Found, relation
from ..modality import ASSERTED
from ..registry import segment_rules

if TYPE_CHECKING:
    from spacy.tokens import Token

#: The office is read off another person's: below a title stated with the name.
COUNTERPART_CONFIDENCE = 0.7


def _first_token(scope: Scope, m: Mention) -> Token | None:
    return next((t for t in scope.doc if scope.offset(t) >= m.start), None)


def _country_before(scope: Scope, name: Token) -> tuple[Mention, Token] | None:
    """'his Malawian counterpart, X' / 'Putin's Malawian counterpart X': the country
    the adjective before the counterpart noun names, and the noun's first token."""
    i = name.i - 1
    if i >= 0 and scope.doc[i].text == ",":
        i -= 1
    nouns = scope.words.titles.counterpart_nouns
    for noun in sorted(nouns, key=lambda n: -len(n.split())):
        width = len(noun.split())
        first = i - width + 1
        if first < 1 or " ".join(t.lower_ for t in scope.doc[first:i + 1]) != noun:
            continue
        country = scope.mention(scope.doc[first - 1])
        if country is not None and country.cls == "Country" and country.link:
            return country, scope.doc[first]
    return None


def _leads(scope: Scope, person: Mention, other_country: str) -> bool:
    """The person holds a leader's title: stated with one of their mentions, or given by
    the gazetteer for a country other than the counterpart's."""
    leader_titles = scope.words.titles.leader_titles
    same = [m for m in scope.index.mentions if m.cls == "Person"
            and ((person.link and m.link == person.link) or m.key == person.key)]
    if any(m.role and m.role[0] in leader_titles and m.role[1] != other_country for m in same):
        return True
    entry = scope.gazetteer.entries.get(person.link) if person.link else None
    return bool(entry) and any(r.title in leader_titles and r.of != other_country for r in entry.roles)


def _possessor(scope: Scope, noun: Token, sentence_start: int) -> Mention | None:
    """Whose counterpart: the person named before the noun in its sentence, nearest first."""
    offset = scope.offset(noun)
    for m in scope.index.before(offset):
        if m.start < sentence_start:
            return None
        if m.cls == "Person":
            return m
    return None


@segment_rules.register("counterpart")
def counterpart_relations(scope: Scope) -> Found:
    found = []
    for m in scope.index.mentions:
        if not scope.segment.start <= m.start < scope.segment.end or m.cls != "Person" or m.role:
            continue
        name = _first_token(scope, m)
        hit = _country_before(scope, name) if name is not None else None
        if hit is None:
            continue
        country, noun = hit
        owner = _possessor(scope, noun, scope.offset(name.sent[0]))
        if owner is None or not _leads(scope, owner, country.link):
            continue
        found.append(relation(scope, of_mention(m), "leaderOf", Arg(MentionRef(country.start, country.end), "Country"),
                              name, "counterpart", ASSERTED, COUNTERPART_CONFIDENCE))
    relations = tuple(r for r in found if r is not None)
    return Found(relations) if relations else NOTHING
