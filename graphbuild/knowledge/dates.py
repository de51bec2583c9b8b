"""Dates: publication dates of articles (:func:`parse_date`) and dates of events
(:func:`normalize_date`: spaCy's DATE spans to xsd:date, gYearMonth or gYear, relative
ones such as "on Wednesday" or "last year" resolved against the article's date).
Month and weekday names come from the language pack."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from ..lang import language_dir, pack_cache, words



_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d{2})\b")


def _numeric_date(t: str) -> str | None:
    """'06/15/2024' (month first) or '15.06.2024' (day first): a day when one of the two
    numbers can only be a day; '05/06/2024' could be either, so only its year ('' when
    nothing fits, None when the text is not a numeric date)."""
    m = _NUMERIC.search(t)
    if not m:
        return None
    a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if a > 12 and 1 <= b <= 12:
        month, day = b, a
    elif b > 12 and 1 <= a <= 12:
        month, day = a, b
    elif a == b and 1 <= a <= 12:
        month, day = a, b
    else:
        return f"{year:04d}" if max(a, b) <= 12 else ""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def normalize_date(text: str, base: str | None = None, future: bool | None = False) -> str | None:
    """'October 19, 2023' -> '2023-10-19'; 'October 2023' -> '2023-10'; 'in 2014' -> '2014';
    'on Wednesday' with base '2025-09-01' -> '2025-09-03' (future) or the Wednesday before
    (``future`` None: the nearest Wednesday, the base being a day the text states)."""
    t = text.lower().strip()
    if re.search(words().duration_pattern, t, re.I) and not re.search(r"\b(19|20)\d{2}\b", t):
        return None  # "two-day", "20 years": lengths of time, not dates
    base_date = _iso_date(base) if base else None
    iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", t)
    if iso:
        return iso.group(0) if _iso_date(iso.group(0)) else None  # "2023-13-45" is no date
    numeric = _numeric_date(t)
    if numeric is not None:
        return numeric or None
    has_month = re.search(rf"\b{words().month_pattern}(?![a-z])", t)
    year = re.search(r"\b(1[89]\d{2}|20\d{2})\b", t)
    day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", re.sub(r"\b(1[89]|20)\d{2}\b", "", t))
    if has_month:
        return _month_date(t, year, day, base_date, future)
    if year and not re.search(r"\d{4}s\b", t):
        return year.group(1)
    return _relative_date(t, base_date, future) if base_date is not None else None


def _month_date(t: str, year: re.Match | None, day: re.Match | None, base_date: date | None,
                future: bool | None) -> str | None:
    """A date that names its month ('October 19, 2023', 'December 28'), its year from the
    text or, when the text has none, from the article's date and the tense."""
    import dateparser

    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["month"]}
    if base_date:
        settings["RELATIVE_BASE"] = datetime.combine(base_date, datetime.min.time())
    parsed = dateparser.parse(re.sub(r"^(in|on|since|by|from|until|during)\s+", "", t), languages=["en"], settings=settings)
    if parsed is None:
        return None
    if not year and base_date is None:
        return None
    if year:
        y = parsed.year
    else:  # "December 28" in a report of January 3 is last year's; planned, next year's
        y = _year_by_tense(parsed.month, parsed.day if day else 1, base_date, future)
    if day:
        return f"{y:04d}-{parsed.month:02d}-{parsed.day:02d}"
    return f"{y:04d}-{parsed.month:02d}"


def _relative_date(t: str, base_date: date, future: bool | None) -> str | None:
    """A date relative to the article's ('on Wednesday', 'yesterday', 'last month')."""
    for i, name in enumerate(words().weekdays):
        if re.search(rf"\b{name}\b", t):
            delta = (i - base_date.weekday()) % 7
            if future is None:  # around a day the text states: the nearest such weekday
                delta = delta - 7 if delta > 3 else delta
            elif not future:
                delta = delta - 7 if delta else 0
            return (base_date + timedelta(days=delta)).isoformat()
    if re.search(r"\b(today|tonight)\b|\b(earlier|later) (in|during) the day\b|\bthis (morning|afternoon|evening)\b", t):
        return base_date.isoformat()
    if "yesterday" in t:
        return (base_date - timedelta(days=1)).isoformat()
    if "tomorrow" in t:
        return (base_date + timedelta(days=1)).isoformat()
    if re.search(r"\b(next|last) week\b", t):  # the month of that week's middle
        middle = base_date + timedelta(days=7 if "next" in t else -7)
        return f"{middle.year:04d}-{middle.month:02d}"
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


#: How far a report's date may lie after the article (a plan's before it) and still be
#: this year's: "on June 6" in an article of June 3 is three days ahead, not a year back.
TENSE_MARGIN = timedelta(days=7)


def _year_by_tense(month: int, day: int, base: date, future: bool | None) -> int:
    """The year of a day without one: the base's, unless that puts a reported event well
    after the article (then the year before) or a planned one well before it (the year
    after)."""
    try:
        candidate = date(base.year, month, day)
    except ValueError:
        return base.year
    if not future and candidate > base + TENSE_MARGIN:
        return base.year - 1
    if future and candidate < base - TENSE_MARGIN:
        return base.year + 1
    return base.year


_RANGE = re.compile(r"^(?:from\s+|between\s+)?(?P<a>.+?)\s*(?:-|\u2013|\u2014|\band\b|\bto\b|\bthrough\b|\buntil\b)\s*(?P<b>.+)$",
                    re.I)


def date_range(text: str, base: str | None = None, future: bool | None = False) -> tuple[str | None, str | None]:
    """A date or a range of days: 'August 31 and September 1' -> ('…-08-31', '…-09-01'),
    'June 13-15' -> (June 13, June 15), '13 to 15 June' likewise; one date -> (date, None).
    A range whose ends do not parse, or run backwards, gives its start alone or nothing."""
    t = text.strip()
    m = _RANGE.match(t)
    month = re.compile(rf"\b{words().month_pattern}(?![a-z])", re.I)
    if m and not re.fullmatch(r"\d{4}", m.group("b").strip()):
        a, b = m.group("a").strip(), m.group("b").strip()
        a_month, b_month = month.search(a), month.search(b)
        if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?(?:,?\s*\d{4})?", b) and a_month:
            b = f"{a_month.group(0)} {b}"  # "June 13-15"
        elif re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", a) and b_month:
            a = f"{a} {b_month.group(0)}"  # "13 to 15 June"
        year = re.search(r"\b(1[89]\d{2}|20\d{2})\b", b)
        copied = bool(year) and not re.search(r"\b(1[89]|20)\d{2}\b", a)
        if copied:
            a = f"{a} {year.group(0)}"  # "August 31 and September 1, 2025"
        if month.search(a) and month.search(b):
            start, end = normalize_date(a, base, future), normalize_date(b, base, future)
            if start and end and len(start) == len(end) == 10:
                if end < start and start[5:7] == "12" and end[5:7] == "01":
                    # "30 December to 2 January 2026": the year is the end's
                    if copied:
                        start = f"{int(start[:4]) - 1:04d}{start[4:]}"
                    else:
                        end = f"{int(end[:4]) + 1:04d}{end[4:]}"
                return (start, end) if end > start else (start, None)
    return normalize_date(t, base, future), None


#: Years a publication date may have: a fixed range, not "today", so that the same
#: files give the same graph whatever the day; 9999-01-01 is a placeholder, not a date.
PUBLICATION_YEARS = range(1600, 2101)


def parse_date(text: str) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date string, through dateparser; '2023-02-30',
    '2023-99-99', '99999-01-01' and years outside :data:`PUBLICATION_YEARS` are no
    publication dates and give None (never written as xsd:date)."""
    import dateparser

    iso = re.match(r"(\d+)-(\d{2})-(\d{2})", text)
    if iso:
        day = _iso_date(iso.group(0)) if len(iso.group(1)) == 4 else None
        return iso.group(0) if day and day.year in PUBLICATION_YEARS else None
    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date().isoformat() if parsed and parsed.year in PUBLICATION_YEARS else None


def _iso_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def stated_days(text: str) -> list[str]:
    """The full dates a text states ('Friday, June 7, 2024', '7 June 2024'), as ISO days."""
    days = [normalize_date(m.group(0)) for m in _full_date(str(language_dir())).finditer(text)]
    return [d for d in days if d and len(d) == 10]


@pack_cache
def _full_date(directory: str) -> re.Pattern:
    """A day, its month and its year: the pack's month names, compiled once."""
    month = words().month_pattern
    return re.compile(rf"\b{month}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}\b"
                      rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{month},?\s+(?:19|20)\d{{2}}\b", re.I)
