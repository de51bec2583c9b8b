"""The trigger lexicon (``lang/en/triggers.json``) as typed, read-only specs."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..lang import pack_fingerprint
from ..vocab import PREDICATES, core_class

TRIGGERS_FILE = "triggers.json"


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
    frame: str | None = None  # the registered frame that reads it (default: its part of speech)
    host_is: str | None = None  # "subject": the subject hosts the event ("A hosted B")

    @property
    def frame_name(self) -> str:
        return self.frame or self.pos


@dataclass(frozen=True)
class RoleSpec:
    """Where an event's participants or places come from, and which classes fit."""

    sources: tuple[str, ...]  # "subjects", "objects" of the frame, or a preposition of the trigger
    classes: tuple[str, ...]
    at_least: int = 0  # distinct entities needed
    every_side: bool = False  # each source must give one ("X attacked Y": two sides)
    required: bool = False  # no event without it
    limit: int | None = None  # keep the first N


@dataclass(frozen=True)
class EventSpec:
    """An event type as data: who takes part, where it is, which places host it."""

    cls: str
    participants: RoleSpec
    locations: RoleSpec
    hosts: tuple[str, ...] = ()  # classes of the locations that host it
    bilateral_from: int | None = None  # one subject meeting this many objects: one event each


@dataclass(frozen=True)
class FrameOrder:
    segment: tuple[str, ...]  # rules run once per segment, in this order
    noun_steps: tuple[str, ...]  # the argument finders of the noun frame, in this order


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[Trigger, ...]]
    nouns: dict[str, tuple[Trigger, ...]]
    event_nouns: dict[str, str]  # lemma -> event class
    event_types: dict[str, EventSpec]
    event_cameo: dict[str, str | None]
    predicate_cameo: dict[str, str]
    light_verbs: frozenset[str]
    negation_words: frozenset[str]
    negating_verbs: frozenset[str]
    planned_cues: frozenset[str]
    hypothetical_cues: frozenset[str]
    reported_cues: frozenset[str]
    reported_sentence_cues: frozenset[str]  # "according to": anywhere in the sentence
    frames: FrameOrder
    fingerprint: str
    #: "a meeting of the heads of state": an event noun whose 'of' names leaders is a
    #: gathering of another class (lemma -> (class, the words of its 'of')).
    gatherings_of: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)


def _role(spec: dict, where: str) -> RoleSpec:
    unknown = set(spec) - {"from", "classes", "at_least", "every_side", "required", "limit"}
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
    return RoleSpec(sources=tuple(spec["from"]), classes=tuple(spec["classes"]), at_least=spec.get("at_least", 0),
                    every_side=spec.get("every_side", False), required=spec.get("required", False),
                    limit=spec.get("limit"))


def _event_type(cls: str, spec: dict, where: str) -> EventSpec:
    try:
        core_class(cls)
    except ValueError:
        raise ValueError(f"{where}: unknown event class {cls!r} (declare it in the ontology and vocab)") from None
    return EventSpec(cls=cls, participants=_role(spec["participants"], f"{where}/participants"),
                     locations=_role(spec["locations"], f"{where}/locations"), hosts=tuple(spec.get("hosts", ())),
                     bilateral_from=spec.get("bilateral_from"))


def load_lexicon(directory: Path) -> Lexicon:
    """Read and check the trigger lexicon of a language pack folder; a ValueError
    names the bad entry."""
    path = Path(directory) / TRIGGERS_FILE
    data = json.loads(path.read_bytes())
    verbs: dict[str, list[Trigger]] = {}
    nouns: dict[str, list[Trigger]] = {}
    fields = set(Trigger.__dataclass_fields__) - {"predicate", "pos", "lemma"}
    event_types = {cls: _event_type(cls, spec, f"{path}: event_types/{cls}")
                   for cls, spec in sorted(data.get("event_types", {}).items())}
    for predicate, spec in sorted(data["predicates"].items()):
        if predicate not in PREDICATES:
            raise ValueError(f"{path}: unknown predicate {predicate!r}")
        for pos, table in (("verb", spec.get("verbs", {})), ("noun", spec.get("nouns", {}))):
            for lemma, options in sorted(table.items()):
                unknown = set(options) - fields
                if unknown:
                    raise ValueError(f"{path}: {predicate}/{lemma}: unknown keys {sorted(unknown)}")
                kwargs = {k: (tuple(v) if isinstance(v, list) else v) for k, v in options.items()}
                trigger = Trigger(predicate=predicate, pos=pos, lemma=lemma, **kwargs)
                if trigger.event and trigger.event not in event_types:
                    raise ValueError(f"{path}: {predicate}/{lemma}: no event type {trigger.event!r} in event_types")
                (verbs if pos == "verb" else nouns).setdefault(lemma, []).append(trigger)
    frames = data["frames"]
    return Lexicon(
        verbs={k: tuple(v) for k, v in verbs.items()},
        nouns={k: tuple(v) for k, v in nouns.items()},
        event_nouns=dict(data.get("event_nouns", {})),
        gatherings_of={k: (v["class"], frozenset(v["of"])) for k, v in data.get("gatherings_of", {}).items()},
        event_types=event_types,
        event_cameo=dict(data.get("event_cameo", {})),
        predicate_cameo={p: s["cameo"] for p, s in data["predicates"].items() if s.get("cameo")},
        light_verbs=frozenset(data.get("light_verbs", ())),
        negation_words=frozenset(data.get("negation_words", ())),
        negating_verbs=frozenset(data.get("negating_verbs", ())),
        planned_cues=frozenset(data.get("planned_cues", ())),
        hypothetical_cues=frozenset(data.get("hypothetical_cues", ())),
        reported_cues=frozenset(data.get("reported_cues", ())),
        reported_sentence_cues=frozenset(data.get("reported_sentence_cues", ())),
        frames=FrameOrder(segment=tuple(frames["segment"]), noun_steps=tuple(frames["noun_steps"])),
        fingerprint=pack_fingerprint(Path(directory)),
    )
