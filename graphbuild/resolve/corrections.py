"""Hand corrections applied to a resolution: an analyst's small file that merges names
into one node, keeps two names apart, says a name is not an entity, or sets an
entity's type or Wikidata id.

TSV, one correction a line (``#`` starts a comment)::

    merge       Vladimir Putin  V. Putin  Putin
    apart       Jordan          Michael Jordan
    not-entity  Monday Briefing
    type        BRICS           Organization
    wikidata    Xi Jinping      Q15031

TOML, the same in tables::

    merge = [["Vladimir Putin", "V. Putin"]]
    apart = [["Jordan", "Michael Jordan"]]
    not_entity = ["Monday Briefing"]
    [type]
    BRICS = "Organization"
    [wikidata]
    "Xi Jinping" = "Q15031"

Names are matched case aside against an entity's label and the surface forms of its
mentions. Corrections run after resolution, so the extraction cache stays valid.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..ids import slugify
from ..records import DocRecord, Entity, Mention, Resolution
from ..vocab import CLASSES


class CorrectionsError(ValueError):
    """The corrections file cannot be read; the message names the line."""


@dataclass(frozen=True)
class Corrections:
    merge: tuple[tuple[str, ...], ...] = ()
    apart: tuple[tuple[str, str], ...] = ()
    not_entity: tuple[str, ...] = ()
    types: tuple[tuple[str, str], ...] = ()
    wikidata: tuple[tuple[str, str], ...] = ()

    def describe(self) -> str:
        return (f"{len(self.merge)} merge(s), {len(self.apart)} kept apart, {len(self.not_entity)} not an entity, "
                f"{len(self.types)} type(s), {len(self.wikidata)} Wikidata id(s)")


_KINDS = {"merge": "merge", "apart": "apart", "not-entity": "not_entity", "not_entity": "not_entity",
          "type": "types", "wikidata": "wikidata"}


def load_corrections(path: str | os.PathLike) -> Corrections:
    """Read a .toml or a .tsv (any other name: TSV) corrections file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CorrectionsError(f"{path}: cannot read ({exc.strerror or exc})") from None
    found = _from_toml(path, text) if path.suffix.lower() == ".toml" else _from_tsv(path, text)
    _check(path, found)
    return Corrections(**{k: tuple(v) for k, v in found.items()})


def _from_tsv(path: Path, text: str) -> dict[str, list]:
    found: dict[str, list] = defaultdict(list)
    for number, line in enumerate(text.splitlines(), 1):
        fields = [f.strip() for f in line.split("#", 1)[0].split("\t") if f.strip()]
        if not fields:
            continue
        kind = _KINDS.get(fields[0].lower())
        arity = {"merge": None, "apart": 2, "not_entity": 1, "types": 2, "wikidata": 2}.get(kind, -1)
        if kind is None or (arity and len(fields) - 1 != arity) or (not arity and len(fields) < 3):
            raise CorrectionsError(f"{path}:{number}: expected one of merge (2+ names), apart (2 names), "
                                   f"not-entity (1 name), type (name, class), wikidata (name, Q-id), tab-separated")
        args = tuple(fields[1:])
        found[kind].append(args[0] if kind == "not_entity" else args)
    return found


def _from_toml(path: Path, text: str) -> dict[str, list]:
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CorrectionsError(f"{path}: not valid TOML ({exc})") from None
    unknown = sorted(set(data) - set(_KINDS))
    if unknown:
        raise CorrectionsError(f"{path}: unknown key {unknown[0]!r}; use merge, apart, not_entity, type, wikidata")
    return {"merge": [tuple(names) for names in data.get("merge", ())],
            "apart": [tuple(pair) for pair in data.get("apart", ())],
            "not_entity": list(data.get("not_entity", data.get("not-entity", ()))),
            "types": sorted(data.get("type", {}).items()), "wikidata": sorted(data.get("wikidata", {}).items())}


def _check(path: Path, found: dict[str, list]) -> None:
    for name, cls in found.get("types", ()):
        if cls not in CLASSES:
            raise CorrectionsError(f"{path}: type of {name!r}: {cls!r} is not a class ({', '.join(CLASSES[:6])}, ...)")
    for name, qid in found.get("wikidata", ()):
        if not re.fullmatch(r"Q[1-9][0-9]*", str(qid)):
            raise CorrectionsError(f"{path}: wikidata of {name!r}: {qid!r} is not a Wikidata id (Q123)")
    if any(len(names) < 2 for names in found.get("merge", ())) or any(len(p) != 2 for p in found.get("apart", ())):
        raise CorrectionsError(f"{path}: merge takes two or more names, apart exactly two")


def apply_corrections(resolution: Resolution, records: Iterable[DocRecord], corrections: Corrections) -> Resolution:
    """The resolution with the corrections applied: in the order not-entity, apart,
    merge, type and Wikidata id. Entities no correction touches are left as they are."""
    mentions = {(m.evidence.doc_id, m.start, m.end): m for r in records for m in r.mentions}
    entities = {e.id: e for e in resolution.entities}
    assignments = dict(resolution.assignments)
    touched: set[str] = set()
    dropped = {n.casefold() for n in corrections.not_entity}
    for key in [k for k in assignments if _names(mentions.get(k)) & dropped]:
        touched.add(assignments.pop(key))
    for first, second in corrections.apart:
        _split(first, second, mentions, entities, assignments, touched)
    for names in corrections.merge:
        _merge(names, mentions, entities, assignments, touched)
    for name, cls in corrections.types:
        for eid in _find(name, mentions, entities, assignments):
            entities[eid] = dataclasses.replace(entities[eid], cls=cls)
    for name, qid in corrections.wikidata:
        for eid in _find(name, mentions, entities, assignments):
            entities[eid] = dataclasses.replace(entities[eid], wikidata=qid)
    return Resolution(entities=tuple(sorted(_recount(entities, touched, assignments, mentions),
                                            key=lambda e: e.id)), assignments=assignments)


def _names(mention: Mention | None) -> set[str]:
    return {mention.text.casefold(), mention.key.casefold()} if mention else set()


def _find(name: str, mentions, entities, assignments) -> list[str]:
    """Ids of the entities that ``name`` names: by label, else by a mention's surface form."""
    wanted = name.casefold()
    by_label = sorted(eid for eid, e in entities.items() if e.label.casefold() == wanted)
    if by_label:
        return by_label
    return sorted({eid for key, eid in assignments.items() if wanted in _names(mentions.get(key))})


def _split(first, second, mentions, entities, assignments, touched) -> None:
    """Mentions of ``second`` leave an entity that holds ``first`` too, for a node of their own."""
    wanted = second.casefold()
    for eid in _find(first, mentions, entities, assignments):
        moving = [k for k, e in assignments.items() if e == eid and wanted in _names(mentions.get(k))]
        if not moving or len(moving) == sum(1 for e in assignments.values() if e == eid):
            continue
        new_id = slugify(second)
        while new_id in entities:
            new_id += "-apart"
        entities[new_id] = dataclasses.replace(entities[eid], id=new_id, label=second, wikidata=None)
        if entities[eid].label.casefold() == wanted:
            entities[eid] = dataclasses.replace(entities[eid], label=first)
        for key in moving:
            assignments[key] = new_id
        touched.update({eid, new_id})


def _merge(names, mentions, entities, assignments, touched) -> None:
    ids = [eid for name in names for eid in _find(name, mentions, entities, assignments)]
    if not ids:
        return
    target, others = ids[0], set(ids[1:]) - {ids[0]}
    entities[target] = dataclasses.replace(entities[target], label=names[0])
    for key, eid in assignments.items():
        if eid in others:
            assignments[key] = target
    for eid in others:
        entities.pop(eid, None)
    touched.add(target)


def _recount(entities: dict[str, Entity], touched: set[str], assignments, mentions) -> list[Entity]:
    """Touched entities get their counts and names from their mentions again; those
    left without a mention are gone."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for key, eid in assignments.items():
        if eid in touched and key in mentions:
            groups[eid].append(mentions[key])
    kept = []
    for eid, entity in entities.items():
        if eid not in touched:
            kept.append(entity)
        elif groups.get(eid):
            group = groups[eid]
            kept.append(dataclasses.replace(
                entity, mention_count=len(group), documents=tuple(sorted({m.evidence.doc_id for m in group})),
                alt_labels=tuple(sorted({m.text for m in group} - {entity.label}))))
    return kept
