"""One event count everywhere: an event node is a resource under gbr:event/ read from the
articles (docs/graph-contract.md, "What counts"); a named war is an entity. The build
summary, `evaluate` and the counts-by-class query say the same numbers."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from graphbuild.cli import cli
from graphbuild.store.query import example_queries, open_store, run_query
from graphbuild.vocab import core_class

from .conftest import GOLD


def _by_kind(seed_out) -> dict[str, int]:
    counts: dict[str, int] = {}
    for kind, _, n in run_query(open_store(seed_out), example_queries()["counts-by-class"]):
        counts[kind] = counts.get(kind, 0) + n
    return counts


def test_event_count_summary_evaluate_and_counts_by_class_agree(seed_result, seed_out):
    summary = re.search(r"(\d+) entities, \d+ relations, (\d+) events", seed_result.summary_line())
    entities, events = int(summary.group(1)), int(summary.group(2))
    by_kind = _by_kind(seed_out)
    assert by_kind == {"entity": entities, "event": events}
    result = CliRunner().invoke(cli, ["evaluate", str(seed_out), "--gold", str(GOLD), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["events"]["event_nodes"] == events
    text = CliRunner().invoke(cli, ["evaluate", str(seed_out), "--gold", str(GOLD)]).output
    assert f"({events} event nodes, " in text


def test_event_count_named_war_is_an_entity_not_an_event_node(seed_result, seed_out):
    # The seeds name wars (an entity of class Event): counted with the entities only.
    named = [e for e in seed_result.entities if core_class(e.cls) == "Event"]
    rows = {(kind, cls): n for kind, cls, n in run_query(open_store(seed_out), example_queries()["counts-by-class"])}
    assert named and rows[("entity", "Event")] == len(named)
    assert rows[("event", "Event")] == len(seed_result.events)
