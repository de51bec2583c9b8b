"""Metadata lines and datelines: 'Published: 9 Sept 2023 | By Jane Doe', 'NEW DELHI,
Sept 9, 2023 - Leaders ...'."""

from __future__ import annotations

import re

from ..knowledge.dates import parse_date
from .furniture import patterns

_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")
#: What a dateline leaves besides its date: a place, 'Brussels,' or 'BARI, Italy,'.
_DATELINE_PLACE = re.compile(r"^[\s*_]*(?:[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,3}\s*,\s*){1,3}[\s*_]*$")

#: A dateline's place that ends a date line ('... 07:02 am CET - OSLO:').
_TRAILING_PLACE = re.compile(r"[-\u2013\u2014]\s*[A-Z][A-Z.'\- ]{2,}:?\s*$")

#: A metadata line has at most this many words; a date line with its times, zones and
#: an 'Updated ...' date, at most ``DATE_LINE_WORDS``.
METADATA_WORDS, DATE_LINE_WORDS = 14, 24


def metadata_line(text: str) -> dict[str, str] | None:
    """Metadata read from a short line made of a date and/or a byline, else None."""
    words = len(text.split())
    if words > DATE_LINE_WORDS:
        return None
    found: dict[str, str] = {}
    rest = text
    p = patterns()
    date = p.date.search(text)
    if date:
        # Digits glued in front belong to the date: '99999-01-01' is no '9999-01-01'.
        lead = re.search(r"\d*$", text[:date.start()]).group()
        raw = lead + date.group("date")
        iso = parse_date(raw)
        found["date" if iso else "bad_date"] = iso or raw
        rest = rest.replace(lead + date.group(0), " ")
    if words > METADATA_WORDS and not found.get("date"):
        return None  # a longer line is metadata only around a date (times, 'Updated ...')
    by = p.byline.search(rest) if words <= METADATA_WORDS else None
    if by:
        who = by.group("who").strip()
        found["publisher" if _DOMAIN.match(who) else "author"] = who
        rest = rest.replace(by.group(0), " ")
    rest = p.metadata_label.sub("", rest.strip())
    if found.get("date"):
        # '09:40 pm | Updated May 1, 2023 07:02 am CET - OSLO:' around the date
        rest = _TRAILING_PLACE.sub("", p.clock.sub(" ", p.date.sub(" ", rest)))
    if ("date" in found or "bad_date" in found) and _DATELINE_PLACE.match(rest):
        return found  # a dateline on its own line: "*Brussels, June 24, 2024*"
    if not found or sum(c.isalpha() for c in rest) > 3:
        return None
    return found


_DATELINE = re.compile(
    r"^(?:(?P<place>[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})"  # NEW DELHI
    r"(?P<country>,\s*[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}(?=,\s*[A-Z][a-z]{2,8}\.?\s+\d|\s*[(\-\u2013\u2014]))?"  # , Italy
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"|(?P<bare>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)(?=\s*\())"  # June 27 (Reuters)
    r"\s*(?:\([^)]{1,40}\))?\s*[-\u2013\u2014]+\s+(?=[A-Z\"'])"
)


#: 'Lisbon, 4 May 2022 (AGN): ...': a dateline in the case of names, with the full date
#: (a year: without one, 'Paris, June 5 - ...' could be a sentence) and a dash or a colon.
_NAMED_DATELINE = re.compile(
    r"^(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}),\s*"
    r"(?P<date>\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s*\d{4})"
    r"\s*(?:\([^)]{1,40}\))?\s*[:\-\u2013\u2014]+\s+(?=[A-Z\"'])"
)


def strip_dateline(text: str) -> tuple[str, str | None, str | None]:
    """'NEW DELHI, Sept 9, 2023 - Leaders ...' -> ('Leaders ...', 'Sept 9, 2023', 'New Delhi');
    'BARI, Italy, June 13 (Reuters) - ...', 'OSLO, Norway - ...' and 'June 27 (Reuters) -
    ...' too. The place comes back in the case news writes names in ('Bari, Italy'): the
    city the story was filed from. A date without a year is returned as it is (the
    caller needs a year to use it)."""
    named = _NAMED_DATELINE.match(text)
    if named and parse_date(named.group("date")):
        return text[named.end():], named.group("date"), named.group("place")
    m = _DATELINE.match(text)
    if not m or (m.group("place") is not None and len(m.group("place")) < 3):
        return text, None, None
    place = None
    if m.group("place") and m.group("place").strip(".").upper() not in patterns().agencies:
        place = _name_case(m.group("place")) + (m.group("country") or "")
    return text[m.end():], m.group("date") or m.group("bare"), place


def _name_case(words: str) -> str:
    """'NEW DELHI' -> 'New Delhi', 'ST. PETERSBURG' -> 'St. Petersburg'."""
    return " ".join("-".join(part.capitalize() for part in word.split("-")) for word in words.split())
