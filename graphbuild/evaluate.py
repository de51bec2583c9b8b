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
from .resources import graph_file
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
    """tp counts gold items found (recall); tp_pred, when set, counts predictions that
    match gold (precision), as one gold fact may be matched by several predictions."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tp_pred: int | None = None

    @property
    def precision(self) -> float:
        tp = self.tp if self.tp_pred is None else self.tp_pred
        return tp / (tp + self.fp) if tp + self.fp else 0.0

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
    relations: Score = field(default_factory=Score)
    per_predicate: dict[str, Score] = field(default_factory=dict)
    events: Score = field(default_factory=Score)
    missed_relations: list[str] = field(default_factory=list)
    spurious_relations: list[str] = field(default_factory=list)
    missed_events: list[str] = field(default_factory=list)
    has_relations: bool = False
    has_events: bool = False
    typed_recall: float = 0.0
    duplicates: list[tuple[str, list[str]]] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    mistyped: list[tuple[str, str, str]] = field(default_factory=list)
    gold_nodes: dict[str, set[str]] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "entities": {**self.entities.as_dict(), "typed_recall": round(self.typed_recall, 4),
                         "duplicate_nodes": sum(len(n) - 1 for _, n in self.duplicates)},
            "relations": {**self.relations.as_dict(),
                          "per_predicate": {p: s.as_dict() for p, s in sorted(self.per_predicate.items())},
                          "missed": self.missed_relations, "spurious": self.spurious_relations},
            "events": {**self.events.as_dict(), "missed": self.missed_events},
            "duplicates": [{"gold": g, "nodes": n} for g, n in self.duplicates],
            "missed": self.missed,
            "spurious": self.spurious,
            "mistyped": [{"gold": g, "expected": e, "got": t} for g, e, t in self.mistyped],
        }


def load_graph(target: str | Path) -> Graph:
    path = graph_file(target)
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
    report.gold_nodes = {gold_entities[i]["name"]: {n.iri for n in nodes} for i, nodes in matches.items()}
    report.entities.fp = len(unmatched)
    report.spurious = sorted(f"{p.label} ({','.join(sorted(p.classes))})" for p in unmatched)
    report.typed_recall = typed / required if required else 0.0
    return report


def _doc_keys(g: Graph, gold: dict) -> dict[str, str]:
    """Document IRI -> gold document key, through the source file name."""
    by_file = {info.get("file"): key for key, info in gold.get("documents", {}).items()}
    keys = {}
    for doc in g.subjects(RDF.type, GB.Document):
        source = str(g.value(doc, GB.sourceFile) or "")
        if source in by_file:
            keys[str(doc)] = by_file[source]
    return keys


def _names(value) -> list[str]:
    return value if isinstance(value, list) else [value]


def _nodes_for(report: Report, names) -> set[str]:
    found: set[str] = set()
    for name in _names(names):
        found |= report.gold_nodes.get(name, set())
    return found


def evaluate_relations(g: Graph, gold: dict, report: Report) -> None:
    from rdflib.namespace import PROV

    from .vocab import GB_IRI, PREDICATES

    doc_keys = _doc_keys(g, gold)
    predicted: set[tuple[str, str, str, str]] = set()
    for st in g.subjects(RDF.type, RDF.Statement):
        p = str(g.value(st, RDF.predicate))
        if not p.startswith(GB_IRI):
            continue
        for doc in g.objects(st, PROV.wasDerivedFrom):
            if str(doc) in doc_keys:
                predicted.add((doc_keys[str(doc)], str(g.value(st, RDF.subject)), p[len(GB_IRI):],
                               str(g.value(st, RDF.object))))
    report.has_relations = True
    matched_pred: set[tuple] = set()
    optional_pred: set[tuple] = set()
    for rel in gold.get("relations", []):
        subjects, objects = _nodes_for(report, rel["s"]), _nodes_for(report, rel["o"])
        symmetric = PREDICATES.get(rel["p"], (0, 0, False))[2]
        hits = {t for t in predicted if t[0] == rel["doc"] and t[2] == rel["p"] and (
            (t[1] in subjects and t[3] in objects) or (symmetric and t[1] in objects and t[3] in subjects))}
        score = report.per_predicate.setdefault(rel["p"], Score())
        if rel.get("optional"):
            optional_pred |= hits
            continue
        if hits:
            report.relations.tp += 1
            score.tp += 1
            matched_pred |= hits
        else:
            report.relations.fn += 1
            score.fn += 1
            report.missed_relations.append(f"{rel['doc']}: {rel['s']} {rel['p']} {rel['o']}")
    labels = {str(s): str(o) for s, o in g.subject_objects(RDFS.label)}
    for t in sorted(predicted - matched_pred - optional_pred):
        report.relations.fp += 1
        report.per_predicate.setdefault(t[2], Score()).fp += 1
        report.spurious_relations.append(f"{t[0]}: {labels.get(t[1], t[1])} {t[2]} {labels.get(t[3], t[3])}")
    # Precision counts predictions: a prediction matching only optional gold is neither
    # right nor wrong.
    report.relations.tp_pred = len(matched_pred)
    for p, score in report.per_predicate.items():
        score.tp_pred = sum(1 for t in matched_pred if t[2] == p)


def evaluate_events(g: Graph, gold: dict, report: Report) -> None:
    from rdflib.namespace import PROV

    from .vocab import GB_IRI

    doc_keys = _doc_keys(g, gold)
    events = []
    for e in set(g.subjects(RDF.type, GB.Event)):
        if not str(e).startswith(GBR_IRI + "event/"):
            continue
        classes = {str(c)[len(GB_IRI):] for c in g.objects(e, RDF.type) if str(c).startswith(GB_IRI)}
        docs = {doc_keys.get(str(d)) for d in g.objects(e, PROV.wasDerivedFrom)}
        participants = {str(p) for p in g.objects(e, GB.participant)}
        locations = {str(p) for p in g.objects(e, GB.location)}
        events.append((classes, docs, participants, locations))
    report.has_events = True
    for ev in gold.get("events", []):
        if ev.get("optional"):
            continue
        types = {ev["type"], *ev.get("types", [])}
        needed = [_nodes_for(report, name) for name in ev.get("participants", [])]
        places = _nodes_for(report, ev.get("location", []))
        found = False
        for classes, docs, participants, locations in events:
            if ev["doc"] not in docs or not classes & types:
                continue
            if not all(n & participants for n in needed):
                continue
            if places and locations and not places & locations:
                continue
            found = True
            break
        if found:
            report.events.tp += 1
        else:
            report.events.fn += 1
            report.missed_events.append(f"{ev['doc']}: {ev['label']}")


def evaluate(target: str | Path, gold_path: str | Path) -> Report:
    """Score the graph at ``target`` (a graph.ttl or a build folder) against ``gold_path``."""
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    if "entities" not in gold:
        raise ValueError(f"{gold_path}: not a gold file (no 'entities')")
    g = load_graph(target)
    report = evaluate_entities(g, gold)
    if gold.get("relations"):
        evaluate_relations(g, gold, report)
    if gold.get("events"):
        evaluate_events(g, gold, report)
    return report


def format_report(report: Report) -> str:
    e = report.entities
    lines = [
        "Entities",
        f"  precision {e.precision:.3f}  recall {e.recall:.3f}  F1 {e.f1:.3f}  "
        f"(tp {e.tp}, fp {e.fp}, fn {e.fn})",
        f"  typed recall {report.typed_recall:.3f}",
        f"  duplicate nodes {sum(len(n) - 1 for _, n in report.duplicates)}",
    ]
    _items(lines, (("missed", report.missed), ("spurious", report.spurious),
                   ("mistyped", [f"{g}: expected {x}, got {t}" for g, x, t in report.mistyped]),
                   ("duplicates", [f"{g}: {', '.join(n)}" for g, n in report.duplicates])))
    if report.has_relations:
        r = report.relations
        lines += ["Relations",
                  f"  precision {r.precision:.3f}  recall {r.recall:.3f}  F1 {r.f1:.3f}  "
                  f"(gold found {r.tp} of {r.tp + r.fn}, spurious {r.fp})"]
        for p, sc in sorted(report.per_predicate.items()):
            lines.append(f"  {p:<17} P {sc.precision:.2f}  R {sc.recall:.2f}  (tp {sc.tp}, fp {sc.fp}, fn {sc.fn})")
        _items(lines, (("missed", report.missed_relations), ("spurious", report.spurious_relations)))
    if report.has_events:
        e = report.events
        lines += ["Events", f"  recall {e.recall:.3f}  (found {e.tp} of {e.tp + e.fn})"]
        _items(lines, (("missed", report.missed_events),))
    return "\n".join(lines)


def _items(lines: list[str], groups) -> None:
    for title, items in groups:
        if items:
            lines.append(f"  {title}:")
            lines.extend(f"    - {item}" for item in items)
