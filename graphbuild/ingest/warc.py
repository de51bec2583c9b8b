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

from ..records import Document
from .document import MAX_FILE_BYTES, parse_document
from .skip import Skipped, skip_reason

#: Media types of a body read as an article, and the reader of each.
ARTICLE_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


def warc_documents(fh: BinaryIO, name: str, warnings: list[str]) -> Iterator[Document | Skipped]:
    """The documents of a WARC file, and a :class:`Skipped` for each record that should
    have been one and is not (plus one line counting the records that are no article)."""
    from warcio.archiveiterator import ArchiveIterator

    not_articles: Counter[str] = Counter()
    records = ArchiveIterator(fh, no_record_parse=False, check_digests=False)
    offset = 0
    try:
        for record in records:
            # Where the record starts (get_record_offset() would read the record to its end first).
            offset = records.offset
            reader, what = _article_reader(record)
            if reader is None:
                not_articles[what] += 1
                continue
            yield _record_document(record, reader, name, str(offset), warnings)
    except Exception as exc:  # noqa: BLE001 - warcio fails on damage in many ways (AttributeError too)
        yield Skipped(f"stopped reading after the record at byte {offset}: {skip_reason(exc)}")
    else:
        left = _bytes_left(records)
        if left:  # warcio ends quietly at a gzip member cut short: the loss is said
            yield Skipped(f"stopped reading at byte {records.offset}: its last {left} bytes are no whole record "
                          "(the file is cut short or damaged)")
    if not_articles:
        counts = ", ".join(f"{n} {what}" for what, n in sorted(not_articles.items(), key=lambda kv: (-kv[1], kv[0])))
        total = sum(not_articles.values())
        yield Skipped(f"{total} record{'s' if total != 1 else ''} that are not articles ({counts})")


#: Bytes after the last record that may be padding (blank lines), not a lost record.
_PADDING = 8


def _bytes_left(records) -> int:
    """Bytes of the file after the end of the last whole record warcio read."""
    try:
        left = records.fh.tell() - records.offset
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
