"""Dates: publication dates of articles (:func:`parse_date`) and dates of events
(:func:`normalize_date`: spaCy's DATE spans to xsd:date, gYearMonth or gYear, relative
ones such as "on Wednesday" or "last year" resolved against the article's date).
Month and weekday names come from the language pack."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from .lang import words



def normalize_date(text: str, base: str | None = None, future: bool = False) -> str | None:
    """'October 19, 2023' -> '2023-10-19'; 'October 2023' -> '2023-10'; 'in 2014' -> '2014';
    'on Wednesday' with base '2025-09-01' -> '2025-09-03' (future) or the Wednesday before."""
    t = text.lower().strip()
    if re.search(words().duration_pattern, t, re.I) and not re.search(r"\b(19|20)\d{2}\b", t):
        return None  # "two-day", "20 years": lengths of time, not dates
    base_date = _iso_date(base) if base else None
    iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", t)
    if iso:
        return iso.group(0) if _iso_date(iso.group(0)) else None  # "2023-13-45" is no date
    has_month = re.search(rf"\b{words().month_pattern}(?![a-z])", t)
    year = re.search(r"\b(1[89]\d{2}|20\d{2})\b", t)
    day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", re.sub(r"\b(1[89]|20)\d{2}\b", "", t))
    if has_month:
        import dateparser

        settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["month"]}
        if base_date:
            settings["RELATIVE_BASE"] = datetime.combine(base_date, datetime.min.time())
        parsed = dateparser.parse(re.sub(r"^(in|on|since|by|from|until|during)\s+", "", t), languages=["en"], settings=settings)
        if parsed is None:
            return None
        if not year and base_date is None:
            return None
        y = parsed.year if year or base_date else None
        if day:
            return f"{y:04d}-{parsed.month:02d}-{parsed.day:02d}"
        return f"{y:04d}-{parsed.month:02d}"
    if year and not re.search(r"\d{4}s\b", t):
        return year.group(1)
    if base_date is None:
        return None
    for i, name in enumerate(words().weekdays):
        if re.search(rf"\b{name}\b", t):
            delta = (i - base_date.weekday()) % 7
            if not future:
                delta = delta - 7 if delta else 0
            return (base_date + timedelta(days=delta)).isoformat()
    if re.search(r"\b(today|tonight)\b", t):
        return base_date.isoformat()
    if "yesterday" in t:
        return (base_date - timedelta(days=1)).isoformat()
    if "tomorrow" in t:
        return (base_date + timedelta(days=1)).isoformat()
    if re.search(r"\bthis (week|month)\b", t):
        return f"{base_date.year:04d}-{base_date.month:02d}"
    if re.search(r"\bthis year\b", t):
        return f"{base_date.year:04d}"
    if re.search(r"\blast year\b", t):
        return f"{base_date.year - 1:04d}"
    if re.search(r"\bnext year\b", t):
        return f"{base_date.year + 1:04d}"
    if re.search(r"\blast month\b", t):
        first = base_date.replace(day=1) - timedelta(days=1)
        return f"{first.year:04d}-{first.month:02d}"
    if re.search(r"\bnext month\b", t):
        nxt = (base_date.replace(day=28) + timedelta(days=4)).replace(day=1)
        return f"{nxt.year:04d}-{nxt.month:02d}"
    return None


def parse_date(text: str) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date string, through dateparser; '2023-02-30'
    and '2023-99-99' are no dates and give None (never written as xsd:date)."""
    import dateparser

    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if iso:
        return iso.group(0) if _iso_date(iso.group(0)) else None
    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date().isoformat() if parsed else None


def _iso_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
