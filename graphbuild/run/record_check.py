"""Whether a cached record is one an extraction could have made.

A cache entry with a valid checksum may still be forged (or written by a bug): a
predicate or class the graph does not know, a NaN confidence, offsets that point at
no mention. The graph builder trusts records, so such an entry is refused here, and
the document is extracted again, as for a damaged entry.
"""

from __future__ import annotations

import math

from ..records import DocRecord, Evidence, MentionRef
from ..vocab import CLASSES, PREDICATES
from .record_json import DecodeError


def _span(start: int, end: int, length: int, what: str) -> None:
    if not 0 <= start <= end <= length:
        raise DecodeError(f"implausible entry: {what} offsets outside the text")


def _evidence(evidence: Evidence, length: int) -> None:
    _span(evidence.start, evidence.end, length, "evidence")


def _confidence(value: float) -> None:
    if not (math.isfinite(value) and 0.0 <= value <= 1.0):
        raise DecodeError("implausible entry: a confidence outside [0, 1]")


def _refs(refs, spans: set[tuple[int, int]]) -> None:
    for ref in refs:
        if isinstance(ref, MentionRef) and (ref.start, ref.end) not in spans:
            raise DecodeError("implausible entry: an argument that is no mention")


def check_record(record: DocRecord) -> DocRecord:
    """``record`` itself, or DecodeError saying what no extraction would write."""
    length = len(record.document.text)
    for mention in record.mentions:
        if mention.cls not in CLASSES:
            raise DecodeError("implausible entry: an unknown class")
        _span(mention.start, mention.end, length, "mention")
        _evidence(mention.evidence, length)
    spans = {(m.start, m.end) for m in record.mentions}
    for relation in record.relations:
        if relation.predicate not in PREDICATES:
            raise DecodeError("implausible entry: an unknown predicate")
        _confidence(relation.confidence)
        _evidence(relation.evidence, length)
        _refs((relation.subject, relation.object), spans)
    for i, event in enumerate(record.events):
        if event.cls not in CLASSES:
            raise DecodeError("implausible entry: an unknown event class")
        _confidence(event.confidence)
        _evidence(event.evidence, length)
        _refs(event.participants + event.hosts + event.locations, spans)
        if event.part_of is not None and not 0 <= event.part_of < len(record.events):
            raise DecodeError("implausible entry: an event part of no event")
    return record
