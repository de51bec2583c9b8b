"""Titles: 'Russian President Vladimir Putin' -> Vladimir Putin leaderOf Russia."""

from __future__ import annotations

from ...records import MentionRef
from ..scope import Arg, Scope
from ..facts import BASE_CONFIDENCE, NOTHING, Found, relation
from ..modality import ASSERTED, FORMER, past_role
from ..registry import segment_rules


@segment_rules.register("title")
def title_relations(scope: Scope) -> Found:
    segment = scope.segment
    leader_titles = scope.words.titles.leader_titles
    found = []
    for m in scope.index.mentions:
        if not segment.start <= m.start < segment.end:
            continue
        if not m.role or m.role[0] not in leader_titles or not m.role[1]:
            continue
        entry = scope.gazetteer.entries.get(m.role[1])
        if entry is None or entry.core not in ("Country", "Organization"):
            continue
        country = next((c for c in scope.index.mentions if c.link == m.role[1] and m.start <= c.start < m.end), None)
        if country is None:
            continue
        token = next((t for t in scope.doc if scope.offset(t) >= m.start), None)
        if token is None:
            continue
        # A title states a role held now, whatever the sentence plans or denies, unless
        # it is marked as past ("former President X").
        last = next((t.i for t in scope.doc if scope.offset(t) >= m.end), len(scope.doc))
        before = scope.doc[max(token.i - 2, token.sent.start):last]
        mode = FORMER if past_role(scope.words, before) else ASSERTED
        found.append(relation(scope, Arg(MentionRef(m.start, m.end), "Person"), "leaderOf",
                              Arg(MentionRef(country.start, country.end), country.cls), token, "title", mode,
                              BASE_CONFIDENCE["title"]))
    relations = tuple(r for r in found if r is not None)
    return Found(relations) if relations else NOTHING


#: A title the gazetteer confirms, the country named elsewhere: below a stated title.
TITLE_ROLE_CONFIDENCE = 0.7


@segment_rules.register("title-role")
def title_role_relations(scope: Scope) -> Found:
    """'President Obama' with no country in the title: when the gazetteer gives that
    person that title of exactly one country, and the article names the country,
    ``person leaderOf country`` (knowledge:title-role). The title in the text says the
    role is held; the knowledge only says of what."""
    leader_titles = scope.words.titles.leader_titles
    found = []
    for m in scope.index.mentions:
        if not scope.segment.start <= m.start < scope.segment.end or not m.role or m.role[1] or not m.link:
            continue
        if m.role[0] not in leader_titles:
            continue
        token = next((t for t in scope.doc if scope.offset(t) >= m.start), None)
        if token is None:
            continue
        last = next((t.i for t in scope.doc if scope.offset(t) >= m.end), len(scope.doc))
        mode = FORMER if past_role(scope.words, scope.doc[max(token.i - 2, token.sent.start):last]) else ASSERTED
        country = _country_of_title(scope, m.link, m.role[0], mode == FORMER)
        if country is None:
            continue
        found.append(relation(scope, Arg(MentionRef(m.start, m.end), "Person"), "leaderOf",
                              Arg(MentionRef(country.start, country.end), country.cls), token,
                              "knowledge:title-role", mode, TITLE_ROLE_CONFIDENCE))
    relations = tuple(r for r in found if r is not None)
    return Found(relations) if relations else NOTHING


def _country_of_title(scope: Scope, person: str, title: str, former: bool):
    """The first mention of the one country whose ``title`` the gazetteer gives ``person``:
    on the article's date, or at any time for a former office ("former President X")."""
    entry = (scope.gazetteer.origin if former else scope.gazetteer).entries.get(person)
    if entry is None:
        return None
    countries = {r.of for r in entry.roles if r.title.lower() == title.lower()
                 and getattr(scope.gazetteer.entries.get(r.of), "core", None) == "Country"}
    if len(countries) != 1:
        return None
    (country,) = countries
    return next((c for c in scope.index.mentions if c.link == country and not c.demonym), None)


@segment_rules.register("possessive-leader")
def possessive_leader_relations(scope: Scope) -> Found:
    """'Peru's Dina Boluarte': a country's possessive before a person the gazetteer
    gives a leader's title of that country on the article's date (what news writes for
    a head of government it need not introduce) -> ``person leaderOf country``."""
    leader_titles = scope.words.titles.leader_titles
    found = []
    for m in scope.index.mentions:
        if not scope.segment.start <= m.start < scope.segment.end or m.cls != "Person" or m.role or not m.link:
            continue
        token = next((t for t in scope.doc if scope.offset(t) >= m.start), None)
        if token is None or token.i < 2 or token.nbor(-1).lower_ not in ("'s", "\u2019s"):
            continue
        owner = scope.mention(token.nbor(-2))
        entry = scope.gazetteer.entries.get(m.link)
        if owner is None or owner.cls != "Country" or entry is None or not any(
                r.of == owner.link and r.title in leader_titles for r in entry.roles):
            continue
        found.append(relation(scope, Arg(MentionRef(m.start, m.end), "Person"), "leaderOf",
                              Arg(MentionRef(owner.start, owner.end), "Country"), token,
                              "knowledge:possessive-leader", ASSERTED, TITLE_ROLE_CONFIDENCE))
    relations = tuple(r for r in found if r is not None)
    return Found(relations) if relations else NOTHING
