"""RSS and Atom feeds (``.rss``, ``.atom``, and ``.xml`` whose root element is ``rss``,
``feed`` or RSS 1.0's ``rdf:RDF``), read by feedparser: one document per item that has
content or a summary (HTML through the HTML reader), with the item's title, date, link
and author and the feed's title as publisher. feedparser never fetches anything here:
it is given the bytes."""

from __future__ import annotations

import hashlib
import html
import json
import re
from typing import Iterator

from ..records import Document
from .blocks import IngestError
from .document import Source, text_document
from .skip import Skipped, skip_reason

#: What may stand before a feed's root element: an XML declaration, comments, a DOCTYPE.
# A doctype may carry an internal subset ('<!DOCTYPE rss [<!ENTITY nbsp "&#160;">]>');
# feedparser reads the feed without expanding or fetching any entity of it.
_PROLOG = re.compile(rb"\A(?:\xef\xbb\xbf)?(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*", re.S)
_ROOT = re.compile(rb"<(?:[\w.-]+:)?([\w.-]+)")
FEED_ROOTS = {b"rss", b"feed", b"RDF"}
_MARKUP = re.compile(r"<[A-Za-z!/]")


def is_feed(data: bytes) -> bool:
    """Does the XML in ``data`` have a feed's root element?"""
    head = data[:65536]
    root = _ROOT.match(head, _PROLOG.match(head).end())
    return bool(root) and root.group(1) in FEED_ROOTS


def feed_documents(data: bytes, name: str, warnings: list[str]) -> Iterator[Document | Skipped]:
    """The documents of a feed, and a :class:`Skipped` for each item that gave none;
    IngestError when the file is no feed."""
    import feedparser

    if not is_feed(data):
        raise IngestError("XML, but not an RSS or Atom feed (its root element is not rss, feed or rdf:RDF)")
    try:
        parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    except (UnicodeError, ValueError) as exc:  # feedparser's encoding sniffing on a damaged declaration
        raise IngestError(f"a feed that cannot be decoded ({skip_reason(exc)})") from None
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise IngestError(f"a feed with no items{f' ({skip_reason(problem)})' if problem else ''}")
    publisher = (parsed.feed.get("title") or "").strip()
    for number, entry in enumerate(parsed.entries, 1):
        yield _entry_document(entry, publisher, name, str(number), warnings)


def _entry_document(entry, publisher: str, name: str, locator: str, warnings: list[str]) -> Document | Skipped:
    try:
        body = _body(entry)
        if body is None:
            raise IngestError("an item with no content or summary")
        title = entry.get("title") or ""
        given = {"title": title, "date": entry.get("published") or entry.get("updated") or "",
                 "url": entry.get("link") or "", "author": entry.get("author") or "", "publisher": publisher}
        given = {k: v for k, v in given.items() if isinstance(v, str) and v.strip()}
        reader = "html" if _MARKUP.search(body) else "text"
        text = body if reader == "html" else html.unescape(body)
        sha = hashlib.sha256(json.dumps([title, body], ensure_ascii=False).encode("utf-8")).hexdigest()
        return text_document(text, given, Source(name, sha, locator), warnings, reader)
    except Exception as exc:  # noqa: BLE001 - the item boundary: report, skip, read the next
        return Skipped(f"item {locator}: {skip_reason(exc)}", locator)


def _body(entry) -> str | None:
    """The item's full content, else its summary (None when it has neither)."""
    for part in [*(entry.get("content") or ()), entry.get("summary_detail") or {}]:
        value = part.get("value") if isinstance(part, dict) else None
        if isinstance(value, str) and value.strip():
            return value
    return None
