"""What every argument rule reads and returns: the :class:`Scope` of one parsed
segment, the document's :class:`MentionIndex`, and the :class:`Arg` records."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator

from ..knowledge.gazetteer import Gazetteer
from ..lang import Words
from ..records import Document, EventMention, Mention, MentionRef, Ref, Segment
from .lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


#: How far back (in characters) an antecedent is looked for.
LOOKBACK = 1500


@dataclass(frozen=True)
class Arg:
    """An argument: a mention (or a gazetteer entry) and its class; ``indirect`` when
    it was found through a pronoun, a description or a metonym."""

    ref: Ref
    cls: str
    indirect: bool = False


class MentionIndex:
    """The document's mentions by character offset, for token-to-mention lookups."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self.starts = [m.start for m in self.mentions]

    def at(self, offset: int) -> Mention | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        while i >= 0 and self.mentions[i].start <= offset:
            m = self.mentions[i]
            if m.start <= offset < m.end:
                return m
            i -= 1
            if offset - self.mentions[i].start > 200:
                break
        return None

    def exact(self, ref) -> Mention | None:
        """The mention a reference names exactly (a name inside a longer one starts at the
        same offset: 'French' in 'French President X'); None for a gazetteer reference."""
        if not isinstance(ref[0], int):
            return None
        i = bisect.bisect_left(self.starts, ref[0])
        while i < len(self.starts) and self.starts[i] == ref[0]:
            if self.mentions[i].end == ref[1]:
                return self.mentions[i]
            i += 1
        return None

    def before(self, offset: int) -> Iterator[Mention]:
        """Mentions that start before ``offset``, nearest first."""
        i = bisect.bisect_left(self.starts, offset) - 1
        while i >= 0:
            yield self.mentions[i]
            i -= 1


@dataclass(frozen=True)
class Scope:
    """What every rule reads: one parsed segment, its document, the mention index, the
    rules' data, and the events found so far (earlier segments first)."""

    doc: Doc
    segment: Segment
    document: Document
    index: MentionIndex
    gazetteer: Gazetteer
    lexicon: Lexicon
    words: Words
    events: tuple[EventMention, ...] = ()

    def offset(self, token: Token) -> int:
        return self.segment.start + token.idx

    def mention(self, token: Token) -> Mention | None:
        return self.index.at(self.offset(token))


def of_mention(m: Mention, indirect: bool = False) -> Arg:
    return Arg(MentionRef(m.start, m.end), m.cls, indirect)
