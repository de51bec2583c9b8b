"""Gold files: reading them with errors that name the file, and the records they hold.

The format is documented in docs/evaluation.md. Only ``entities`` is required; a gold
document key (``"d01"``) is tied to a built document through ``documents[key].file``,
or, when the gold has no ``documents``, to the source file whose name is the key or
starts with the key and ``_``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..ids import fold


class GoldError(ValueError):
    """A gold file that cannot be read; the message names the file."""


def normalize_name(name: str) -> str:
    """Comparison key for names: folded, straight quotes, no 'the', no possessive."""
    key = fold(name.replace("\u2019", "'").replace("\u2018", "'"))
    key = re.sub(r"^the\s+", "", key.strip())
    key = re.sub(r"'s$", "", key)
    key = key.replace(".", "").replace("-", " ").replace("\u2013", " ")
    return " ".join(key.split())


def names_of(value) -> tuple[str, ...]:
    """A gold slot holds one name or a list of accepted alternatives."""
    if value is None:
        return ()
    return tuple(value) if isinstance(value, list) else (value,)


@dataclass(frozen=True)
class GoldEvent:
    doc: str
    types: frozenset[str]
    locations: tuple[str, ...]
    date: str | None
    participants: tuple[str, ...]  # every name of every participant
    hosts: tuple[str, ...]
    optional: bool
    label: str
    #: One entry per participant: its name, or the accepted alternatives for it
    #: (["China", "Li Keqiang"]: the country or its premier took part).
    participant_slots: tuple[tuple[str, ...], ...] = ()


def _slots(value) -> tuple[tuple[str, ...], ...]:
    if value is None:
        return ()
    return tuple(names_of(v) for v in value) if isinstance(value, list) else ((value,),)


def _event(raw: dict, index: int) -> GoldEvent:
    types = frozenset({raw["type"], *raw.get("types", [])})
    locations = names_of(raw.get("location"))
    date = raw.get("date") or None
    slots = _slots(raw.get("participants"))
    # A label is optional in the format: make one a reader can place.
    label = raw.get("label") or ", ".join(
        [raw["type"], *(locations[:1]), *([date] if date else []),
         *([" and ".join(s[0] for s in slots[:3])] if slots else [])])
    return GoldEvent(doc=str(raw["doc"]), types=types, locations=locations, date=date,
                     participants=tuple(n for s in slots for n in s), hosts=names_of(raw.get("host")),
                     optional=bool(raw.get("optional")), label=label, participant_slots=slots)


def load_gold(path: str | Path) -> dict:
    """The gold file as a dict, checked for the fields scoring needs."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GoldError(f"{path}: no such gold file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot be read ({exc.__class__.__name__}: {exc})") from None
    try:
        gold = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    if not isinstance(gold, dict) or "entities" not in gold:
        raise GoldError(f"{path}: not a gold file (no 'entities')")
    try:
        for entity in gold["entities"]:
            entity["name"], entity["type"]
        for rel in gold.get("relations", []):
            rel["doc"], rel["s"], rel["p"], rel["o"]
        gold["_events"] = [_event(raw, i) for i, raw in enumerate(gold.get("events", []))]
    except (KeyError, TypeError) as exc:
        raise GoldError(f"{path}: an item lacks the field {exc}") from None
    return gold


def doc_key_for(source_file: str, gold: dict) -> str | None:
    """The gold document key of a built document, from its source file name."""
    documents = gold.get("documents")
    if documents:
        for key, info in documents.items():
            if info.get("file") == source_file:
                return key
        return None
    stem = Path(source_file).name
    keys = {str(r["doc"]) for r in gold.get("relations", [])} | {e.doc for e in gold.get("_events", [])}
    for key in sorted(keys, key=len, reverse=True):
        if stem == key or stem.split(".")[0] == key or stem.startswith(key + "_"):
            return key
    return None
