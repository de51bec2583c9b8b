"""Any input file to its documents: one for an article file, many for a WARC, a JSON
Lines file or a feed. Local files and fsspec streams go through the same readers."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Iterator

from ..records import Document
from .blocks import IngestError
from .discover import container_format
from .document import MAX_FILE_BYTES, parse_document, read_document
from .feed import feed_documents
from .jsonl import jsonl_documents
from .mhtml import mhtml_document
from .skip import Skipped
from .warc import warc_documents

#: Formats read as a stream, record by record: no limit on the file, one on each record.
STREAMED = {"warc": warc_documents, "jsonl": jsonl_documents}


def read_file(path: Path, warnings: list[str]) -> Iterator[Document | Skipped]:
    """The documents of one input file, in file order, and a :class:`Skipped` for each
    record that gave none. Raises :class:`IngestError` for a file that gives nothing
    at all (unreadable, too large, not of its kind)."""
    kind = container_format(path.name)
    if kind is None:
        yield read_document(path, warnings)
        return
    streamed = kind in STREAMED
    try:
        if not streamed and path.stat().st_size > MAX_FILE_BYTES:
            size = path.stat().st_size
            raise IngestError(f"too large ({size / 1e6:.0f} MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB)")
        fh = open(path, "rb")
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}") from exc
    with fh:
        yield from read_stream(fh, path.name, warnings)


def read_stream(fh: BinaryIO, name: str, warnings: list[str]) -> Iterator[Document | Skipped]:
    """The documents of an open binary file called ``name`` (a local file or an fsspec
    stream): streamed formats record by record, the others read whole (up to the size
    limit)."""
    kind = container_format(name)
    if kind in STREAMED:
        yield from STREAMED[kind](fh, name, warnings)
        return
    try:
        data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}") from exc
    if len(data) > MAX_FILE_BYTES:
        raise IngestError(f"too large (the limit is {MAX_FILE_BYTES / 1e6:.0f} MB)")
    if not data.strip():
        raise IngestError("empty file")
    if kind == "feed":
        yield from feed_documents(data, name, warnings)
    elif kind == "mhtml":
        yield mhtml_document(data, name, warnings)
    else:
        yield parse_document(data, name, warnings)
