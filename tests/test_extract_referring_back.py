"""'The summit' of a later paragraph refers back to the one summit the article told
(extract/frames/event_noun.py, ``referring_back``): it dates that summit and names
its leaders, and refers to nothing when the article told several or the date is
another."""

from __future__ import annotations

import pytest

import graphbuild
from graphbuild.extract.document import extract_document
from graphbuild.ingest import parse_document

TOLD = "Leaders of the Andean Community opened a summit in Quito.\n\n"


@pytest.fixture
def back(nlp, gazetteer, lexicon):
    """The dates of the summit mentions a text's later 'the summit' gives."""

    def run(text: str) -> list[str | None]:
        doc = parse_document(("2025-09-05\n\n" + text).encode(), "t.txt")
        pairs = list(zip(doc.segments, nlp.pipe(s.text for s in doc.segments)))
        record = extract_document(pairs, doc, gazetteer, lexicon)
        return [e.date for e in record.events if e.rule.endswith("/back")]

    return run


def test_referring_back_a_later_the_summit_gives_its_date(back):
    assert back(TOLD + "The summit closed on Tuesday with a pledge on river transport.") == ["2025-09-02"]


def test_referring_back_an_indefinite_summit_names_nothing(back):
    assert back(TOLD + "A summit closed on Tuesday with a pledge on river transport.") == []


def test_referring_back_a_date_of_another_year_is_another_summit(back):
    assert back(TOLD + "The summit closed on 4 May 2019 with a pledge on river transport.") == []


def test_referring_back_after_two_summits_refers_to_neither(back):
    two = TOLD + "Leaders of the Nordic Council had met at a summit in Oslo.\n\n"
    assert back(two + "The summit closed on Tuesday with a pledge on river transport.") == []


def test_referring_back_dates_the_summits_node(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("2025-09-05\n\n" + TOLD + "The summit closed on Tuesday with a pledge on river transport.\n",
                   encoding="utf-8")
    graph = graphbuild.build([doc]).graph
    summits = [a for _, a in graph.nodes(data=True) if a.get("kind") == "event" and "Summit" in a.get("label", "")]
    assert len(summits) == 1 and summits[0].get("date") == "2025-09-02", summits


def test_referring_back_an_order_word_makes_it_another_summit(back):
    assert back(TOLD + "The previous summit closed on Tuesday with a pledge on river transport.") == []
    assert back(TOLD + "The next summit opens on Tuesday with a pledge on river transport.") == []


def test_referring_back_a_date_weeks_from_the_told_summit_is_another(back):
    dated = "Leaders of the Andean Community opened a summit in Quito on Monday.\n\n"
    assert back(dated + "The summit closed on 3 September with a pledge on river transport.") == ["2025-09-03"]
    assert back(dated + "The summit closed on 12 August with a pledge on river transport.") == []


def test_referring_back_a_summit_told_in_the_present_takes_the_day_the_later_mention_gives(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("2025-09-05\n\nLeaders of the Andean Community meet at a summit in Quito.\n\n"
                   "The summit closed on Thursday with a pledge on river transport.\n", encoding="utf-8")
    graph = graphbuild.build([doc]).graph
    dates = [a.get("date") for _, a in graph.nodes(data=True) if a.get("kind") == "event"]
    assert dates == ["2025-09-04"], dates
