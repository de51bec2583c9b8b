"""Files to :class:`~graphbuild.records.Document`: read, decode, pick the reader,
clean, cut into segments."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..knowledge.dates import parse_date
from ..ids import slugify
from ..limits import check_article_size, check_decoded_size
from ..records import Document, Segment
from .blocks import IngestError
from .chunks import split_long
from .clean import clean_blocks
from .decode import decode, looks_binary, normalize_text
from .discover import HTML_SUFFIXES, MARKDOWN_SUFFIXES, SUPPORTED_SUFFIXES
from .html import html_blocks
from .markdown import markdown_blocks
from .text import text_blocks


def document_id(name: str, sha256: str) -> str:
    return f"{slugify(Path(name).stem, 40)}-{sha256[:8]}"


def read_document(path: Path, warnings: list[str] | None = None) -> Document:
    """Read one article file; raise :class:`IngestError` with a one-line reason."""
    warnings = warnings if warnings is not None else []
    suffix = path.suffix.lower()
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


def parse_document(data: bytes, name: str, warnings: list[str] | None = None) -> Document:
    """Bytes of a file called ``name`` to a :class:`Document`."""
    warnings = warnings if warnings is not None else []
    sha = hashlib.sha256(data).hexdigest()
    raw = decode(data, name, warnings)
    check_decoded_size(raw)
    if looks_binary(raw):
        raise IngestError("binary file, not an article")
    suffix = Path(name).suffix.lower()
    meta: dict[str, str] = {}
    if suffix in HTML_SUFFIXES:
        blocks, meta = html_blocks(raw)
    elif suffix in MARKDOWN_SUFFIXES:
        blocks, meta = markdown_blocks(normalize_text(raw))
    else:
        blocks = text_blocks(normalize_text(raw))
    # Repeats in trafilatura's article are the article's own (interview questions, a
    # menu per day): dropping them loses text on the extraction benchmark.
    cleaned = clean_blocks(blocks, drop_repeats=meta.get("reader") != "trafilatura")
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
        warnings.append(f"{name}: date {meta['date'][:40]!r} is not a date; ignored")
    elif not date and cleaned.bad_date:
        warnings.append(f"{name}: date {cleaned.bad_date[:40]!r} is not a date; ignored")
    return Document(
        id=document_id(name, sha),
        source_file=name,
        sha256=sha,
        segments=tuple(segments),
        headline=headline,
        date_published=date or cleaned.date,
        publisher=meta.get("publisher") or cleaned.publisher,
        byline=meta.get("author") or cleaned.author,
    )


#: Files larger than this are refused (the NLP of 100 MB of text takes hours).
MAX_FILE_BYTES = 100 * 1024 * 1024


def same_content_as(seen: dict[str, Document], doc: Document) -> str | None:
    """Why ``doc`` is skipped when an earlier document had the same bytes ("same content
    as <file>"), else None and ``doc`` is the one kept. Inputs come in (file name, path)
    order, so the local and the cluster build keep the same copy."""
    first = seen.setdefault(doc.sha256, doc)
    return None if first is doc else f"same content as {first.source_file}"
