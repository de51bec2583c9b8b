"""WARC files (``.warc``, ``.warc.gz``), as a crawler (wget, Heritrix, Browsertrix,
Common Crawl) writes them: each ``response`` record with an HTML or plain-text body is
one document, read by the HTML or text reader, with the record's target URI as its URL.

The file is streamed record by record with warcio, so memory stays flat however large
the file; the size limit of a file applies to each record's body. Records that are no
article (requests, metadata, warcinfo, images, redirects) are counted, and reported in
one line per file."""

from __future__ import annotations

import re
from collections import Counter
from typing import BinaryIO, Iterator

from ..limits import DocTimeout
from ..records import Document
from .document import MAX_FILE_BYTES, parse_document
from .skip import Skipped, skip_reason

#: Media types of a body read as an article, and the reader of each.
ARTICLE_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


def warc_documents(fh: BinaryIO, name: str, warnings: list[str]) -> Iterator[Document | Skipped | None]:
    """The documents of a WARC file, and a :class:`Skipped` for each record that should
    have been one and is not (plus one line counting the records that are no article);
    None for each record that is no article (a tick: the time limit is per record). A
    damaged record is reported and reading goes on at the next record the file holds."""
    not_articles: Counter[str] = Counter()
    start = fh.tell() if fh.seekable() else None
    while True:
        damaged = yield from _records_from(fh, start or 0, name, warnings, not_articles)
        if damaged is None or start is None:
            break
        start = _next_record(fh, damaged + 1)
        if start is None:
            break
    if not_articles:
        counts = ", ".join(f"{n} {what}" for what, n in sorted(not_articles.items(), key=lambda kv: (-kv[1], kv[0])))
        total = sum(not_articles.values())
        yield Skipped(f"{total} record{' that is not an article' if total == 1 else 's that are not articles'} ({counts})")


def _records_from(fh: BinaryIO, start: int, name: str, warnings: list[str], not_articles: Counter):
    """Read records from byte ``start``; return where a damaged record began (None when
    the file ended)."""
    from warcio.archiveiterator import ArchiveIterator

    if fh.seekable():
        fh.seek(start)
    records = ArchiveIterator(fh, no_record_parse=False, check_digests=False)
    offset = start
    try:
        for record in records:
            # Where the record starts (get_record_offset() would read the record to its end first).
            offset = start + records.offset
            reader, what = _article_reader(record)
            if reader is None:
                not_articles[what] += 1
                yield None  # a record read, no article: the caller's time limit starts again
                continue
            yield _record_document(record, reader, name, str(offset), warnings)
    except DocTimeout:
        raise  # the time limit, not damage: the caller reports it
    except Exception as exc:  # noqa: BLE001 - warcio fails on damage in many ways (AttributeError too)
        yield Skipped(f"the record at byte {offset} is damaged ({skip_reason(exc)}); read on from the next record")
        return offset
    left = _bytes_left(records, start)
    if left:  # warcio ends quietly at a gzip member cut short: the loss is said
        yield Skipped(f"stopped reading at byte {start + records.offset}: its last {left} bytes are no whole record "
                      "(the file is cut short or damaged)")
    return None


#: Where a record can begin: a gzip member (each record of a .warc.gz is one) or a
#: WARC header line.
_RECORD_START = re.compile(rb"\x1f\x8b\x08|(?<=\n)WARC/1\.[01]\r?\n")
_SCAN = 1 << 20


def _next_record(fh: BinaryIO, after: int) -> int | None:
    """The byte where the next record after ``after`` may begin, or None."""
    fh.seek(after)
    position, tail = after, b""
    while True:
        chunk = fh.read(_SCAN)
        if not chunk:
            return None
        data = tail + chunk
        found = _RECORD_START.search(data)
        if found:
            return position - len(tail) + found.start()
        tail = data[-16:]
        position += len(chunk)


#: Bytes after the last record that may be padding (blank lines), not a lost record.
_PADDING = 8


def _bytes_left(records, start: int = 0) -> int:
    """Bytes of the file after the end of the last whole record warcio read."""
    try:
        left = records.fh.tell() - start - records.offset
    except (OSError, AttributeError, ValueError):
        return 0
    return left if left > _PADDING else 0


def _article_reader(record) -> tuple[str | None, str]:
    """("html" or "text", "") for a record whose body is an article; else (None, what
    it is, for the count: "request", "response image/png", "response HTTP 404")."""
    if record.rec_type != "response":
        return None, record.rec_type or "untyped"
    if record.http_headers is None:
        return None, "response without HTTP headers"
    status = record.http_headers.get_statuscode() or ""
    if not status.startswith("2"):
        return None, f"response HTTP {status[:3] or '?'}"
    media = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    reader = ARTICLE_TYPES.get(media)
    return (reader, "") if reader else (None, f"response {media[:40] or 'without a type'}")


def _record_document(record, reader: str, name: str, locator: str, warnings: list[str]) -> Document | Skipped:
    try:
        data = record.content_stream().read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            return Skipped(f"too large (over {MAX_FILE_BYTES / 1e6:.0f} MB; the limit is per record)", locator)
        data = _as_utf8(data, record.http_headers.get_header("Content-Type") or "")
        url = record.rec_headers.get_header("WARC-Target-URI")
        return parse_document(data, name, warnings, reader=reader, record=locator, url=url)
    except Exception as exc:  # noqa: BLE001 - the record boundary: report, skip, read the next
        return Skipped(skip_reason(exc), locator)


def _as_utf8(data: bytes, content_type: str) -> bytes:
    """The body in UTF-8 when its HTTP header names another charset and the body is not
    UTF-8 already (a page in windows-1251 or Shift JIS); else as it is."""
    found = _CHARSET.search(content_type)
    if not found or found.group(1).lower().replace("-", "") in ("utf8", "usascii", "ascii"):
        return data
    try:
        data.decode("utf-8")
        return data
    except UnicodeDecodeError:
        pass
    try:
        return data.decode(found.group(1), errors="replace").encode("utf-8")
    except LookupError:  # a charset Python does not know: the decoder's own guess stands
        return data
