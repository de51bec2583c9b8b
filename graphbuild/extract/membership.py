"""Who belongs to which bloc, by world knowledge: a country and a bloc it was a member
of in the year of the article, named in one sentence, give ``country memberOf bloc``
("Leaders of Brazil and Paraguay met at the Mercosur summit": both are members, though
no phrase says so). The memberships and their years are data
(ontology/gazetteer/memberships.tsv)."""

from __future__ import annotations

from typing import Iterable, Sequence

from ..knowledge.gazetteer import Gazetteer
from ..records import Document, Mention, MentionRef, RelationMention

#: Below a membership the text states: it is read from knowledge.
MEMBERSHIP_CONFIDENCE = 0.6
RULE = "knowledge:member"


def members_of_blocs(mentions: Sequence[Mention], gazetteer: Gazetteer, document: Document,
                     stated: Iterable[RelationMention] = ()) -> list[RelationMention]:
    """``country memberOf bloc`` for each country and bloc of one sentence that the
    memberships say belonged together in the article's year (today's members when the
    article is undated), once per pair, unless the text said it already."""
    year = int(document.date_published[:4]) if document.date_published else None
    said = {(r.subject, r.object) for r in stated if r.predicate == "memberOf"}
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.link and not m.demonym:
            by_sentence.setdefault(m.evidence.start, []).append(m)
    found: list[RelationMention] = []
    seen: set[tuple[str, str]] = set()
    for sentence in by_sentence.values():
        for country in sentence:
            for bloc in sentence:
                membership = gazetteer.memberships.get((country.link, bloc.link))
                pair = (country.link, bloc.link)
                if membership is None or not membership.held_in(year) or pair in seen:
                    continue
                seen.add(pair)
                refs = (MentionRef(country.start, country.end), MentionRef(bloc.start, bloc.end))
                if refs not in said:
                    found.append(RelationMention(refs[0], "memberOf", refs[1], country.evidence,
                                                 MEMBERSHIP_CONFIDENCE, RULE))
    return found
