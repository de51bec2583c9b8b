"""JSON Lines (``.jsonl``, ``.jsonl.gz``): one article per line, as scrapers and news
datasets write them (news-please, Common Crawl news extracts). The keys looked for are
data (``inputs.json`` of the language pack): the text, the title, the date, the URL.
A line that is no article is reported with its number; the others are read."""

from __future__ import annotations

import gzip
import hashlib
import json
from typing import BinaryIO, Iterator

from ..records import Document
from .blocks import IngestError
from .discover import input_names, suffix_of
from .document import MAX_FILE_BYTES, Source, text_document
from .skip import Skipped, skip_reason

_CHUNK = 1 << 20


def jsonl_documents(fh: BinaryIO, name: str, warnings: list[str]) -> Iterator[Document | Skipped]:
    """The documents of a JSON Lines file, and a :class:`Skipped` for each bad line."""
    stream = gzip.GzipFile(fileobj=fh, mode="rb") if suffix_of(name).endswith(".gz") else fh
    number = 0
    try:
        for number, line in _lines(stream):
            if line is None:
                yield Skipped(f"line {number}: too long (over {MAX_FILE_BYTES / 1e6:.0f} MB)", f"L{number}")
            elif line.strip():
                yield _line_document(line, name, number, warnings)
    except Exception as exc:  # noqa: BLE001 - a damaged stream: what was read stays, the loss is said
        yield Skipped(f"stopped reading at line {number + 1}: {skip_reason(exc)}")


def _lines(stream: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """(number, line) for each line, None for a line over the size limit (read past
    in pieces, never held whole)."""
    number = 0
    while True:
        line = stream.readline(MAX_FILE_BYTES + 1)
        if not line:
            return
        number += 1
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]  # a byte-order mark that some editors and exporters write
        if len(line) > MAX_FILE_BYTES:
            while line and not line.endswith(b"\n"):
                line = stream.readline(_CHUNK)
            yield number, None
        else:
            yield number, line


def _line_document(line: bytes, name: str, number: int, warnings: list[str]) -> Document | Skipped:
    locator = f"L{number}"
    try:
        try:
            item = json.loads(line.decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise IngestError(f"not UTF-8 (byte {exc.start})") from None
        except json.JSONDecodeError as exc:
            raise IngestError(f"not JSON ({exc.msg.removesuffix(' at')}, column {exc.colno})") from None
        if not isinstance(item, dict):
            raise IngestError(f"a JSON {type(item).__name__}, not an object")
        reader, body, given = _fields(item)
        sha = hashlib.sha256(line.strip()).hexdigest()
        return text_document(body, given, Source(name, sha, locator), warnings, reader)
    except Exception as exc:  # noqa: BLE001 - the line boundary: report, skip, read the next
        return Skipped(f"line {number}: {skip_reason(exc)}", locator)


def _fields(item: dict) -> tuple[str, str, dict[str, str]]:
    """(reader, body, metadata) of one JSON object; IngestError when it has no text."""
    keys = input_names()["jsonl"]
    body = _first(item, keys["text"])
    reader = "text"
    if body is None:
        body, reader = _first(item, keys["html"]), "html"
    if body is None:
        raise IngestError(f"no article text (none of the keys {', '.join(keys['text'] + keys['html'])})")
    given = {field: value for field in ("title", "date", "url", "publisher", "author")
             if (value := _first(item, keys[field])) is not None}
    return reader, body, given


def _first(item: dict, keys: list[str]) -> str | None:
    """The first of ``keys`` with a non-empty string (or list of strings: paragraphs,
    authors) as its value."""
    for key in keys:
        value = item.get(key)
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            value = "\n\n".join(value) if key in input_names()["jsonl"]["text"] else ", ".join(value)
        if isinstance(value, str) and value.strip():
            return value
    return None
