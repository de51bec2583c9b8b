"""Scoring a built graph against a hand-made gold file (the format of tests/data/gold).

Reads the graph from its Turtle, so any graph.ttl (not only one built in this
process) can be scored. Entities match when any of their names match (label or
altLabel against the gold name, aliases and also_accept, compared case-, accent-
and quote-insensitively). Optional gold items are neither rewarded nor penalised.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from .ids import fold
from .vocab import CORE_CLASSES, GB, GBR_IRI

ENTITY_PREFIX = GBR_IRI + "entity/"


def normalize_name(name: str) -> str:
    """Comparison key for names: folded, straight quotes, no 'the', no possessive."""
    key = fold(name.replace("\u2019", "'").replace("\u2018", "'"))
    key = re.sub(r"^the\s+", "", key.strip())
    key = re.sub(r"'s$", "", key)
    key = key.replace(".", "").replace("-", " ").replace("\u2013", " ")
    return " ".join(key.split())


@dataclass(frozen=True)
class PredictedEntity:
    iri: str
    label: str
    names: frozenset[str]
    classes: frozenset[str]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Report:
    entities: Score = field(default_factory=Score)
    typed_recall: float = 0.0
    duplicates: list[tuple[str, list[str]]] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    mistyped: list[tuple[str, str, str]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "entities": {**self.entities.as_dict(), "typed_recall": round(self.typed_recall, 4),
                         "duplicate_nodes": sum(len(n) - 1 for _, n in self.duplicates)},
            "duplicates": [{"gold": g, "nodes": n} for g, n in self.duplicates],
            "missed": self.missed,
            "spurious": self.spurious,
            "mistyped": [{"gold": g, "expected": e, "got": t} for g, e, t in self.mistyped],
        }


def load_graph(target: str | Path) -> Graph:
    path = Path(target)
    if path.is_dir():
        path = path / "graph.ttl"
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such graph file")
    g = Graph()
    g.parse(path, format="turtle" if path.suffix in (".ttl", ".turtle") else None)
    return g


def predicted_entities(g: Graph) -> list[PredictedEntity]:
    core = {GB[c] for c in CORE_CLASSES}
    found = []
    for s in sorted(set(g.subjects(RDF.type, None))):
        if not isinstance(s, URIRef) or not str(s).startswith(ENTITY_PREFIX):
            continue
        classes = {str(o).rsplit("#", 1)[-1] for o in g.objects(s, RDF.type) if o in core}
        label = str(g.value(s, RDFS.label) or "")
        names = {normalize_name(label)} | {normalize_name(str(a)) for a in g.objects(s, SKOS.altLabel)}
        found.append(PredictedEntity(str(s), label, frozenset(n for n in names if n), frozenset(classes)))
    return found


def _gold_names(entity: dict) -> set[str]:
    names = [entity["name"], *entity.get("aliases", []), *entity.get("also_accept", [])]
    return {normalize_name(n) for n in names}


def evaluate_entities(g: Graph, gold: dict) -> Report:
    report = Report()
    predicted = predicted_entities(g)
    gold_entities = gold["entities"]
    gold_names = [_gold_names(e) for e in gold_entities]
    # Each predicted node matches at most one gold entity: label match first.
    matches: dict[int, list[PredictedEntity]] = {i: [] for i in range(len(gold_entities))}
    unmatched: list[PredictedEntity] = []
    for p in predicted:
        best, best_rank = None, None
        for i, names in enumerate(gold_names):
            if not p.names & names:
                continue
            rank = (0 if normalize_name(p.label) in names else 1,
                    0 if normalize_name(gold_entities[i]["name"]) in p.names else 1,
                    -len(p.names & names))
            if best_rank is None or rank < best_rank:
                best, best_rank = i, rank
        if best is None:
            unmatched.append(p)
        else:
            matches[best].append(p)
    typed = 0
    required = 0
    for i, entity in enumerate(gold_entities):
        nodes = matches[i]
        if len(nodes) > 1:
            report.duplicates.append((entity["name"], sorted(n.label for n in nodes)))
        if entity.get("optional"):
            continue
        required += 1
        if nodes:
            report.entities.tp += 1
            if any(entity["type"] in n.classes for n in nodes):
                typed += 1
            else:
                got = ",".join(sorted(set().union(*(n.classes for n in nodes)))) or "none"
                report.mistyped.append((entity["name"], entity["type"], got))
        else:
            report.entities.fn += 1
            report.missed.append(f"{entity['name']} ({entity['type']})")
    report.entities.fp = len(unmatched)
    report.spurious = sorted(f"{p.label} ({','.join(sorted(p.classes))})" for p in unmatched)
    report.typed_recall = typed / required if required else 0.0
    return report


def evaluate(target: str | Path, gold_path: str | Path) -> Report:
    """Score the graph at ``target`` (a graph.ttl or a build folder) against ``gold_path``."""
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    if "entities" not in gold:
        raise ValueError(f"{gold_path}: not a gold file (no 'entities')")
    return evaluate_entities(load_graph(target), gold)


def format_report(report: Report) -> str:
    e = report.entities
    lines = [
        "Entities",
        f"  precision {e.precision:.3f}  recall {e.recall:.3f}  F1 {e.f1:.3f}  "
        f"(tp {e.tp}, fp {e.fp}, fn {e.fn})",
        f"  typed recall {report.typed_recall:.3f}",
        f"  duplicate nodes {sum(len(n) - 1 for _, n in report.duplicates)}",
    ]
    for title, items in (("missed", report.missed), ("spurious", report.spurious),
                         ("mistyped", [f"{g}: expected {x}, got {t}" for g, x, t in report.mistyped]),
                         ("duplicates", [f"{g}: {', '.join(n)}" for g, n in report.duplicates])):
        if items:
            lines.append(f"  {title}:")
            lines.extend(f"    - {item}" for item in items)
    return "\n".join(lines)
