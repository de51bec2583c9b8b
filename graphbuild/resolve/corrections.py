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
import hashlib
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..ids import slugify
from ..records import AppliedCorrection, DocRecord, Entity, Mention, Resolution
from ..vocab import CLASSES


class CorrectionsError(ValueError):
    """The corrections file cannot be read; the message names the line."""


#: The kinds in the order they are applied, as the TSV file names them.
ORDER = ("not-entity", "apart", "merge", "type", "wikidata")


@dataclass(frozen=True)
class Rule:
    kind: str  # one of ORDER
    args: tuple[str, ...]
    line: int | None = None  # in a TSV file


@dataclass(frozen=True)
class Corrections:
    rules: tuple[Rule, ...] = ()  # in file order
    source: str = ""  # the file's name
    sha256: str = ""

    def _of(self, kind: str) -> tuple:
        return tuple(r.args[0] if kind == "not-entity" else r.args for r in self.rules if r.kind == kind)

    merge = property(lambda self: self._of("merge"))
    apart = property(lambda self: self._of("apart"))
    not_entity = property(lambda self: self._of("not-entity"))
    types = property(lambda self: self._of("type"))
    wikidata = property(lambda self: self._of("wikidata"))

    def describe(self) -> str:
        return (f"{len(self.merge)} merge(s), {len(self.apart)} kept apart, {len(self.not_entity)} not an entity, "
                f"{len(self.types)} type(s), {len(self.wikidata)} Wikidata id(s)")


_KINDS = {"merge": "merge", "apart": "apart", "not-entity": "not-entity", "not_entity": "not-entity",
          "type": "type", "wikidata": "wikidata"}
_ARITY = {"merge": None, "apart": 2, "not-entity": 1, "type": 2, "wikidata": 2}


def load_corrections(path: str | os.PathLike) -> Corrections:
    """Read a .toml or a .tsv (any other name: TSV) corrections file."""
    path = Path(path)
    try:
        data = path.read_bytes()
        text = data.decode("utf-8")
    except OSError as exc:
        raise CorrectionsError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError as exc:
        raise CorrectionsError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    rules = _from_toml(path, text) if path.suffix.lower() == ".toml" else _from_tsv(path, text)
    _check(path, rules)
    return Corrections(rules=tuple(rules), source=path.name, sha256=hashlib.sha256(data).hexdigest())


def _from_tsv(path: Path, text: str) -> list[Rule]:
    rules = []
    for number, line in enumerate(text.splitlines(), 1):
        fields = [f.strip() for f in line.split("#", 1)[0].split("\t") if f.strip()]
        if not fields:
            continue
        kind = _KINDS.get(fields[0].lower())
        arity = _ARITY.get(kind, -1)
        if kind is None or (arity and len(fields) - 1 != arity) or (not arity and len(fields) < 3):
            raise CorrectionsError(f"{path}:{number}: expected one of merge (2+ names), apart (2 names), "
                                   f"not-entity (1 name), type (name, class), wikidata (name, Q-id), tab-separated")
        rules.append(Rule(kind, tuple(fields[1:]), number))
    return rules


def _from_toml(path: Path, text: str) -> list[Rule]:
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CorrectionsError(f"{path}: not valid TOML ({exc})") from None
    unknown = sorted(set(data) - set(_KINDS))
    if unknown:
        raise CorrectionsError(f"{path}: unknown key {unknown[0]!r}; use merge, apart, not_entity, type, wikidata")
    return [*(Rule("merge", tuple(map(str, names))) for names in data.get("merge", ())),
            *(Rule("apart", tuple(map(str, pair))) for pair in data.get("apart", ())),
            *(Rule("not-entity", (str(name),)) for name in data.get("not_entity", data.get("not-entity", ()))),
            *(Rule("type", (name, str(cls))) for name, cls in sorted(data.get("type", {}).items())),
            *(Rule("wikidata", (name, str(qid))) for name, qid in sorted(data.get("wikidata", {}).items()))]


def _check(path: Path, rules: list[Rule]) -> None:
    for rule in rules:
        where = f"{path}:{rule.line}" if rule.line else str(path)
        if rule.kind == "type" and rule.args[1] not in CLASSES:
            raise CorrectionsError(f"{where}: type of {rule.args[0]!r}: {rule.args[1]!r} is not a class "
                                   f"({', '.join(CLASSES[:6])}, ...)")
        if rule.kind == "wikidata" and not re.fullmatch(r"Q[1-9][0-9]*", rule.args[1]):
            raise CorrectionsError(f"{where}: wikidata of {rule.args[0]!r}: {rule.args[1]!r} is not a Wikidata id (Q123)")
        if (rule.kind == "merge" and len(rule.args) < 2) or (rule.kind == "apart" and len(rule.args) != 2):
            raise CorrectionsError(f"{where}: merge takes two or more names, apart exactly two")


def apply_corrections(resolution: Resolution, records: Iterable[DocRecord], corrections: Corrections) -> Resolution:
    """The resolution with the corrections applied: in the order not-entity, apart,
    merge, type and Wikidata id (each kind in file order), each recorded with the nodes
    it changed. Entities no correction touches are left as they are."""
    state = _State({(m.evidence.doc_id, m.start, m.end): m for r in records for m in r.mentions},
                   {e.id: e for e in resolution.entities}, dict(resolution.assignments))
    changed: dict[int, list[str]] = {}
    numbered = list(enumerate(corrections.rules, 1))
    for kind in ORDER:
        for number, rule in numbered:
            if rule.kind == kind:
                changed[number] = _APPLY[kind](state, rule.args)
    entities = _recount(state.entities, state.touched, state.assignments, state.mentions)
    kept = {e.id for e in entities}
    applied = tuple(
        AppliedCorrection(source=corrections.source, sha256=corrections.sha256, number=number, kind=rule.kind,
                          args=rule.args, line=rule.line,
                          entities=tuple(sorted({state.now(e) for e in changed[number]} & kept)))
        for number, rule in numbered)
    return Resolution(entities=tuple(sorted(entities, key=lambda e: e.id)), assignments=state.assignments,
                      corrections=resolution.corrections + applied)


@dataclass
class _State:
    mentions: dict
    entities: dict[str, Entity]
    assignments: dict
    touched: set[str] = field(default_factory=set)
    merged_into: dict[str, str] = field(default_factory=dict)

    def now(self, eid: str) -> str:
        """The id an entity has after the merges so far."""
        while eid in self.merged_into:
            eid = self.merged_into[eid]
        return eid


def _not_entity(state: _State, args) -> list[str]:
    dropped = args[0].casefold()
    gone = []
    for key in [k for k in state.assignments if dropped in _names(state.mentions.get(k))]:
        gone.append(state.assignments.pop(key))
    state.touched.update(gone)
    return gone


def _set(field_name: str):
    def apply(state: _State, args) -> list[str]:
        ids = _find(args[0], state.mentions, state.entities, state.assignments)
        for eid in ids:
            state.entities[eid] = dataclasses.replace(state.entities[eid], **{field_name: args[1]})
        return ids
    return apply


def _names(mention: Mention | None) -> set[str]:
    return {mention.text.casefold(), mention.key.casefold()} if mention else set()


def _find(name: str, mentions, entities, assignments) -> list[str]:
    """Ids of the entities that ``name`` names: by label, else by a mention's surface form."""
    wanted = name.casefold()
    by_label = sorted(eid for eid, e in entities.items() if e.label.casefold() == wanted)
    if by_label:
        return by_label
    return sorted({eid for key, eid in assignments.items() if wanted in _names(mentions.get(key))})


def _split(state: _State, args) -> list[str]:
    """Mentions of ``second`` leave an entity that holds ``first`` too, for a node of their own."""
    first, second = args
    mentions, entities, assignments, touched = state.mentions, state.entities, state.assignments, state.touched
    changed = []
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
        changed += [eid, new_id]
    return changed


def _merge(state: _State, names) -> list[str]:
    mentions, entities, assignments = state.mentions, state.entities, state.assignments
    ids = [eid for name in names for eid in _find(name, mentions, entities, assignments)]
    if not ids:
        return []
    target, others = ids[0], set(ids[1:]) - {ids[0]}
    entities[target] = dataclasses.replace(entities[target], label=names[0])
    for key, eid in assignments.items():
        if eid in others:
            assignments[key] = target
    for eid in others:
        entities.pop(eid, None)
        state.merged_into[eid] = target
    state.touched.add(target)
    return [target]


_APPLY = {"not-entity": _not_entity, "apart": _split, "merge": _merge, "type": _set("cls"),
          "wikidata": _set("wikidata")}


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
