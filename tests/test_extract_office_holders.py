"""People named by their offices: 'the leaders of A, B and C', 'the foreign ministers of
A and B' are the holders of those offices the article names (extract/office_holders.py),
and 'the presidents of A and B' does not make each the leader of both."""

from __future__ import annotations

from .test_extract_events import of

LEADERS = ("Kenyan President William Ruto met Ghanaian President John Mahama in Nairobi on Monday, and "
           "Nigerian President Bola Tinubu joined them later.\n\n")


def _surnames(people):
    return {p.split()[-1] for p in people}


def test_office_holders_leaders_of_countries_are_the_leaders_the_article_names(events):
    found = of(events(LEADERS + "The leaders of Kenya, Ghana and Nigeria gathered for a summit in Nairobi on "
                                "Tuesday."), "Summit")
    assert found and _surnames(found[0][1]) >= {"Ruto", "Mahama", "Tinubu"}, found


def test_office_holders_country_whose_leader_goes_unnamed_adds_no_one(events):
    found = of(events(LEADERS + "The leaders of Kenya, Ghana and Uganda gathered for a summit in Nairobi on "
                                "Tuesday."), "Summit")
    assert found and _surnames(found[0][1]) == {"Ruto", "Mahama"}, found


def test_office_holders_ministers_are_those_of_the_office_the_text_names(events):
    text = ("Kenyan Defence Minister Soipan Tuya spoke on Monday. Kenyan Foreign Minister Musalia Mudavadi and "
            "Ghanaian Foreign Minister Samuel Ablakwa listened.\n\nThe foreign ministers of Kenya and Ghana "
            "met in Accra on Tuesday.")
    found = [e for e in of(events(text), "Meeting") if len(e[1]) >= 2]
    assert found and all(_surnames(e[1]) == {"Mudavadi", "Ablakwa"} for e in found), found


def test_relations_presidents_of_two_countries_lead_one_each(record):
    found = record(LEADERS + "The presidents of Kenya and Ghana signed a trade deal on Tuesday.")
    keys = {(m.start, m.end): m.link or m.key for m in found.mentions}

    def name(ref):
        return ref[1] if ref[0] == "gazetteer" else keys.get(tuple(ref[:2]))

    leads = {(name(r.subject), name(r.object)) for r in found.relations if r.predicate == "leaderOf"}
    assert ("william-ruto", "kenya") in leads, leads
    assert ("william-ruto", "ghana") not in leads and ("john-mahama", "kenya") not in leads, leads
