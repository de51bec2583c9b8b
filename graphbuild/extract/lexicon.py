"""The trigger lexicon (``ontology/relations.json``) as typed, read-only specs."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ..vocab import PREDICATES


@dataclass(frozen=True)
class Trigger:
    predicate: str
    pos: str  # "verb" or "noun"
    lemma: str
    object: tuple[str, ...] = ()  # "dobj" or prepositions
    subject: tuple[str, ...] = ()  # extra subject slots: "by", "poss", "mod"
    poss: str = "subject"  # what a possessor is
    between: bool = False
    invert: bool = False
    event: str | None = None
    copular: bool = False
    apposition: bool = False
    thing_object: bool = False
    thing_subject: bool = False
    requires: str | None = None  # a word that must precede or follow ("prime minister", "take part")
    requires_mod: tuple[str, ...] = ()  # a modifier the noun must have ("trading partner")
    not_after: tuple[str, ...] = ()  # modifiers that exclude the trigger
    object_classes: tuple[str, ...] = ()
    mod_is: str = "subject"
    name_of: bool = False  # "the province of Heilongjiang": the pobj names the noun


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[Trigger, ...]]
    nouns: dict[str, tuple[Trigger, ...]]
    event_nouns: dict[str, str]  # lemma -> event class
    event_cameo: dict[str, str | None]
    predicate_cameo: dict[str, str]
    light_verbs: frozenset[str]
    negation_words: frozenset[str]
    negating_verbs: frozenset[str]
    planned_cues: frozenset[str]
    hypothetical_cues: frozenset[str]
    reported_cues: frozenset[str]
    fingerprint: str


def load_lexicon(path: Path) -> Lexicon:
    """Read and check the lexicon; a ValueError names the bad entry."""
    raw = path.read_bytes()
    data = json.loads(raw)
    verbs: dict[str, list[Trigger]] = {}
    nouns: dict[str, list[Trigger]] = {}
    fields = set(Trigger.__dataclass_fields__) - {"predicate", "pos", "lemma"}
    for predicate, spec in sorted(data["predicates"].items()):
        if predicate not in PREDICATES:
            raise ValueError(f"{path}: unknown predicate {predicate!r}")
        for pos, table in (("verb", spec.get("verbs", {})), ("noun", spec.get("nouns", {}))):
            for lemma, options in sorted(table.items()):
                unknown = set(options) - fields - {"passive_subject", "active_object"}
                if unknown:
                    raise ValueError(f"{path}: {predicate}/{lemma}: unknown keys {sorted(unknown)}")
                kwargs = {k: (tuple(v) if isinstance(v, list) else v) for k, v in options.items() if k in fields}
                trigger = Trigger(predicate=predicate, pos=pos, lemma=lemma, **kwargs)
                (verbs if pos == "verb" else nouns).setdefault(lemma, []).append(trigger)
    return Lexicon(
        verbs={k: tuple(v) for k, v in verbs.items()},
        nouns={k: tuple(v) for k, v in nouns.items()},
        event_nouns={k: v["class"] for k, v in data.get("events", {}).items()},
        event_cameo=dict(data.get("event_cameo", {})),
        predicate_cameo={p: s["cameo"] for p, s in data["predicates"].items() if s.get("cameo")},
        light_verbs=frozenset(data.get("light_verbs", ())),
        negation_words=frozenset(data.get("negation_words", ())),
        negating_verbs=frozenset(data.get("negating_verbs", ())),
        planned_cues=frozenset(data.get("planned_cues", ())),
        hypothetical_cues=frozenset(data.get("hypothetical_cues", ())),
        reported_cues=frozenset(data.get("reported_cues", ())),
        fingerprint=hashlib.sha256(raw).hexdigest(),
    )
