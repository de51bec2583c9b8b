"""Deterministic identifiers: readable slugs and content hashes, never counters."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Strip diacritics and fold case: 'Łódź' -> 'lodz' (used for matching and slugs)."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def slugify(text: str, max_length: int = 60) -> str:
    """A lowercase ASCII slug; empty input gives a hash so that a slug is never empty."""
    slug = _NON_ALNUM.sub("-", fold(text)).strip("-")[:max_length].strip("-")
    return slug or "x-" + content_hash(text, 8)


def content_hash(*parts: object, length: int = 16) -> str:
    """SHA-256 over the parts, unambiguously separated, truncated to ``length`` hex digits."""
    h = hashlib.sha256()
    for part in parts:
        data = str(part).encode("utf-8")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()[:length]
