"""Ingestion: files to :class:`~graphbuild.records.Document`.

Plain text, Markdown and HTML are reduced to the same thing: a list of blocks, each a
heading or a paragraph (:mod:`.text`, :mod:`.markdown`, :mod:`.html`, after
:mod:`.decode`). The blocks then go through one set of general rules (:mod:`.clean`)
that strip metadata lines and datelines (:mod:`.metadata`), page furniture
(:mod:`.furniture`: navigation, ads, share buttons, cookie banners, rows of symbols)
and repeated teasers, and the survivors become the document's segments
(:mod:`.document`, long ones cut by :mod:`.chunks`). :mod:`.discover` finds the files.

A file may hold many documents (:mod:`.sources` picks the reader): WARC (:mod:`.warc`),
JSON Lines (:mod:`.jsonl`), RSS and Atom (:mod:`.feed`); a page saved as one file is
MHTML (:mod:`.mhtml`). :mod:`.inputs` walks every input as a build reads it.
"""

from __future__ import annotations

from ..knowledge.dates import parse_date
from .blocks import Block, IngestError
from .chunks import MAX_CHUNK_CHARS, split_long
from .clean import Cleaned, clean_blocks
from .decode import decode, normalize_text
from .discover import (HTML_SUFFIXES, MARKDOWN_SUFFIXES, SUPPORTED_SUFFIXES, TEXT_SUFFIXES, discover, display_path,
                       inside, not_utf8_name)
from .document import MAX_FILE_BYTES, document_id, parse_document, read_document, same_content_as
from .furniture import is_furniture
from .html import html_blocks
from .markdown import markdown_blocks
from .metadata import strip_dateline
from .text import text_blocks

__all__ = [
    "Block", "Cleaned", "IngestError", "MAX_CHUNK_CHARS", "MAX_FILE_BYTES", "HTML_SUFFIXES", "MARKDOWN_SUFFIXES",
    "SUPPORTED_SUFFIXES", "TEXT_SUFFIXES", "clean_blocks", "decode", "discover", "document_id", "html_blocks",
    "is_furniture", "markdown_blocks", "normalize_text", "parse_date", "parse_document", "read_document",
    "same_content_as", "split_long", "strip_dateline", "text_blocks", "inside", "display_path", "not_utf8_name",
]
