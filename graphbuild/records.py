"""Typed records that cross stage boundaries.

Every stage takes and returns these frozen dataclasses, never loose dicts, so that a
stage can be tested on records built by hand and so that per-document results stay
small (no spaCy objects escape the ``nlp``/``extract`` stages).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple, Union


#: The segment kind of a dateline's place ('Nusa Dua, Indonesia' of 'NUSA DUA, Indonesia —').
DATELINE = "dateline"


@dataclass(frozen=True, slots=True)
class Segment:
    """A paragraph or heading of a document; NER never runs across two segments."""

    text: str
    kind: str  # "heading", "paragraph" or "dateline" (the place a story was filed from)
    start: int  # character offset of ``text`` in ``Document.text``

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True, slots=True)
class Document:
    """One article, normalised, split into segments, with its metadata."""

    id: str  # stable local id, e.g. "002-09d4fba5f342163e-1c0ffee0"
    source_file: str  # file name as given (no folders: layout must not change output)
    sha256: str  # of the raw bytes
    segments: tuple[Segment, ...]
    headline: str | None = None
    date_published: str | None = None  # ISO 8601 date
    publisher: str | None = None
    byline: str | None = None
    url: str | None = None  # the page's address, when the input says it (a WARC, a feed, JSON Lines)
    #: Where in ``source_file`` the document was read, for a file of many: "3" (the third
    #: item of a feed), "L12" (line 12 of JSON Lines), "1234" (the byte offset of a WARC
    #: record); None for a file that is one article.
    record: str | None = None
    #: The article has no publication date and ``date_published`` holds the day its own
    #: headline, captions or lead state (extraction's working copy only): a weekday the
    #: text names lies either side of that day.
    dated_by_text: bool = False

    @property
    def where(self) -> str:
        """The file and record a person can find the document by: 'feed.xml#3'."""
        return self.source_file if self.record is None else f"{self.source_file}#{self.record}"

    @property
    def text(self) -> str:
        """The document text: segments joined by blank lines (offsets refer to it)."""
        return "\n\n".join(s.text for s in self.segments)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where something was read: a sentence of a document, with its offsets."""

    doc_id: str
    sentence: str
    start: int  # character offsets of the sentence in ``Document.text``
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A surface form in a document that names an entity.

    ``key`` is the resolution key after stripping titles, articles and possessives;
    ``cls`` the entity class decided at extraction; ``link`` a gazetteer id when the
    mention matched the gazetteer; ``role`` a title found before a person's name
    (e.g. ``("President", "russia")``) kept as evidence for ``leaderOf``.
    """

    text: str
    key: str
    cls: str
    start: int
    end: int
    evidence: Evidence
    link: str | None = None
    role: tuple[str, str | None] | None = None
    in_heading: bool = False
    demonym: bool = False  # a nationality adjective: names its country, never a node alone
    sentence_initial: bool = False  # capitalisation says nothing about the first word


@dataclass(frozen=True, slots=True)
class Alias:
    """An acronym or short form defined in a document: ``short`` stands for ``full``."""

    short: str
    full: str


class MentionRef(NamedTuple):
    """An argument of a relation or event: a mention, by its character offsets in its
    document (resolution says which entity it became)."""

    start: int
    end: int


class EntryRef(NamedTuple):
    """An argument named through the gazetteer rather than by a mention: a capital
    standing for its country ('sanctions on Moscow')."""

    source: str  # "gazetteer"
    id: str  # the gazetteer id

    @classmethod
    def of(cls, entry_id: str) -> EntryRef:
        return cls(GAZETTEER, entry_id)


GAZETTEER = "gazetteer"

#: An argument of a relation or event.
Ref = Union[MentionRef, EntryRef]


@dataclass(frozen=True, slots=True)
class RelationMention:
    """A fact read from one sentence: subject predicate object, with its provenance."""

    subject: Ref
    predicate: str  # a core predicate local name, e.g. "visited"
    object: Ref
    evidence: Evidence
    confidence: float
    rule: str  # which extraction rule fired, e.g. "verb:arrive+in"
    modality: str = "asserted"  # "asserted", "planned" or "reported"


@dataclass(frozen=True, slots=True)
class EventMention:
    """An event read from one sentence: who, where, when."""

    cls: str  # "Visit", "Meeting", "Summit", "Forum", "Parade", "Conflict", ...
    trigger: str
    participants: tuple[Ref, ...]
    evidence: Evidence
    confidence: float
    rule: str
    hosts: tuple[Ref, ...] = ()
    locations: tuple[Ref, ...] = ()
    date: str | None = None  # "2023-10-19", "2023-10" or "2023"
    modality: str = "asserted"
    end_date: str | None = None  # the last day of a range ("August 31 and September 1")
    part_of: int | None = None  # the summit it took place at: its index in the record's events
    name: str | None = None  # a gathering's own name, that no entity holds ('COP27')
    organisers: tuple[str, ...] = ()  # the organisations it is named for ('the G20 summit'), by key


@dataclass(frozen=True, slots=True)
class DocRecord:
    """Everything extracted from one document: small, picklable, cacheable."""

    document: Document
    mentions: tuple[Mention, ...] = ()
    aliases: tuple[Alias, ...] = ()
    relations: tuple[RelationMention, ...] = ()
    events: tuple[EventMention, ...] = ()


@dataclass(frozen=True, slots=True)
class SkippedDocument:
    """A document whose parse or extraction failed or ran past a limit, and why (one line)."""

    document: Document
    reason: str


@dataclass(frozen=True, slots=True)
class Entity:
    """One node: a real-world thing that mentions across the corpus resolve to."""

    id: str  # slug, e.g. "vladimir-putin"; the IRI is gbr:entity/<id>
    cls: str
    label: str
    alt_labels: tuple[str, ...] = ()
    wikidata: str | None = None
    mention_count: int = 0
    documents: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """One event node: the event mentions across the corpus that were merged into it."""

    id: str  # content hash; the IRI is gbr:event/<id>
    cls: str  # "Visit", "Meeting", "Summit", ...
    label: str
    date: str | None = None  # "2023-10-19", "2023-10" or "2023"
    participants: tuple[str, ...] = ()  # entity ids
    hosts: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    confidence: float = 0.0
    modality: str = "asserted"
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class AppliedCorrection:
    """One hand correction as applied (docs/corrections.md): the provenance of the nodes
    it changed, written into the graph."""

    source: str  # the corrections file's name
    sha256: str  # of the file's bytes
    number: int  # its place among the file's corrections, from 1
    kind: str  # merge, apart, not-entity, type, wikidata
    args: tuple[str, ...]  # the names, then the class or the Wikidata id
    line: int | None  # its line in a TSV file (None in TOML)
    entities: tuple[str, ...] = ()  # ids of the nodes it changed that the graph keeps

    @property
    def key(self) -> str:
        """Its id in the graph (the IRI is gbr:correction/<key>): the file's and its place."""
        return f"{self.sha256[:12]}-{self.number}"


@dataclass(frozen=True, slots=True)
class Resolution:
    """The output of resolution: entities, and which entity each mention became."""

    entities: tuple[Entity, ...]
    # (doc_id, start, end) of a mention -> entity id
    assignments: dict[tuple[str, int, int], str] = field(default_factory=dict)
    corrections: tuple[AppliedCorrection, ...] = ()


@dataclass(frozen=True, slots=True)
class Statement:
    """One reading of a fact, between resolved entities: the provenance of an edge."""

    subject: str  # entity id
    predicate: str
    object: str
    evidence: Evidence
    confidence: float
    rule: str
    modality: str = "asserted"
