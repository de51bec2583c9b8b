"""The place scoring (extract/place_scores.py): where an event no rule placed
happened, from the fitted weights of the cues of the article's places."""

from __future__ import annotations

import pytest

from graphbuild.extract.place_scores import FEATURES, place_by_scores
from graphbuild.extract.scope import MentionIndex
from graphbuild.lang import PlaceWeights, place_weights, words

#: Weights that favour the headline's place and nothing else.
HEADLINE = PlaceWeights(FEATURES, tuple(4.0 if f == "in_headline" else 0.0 for f in FEATURES), -2.0, 0.6)

TEXT = ("Date: 2024-03-05\n\nTwo states agree on a port fund in Porto Novo\n\n"
        "The deal came after a long night in the delegations' hotels near Lagoa.\n\n"
        "President Ana Ribeiro and Prime Minister Lars Holm held talks on Tuesday and agreed to open a fund.\n\n")


@pytest.fixture
def placed(nlp, gazetteer, lexicon):
    from graphbuild.extract.document import extract_document
    from graphbuild.ingest import parse_document

    def run(text: str, weights):
        doc = parse_document(text.encode(), "t.txt")
        pairs = list(zip(doc.segments, nlp.pipe(s.text for s in doc.segments)))
        record = extract_document(pairs, doc, gazetteer, lexicon, place_weights=None)
        events = place_by_scores(record.events, MentionIndex(record.mentions), doc, gazetteer,
                                 words().titles.leader_titles, weights)
        return [(e.cls, {doc.text[r[0]:r[1]] for r in e.locations}) for e in events]

    return run


def test_place_scores_an_unplaced_meeting_takes_the_best_scoring_place(placed):
    assert ("Meeting", {"Porto Novo"}) in placed(TEXT, HEADLINE)


def test_place_scores_below_the_threshold_nothing_is_placed(placed):
    strict = PlaceWeights(HEADLINE.features, HEADLINE.weights, HEADLINE.bias, 0.99)
    assert ("Meeting", set()) in placed(TEXT, strict)


def test_place_scores_a_planned_meeting_is_not_placed(placed):
    found = placed(TEXT.replace("held talks on Tuesday and agreed", "will hold talks on Tuesday to agree"), HEADLINE)
    assert all(not places for cls, places in found if cls == "Meeting"), found


def test_place_scores_weights_of_other_cues_are_not_used(placed):
    other = PlaceWeights(("something", *FEATURES[1:]), HEADLINE.weights, HEADLINE.bias, HEADLINE.threshold)
    assert ("Meeting", set()) in placed(TEXT, other)


def test_place_scores_the_shipped_weights_name_the_cues_in_order():
    shipped = place_weights()
    assert shipped is not None and shipped.features == FEATURES
    assert len(shipped.weights) == len(FEATURES) and 0.0 < shipped.threshold <= 1.0


def test_place_scores_a_gathering_another_mention_places_is_left_to_coreference(placed):
    text = TEXT + "On Monday Ribeiro and Holm had opened a summit in Lagoa.\n\n"
    found = placed(text, HEADLINE)
    assert ("Summit", {"Lagoa"}) in found and ("Meeting", set()) in found, found


def test_place_scores_a_named_organisations_summit_takes_a_city(placed):
    text = ("Date: 2024-03-05\n\nTwo states agree on a port fund in Porto Novo\n\n"
            "Ana Ribeiro attended the ASEAN summit on Tuesday.\n\n")
    assert ("Summit", {"Porto Novo"}) in placed(text, HEADLINE)


def test_place_scores_a_named_summit_is_not_placed_where_the_articles_talks_were(placed):
    text = ("Date: 2024-03-05\n\nTwo states agree on a port fund in Lagos\n\n"
            "Ana Ribeiro and Lars Holm held talks in Lagos on Monday.\n\n"
            "Ribeiro attended the ASEAN summit on Tuesday.\n\n")
    found = placed(text, HEADLINE)
    assert ("Meeting", {"Lagos"}) in found and ("Summit", set()) in found, found


def test_place_scores_a_named_summit_is_not_placed_at_a_site_no_gazetteer_places(placed):
    text = ("Date: 2024-03-05\n\nTwo states agree on a port fund in Sable Bay\n\n"
            "Ana Ribeiro attended the ASEAN summit on Tuesday.\n\n")
    assert ("Summit", set()) in placed(text, HEADLINE)


def test_place_scores_a_named_summit_is_not_placed_where_someone_came_from(placed):
    text = ("Date: 2024-03-05\n\nPort fund talks move on from Lagos and Accra\n\n"
            "Ana Ribeiro, fresh from Lagos and Accra, attended the ASEAN summit on Tuesday.\n\n")
    found = placed(text, HEADLINE)
    assert ("Summit", set()) in found and not any(places for cls, places in found if cls == "Summit"), found


def test_place_scores_a_summit_passes_over_the_place_of_another_event(placed):
    text = ("Date: 2024-03-05\n\nTwo states agree on a port fund in Porto Novo and Accra\n\n"
            "Ana Ribeiro and Lars Holm held talks in Porto Novo on Monday.\n\n"
            "Ana Ribeiro attended the ASEAN summit on Tuesday.\n\n")
    found = placed(text, HEADLINE)
    assert ("Meeting", {"Porto Novo"}) in found and ("Summit", {"Accra"}) in found, found


def test_place_scores_a_summit_whose_best_place_is_one_someone_came_from_is_not_placed(placed):
    # 'back from' may name where the summit was, or home: neither it nor the runner-up is taken
    text = ("Date: 2024-03-05\n\nAna Ribeiro, back from Porto Novo, speaks in Accra\n\n"
            "Ana Ribeiro attended the ASEAN summit on Tuesday.\n\n")
    assert ("Summit", set()) in placed(text, HEADLINE)
