"""Visits read from whole events (resolve/visits.py): a leader at a gathering held in
another country visited its venue, once per document that names the leader."""

from __future__ import annotations

from graphbuild.records import EventMention, Evidence
from graphbuild.resolve.events import EventCluster, Places

from graphbuild.resolve.visits import visits_of_events

OSLO_IN_NORWAY = Places({"oslo": frozenset({"norway"})}, frozenset({"norway", "portugal"}))
HOMES = {"ribeiro": {"portugal"}, "holm": {"norway"}}


def _cluster(cls="Meeting", modality="asserted", locations=("oslo", "norway"), docs=("a",)):
    mentions = [EventMention(cls, cls.lower(), (), Evidence(d, "A sentence.", 0, 11), 0.8, "test", modality=modality)
                for d in docs]
    return EventCluster(cls=cls, first=(docs[0], 0), participants={"ribeiro", "holm", "aide"},
                        locations=set(locations), documents=list(docs), mentions=mentions)


def _visits(cluster, takes_part=lambda m, p: True):
    return [(s.subject, s.object, s.evidence.doc_id) for s in visits_of_events(
        [cluster], OSLO_IN_NORWAY, lambda p: HOMES.get(p, set()), takes_part, lambda p: True)]


def test_visits_a_leader_from_abroad_visited_the_venue_and_the_host_did_not():
    assert _visits(_cluster()) == [("ribeiro", "oslo", "a")]


def test_visits_none_from_a_planned_gathering_or_one_without_a_known_country():
    assert _visits(_cluster(modality="planned")) == []
    assert _visits(_cluster(locations=("harbour",))) == []


def test_visits_one_per_document_read_from_a_mention_the_leader_takes_part_in():
    cluster = _cluster(docs=("a", "b"))
    assert _visits(cluster, takes_part=lambda m, p: m.evidence.doc_id == "b") == [("ribeiro", "oslo", "b")]


def test_visits_a_planned_mention_of_the_event_is_no_evidence():
    cluster = _cluster(docs=("a", "b"))
    cluster.mentions[0] = EventMention("Meeting", "meeting", (), Evidence("a", "A sentence.", 0, 11), 0.8, "test",
                                       modality="planned")
    assert _visits(cluster) == [("ribeiro", "oslo", "b")]


def test_visits_a_leader_titled_in_one_sentence_and_met_abroad_in_another_visited(tmp_path):
    import graphbuild

    (tmp_path / "a.txt").write_text(
        "Date: 2025-03-03\n\nFerry deal agreed\n\nPortuguese President Ana Ribeiro spoke about a new ferry "
        "line on Monday.\n\nIn Oslo, Ribeiro then met Norwegian Prime Minister Lars Holm.\n")
    graph = graphbuild.build([tmp_path], cache_dir=tmp_path / "cache").graph
    visited = {(u, v): d for u, v, k, d in graph.edges(keys=True, data=True) if k == "visited"}
    assert set(visited) == {("entity/ana-ribeiro", "entity/oslo")}
    assert visited["entity/ana-ribeiro", "entity/oslo"]["cameo"] == "042"  # the code of visits, like a stated one
