"""What the scorings of extract/participant_scores.py and extract/place_scores.py pass
over: the people and places of a sentence that tells a later trip, the people an event
already lists, and the places of another organiser's events for a named summit."""

from __future__ import annotations

import pytest

from graphbuild.extract.participant_scores import FEATURES, participant_candidates, participants_by_scores
from graphbuild.extract.scope import MentionIndex
from graphbuild.lang import PlaceWeights, words

#: Weights that take a leader named in the lead and no one else.
LEAD_LEADER = PlaceWeights(FEATURES, tuple(3.0 if f in ("in_lead", "is_leader") else 0.0 for f in FEATURES),
                           -4.0, 0.7)

#: A summit in Accra; a second leader of the lead flies on to Nairobi afterwards.
LATER_TRIP = ("Date: 2024-03-05\n\nCoastal states end their yearly summit in Accra\n\n"
              "Ghana President Kofi Mensah welcomed the delegations on Monday.\n\n"
              "Malawi President Tomas Banda later flew on to Nairobi for trade talks.\n\n"
              "The summit closed on Tuesday with a plan for a shared coast guard.\n\n")


@pytest.fixture
def article(nlp, gazetteer, lexicon):
    """The parsed document, its record (no scoring applied) and its mention index."""
    from graphbuild.extract.document import extract_document
    from graphbuild.ingest import parse_document

    def run(text: str):
        doc = parse_document(text.encode(), "t.txt")
        pairs = list(zip(doc.segments, nlp.pipe(s.text for s in doc.segments)))
        record = extract_document(pairs, doc, gazetteer, lexicon, participant_weights=None, place_weights=None)
        return doc, record, MentionIndex(record.mentions)

    return run


def _summit_people(doc, record, index, gazetteer, weights) -> set[str]:
    events = participants_by_scores(record.events, index, doc, gazetteer, words().titles.leader_titles, weights)
    return {doc.text[r[0]:r[1]] for e in events if e.cls == "Summit" for r in e.participants
            if isinstance(r[0], int)}


def _candidate_keys(doc, record, index, gazetteer, event) -> list[str]:
    return [c.key for c in participant_candidates(event, record.events, index, doc, gazetteer.on("2024-03-05"),
                                                  words().titles.leader_titles)]


def test_participant_scores_a_person_of_a_later_trip_is_not_taken(article, gazetteer):
    people = _summit_people(*article(LATER_TRIP), gazetteer, LEAD_LEADER)
    assert "Ghana President Kofi Mensah" in people, people
    assert not any("Banda" in p for p in people), people


def test_participant_scores_the_same_leader_without_the_sequel_word_is_taken(article, gazetteer):
    # the control: the weights do take Banda when his sentence tells no later trip
    people = _summit_people(*article(LATER_TRIP.replace(" later flew on", " flew")), gazetteer, LEAD_LEADER)
    assert "Malawi President Tomas Banda" in people, people


def test_participant_candidates_a_person_of_a_later_trip_is_no_candidate(article, gazetteer):
    doc, record, index = article(LATER_TRIP)
    summits = [e for e in record.events if e.cls == "Summit"]
    assert summits
    for summit in summits:
        keys = _candidate_keys(doc, record, index, gazetteer, summit)
        assert "Kofi Mensah" in keys and "Tomas Banda" not in keys, keys


def test_lead_place_passes_over_a_place_of_a_later_trip(article, gazetteer):
    from graphbuild.extract.article_dates import lead_end
    from graphbuild.extract.lead import lead_place

    text = ("Date: 2024-03-05\n\nPort ministers weigh a fishing pact\n\n"
            "The ministers met in Accra on Monday to talk about port fees. "
            "They later drove to Lome for a dinner with traders.\n\n")
    doc, record, index = article(text)
    assert {m.link for m in index.mentions if m.cls == "Place"} >= {"accra", "lome"}
    place = lead_place(index, lead_end(doc), words().sequel_words, gazetteer)
    assert place is not None and doc.text[place[0]:place[1]] == "Accra", place


def test_place_scores_a_place_of_a_later_trip_is_no_candidate(article, gazetteer):
    from graphbuild.extract.place_scores import place_candidates

    doc, record, index = article(LATER_TRIP)
    summit = next(e for e in record.events if e.cls == "Summit")
    keys = [c.key for c in place_candidates(summit, record.events, index, doc, gazetteer,
                                            words().titles.leader_titles)]
    assert "accra" in keys and "nairobi" not in keys, keys


def test_participant_candidates_an_events_own_participant_is_no_candidate(article, gazetteer):
    text = ("Date: 2024-03-05\n\nCoastal states end their yearly summit\n\n"
            "Ghana President Kofi Mensah opened the summit in Accra on Monday with a call for a shared coast guard.\n\n"
            "The talks went on late into the night, delegates said.\n\n"
            "Malawi President Tomas Banda said the plan was overdue.\n\n")
    doc, record, index = article(text)
    summit = next(e for e in record.events if e.cls == "Summit" and e.participants)
    listed = {doc.text[r[0]:r[1]] for r in summit.participants if isinstance(r[0], int)}
    assert any("Kofi Mensah" in p for p in listed), listed
    keys = _candidate_keys(doc, record, index, gazetteer, summit)
    assert "Tomas Banda" in keys, keys
    assert not any("Mensah" in k for k in keys), keys


def test_place_scores_a_named_summit_passes_over_only_other_organisers_places(article, gazetteer):
    from graphbuild.extract.place_scores import _not_the_summits

    text = ("Date: 2024-03-05\n\nIsland ministers weigh a fishing pact\n\n"
            "Trade envoy Lina Okafor attended the ASEAN summit on Tuesday.\n\n"
            "In 2023 the ASEAN summit was held in Hanoi.\n\n"
            "In 2022 the ECOWAS summit was held in Abuja.\n\n")
    doc, record, index = article(text)
    summit = next(e for e in record.events if e.cls == "Summit" and "Okafor" in e.evidence.sentence)
    located = {(e.date, doc.text[r[0]:r[1]]) for e in record.events for r in e.locations if e is not summit}
    assert {("2023", "Hanoi"), ("2022", "Abuja")} <= located, located
    passed, ruled_out = _not_the_summits(summit, record.events, index, gazetteer)
    assert "abuja" in passed, passed  # another organiser's summit: not this one's city
    assert "hanoi" not in passed, passed  # the same organiser's: its gatherings move between cities
    assert ruled_out == set()
