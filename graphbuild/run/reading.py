"""What a build would read from its inputs, for a person (``graphbuild read``): each
document with its file and record, headline, date, publisher, URL and text, and each
file or record skipped with its reason, so that a page that gave nothing says why.

The lines come from the sequence the build itself walks
(:func:`graphbuild.ingest.inputs.read_inputs`), one input at a time: nothing is held
but the hashes that find a second copy, so a WARC of any size is read in flat memory.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from ..ingest.inputs import Found, Passed, read_inputs
from ..records import Document
from ..store.table import one_line

FORMATS = ("text", "jsonl")
#: Characters JSON leaves as they are that a terminal would act on (C1 controls, DEL,
#: bidirectional overrides): written as \\u escapes, which JSON readers decode back.
_UNSAFE_IN_JSON = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@dataclass
class ReadCounts:
    documents: int = 0
    skipped: int = 0
    warnings: int = 0

    def line(self) -> str:
        return (f"{self.documents} document{'s' if self.documents != 1 else ''}, {self.skipped} skipped, "
                f"{self.warnings} warning{'s' if self.warnings != 1 else ''}")


def read_report(paths: Sequence[str | Path], fmt: str = "text", *, doc_timeout: float | None = None,
                counts: ReadCounts | None = None) -> Iterator[str]:
    """Lines (no line breaks inside, safe on a terminal) saying what a build of
    ``paths`` reads: ``text`` for a person, ``jsonl`` one JSON object a line with
    ``kind`` "document", "skipped" or "warning". ``counts`` is filled as they come."""
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r}: choose from {', '.join(FORMATS)}")
    counts = counts if counts is not None else ReadCounts()
    warnings: list[str] = []
    shown = 0
    for item in read_inputs([p if not str(p).strip() else Path(p) for p in paths], warnings, doc_timeout=doc_timeout):
        for warning in warnings[shown:]:
            counts.warnings += 1
            yield _json({"kind": "warning", "message": warning}) if fmt == "jsonl" else f"warning: {one_line(warning)}"
        shown = len(warnings)
        if isinstance(item, Passed):
            counts.skipped += 1
            yield (_json({"kind": "skipped", "where": item.origin, "reason": item.reason}) if fmt == "jsonl"
                   else f"skipped {one_line(item.origin)}: {one_line(item.reason)}")
        else:
            counts.documents += 1
            yield from (_document_json(item) if fmt == "jsonl" else _document_text(item))


def _fields(doc: Document) -> dict[str, str | None]:
    return {"headline": doc.headline, "date": doc.date_published, "publisher": doc.publisher,
            "author": doc.byline, "url": doc.url}


def _document_json(item: Found) -> Iterator[str]:
    doc = item.document
    yield _json({"kind": "document", "where": item.origin, "file": doc.source_file, "record": doc.record,
                 "id": doc.id, **_fields(doc), "sha256": doc.sha256, "characters": len(doc.text),
                 "text": doc.text})


def _document_text(item: Found) -> Iterator[str]:
    doc = item.document
    yield f"document {one_line(item.origin)} ({doc.id}, {len(doc.text):,} characters)"
    for name, value in _fields(doc).items():
        if value:
            yield f"  {name}: {one_line(value)}"
    for segment in doc.segments:
        yield f"  | {'# ' if segment.kind == 'heading' else ''}{one_line(segment.text)}"


def _json(value: dict) -> str:
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}",
                               json.dumps(value, ensure_ascii=False, separators=(",", ":")))
