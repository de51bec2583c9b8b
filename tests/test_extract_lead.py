"""The lead's place: an unplaced event of the headline or the lead happened in the one
place the headline and the lead name (extract/lead.py). The place scoring, which runs
after the rules, is left out: these tests are of the rule."""

from __future__ import annotations

import pytest


@pytest.fixture
def events(nlp, gazetteer, lexicon):
    from graphbuild.extract.document import extract_document
    from graphbuild.ingest import parse_document

    def run(text: str):
        doc = parse_document(text.encode(), "t.txt")
        pairs = list(zip(doc.segments, nlp.pipe(s.text for s in doc.segments)))
        found = extract_document(pairs, doc, gazetteer, lexicon, place_weights=None)
        names = {(m.start, m.end): m.key for m in found.mentions}
        return [(e.cls, {names.get(tuple(r[:2]), r[-1]) for r in e.locations}) for e in found.events]

    return run


LEAD = ("Date: 2024-03-05\n\nRiver states agree on a port fund\n\n"
        "The weather in Nairobi was mild for the two delegations this week. President Ana Ribeiro and "
        "Prime Minister Lars Holm held talks on Tuesday, their first since the election, and agreed to open "
        "a joint fund for river ports.\n\n")


def test_lead_an_unplaced_meeting_of_the_lead_takes_the_leads_one_place(events):
    found = events(LEAD)
    assert ("Meeting", {"Nairobi"}) in found, found


@pytest.mark.parametrize("old, new", [
    # two places in the lead
    ("their first since the election", "their first since a visit to Kampala"),
    # a sea alone: no gathering is held in it
    ("The weather in Nairobi was mild", "The weather over the Caspian Sea was mild"),
])
def test_lead_no_one_venue_in_the_lead_places_nothing(events, old, new):
    found = events(LEAD.replace(old, new))
    assert all(not places for cls, places in found if cls == "Meeting"), found


def test_lead_a_datelines_place_places_the_unplaced_meeting_of_the_lead(events, mentions):
    text = ("River states agree on a port fund\n\n"
            "SANTA RIVA, Portugal (Reuters) - President Ana Ribeiro and Prime Minister Lars Holm held talks on "
            "Tuesday, their first since the election, and agreed to open a joint fund for river ports.\n\n")
    assert ("Meeting", {"Santa Riva"}) in events(text)
    assert [m.cls for m in mentions(text) if m.key == "Santa Riva"] == ["Place"]


def test_lead_a_datelines_names_are_places_whatever_the_model_says(mentions):
    text = ("River states agree on a port fund\n\n"
            "SANTA RIVA, Vesland (Reuters) - President Ana Ribeiro and Prime Minister Lars Holm held talks.\n\n")
    assert {m.key: m.cls for m in mentions(text) if m.key in ("Santa Riva", "Vesland")} == {
        "Santa Riva": "Place", "Vesland": "Place"}


BARE_TALKS = ("Date: 2024-03-05\n\nRiver states agree on a port fund\n\n"
              "The two river states agreed on Tuesday to open a joint fund for their ports after marathon talks "
              "in Nairobi that lasted through the night.\n\n")


def test_lead_talks_in_a_place_of_the_lead_are_a_meeting_though_no_person_is_named(events):
    assert ("Meeting", {"Nairobi"}) in events(BARE_TALKS)


def test_lead_talks_in_a_place_after_the_lead_without_people_are_no_meeting(events):
    head, lead = BARE_TALKS.rsplit("\n\n", 2)[:2]
    body = (f"{head}\n\nThe two river states agreed on Tuesday to open a joint fund for their ports, with the "
            f"backing of both governments and their banks.\n\n{lead}\n\n")
    assert not [cls for cls, _ in events(body) if cls == "Meeting"]


def test_lead_a_gathering_without_people_or_place_takes_the_datelines_place(events):
    text = ("Coast states meet on fishing quotas\n\n"
            "LISBON, May 3 (Reuters) - Delegates from a dozen coastal nations gathered on Tuesday for a summit "
            "on shared fishing grounds.\n\n")
    assert ("Summit", {"lisbon"}) in events(text) or ("Summit", {"Lisbon"}) in events(text), events(text)


def test_lead_a_gathering_without_a_dateline_stays_unmade(events):
    text = ("Coast states meet on fishing quotas\n\n"
            "Delegates from a dozen coastal nations gathered on Tuesday for a summit on shared fishing grounds.\n\n")
    assert not [e for e in events(text) if e[0] == "Summit"], events(text)


def test_lead_a_sea_that_says_where_the_venue_lies_is_not_a_second_place(events):
    text = LEAD.replace("The weather in Nairobi was mild", "The weather at the Black Sea port of Varna was mild")
    found = events(text)
    assert ("Meeting", {"Varna"}) in found, found
