"""What scoring produces: counts, the figures derived from them, and the report."""

from __future__ import annotations

from dataclasses import dataclass, field


def ratio(part: float, whole: float) -> float | None:
    """part / whole, or None when there was nothing to score."""
    return part / whole if whole else None


@dataclass
class Score:
    """tp counts gold items found (recall); tp_pred, when set, counts predictions that
    match gold (precision), as one gold fact may be matched by several predictions."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tp_pred: int | None = None

    @property
    def scored(self) -> bool:
        return bool(self.tp or self.fp or self.fn)

    @property
    def precision(self) -> float:
        tp = self.tp if self.tp_pred is None else self.tp_pred
        return ratio(tp, tp + self.fp) or 0.0

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.tp + self.fn) or 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        if not self.scored:
            return {"tp": 0, "fp": 0, "fn": 0, "precision": None, "recall": None, "f1": None}
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class EventScore:
    """Strict event scoring (docs/evaluation.md): recall over required gold events,
    date/participant/host recall, and precision over the predicted event nodes."""

    required: int = 0
    found: int = 0
    dated: int = 0
    date_right: int = 0
    participants: int = 0
    participants_found: int = 0
    hosts: int = 0
    hosts_found: int = 0
    # Every event node of the graph (the build summary's events), and those of them
    # precision scores (the classes gold files hold events of: events.SCORED_CLASSES).
    event_nodes: int = 0
    nodes: int = 0
    spurious: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    wrong_date: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return ratio(self.found, self.required) or 0.0

    @property
    def date_recall(self) -> float:
        return ratio(self.date_right, self.dated) or 0.0

    @property
    def participant_recall(self) -> float:
        return ratio(self.participants_found, self.participants) or 0.0

    @property
    def host_recall(self) -> float:
        return ratio(self.hosts_found, self.hosts) or 0.0

    @property
    def precision(self) -> float:
        return ratio(self.nodes - len(self.spurious) - len(self.duplicates), self.nodes) or 0.0

    def as_dict(self) -> dict:
        return {
            "recall": round(self.recall, 4), "found": self.found, "required": self.required,
            "date_recall": round(self.date_recall, 4), "dated": self.dated,
            "participant_recall": round(self.participant_recall, 4),
            "host_recall": round(self.host_recall, 4),
            "precision": round(self.precision, 4), "event_nodes": self.event_nodes, "nodes": self.nodes,
            "spurious": len(self.spurious), "duplicates": len(self.duplicates),
            "spurious_events": self.spurious, "duplicate_events": self.duplicates,
            "missed": self.missed, "wrong_date": self.wrong_date,
        }


@dataclass
class Report:
    entities: Score = field(default_factory=Score)
    relations: Score = field(default_factory=Score)
    per_predicate: dict[str, Score] = field(default_factory=dict)
    events: EventScore = field(default_factory=EventScore)
    missed_relations: list[str] = field(default_factory=list)
    spurious_relations: list[str] = field(default_factory=list)
    has_relations: bool = False
    has_events: bool = False
    typed_recall: float = 0.0
    duplicates: list[tuple[str, list[str]]] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    mistyped: list[tuple[str, str, str]] = field(default_factory=list)
    gold_nodes: dict[str, set[str]] = field(default_factory=dict)

    @property
    def duplicate_nodes(self) -> int:
        return sum(len(n) - 1 for _, n in self.duplicates)

    def as_dict(self) -> dict:
        return {
            "entities": {**self.entities.as_dict(), "typed_recall": round(self.typed_recall, 4),
                         "duplicates": self.duplicate_nodes,
                         "duplicate_nodes": self.duplicate_nodes},
            "relations": {**self.relations.as_dict(),
                          "per_predicate": {p: s.as_dict() for p, s in sorted(self.per_predicate.items())},
                          "missed": self.missed_relations, "spurious": self.spurious_relations},
            "events": self.events.as_dict(),
            "duplicates": [{"gold": g, "nodes": n} for g, n in self.duplicates],
            "missed": self.missed,
            "spurious": self.spurious,
            "mistyped": [{"gold": g, "expected": e, "got": t} for g, e, t in self.mistyped],
        }
