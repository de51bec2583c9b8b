"""World knowledge about an article's events: who travelled to them (extract/travel.py)
and where their cities lie (extract/geography.py). Records built by hand, no model."""

from __future__ import annotations

import pytest

from graphbuild.extract.geography import cities_in_countries
from graphbuild.extract.travel import visits_from_events
from graphbuild.knowledge.gazetteer import Entry, Gazetteer, Role
from graphbuild.records import EventMention, Evidence, Mention, MentionRef, RelationMention

TEXT = ("President Ana Ribeiro of Brazil met Prime Minister Lars Holm of Norway in Lima on Tuesday. "
        "Peru hosted the talks. The ministers of Peru spoke later.")


@pytest.fixture(scope="module")
def small_gazetteer():
    return Gazetteer([Entry("brazil", "Brazil", "Country"), Entry("norway", "Norway", "Country"),
                      Entry("peru", "Peru", "Country"), Entry("ida-sol", "Ida Sol", "Person",
                                                              roles=(Role("President", "peru"),))])


def _sentence(word: str) -> Evidence:
    start = TEXT.index(word)
    start = TEXT.rfind(". ", 0, start) + 2 if ". " in TEXT[:start] else 0
    end = TEXT.find(". ", start) + 1 or len(TEXT)
    return Evidence("d1", TEXT[start:end], start, end)


def _mention(text: str, cls: str, nth: int = 0, **kw) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(text, start + 1)
    return Mention(text, text, cls, start, start + len(text), _sentence(text), **kw)


def _ref(m: Mention) -> MentionRef:
    return MentionRef(m.start, m.end)


@pytest.fixture
def scene():
    ribeiro = _mention("Ana Ribeiro", "Person", role=("President", "brazil"))
    holm = _mention("Lars Holm", "Person", role=("Prime Minister", "norway"))
    lima = _mention("Lima", "Place")
    peru = _mention("Peru", "Country", link="peru")
    talks = EventMention("Meeting", "met", (_ref(ribeiro), _ref(holm)), ribeiro.evidence, 0.9, "verb:meet",
                         locations=(_ref(lima),))
    return [ribeiro, holm, lima, peru], talks


def test_visits_from_events_a_participant_from_another_country_visited_the_place(scene, small_gazetteer):
    mentions, talks = scene
    found = visits_from_events(mentions, [talks], small_gazetteer)
    assert sorted((TEXT[r.subject[0]:r.subject[1]], r.predicate, TEXT[r.object[0]:r.object[1]]) for r in found) == [
        ("Ana Ribeiro", "visited", "Lima"), ("Lars Holm", "visited", "Lima")]
    assert all(r.evidence == talks.evidence and r.confidence < talks.confidence for r in found)


def test_visits_from_events_the_host_countrys_own_people_visited_nothing(scene, small_gazetteer):
    mentions, talks = scene
    sol = Mention("Ida Sol", "Ida Sol", "Person", 0, 3, mentions[0].evidence, link="ida-sol")
    talks = EventMention("Meeting", "met", (_ref(sol), *talks.participants), talks.evidence, 0.9, "verb:meet",
                         locations=talks.locations)
    found = visits_from_events([sol, *mentions], [talks], small_gazetteer)
    assert len(found) == 2 and all(r.subject != _ref(sol) for r in found)


def test_visits_from_events_need_the_persons_country(scene, small_gazetteer):
    mentions, talks = scene
    bare = [Mention(m.text, m.key, m.cls, m.start, m.end, m.evidence, link=m.link) for m in mentions]
    assert visits_from_events(bare, [talks], small_gazetteer) == []


def test_visits_from_events_a_planned_meeting_or_a_parade_gives_no_visit(scene, small_gazetteer):
    from dataclasses import replace

    mentions, talks = scene
    assert visits_from_events(mentions, [replace(talks, modality="planned")], small_gazetteer) == []
    assert visits_from_events(mentions, [replace(talks, cls="Parade")], small_gazetteer) == []


def test_visits_from_events_a_stated_visit_is_not_read_twice(scene, small_gazetteer):
    mentions, talks = scene
    stated = [RelationMention(talks.participants[0], "visited", talks.locations[0], talks.evidence, 0.9, "verb")]
    found = visits_from_events(mentions, [talks], small_gazetteer, stated)
    assert [r.subject for r in found] == [talks.participants[1]]


def test_cities_in_countries_an_events_city_lies_in_the_country_the_article_names(scene, small_gazetteer):
    mentions, talks = scene
    found = cities_in_countries(mentions, small_gazetteer, [talks])
    assert [(TEXT[r.subject[0]:r.subject[1]], r.predicate, TEXT[r.object[0]:r.object[1]]) for r in found] == [
        ("Lima", "locatedIn", "Peru")]


def test_cities_in_countries_only_for_the_places_of_events(scene, small_gazetteer):
    from dataclasses import replace

    mentions, talks = scene
    assert cities_in_countries(mentions, small_gazetteer, [replace(talks, locations=())]) == []


def test_cities_in_countries_need_the_country_in_the_article(scene, small_gazetteer):
    mentions, talks = scene
    assert cities_in_countries([m for m in mentions if m.cls != "Country"], small_gazetteer, [talks]) == []


def test_cities_in_countries_a_city_of_another_country_lies_in_nothing_named(small_gazetteer):
    # Lima of the text is the Peruvian capital; with Norway alone named it lies in nothing named.
    lima, norway = _mention("Lima", "Place"), _mention("Norway", "Country", link="norway")
    event = EventMention("Meeting", "met", (), lima.evidence, 0.9, "verb:meet", locations=(_ref(lima),))
    assert cities_in_countries([lima, norway], small_gazetteer, [event]) == []
