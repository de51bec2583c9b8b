"""The general rules every reader's blocks go through: metadata lines and prefixes
out, furniture out, repeated paragraphs and truncated teasers out; the headline."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..knowledge.dates import parse_date
from ..records import DATELINE
from .blocks import Block, is_heading_like
from .furniture import is_furniture, patterns, strip_credits
from .metadata import metadata_line, strip_dateline


@dataclass(frozen=True)
class Cleaned:
    blocks: tuple[Block, ...]
    date: str | None
    publisher: str | None
    author: str | None
    headline: str | None
    #: A publication date found but not a date ('2023-02-30'): the caller warns.
    bad_date: str | None = None


#: Metadata lines (dates, bylines) are looked for among the first blocks only.
METADATA_BLOCKS = 8


def clean_blocks(blocks: list[Block], max_headline_position: int = 4, drop_repeats: bool = True) -> Cleaned:
    """Apply the general rules: metadata lines and prefixes out, furniture out,
    repeated paragraphs and truncated teasers out (unless ``drop_repeats`` is false: the
    blocks of an article extractor, whose repeats are the article's own); pick the
    headline."""
    date = publisher = author = bad_date = None
    kept: list[Block] = []
    seen_raw: set[str] = set()
    for position, block in enumerate(blocks):
        text = block.text
        if drop_repeats and text in seen_raw:
            continue  # a repeated block is dropped below anyway; skip the work now
        seen_raw.add(text)
        meta = metadata_line(text) if position < METADATA_BLOCKS else None
        if meta is not None:
            date = date or meta.get("date")
            bad_date = bad_date or meta.get("bad_date")
            publisher = publisher or meta.get("publisher")
            author = author or meta.get("author")
            continue
        if len(kept) < 3:
            prefix = patterns().date_prefix.match(text)
            if prefix and prefix.end() < len(text) and patterns().dated_text.match(text):
                found = parse_date(prefix.group("date"))
                date, bad_date = date or found, bad_date or (None if found else prefix.group("date"))
                text = text[prefix.end():].strip()
        if len(kept) < 3:
            text, dateline_date, dateline_place = strip_dateline(text)
            if dateline_date and re.search(r"\d{4}", dateline_date):
                date = date or parse_date(dateline_date)
            if dateline_place:
                # The place the story was filed from, a segment of its own: a name for
                # the model to read, apart from the sentence that follows it.
                kept.append(Block(dateline_place, DATELINE))
        text = strip_credits(text)
        if is_furniture(text):
            continue
        kind = block.kind
        if kind == "paragraph" and is_heading_like(text) and len(text.split()) <= 16:
            kind = "heading"
        kept.append(Block(text, kind))

    unique = _drop_repeats(kept) if drop_repeats else kept
    if unique and len(unique) > 1:
        last = cut_unfinished(unique[-1].text)
        if last != unique[-1].text:
            unique[-1:] = [Block(last, "paragraph")] if last else []
    return Cleaned(tuple(unique), date, publisher, author, _headline(unique, max_headline_position),
                   None if date else bad_date)


def _drop_repeats(kept: list[Block]) -> list[Block]:
    """A repeated paragraph (running titles, teaser cards) is furniture; a truncated
    teaser ("...") of a later or earlier block is too."""
    seen: set[str] = set()
    keys = [dedupe_key(b.text) for b in kept]
    unique: list[Block] = []
    for i, block in enumerate(kept):
        key = keys[i]
        if key in seen or not key:
            continue
        if block.text.endswith("...") and len(key) > 20:
            stem = dedupe_key(block.text[:-3])
            if any(k != key and k.startswith(stem) for k in keys):
                continue
        seen.add(key)
        unique.append(block)
    return unique


def _headline(blocks: list[Block], max_headline_position: int) -> str | None:
    for block in blocks[:max_headline_position]:
        if block.kind == "heading" and len(block.text.split()) >= 3:
            return block.text
    return None


#: Where a paragraph may end: the excerpt of a page that stops anywhere else was cut.
ENDINGS = (".", "!", "?", '"', "'", "\u201d", "\u2019", ")", ":", "]")
#: A cut paragraph is prose of at least this many words (a short line is a label).
CUT_MIN_WORDS = 12


def cut_unfinished(text: str) -> str:
    """The last paragraph of an excerpt cut mid-word loses its last word and the name
    that word was part of ("... a ruling of the Supreme Cou" keeps "... a ruling of
    the"), so no fragment becomes a name."""
    words = text.split()
    if text.endswith(ENDINGS) or len(words) < CUT_MIN_WORDS:
        return text
    words.pop()
    while words and words[-1][:1].isupper() and not words[-1].endswith(ENDINGS + (",",)):
        words.pop()
    return " ".join(words)


def dedupe_key(text: str) -> str:
    """Letters and digits of any script, case-folded: two blocks with the same key say
    the same (a Cyrillic or Greek paragraph has a key too)."""
    return re.sub(r"[\W_]+", "", text.casefold())

