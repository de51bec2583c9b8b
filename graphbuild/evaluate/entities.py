"""Entity scoring: a predicted node matches a gold entity when any of their names match."""

from __future__ import annotations

from .gold import normalize_name
from .predicted import PredictedEntity
from .scores import Report


def gold_names(entity: dict) -> set[str]:
    names = [entity["name"], *entity.get("aliases", []), *entity.get("also_accept", [])]
    return {normalize_name(n) for n in names}


def score_entities(predicted: list[PredictedEntity], gold: dict, report: Report) -> None:
    gold_entities = gold["entities"]
    names_by_gold = [gold_names(e) for e in gold_entities]
    # Each predicted node matches at most one gold entity: the best name match wins.
    matches: dict[int, list[PredictedEntity]] = {i: [] for i in range(len(gold_entities))}
    unmatched: list[PredictedEntity] = []
    for p in predicted:
        best, best_rank = None, None
        for i, names in enumerate(names_by_gold):
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
    typed = required = 0
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
    # Several gold entries may share a name ("Georgia"): a name maps to every node found.
    for i, nodes in matches.items():
        report.gold_nodes.setdefault(gold_entities[i]["name"], set()).update(n.iri for n in nodes)
    report.entities.fp = len(unmatched)
    report.spurious = sorted(f"{p.label} ({','.join(sorted(p.classes))})" for p in unmatched)
    report.typed_recall = typed / required if required else 0.0


def nodes_for(report: Report, names) -> set[str]:
    """The predicted nodes of the gold entities named (one name or alternatives)."""
    found: set[str] = set()
    for name in names:
        found |= report.gold_nodes.get(name, set())
    return found
