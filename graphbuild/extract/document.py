"""One document's extraction: its parsed segments to a :class:`DocRecord`."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Sequence

from ..knowledge.gazetteer import Gazetteer
from ..lang import participant_weights as language_participant_weights, place_weights as language_place_weights, words
from ..records import DocRecord, Document, Segment
from .scope import MentionIndex
from .entities import segment_mentions
from .geography import cities_in_countries
from .lead import place_from_lead
from .participant_scores import participants_by_scores
from .place_scores import place_by_scores
from .lexicon import Lexicon
from .membership import members_of_blocs
from .names import people_by_surname
from .attendance import leaders_at_summits
from .article_dates import date_from_article, dated_by_text, meeting_days
from .context import guests_from_meetings, link_occasions, place_from_article
from .relations import extract_relations
from .travel import visits_from_events

if TYPE_CHECKING:
    from spacy.tokens import Doc


#: Use the language pack's fitted place scoring.
PACK = object()


def extract_document(pairs: Sequence[tuple[Segment, Doc]], document: Document, gazetteer: Gazetteer,
                     lexicon: Lexicon, place_weights=PACK, participant_weights=PACK, on_scoring=None) -> DocRecord:
    """Mentions first (relations look back to earlier mentions for antecedents), then
    the relations and events of every segment. ``place_weights``,
    ``participant_weights``: the fitted scorings of places and of who attended (None:
    none); ``on_scoring(name, events, index)`` is called with what each scoring sees,
    ``name`` being "place" or "participants" (the fitting scripts read their candidates
    there)."""
    original, document = document, dated_by_text(document)
    mentions, aliases = segment_mentions(pairs, document, gazetteer)
    gazetteer = gazetteer.on(document.date_published)  # offices as the article's day knew them
    mentions = people_by_surname(mentions)
    index = MentionIndex(mentions)
    relations, events = [], []
    for segment, doc in pairs:
        r, e = extract_relations(doc, segment, document, index, gazetteer, lexicon, events)
        relations.extend(r)
        events.extend(e)
    leaders = words().titles.leader_titles
    events = meeting_days(events, document, index)
    events = place_from_lead(place_from_article(events, index, gazetteer, leaders), index, document, gazetteer)
    events = date_from_article(guests_from_meetings(events, index, gazetteer, leaders), document, index)
    # Last, where no rule could place an event; the guests' visits the rules read from
    # meetings are read before it (a visit read from the whole event later is not).
    weights = language_place_weights() if place_weights is PACK else place_weights
    if on_scoring is not None:
        on_scoring("place", events, index)
    events = place_by_scores(events, index, document, gazetteer, leaders, weights)
    events = leaders_at_summits(link_occasions(events, index, gazetteer), index, gazetteer, leaders)
    weights = language_participant_weights() if participant_weights is PACK else participant_weights
    if on_scoring is not None:
        on_scoring("participants", events, index)
    events = participants_by_scores(events, index, document, gazetteer, leaders, weights)
    relations.extend(cities_in_countries(mentions, gazetteer, events, relations))
    relations.extend(visits_from_events(mentions, events, gazetteer, relations))
    relations.extend(members_of_blocs(mentions, gazetteer, document, relations))
    # One Evidence object per sentence, shared by everything read from it: records are
    # kept for the whole corpus, and a sentence copied into each of its mentions would
    # make them several times larger (pickling keeps the sharing across processes).
    shared: dict[tuple[int, int], object] = {}

    def one(item):
        ev = shared.setdefault((item.evidence.start, item.evidence.end), item.evidence)
        return item if ev is item.evidence else dataclasses.replace(item, evidence=ev)

    return DocRecord(document=original, mentions=tuple(one(m) for m in mentions), aliases=tuple(aliases),
                     relations=tuple(one(r) for r in relations), events=tuple(one(e) for e in events))
