"""Scoring a built graph against a hand-made gold file (format and rules: docs/evaluation.md).

Reads the graph from its RDF, so any graph.ttl (not only one built in this process)
can be scored. Optional gold items are neither rewarded nor penalised.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDFS

from . import predicted
from .entities import score_entities
from .events import places_for, score_events
from .gold import GoldError, load_gold, normalize_name
from .relations import score_relations
from .report import format_report
from .scores import EventScore, Report, Score

__all__ = ["evaluate", "format_report", "load_gold", "normalize_name", "GoldError", "Report", "Score",
           "EventScore"]


def evaluate(target: str | Path | Graph, gold_path: str | Path) -> Report:
    """Score ``target`` (an rdflib Graph, a graph.ttl or a build folder) against ``gold_path``."""
    gold = load_gold(gold_path)
    g = predicted.load_graph(target)
    report = Report()
    entities = predicted.entities(g)
    score_entities(entities, gold, report)
    keys = predicted.doc_keys(g, gold)
    if gold.get("relations"):
        labels = {str(s): str(o) for s, o in g.subject_objects(RDFS.label)}
        score_relations(predicted.statements(g, keys), gold, labels, report)
    if gold["_events"]:
        places = places_for(predicted.containment(g), entities, gold)
        score_events(predicted.events(g, keys), gold["_events"], report, places)
    return report
