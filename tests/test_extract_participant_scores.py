"""The participant scoring (extract/participant_scores.py): who attended a summit that
no sentence of it names, from the fitted weights of the cues of the article's people."""

from __future__ import annotations

import pytest

from graphbuild.extract.participant_scores import FEATURES, participants_by_scores
from graphbuild.extract.scope import MentionIndex
from graphbuild.lang import PlaceWeights, participant_weights, words

#: Weights that take a leader named in the lead and no one else.
LEAD_LEADER = PlaceWeights(FEATURES, tuple(3.0 if f in ("in_lead", "is_leader") else 0.0 for f in FEATURES),
                           -4.0, 0.7)

TEXT = ("Date: 2024-03-05\n\nHarbour states end their yearly summit in Porto Novo\n\n"
        "Benin President Ana Ribeiro welcomed the delegations on Monday.\n\n"
        "The summit closed on Tuesday with a plan for a shared coast guard.\n\n"
        "Marta Silva, a fisheries researcher, said the plan was overdue.\n\n")


@pytest.fixture
def attended(nlp, gazetteer, lexicon):
    from graphbuild.extract.document import extract_document
    from graphbuild.ingest import parse_document

    def run(text: str, weights):
        doc = parse_document(text.encode(), "t.txt")
        pairs = list(zip(doc.segments, nlp.pipe(s.text for s in doc.segments)))
        record = extract_document(pairs, doc, gazetteer, lexicon, participant_weights=None)
        events = participants_by_scores(record.events, MentionIndex(record.mentions), doc, gazetteer,
                                        words().titles.leader_titles, weights)
        return [(e.cls, e.date, {doc.text[r[0]:r[1]] for r in e.participants if isinstance(r[0], int)})
                for e in events]

    return run


def _summit_people(found) -> set[str]:
    return {p for cls, date, people in found if cls == "Summit" for p in people}


def test_participant_scores_a_leader_of_the_lead_attends_the_summit(attended):
    assert "Benin President Ana Ribeiro" in _summit_people(attended(TEXT, LEAD_LEADER))


def test_participant_scores_a_person_of_no_office_is_not_taken(attended):
    assert not any("Silva" in p for p in _summit_people(attended(TEXT, LEAD_LEADER)))


def test_participant_scores_below_the_threshold_no_one_is_taken(attended):
    strict = PlaceWeights(LEAD_LEADER.features, LEAD_LEADER.weights, LEAD_LEADER.bias, 0.99)
    assert _summit_people(attended(TEXT, strict)) == set()


def test_participant_scores_weights_of_other_cues_are_not_used(attended):
    other = PlaceWeights(("something", *FEATURES[1:]), LEAD_LEADER.weights, LEAD_LEADER.bias, LEAD_LEADER.threshold)
    assert _summit_people(attended(TEXT, other)) == set()


def test_participant_scores_a_leader_said_to_be_absent_is_not_taken(attended):
    text = TEXT.replace("welcomed the delegations on Monday", "stayed away, sending a minister")
    assert not any("Ribeiro" in p for p in _summit_people(attended(text, LEAD_LEADER)))


def test_participant_scores_a_former_leader_is_not_taken(attended):
    text = TEXT.replace("Benin President Ana Ribeiro", "Former Benin President Ana Ribeiro")
    assert not any("Ribeiro" in p for p in _summit_people(attended(text, LEAD_LEADER)))


def test_participant_scores_the_shipped_weights_name_the_cues_in_order():
    shipped = participant_weights()
    assert shipped is not None and shipped.features == FEATURES
    assert len(shipped.weights) == len(FEATURES) and 0.5 <= shipped.threshold <= 1.0



def test_participant_scores_a_person_beside_another_citys_summit_is_not_this_ones(attended):
    beside = PlaceWeights(FEATURES, tuple(4.0 if f == "beside_event_word" else 0.0 for f in FEATURES), -2.0, 0.7)
    text = ("Date: 2024-03-05\n\nHarbour states end their yearly summit in Porto Novo\n\n"
            "Trade envoy Marta Silva had spoken at a summit in Oslo in 2019.\n\n")
    found = attended(text, beside)
    this_year = [people for cls, date, people in found if cls == "Summit" and (date or "").startswith("2024")]
    assert this_year and not any("Silva" in p for people in this_year for p in people), found


def test_participant_scores_a_surname_alone_is_the_person_named_in_full(nlp, gazetteer, lexicon):
    from graphbuild.extract.document import extract_document
    from graphbuild.extract.participant_scores import participant_candidates
    from graphbuild.ingest import parse_document

    text = ("Date: 2019-03-05\n\nNordic leaders end their summit in Bergen\n\n"
            "Finnish President Sauli Niinistö arrived on Monday with a proposal on Arctic shipping.\n\n"
            "On Tuesday, Niinistö said he was pleased.\n\n")
    doc = parse_document(text.encode(), "t.txt")
    pairs = list(zip(doc.segments, nlp.pipe(s.text for s in doc.segments)))
    record = extract_document(pairs, doc, gazetteer, lexicon, participant_weights=None)
    index = MentionIndex(record.mentions)
    summit = next(e for e in record.events if e.cls == "Summit")
    keys = [c.key for c in participant_candidates(summit, record.events, index, doc, gazetteer.on("2019-03-05"),
                                                  words().titles.leader_titles)]
    assert sum("niinist" in k.lower() for k in keys) == 1, keys
