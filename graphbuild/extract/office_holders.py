"""'The leaders of Kenya and Ghana', 'the foreign ministers of A and B': the people the
article names who hold that office for each of those countries. News names a meeting's
people by their offices as often as by their names; the offices of the day are world
knowledge (the gazetteer's terms, read on the article's date) or the titles the text
gives them. A country whose office holder the article does not name adds no one: an
unnamed person is not guessed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Mention
from .scope import Arg, Scope, of_mention
from .syntax import conjuncts, prep_objects

if TYPE_CHECKING:
    from spacy.tokens import Token

#: The prepositions that give the countries of the offices ('of', 'from').
COUNTRY_PREPOSITIONS = ("of", "from")


def office_holders(scope: Scope, token: Token) -> list[Arg]:
    """The named holders of the office ``token`` names in the plural, one or more per
    country of its 'of'/'from' phrase; none unless two or more are found."""
    office = scope.words.office_nouns.get(token.lower_)
    if office is None or token.tag_ != "NNS":
        return []
    countries = []
    for obj in prep_objects(token, COUNTRY_PREPOSITIONS):
        for t in (obj, *conjuncts(obj)):
            m = scope.mention(t)
            if m is not None and m.cls == "Country" and m.link:
                countries.append(m.link)
    if len(countries) < 2:
        return []
    kinds = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound")}
    found: dict[str, Arg] = {}  # one holder a country: the first the article names
    for country in dict.fromkeys(countries):
        for m in scope.index.mentions:
            if m.cls == "Person" and not m.demonym and _holds(scope, m, office, kinds, country):
                found.setdefault(country, of_mention(m, indirect=True))
                break
    holders = list({a.ref: a for a in found.values()}.values())
    return holders if len(holders) >= 2 else []


def _holds(scope: Scope, m: Mention, office: str, kinds: set[str], country: str) -> bool:
    """``m`` holds the office of ``country``: by the title the text gives it, or by the
    gazetteer's roles (of the article's day)."""
    titles = []
    if m.role and m.role[1] == country:
        titles.append(m.role[0])
    entry = scope.gazetteer.entries.get(m.link) if m.link else None
    titles += [r.title for r in (entry.roles if entry else ()) if r.of == country]
    return any(_fits(title, office, kinds, scope.words.titles.leader_titles) for title in titles)


def _fits(title: str, office: str, kinds: set[str], leader_titles: frozenset[str]) -> bool:
    """'leader' is any leader's title; another office is a title with its word and the
    kind the text gives ('foreign ministers': 'Foreign Minister')."""
    if office == "leader":
        return title in leader_titles
    words = {w.lower() for w in title.split()}
    return office in words and kinds <= words
