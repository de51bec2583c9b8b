"""Event dates on small articles of our own: the date of the event's clause, relative
dates against the article's, and the day or month the lead's undated events take
(extract/dates.py, extract/article_dates.py)."""

from __future__ import annotations

import pytest

from graphbuild.extract.document import extract_document
from graphbuild.ingest import parse_document

from .test_extract_events import of


def test_events_lead_meeting_without_a_date_takes_the_day_of_the_article(events):
    lead = "Kenyan President William Ruto met Emmanuel Macron to discuss the financing of climate projects in Africa."
    later = "Elsewhere, Olaf Scholz met Giorgia Meloni to discuss the budget rules of the European Union."
    found = of(events(f"{lead}\n\n{later}"), "Meeting")
    assert [e[4] for e in found] == ["2025-09-05", None]
    assert of(events(lead, date=None), "Meeting")[0][4] is None


def test_events_lead_visit_without_a_date_takes_the_month_of_the_article(events):
    # a visit lasts days: the day of the report is not the day it began
    found = events("Emmanuel Macron visited Kenya to discuss the financing of climate projects in Africa.")
    assert of(found, "Visit")[0][4] == "2025-09"


def test_events_lead_summit_without_a_date_takes_the_day_of_the_article(events):
    # news reports a summit while it sits: told undated in the present, it met that day
    found = events("Leaders of the Andean Community open a summit in Quito to agree on river transport rules.")
    assert {e[4] for e in of(found, "Summit")} == {"2025-09-05"}, found


def test_events_undated_mention_of_a_meeting_takes_the_day_another_mention_states(events):
    lead = "William Ruto and Emmanuel Macron hold talks in Nairobi on climate finance."
    later = "Emmanuel Macron met William Ruto in Nairobi on Thursday, officials said, and agreed on a fund."
    found = of(events(f"{lead}\n\n{later}"), "Meeting")
    assert {e[4] for e in found} == {"2025-09-04"}, found


def test_events_undated_visit_of_a_guest_takes_the_meetings_month(events):
    lead = "Trade grew by a fifth over the past year, officials in both capitals said."
    found = events(f"{lead}\n\nFriedrich Merz's visit to Turkey was criticised by the opposition.\n\n"
                   "Turkish President Recep Tayyip Erdogan hosted Friedrich Merz in Ankara on Friday.")
    assert [(v[2], v[4], v[3]) for v in of(found, "Visit")] == [
        (("Turkey",), "2025-09", ("Turkey",))]
    # without the meeting the visit stays undated
    found = events(f"{lead}\n\nFriedrich Merz's visit to Turkey was criticised by the opposition.")
    assert [v[4] for v in of(found, "Visit")] == [None]


@pytest.mark.parametrize(
    "text, cls, date",
    [
        # a date of another clause is not the event's
        ("Emmanuel Macron met Olaf Scholz in Berlin on Monday after arriving in Germany on Sunday.",
         "Meeting", "2025-09-01"),
        ("Emmanuel Macron, who arrived in Germany on Sunday, met Olaf Scholz in Berlin.", "Visit", "2025-08-31"),
        # a clause on a date is that date's
        ("Sergei Lavrov had visited Hanoi in July, when he attended a military parade.", "Parade", "2025-07"),
        # a purpose clause shares its head's day
        ("On Thursday, Emmanuel Macron arrived in Rome to start his visit to Italy.", "Visit", "2025-09-04"),
    ],
)
def test_events_date_of_the_events_own_clause(events, text, cls, date):
    assert of(events(text), cls)[-1][4] == date


def test_events_since_dates_a_state_not_an_event(events):
    # the sentence is the lead: without a date of its own, the article's
    found = events("Since 2019, Emmanuel Macron has met Olaf Scholz in Berlin every spring to discuss their budgets.")
    assert of(found, "Meeting")[0][4].startswith("2025-09")


def test_events_range_of_days_gives_start_and_end(nlp, gazetteer, lexicon):
    text = "2025-09-05\n\nVladimir Putin visited Beijing on August 31 and September 1."
    doc = parse_document(text.encode(), "t.txt")
    record = extract_document(list(zip(doc.segments, nlp.pipe(s.text for s in doc.segments))), doc, gazetteer,
                              lexicon)
    (visit,) = [e for e in record.events if e.cls == "Visit"]
    assert (visit.date, visit.end_date) == ("2025-08-31", "2025-09-01")


@pytest.mark.parametrize(
    "text, date",
    [
        # a caption's present tense: the report's day (a meeting lasts one day)
        ("Olaf Scholz and Emmanuel Macron hold a press conference after their talks in Berlin.", "2025-09-05"),
        # a past report without a date outside the lead stays undated
        ("Olaf Scholz and Emmanuel Macron held a press conference after their talks in Berlin.", None),
    ],
)
def test_events_present_tense_caption_is_the_reports_day(events, text, date):
    lead = "Trade grew by a fifth over the past year, officials in both capitals said."
    assert of(events(f"{lead}\n\n{text}"), "Meeting")[0][4] == date


def test_events_meeting_held_during_a_dated_visit_takes_its_month(events):
    lead = "Spanish Prime Minister Pedro Sanchez landed in Mexico on Monday for a four-day tour centred on investment."
    later = "During his tour, Sanchez also met Mexican Economy Minister Marcelo Ebrard."
    (meeting,) = of(events(f"{lead}\n\n{later}"), "Meeting")
    assert meeting[2] == ("Mexico",) and meeting[4] == "2025-09"
    undated = lead.replace(" on Monday", "")
    (meeting,) = of(events(f"{undated}\n\n{later}"), "Meeting")
    assert meeting[4] is None


def test_events_a_weekday_in_the_present_progressive_is_still_to_come(events):
    found = events("Emmanuel Macron and Olaf Scholz are meeting on Monday in Lyon to settle the budget.")
    (meeting,) = of(found, "Meeting")
    assert meeting[4] == "2025-09-08", meeting
    (past,) = of(events("Emmanuel Macron and Olaf Scholz met on Monday in Lyon to settle the budget."), "Meeting")
    assert past[4] == "2025-09-01", past


def test_events_a_perfect_participle_is_no_progressive(events):
    (meeting,) = of(events("Having met on Monday in Lyon, Emmanuel Macron and Olaf Scholz settled the budget."),
                    "Meeting")
    assert meeting[4] != "2025-09-08", meeting


@pytest.mark.parametrize("text, date", [
    ("Kenyan President William Ruto has landed in Accra for talks on trade.", "2025-09-05"),  # the perfect: that day
    ("Kenyan President William Ruto is currently on a visit to Accra for talks on trade.", "2025-09"),  # ongoing
])
def test_events_visit_told_in_the_perfect_took_place_on_the_day_of_the_report(events, text, date):
    found = of(events(text), "Visit")
    assert [e[4] for e in found] == [date], found


def test_events_undated_article_is_dated_by_the_day_its_caption_states(events):
    caption = "Delegates gather outside the conference hall in Quito, Ecuador, Tuesday, May 6, 2025."
    lead = "Leaders of the Andean Community opened a summit in Quito on Wednesday to agree on river transport rules."
    found = of(events(f"{caption}\n\n{lead}", date=None), "Summit")
    assert {e[4] for e in found} == {"2025-05-07"}, found  # the Wednesday after the caption's day
    assert {e[4] for e in of(events(lead, date=None), "Summit")} == {None}


def test_events_caption_day_is_no_publication_date(record):
    caption = "Delegates gather outside the conference hall in Quito, Ecuador, Tuesday, May 6, 2025."
    found = record(f"{caption}\n\nLeaders of the Andean Community opened a summit in Quito on Wednesday.")
    assert found.document.date_published is None


def test_events_since_the_year_dates_a_comparison_not_the_event(events):
    text = "Leaders of the Andean Community opened a summit in Quito, their first since the 2008 crisis."
    assert {e[4] for e in of(events(text), "Summit")} == {"2025-09-05"}
