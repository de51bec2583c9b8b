"""Page furniture: navigation, ads, share and subscribe prompts, cookie and privacy
notices, rows of symbols. The English patterns live in the language pack
(``lang/en/furniture.json``); they are compiled once, on first use."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..lang import language_dir, pack_cache, words as pack_words

_DECORATION = re.compile(r"[\u2190-\u21ff\u25a0-\u25ff\u2600-\u27bf\u2b00-\u2bff|•·»«]")
_COPYRIGHT = re.compile(r"^(?:©|\(c\))", re.I)
#: What separates the items of a menu on one line.
_MENU_SEPARATOR = re.compile(r"\s[|•·]\s")
#: A menu item is a few words, one of them at most ``MENU_WORD`` ("Video"); a menu has
#: at least ``MENU_ITEMS`` of them. Sentences joined by dots have no one-word item.
MENU_ITEM_WORDS, MENU_ITEMS, MENU_WORD = 8, 3, 2


@dataclass(frozen=True)
class Patterns:
    """The compiled furniture and metadata patterns of a language pack."""

    line: re.Pattern  # a whole line that is furniture ("Share this article")
    cookie: re.Pattern
    promo: re.Pattern
    html_attribute: re.Pattern  # class or id words of furniture containers
    date: re.Pattern  # a date in a metadata line
    date_prefix: re.Pattern  # "Published: 9 Sept 2023 -" before the text
    dated_text: re.Pattern  # a block that starts with a date label
    byline: re.Pattern  # "By Jane Doe", "Source: example.com"
    metadata_label: re.Pattern  # "Published", "Updated" left over on a metadata line
    clock: re.Pattern  # what a date line carries besides dates: "10:05 AM CET", "Tue", an e-mail
    photo_position: re.Pattern  # "(right)", "(2nd left)", "(left, middle)" in a caption
    title_small_words: frozenset[str]  # words Title Case leaves in lowercase
    credit_line: re.Pattern  # a photo credit on a line of its own ("Jane Doe/AP")
    trailing_credit: re.Pattern  # a credit that ends a caption ("... (Jane Doe/Reuters)")
    inline_credit: re.Pattern  # a credit between a caption and the story ("... 2024. Jane Doe/Reuters LIMA")
    agencies: frozenset[str]  # news agencies ("AP", "Reuters"): a dateline of one names no place


def _alternation(alternatives) -> str:
    return "|".join(alternatives)


def _clock(data: dict) -> re.Pattern:
    """Times ('09:40 pm', '6:30pm'), time zones, weekday names and e-mail addresses (or
    the placeholder a page's e-mail protection leaves) and the labels between them
    ('| Updated'): a line made of these and a date is a date line."""
    days = _alternation(list(pack_words().weekdays) + data["weekday_abbreviations"])
    return re.compile(
        r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\b\.?)?"
        rf"|(?-i:\b(?:{_alternation(data['time_zones'])})\b)|\b(?:{days})\b\.?,?"
        r"|\S+@\S+|\[email[^\]]*\]"
        rf"|(?:^|(?<=[|\u00b7]))\s*(?:{_alternation(data['metadata_labels'])})\b\s*:?",
        re.I)


def _photo_position(data: dict) -> re.Pattern:
    """Where a person stands in the photo, in brackets after the name: '(right)', '(2nd
    left)', '(left, middle)'. It tells the reader of the picture, not of the story."""
    one = rf"(?:\d+(?:st|nd|rd|th)\s+)?(?:{_alternation(sorted(data['photo_positions'], key=len, reverse=True))})"
    return re.compile(rf"\s*\(\s*{one}(?:\s*[,/]\s*{one})*\s*\)", re.I)


@pack_cache
def _compile(directory: str) -> Patterns:
    data = json.loads((Path(directory) / "furniture.json").read_text(encoding="utf-8"))
    month = pack_words().month_pattern
    date = re.compile(
        r"(?P<date>\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?"
        rf"|{month}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
        rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{month},?\s+\d{{4}}"
        rf"|\d{{1,2}}-{month}-\d{{4}}"
        r"|\d{1,2}/\d{1,2}/\d{4})",
        re.I,
    )
    labels = _alternation(data["metadata_labels"])
    credit = data["credit"]
    markers = "(?i:" + _alternation(re.escape(m) for m in data["credit_markers"]) + ")"
    return Patterns(
        line=re.compile(r"^(?:" + _alternation(data["lines"]) + r")\W*$", re.I),
        cookie=re.compile(_alternation(data["cookie"]), re.I),
        promo=re.compile(r"\b(" + _alternation(data["promo_words"]) + r")\b", re.I),
        html_attribute=re.compile(r"(^|[-_ ])(" + _alternation(data["html_markers"]) + r")([-_ ]|$)", re.I),
        date=date,
        date_prefix=re.compile(rf"^(?:(?:{labels})\s*:?\s*)?" + date.pattern + r"\s*(?:[|,\-:]\s*)?", re.I),
        dated_text=re.compile(r"(?:" + _alternation(data["dated_text_starts"]) + ")", re.I),
        byline=re.compile(r"(?:^|[|,\-]\s*|\s)(?:" + _alternation(data["byline_markers"])
                          + r")\s+(?P<who>[^|]+?)\s*(?:\||$)", re.I),
        metadata_label=re.compile(rf"^(?:{labels})\b", re.I),
        clock=_clock(data),
        photo_position=_photo_position(data),
        title_small_words=frozenset(data["title_small_words"]),
        credit_line=re.compile(r"^\(?(?:(?:" + markers + r")\s*:?\s*)?(?:" + credit + r")\)?\W*$"),
        trailing_credit=re.compile(
            r"(?:\s*\((?:(?:" + markers + r")\s*:?\s*)?(?:" + credit + r")\)"  # "(Jane Doe/AP)"
            r"|\s*\((?:" + markers + r")\s*:[^()]*\)"  # "(Photo: Jane Doe)"
            r"|(?<=[.!?])\s+(?:" + credit + r")"  # "... on Monday. Press Office/Handout"
            r"|(?<=[.!?])\s*\([A-Z][\w-]{0,9}\)?"  # "(EPA)" after a caption, or cut: "(EP"
            r"|\s*\([A-Z][\w-]{0,9})$"),
        inline_credit=re.compile(
            r"(?<=[.!?])\s+[A-Z][\w.'’-]*(?:\s+(?:of|the|de|[A-Z][\w.'’-]*)){0,10}\s*/\s*"
            r"(?:[A-Z][\w.'’&-]*\s+){0,3}(?:via\s+)?(?i:"
            + _alternation(re.escape(a) for a in data["agencies"]) + r")\b"),
        agencies=frozenset(a.upper() for a in data["agencies"]),
    )


def patterns() -> Patterns:
    return _compile(str(language_dir()))


def strip_credits(text: str) -> str:
    """A caption without the photo credit that ends it, nor the positions of the people
    in the photo ('X (right) and Y (left)')."""
    p = patterns()
    return p.trailing_credit.sub("", p.inline_credit.sub("", p.photo_position.sub("", text))).rstrip()


def is_furniture(text: str) -> bool:
    """Page furniture by general rules: navigation, ads, share/subscribe prompts,
    cookie and privacy notices, and lines made mostly of symbols and brackets."""
    words = text.split()
    if not words:
        return True
    p = patterns()
    if p.line.match(text) or _COPYRIGHT.match(text):
        return True
    if len(words) <= 14 and p.credit_line.match(text):
        return True  # "Jane Doe/AP", "Reuters/Jane Doe/Pool"
    if p.cookie.search(text) and len(words) <= 60:
        return True
    letters = sum(c.isalpha() or unicodedata.category(c).startswith("M") for c in text)
    if letters < 2 or letters / sum(not c.isspace() for c in text) < 0.5:
        return True  # rows of symbols, rules, brackets, numbers
    items = _MENU_SEPARATOR.split(text)
    if len(items) >= MENU_ITEMS and all(0 < len(i.split()) <= MENU_ITEM_WORDS and not i.strip().endswith(".")
                                        for i in items) and min(len(i.split()) for i in items) <= MENU_WORD:
        return True  # a menu of any length: "Video · Galleries · Send us your stories"
    if len(words) <= 12:
        if "[" in text and "]" in text:
            return True  # "[AD]", "[Photo]", "▶ [SHOP] ..." tags in short lines
        if _DECORATION.search(text) and not text.endswith((".", "?", "!")):
            return True
        if p.promo.search(text) and not text.endswith((".", "?", "!")):
            return True
    return False
