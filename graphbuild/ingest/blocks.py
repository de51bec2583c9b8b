"""Blocks: what every reader makes of a file (a heading or a paragraph), and the
shape rules shared by the readers and the cleaning."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .furniture import patterns


class IngestError(Exception):
    """A file that cannot become a document; the message says why in one line."""


@dataclass(frozen=True)
class Block:
    text: str
    kind: str  # "heading" or "paragraph"


TERMINAL = (".", "!", "?", ";", ",", ":", '"', "'", ")")


def is_heading_like(line: str) -> bool:
    words = line.split()
    if not 1 <= len(words) <= 16 or line.endswith(TERMINAL) or line.endswith("..."):
        return False
    return line[0].isupper() or line[0].isdigit()


def is_title_case(line: str) -> bool:
    """Title Case ("Economic Ties With Asia"), as opposed to a wrapped prose line."""
    small = patterns().title_small_words
    words = [w for w in re.findall(r"[^\W\d_][\w'-]*", line) if w.lower() not in small]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.8
