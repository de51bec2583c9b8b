"""Relation scoring, per document, through the reified statements of the graph."""

from __future__ import annotations

from ..vocab import PREDICATES
from .entities import nodes_for
from .gold import names_of
from .predicted import PredictedStatement
from .scores import Score, Report


def score_relations(predicted: set[PredictedStatement], gold: dict, labels: dict[str, str],
                    report: Report) -> None:
    report.has_relations = True
    matched: set[PredictedStatement] = set()
    optional: set[PredictedStatement] = set()
    for rel in gold.get("relations", []):
        subjects = nodes_for(report, names_of(rel["s"]))
        objects = nodes_for(report, names_of(rel["o"]))
        symmetric = PREDICATES.get(rel["p"], (0, 0, False))[2]
        hits = {t for t in predicted if t.doc == str(rel["doc"]) and t.p == rel["p"] and (
            (t.s in subjects and t.o in objects) or (symmetric and t.s in objects and t.o in subjects))}
        score = report.per_predicate.setdefault(rel["p"], Score())
        if rel.get("optional"):
            optional |= hits
            continue
        if hits:
            report.relations.tp += 1
            score.tp += 1
            matched |= hits
        else:
            report.relations.fn += 1
            score.fn += 1
            report.missed_relations.append(f"{rel['doc']}: {rel['s']} {rel['p']} {rel['o']}")
    for t in sorted(predicted - matched - optional, key=lambda t: (t.doc, t.s, t.p, t.o)):
        report.relations.fp += 1
        report.per_predicate.setdefault(t.p, Score()).fp += 1
        report.spurious_relations.append(f"{t.doc}: {labels.get(t.s, t.s)} {t.p} {labels.get(t.o, t.o)}")
    # Precision counts predictions; one matching only optional gold is neither right nor wrong.
    report.relations.tp_pred = len(matched)
    for p, score in report.per_predicate.items():
        score.tp_pred = sum(1 for t in matched if t.p == p)
