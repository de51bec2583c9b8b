"""Long paragraphs cut into pieces spaCy can take."""

from __future__ import annotations

import re

#: The longest piece of text handed to spaCy at once (its own limit is 1,000,000).
MAX_CHUNK_CHARS = 20_000
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9])")


def split_long(text: str, limit: int = MAX_CHUNK_CHARS) -> list[str]:
    """A paragraph longer than ``limit`` as pieces of whole sentences (or, for text
    with no sentence ends, at spaces; as a last resort, hard cuts)."""
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    current = ""
    for sentence in _SENTENCE_END.split(text):
        while len(sentence) > limit:
            cut = sentence.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            head, sentence = sentence[:cut].strip(), sentence[cut:].strip()
            if current:
                pieces.append(current)
                current = ""
            pieces.append(head)
        if current and len(current) + 1 + len(sentence) > limit:
            pieces.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}" if current else sentence
    if current:
        pieces.append(current)
    return [p for p in pieces if p]
