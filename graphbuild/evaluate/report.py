"""The evaluation report as text for a terminal."""

from __future__ import annotations

from .events import SCORED_CLASSES
from .scores import Report


def format_report(report: Report) -> str:
    e = report.entities
    lines = [
        "Entities",
        f"  precision {e.precision:.3f}  recall {e.recall:.3f}  F1 {e.f1:.3f}  "
        f"(tp {e.tp}, fp {e.fp}, fn {e.fn})",
        f"  typed recall {report.typed_recall:.3f}",
        f"  duplicate nodes {report.duplicate_nodes}",
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
            if not sc.scored:
                lines.append(f"  {p:<17} n/a (nothing to score)")
                continue
            tp = sc.tp if sc.tp_pred is None else sc.tp_pred
            precision = f"{sc.precision:.2f}" if tp + sc.fp else "n/a "
            recall = f"{sc.recall:.2f}" if sc.tp + sc.fn else "n/a "
            lines.append(f"  {p:<17} P {precision}  R {recall}  (tp {sc.tp}, fp {sc.fp}, fn {sc.fn})")
        _items(lines, (("missed", report.missed_relations), ("spurious", report.spurious_relations)))
    if report.has_events:
        ev = report.events
        lines += [
            "Events",
            f"  recall {ev.recall:.3f} (found {ev.found} of {ev.required})  date recall {ev.date_recall:.3f} "
            f"(of {ev.dated} dated)  participant recall {ev.participant_recall:.3f}  "
            f"host recall {ev.host_recall:.3f}",
            f"  precision {ev.precision:.3f} ({ev.event_nodes} event nodes, {ev.nodes} of them of a scored "
            f"class ({', '.join(sorted(SCORED_CLASSES))}): {len(ev.spurious)} spurious, {len(ev.duplicates)} duplicate)",
        ]
        _items(lines, (("missed", ev.missed), ("date not right", ev.wrong_date),
                       ("spurious", ev.spurious), ("duplicate", ev.duplicates)))
    return "\n".join(lines)


def _items(lines: list[str], groups) -> None:
    for title, items in groups:
        if items:
            lines.append(f"  {title}:")
            lines.extend(f"    - {item}" for item in items)
