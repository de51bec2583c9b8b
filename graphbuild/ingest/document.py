"""Files to :class:`~graphbuild.records.Document`: read, decode, pick the reader,
clean, cut into segments."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..knowledge.dates import parse_date
from ..ids import slugify
from ..limits import check_article_size, check_decoded_size
from ..records import Document, Segment
from .blocks import Block, IngestError, is_heading_like
from .chunks import split_long
from .clean import Cleaned, clean_blocks
from .decode import decode, looks_binary, normalize_text
from .discover import HTML_SUFFIXES, MARKDOWN_SUFFIXES, SUPPORTED_SUFFIXES, suffix_of
from .html import html_blocks
from .markdown import markdown_blocks
from .text import text_blocks


def document_id(name: str, sha256: str) -> str:
    return f"{slugify(Path(name).stem, 40)}-{sha256[:8]}"


def read_document(path: Path, warnings: list[str] | None = None) -> Document:
    """Read one article file (a file of many articles is read by
    :func:`graphbuild.ingest.sources.read_file`); raise :class:`IngestError` with a
    one-line reason."""
    warnings = warnings if warnings is not None else []
    suffix = suffix_of(path.name)
    if suffix not in SUPPORTED_SUFFIXES:
        raise IngestError(f"unsupported file type {suffix or '(none)'!r}")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise IngestError(f"too large ({size / 1e6:.0f} MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB)")
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}") from exc
    return parse_document(data, path.name, warnings)


def parse_document(data: bytes, name: str, warnings: list[str] | None = None, *, reader: str | None = None,
                   record: str | None = None, url: str | None = None) -> Document:
    """Bytes of a file called ``name`` to a :class:`Document`. ``reader`` ("html",
    "markdown" or "text") overrides the one the name's ending picks (a WARC record says
    its type); ``record`` and ``url`` say where the bytes came from (a file of many)."""
    warnings = warnings if warnings is not None else []
    source = Source(name, hashlib.sha256(data).hexdigest(), record)
    raw = decode(data, source.where, warnings)
    return text_document(raw, {"url": url} if url else {}, source, warnings, reader or reader_of(name))


@dataclass(frozen=True)
class Source:
    """Where a document's text came from: the file, its content hash, the record in it."""

    name: str
    sha256: str
    record: str | None = None

    @property
    def where(self) -> str:
        return self.name if self.record is None else f"{self.name}#{self.record}"


def reader_of(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return "html" if suffix in HTML_SUFFIXES else "markdown" if suffix in MARKDOWN_SUFFIXES else "text"


def text_document(raw: str, given: dict[str, str], source: Source, warnings: list[str], reader: str = "text") -> Document:
    """Decoded text (a page, Markdown or plain text, as ``reader`` says) to a document.
    ``given``: metadata the input states beside the text (a feed's or a JSON line's
    title, date, url, publisher, author); it wins over what the text says. A ``title``
    given apart from the text is the article's first block (once: a body that repeats
    it loses its copy as any repeated block does)."""
    check_decoded_size(raw)
    if looks_binary(raw):
        raise IngestError("binary file, not an article")
    meta: dict[str, str] = {}
    if reader == "html":
        blocks, meta = html_blocks(raw)
    elif reader == "markdown":
        blocks, meta = markdown_blocks(normalize_text(raw))
    else:
        blocks = text_blocks(normalize_text(raw))
    # Repeats in trafilatura's article are the article's own (interview questions, a
    # menu per day): dropping them loses text on the extraction benchmark.
    drop_repeats = meta.get("reader") != "trafilatura"
    title = normalize_text(" ".join(given.get("title", "").split()))
    if title:
        blocks = [Block(title, "heading" if is_heading_like(title) else "paragraph"), *blocks]
    meta = {**meta, **{k: normalize_text(v).strip() for k, v in given.items() if v and v.strip()}}
    cleaned = clean_blocks(blocks, drop_repeats=drop_repeats)
    if title and all(b.text == title for b in cleaned.blocks):
        raise IngestError("no article text (a title only: the rest is page furniture or metadata)")
    return _document(cleaned, meta, source, warnings)


def _document(cleaned: Cleaned, meta: dict[str, str], source: Source, warnings: list[str]) -> Document:
    if not cleaned.blocks:
        raise IngestError("no article text (only page furniture or metadata)")
    segments: list[Segment] = []
    offset = 0
    for block in cleaned.blocks:
        for piece in split_long(block.text):
            segments.append(Segment(piece, block.kind, offset))
            offset += len(piece) + 2
    check_article_size(offset)
    headline = meta.get("title") or cleaned.headline
    date = parse_date(meta["date"]) if meta.get("date") else None
    if meta.get("date") and date is None:
        warnings.append(f"{source.where}: date {meta['date'][:40]!r} is not a date; ignored")
    elif not date and cleaned.bad_date:
        warnings.append(f"{source.where}: date {cleaned.bad_date[:40]!r} is not a date; ignored")
    return Document(
        id=document_id(source.name, source.sha256) if source.record is None else _record_id(source),
        source_file=source.name,
        sha256=source.sha256,
        segments=tuple(segments),
        headline=headline,
        date_published=date or cleaned.date,
        publisher=meta.get("publisher") or cleaned.publisher,
        byline=meta.get("author") or cleaned.author,
        url=meta.get("url") or None,
        record=source.record,
    )


def _record_id(source: Source) -> str:
    """The id of a record: its file without endings, the record, numbers zero-padded so
    that the documents of a file sort in file order, and the content hash
    ('crawl-000000000543-a38a8d0d' for the record at byte 543 of 'crawl.warc.gz')."""
    ending = suffix_of(source.name)
    stem = source.name[:-len(ending)] if ending and source.name.lower().endswith(ending) else Path(source.name).stem
    record = re.sub(r"[0-9]+", lambda m: m.group().zfill(12), source.record or "")
    return f"{slugify(stem, 40)}-{slugify(record, 24)}-{source.sha256[:8]}"


#: Files larger than this are refused (the NLP of 100 MB of text takes hours).
MAX_FILE_BYTES = 100 * 1024 * 1024


def same_content_as(seen: dict[str, str], doc: Document) -> str | None:
    """Why ``doc`` is skipped when an earlier document had the same bytes ("same content
    as <file>"), else None and ``doc`` is the one kept. Inputs come in (file name, path)
    order, so the local and the cluster build keep the same copy. ``seen`` holds only
    the hash and where of each document kept (a WARC of any size is read in flat memory)."""
    first = seen.get(doc.sha256)
    if first is None:
        seen[doc.sha256] = doc.where
        return None
    return f"same content as {first}"
