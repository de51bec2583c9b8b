"""Event coreference on hand-built mentions: one node per real event."""

from __future__ import annotations

import pytest

from graphbuild.resolve.events import Places, ResolvedEvent, cluster_events, dates_agree, place_containment
from graphbuild.records import EventMention, Evidence

BEIJING_IN_CHINA = Places({"beijing": frozenset({"china"}), "shanghai": frozenset({"china"})})


def _event(doc, cls="Visit", who=("putin",), where=("china",), date=None, doc_date="2024-05-16", start=0,
           hosts=()):
    mention = EventMention(cls, cls.lower(), (), Evidence(doc, "A sentence.", start, start + 11), 0.8, "test",
                           date=date)
    return ResolvedEvent(doc, mention, frozenset(who), frozenset(where), frozenset(hosts), doc_date)


def _groups(events, places=BEIJING_IN_CHINA):
    return sorted(sorted((d, m.evidence.start) for d in c.documents for m in c.mentions if m.evidence.doc_id == d)
                  for c in cluster_events(events, places))


@pytest.mark.parametrize("a, b", [("2023-05", "2023-05-19"), ("2023", "2023-05-19"), ("2023-05-19", "2023-05-19")])
def test_eventcoref_dates_agree_at_common_precision(a, b):
    assert dates_agree(a, b) and dates_agree(b, a)


@pytest.mark.parametrize("a, b", [("2023-06", "2023-05-19"), ("2022", "2023-05-19"), (None, "2023")])
def test_eventcoref_dates_disagree(a, b):
    assert not dates_agree(a, b)


def test_eventcoref_city_and_its_country_in_one_article_are_one_visit():
    """'Putin arrived in Beijing ... his visit to China': one visit, not two."""
    clusters = cluster_events([_event("a", where=("beijing",)), _event("a", where=("china",), start=50)],
                              BEIJING_IN_CHINA)
    assert len(clusters) == 1
    assert clusters[0].locations == {"beijing", "china"}


def test_eventcoref_two_cities_are_two_visits():
    assert len(cluster_events([_event("a", where=("beijing",)), _event("a", where=("paris",), start=50)],
                              BEIJING_IN_CHINA)) == 2


@pytest.mark.parametrize("doc_date_b, merged", [("2024-05-18", True), ("2024-06-30", False), (None, False)])
def test_eventcoref_undated_mentions_merge_across_articles_published_days_apart(doc_date_b, merged):
    clusters = cluster_events([_event("a"), _event("b", doc_date=doc_date_b)], BEIJING_IN_CHINA)
    assert (len(clusters) == 1) is merged


def test_eventcoref_dated_mentions_across_articles_merge_when_dates_agree():
    events = [_event("a", date="2024-05-16", doc_date="2024-05-20"), _event("b", date="2024-05", doc_date=None),
              _event("c", date="2024-09-03", doc_date="2024-09-03")]
    assert [sorted(c.documents) for c in cluster_events(events, BEIJING_IN_CHINA)] == [["a", "b"], ["c"]]


def test_eventcoref_meetings_of_other_people_stay_apart():
    """A meeting of Putin and Trump is not a meeting of Putin and Modi, even on one day."""
    events = [_event("a", "Meeting", who=("putin", "trump")), _event("b", "Meeting", who=("putin", "modi"))]
    assert len(cluster_events(events, BEIJING_IN_CHINA)) == 2


def test_eventcoref_a_sentence_naming_fewer_people_joins_the_meeting():
    events = [_event("a", "Meeting", who=("putin", "xi")), _event("b", "Meeting", who=("xi",))]
    assert len(cluster_events(events, BEIJING_IN_CHINA)) == 1


def test_eventcoref_summit_reports_with_different_leaders_merge_on_the_bloc():
    events = [_event("a", "Summit", who=("sco", "putin"), where=("astana",)),
              _event("b", "Summit", who=("sco", "xi"), where=()),
              _event("c", "Summit", who=("g7", "biden"), where=("hiroshima",))]
    assert [sorted(c.documents) for c in cluster_events(events, BEIJING_IN_CHINA)] == [["a", "b"], ["c"]]


def test_eventcoref_types_never_merge():
    assert len(cluster_events([_event("a"), _event("a", "Meeting", start=40)], BEIJING_IN_CHINA)) == 2


def test_eventcoref_is_independent_of_unrelated_mentions_in_between():
    base = [_event("a"), _event("b", doc_date="2024-05-17")]
    noise = [_event(f"n{i}", who=(f"person{i}",), where=("paris",)) for i in range(50)]
    assert len(cluster_events([base[0], *noise, base[1]], BEIJING_IN_CHINA)) == 51


def test_eventcoref_place_containment_from_facts_gazetteer_and_geonames():
    places = place_containment({"lyon": "Lyon", "glenmoor": "Glenmoor", "ridgeford": "Ridgeford"},
                               {"france": "France", "united-states": "United States"},
                               located_in=[("glenmoor", "ridgeford"), ("ridgeford", "united-states")])
    assert places.inside("lyon", "france")            # GeoNames: Lyon is a French city
    assert places.inside("glenmoor", "united-states")   # the text's facts, transitively
    assert not places.inside("lyon", "united-states")


def test_eventcoref_a_war_is_one_event_across_articles_months_apart():
    events = [_event("a", "Conflict", who=("russia", "ukraine"), where=("ukraine",), doc_date="2023-10-19"),
              _event("b", "Conflict", who=("russia", "ukraine"), where=(), doc_date="2025-08-30"),
              _event("c", "Conflict", who=("israel", "hamas"), where=(), doc_date="2025-08-30"),
              _event("d", "Conflict", who=("russia", "ukraine"), where=("ukraine",), date="2024-02")]
    assert [sorted(c.documents) for c in cluster_events(events, BEIJING_IN_CHINA)] == [["a", "b", "d"], ["c"]]


@pytest.mark.parametrize(
    "second, merged",
    [
        (dict(), True),  # an estate and the region around it, whose relation is unknown
        (dict(doc="b"), False),  # in another article the places must agree
        (dict(date="2024-05-17"), False),  # another day
        (dict(who=("putin", "modi")), False),  # other people
        (dict(cls="Summit", who=("putin", "xi")), False),  # a summit needs a place that fits
    ],
)
def test_eventcoref_one_articles_meeting_of_the_same_people_on_the_same_day_is_one(second, merged):
    first = _event("a", "Meeting", who=("putin", "xi"), where=("estate",), date="2024-05-16")
    args = dict(doc="a", cls="Meeting", who=("putin", "xi"), where=("region",), date="2024-05-16", start=50)
    args.update(second)
    other = _event(args.pop("doc"), args.pop("cls"), **args)
    if second.get("cls") == "Summit":
        first = _event("a", "Summit", who=("putin", "xi"), where=("estate",), date="2024-05-16")
    assert (len(cluster_events([first, other], BEIJING_IN_CHINA)) == 1) is merged


@pytest.mark.parametrize(
    "first_place, second, merged",
    [
        ("airport", dict(), True),  # a site nothing places, then the country of the trip
        ("airport", dict(date="2024-05-17"), False),  # another day
        ("airport", dict(doc="b"), False),  # another article
        ("airport", dict(who=("modi",)), False),  # another traveller
        ("france", dict(), False),  # two countries in one day: two visits
        ("beijing", dict(where=("paris",)), False),  # two placed cities in one day: two visits
    ],
)
def test_eventcoref_one_travellers_visit_to_an_unplaced_site_joins_that_days_visit(first_place, second, merged):
    places = Places({"beijing": frozenset({"china"}), "paris": frozenset({"france"})}, frozenset({"china", "france"}))
    first = _event("a", who=("putin",), where=(first_place,), date="2024-05-16")
    args = dict(doc="a", who=("putin",), where=("china",), date="2024-05-16", start=50)
    args.update(second)
    other = _event(args.pop("doc"), **args)
    assert (len(cluster_events([first, other], places)) == 1) is merged


def test_eventcoref_undated_reports_across_a_months_end_merge():
    """Published on 30 May and 2 June: one visit, though the months differ."""
    events = [_event("a", doc_date="2024-05-30"), _event("b", doc_date="2024-06-02")]
    assert len(cluster_events(events, BEIJING_IN_CHINA)) == 1


@pytest.mark.parametrize("doc_date_b, merged", [("2024-05-23", True), ("2024-05-24", False), ("2024-06-05", False)])
def test_eventcoref_undated_reports_merge_within_a_week_only(doc_date_b, merged):
    clusters = cluster_events([_event("a"), _event("b", doc_date=doc_date_b)], BEIJING_IN_CHINA)
    assert (len(clusters) == 1) is merged


def test_eventcoref_place_containment_ignores_an_ambiguous_city_name():
    """Hyderabad is a city of India and of Pakistan: its name alone places it in neither."""
    places = place_containment({"hyderabad": "Hyderabad"}, {"india": "India", "pakistan": "Pakistan"},
                               located_in=[])
    assert not places.inside("hyderabad", "india")
    assert not places.inside("hyderabad", "pakistan")


def test_eventcoref_summits_in_one_city_merge_without_a_shared_leader():
    events = [_event("a", "Summit", who=("putin",), where=("astana",)),
              _event("b", "Summit", who=("xi",), where=("astana",), doc_date="2024-05-17")]
    assert len(cluster_events(events, BEIJING_IN_CHINA)) == 1


@pytest.mark.parametrize(
    "second",
    [
        dict(cls="Summit", who=("xi",), where=("astana",), doc_date="2024-07-20"),  # another month
        dict(cls="Summit", who=("xi",), where=("hiroshima",)),  # another city
        dict(cls="Visit", who=(), where=("astana",)),  # a visit needs a shared visitor
    ],
)
def test_eventcoref_a_shared_place_alone_merges_only_summits_of_that_time(second):
    first = _event("a", second["cls"], who=("putin",), where=("astana",))
    other = _event("b", second.pop("cls"), **second)
    assert len(cluster_events([first, other], BEIJING_IN_CHINA)) == 2


def test_eventcoref_one_articles_meeting_and_summit_of_the_same_people_are_one_event():
    """'A and B met in Hanoi' ... 'their summit ended early': one event, the first word's."""
    meeting = _event("a", cls="Meeting", who=("ana", "ben"), where=("hanoi",), date="2024-05-16")
    summit = _event("a", cls="Summit", who=("ana", "ben"), where=(), date="2024-05-16", start=80)
    (cluster,) = cluster_events([meeting, summit], BEIJING_IN_CHINA)
    assert cluster.cls == "Meeting" and len(cluster.mentions) == 2


@pytest.mark.parametrize("who, doc", [(("ana", "ben", "cem"), "a"), (("ana",), "a"), (("ana", "ben"), "b")])
def test_eventcoref_a_summit_of_other_people_or_of_another_article_is_not_the_meeting(who, doc):
    meeting = _event("a", cls="Meeting", who=("ana", "ben"), where=("hanoi",), date="2024-05-16")
    summit = _event(doc, cls="Summit", who=who, where=(), date="2024-05-16", start=80)
    assert len(cluster_events([meeting, summit], BEIJING_IN_CHINA)) == 2


@pytest.mark.parametrize(
    "later, merged",
    [
        (dict(cls="Summit", who=("kim",), start=90), True),  # 'Kim left the summit early'
        (dict(cls="Meeting", who=("kim",), start=90), True),
        (dict(cls="Summit", who=("kim", "lee"), start=90), False),  # someone the meeting lacks
    ],
)
def test_eventcoref_meeting_called_a_summit_takes_later_mentions_naming_fewer(later, merged):
    """One article calls one meeting of two leaders a meeting and a summit; a later
    mention by either word that names one of them is that meeting too."""
    events = [_event("a", "Meeting", who=("trump", "kim"), where=("hanoi",), date="2019-02-28"),
              _event("a", "Summit", who=("trump", "kim"), where=(), date="2019-02-28", start=40),
              _event("a", where=(), date="2019-02-28", **later)]
    assert (len(cluster_events(events, BEIJING_IN_CHINA)) == 1) is merged


def test_eventcoref_summit_naming_one_leader_is_not_a_meeting_only_called_a_meeting():
    """Biden met Xi; 'Biden at the summit' names another gathering when the article never
    called the meeting a summit."""
    events = [_event("a", "Meeting", who=("biden", "xi"), where=("bali",), date="2022-11-14"),
              _event("a", "Summit", who=("biden",), where=(), date="2022-11-14", start=40)]
    assert len(cluster_events(events, BEIJING_IN_CHINA)) == 2


def _named(event, name=None, organisers=()):
    from dataclasses import replace

    return replace(event, mention=replace(event.mention, name=name, organisers=organisers))


@pytest.mark.parametrize(
    "first, second, merged",
    [
        ((None, ("g20",)), ("COP27", ()), False),  # an organiser's summit and one of its own name
        (("COP27", ()), ("COP28", ()), False),
        ((None, ("ecowas",)), (None, ("ecowas-authority",)), True),  # two bodies: one summit may have both
        ((None, ("g20",)), (None, ()), True),  # 'the summit' names nothing
        (("COP27", ()), ("COP27", ()), True),
    ],
)
def test_eventcoref_summits_of_names_sharing_nothing_are_two(first, second, merged):
    events = [_named(_event("a", "Summit", who=("biden",), where=(), date="2022-11-15"), *first),
              _named(_event("a", "Summit", who=("xi",), where=(), date="2022-11-15", start=50), *second)]
    assert (len(cluster_events(events, BEIJING_IN_CHINA)) == 1) is merged
