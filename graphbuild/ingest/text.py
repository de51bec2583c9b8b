"""The plain-text reader: blank-line separated blocks, hard-wrapped lines joined."""

from __future__ import annotations

import re

from .blocks import Block, is_heading_like, is_title_case
from .furniture import is_furniture
from .metadata import metadata_line, strip_dateline


#: A date line that a saved page's first line runs on from (' date 2018-11-30 Headline'):
#: the date is metadata, the rest the headline.
LEADING_DATE = re.compile(r"\A(\s*date:?\s+\d{4}-\d{2}-\d{2})[ \t]+(?=\S)", re.IGNORECASE)


def text_blocks(text: str) -> list[Block]:
    """Blank-line separated blocks; inside a block, hard-wrapped lines are joined
    (so a name broken over two lines stays one name) and short title lines split off."""
    blocks: list[Block] = []
    text = LEADING_DATE.sub(r"\1\n", text, count=1)
    for chunk in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        current: list[str] = []
        for i, line in enumerate(lines):
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            current.append(line)
            if nxt is None or _ends_paragraph(line, nxt, current) or (
                    len(current) == 1 and all(_metadata(b.text) for b in blocks) and _headline_above_lead(line, nxt)):
                joined = " ".join(current)
                kind = "heading" if len(current) == 1 and is_heading_like(joined) else "paragraph"
                blocks.append(Block(joined, kind))
                current = []
    return blocks


def _ends_paragraph(line: str, nxt: str, current: list[str]) -> bool:
    """Within a blank-line-free chunk, does ``line`` end a paragraph?"""
    if is_furniture(line) or is_furniture(nxt):
        return True  # navigation lists: "Related articles / View all"
    if _metadata(line) or _metadata(nxt):
        return True  # a byline or a date line stands alone: it is no part of the headline or the lead
    if LIST_ITEM.match(nxt):
        return True  # '- President X of Y': each item of a list is a line of its own
    if nxt[:1].islower() or nxt[:1] in ",;)":
        return False  # the sentence goes on
    if strip_dateline(nxt)[2] is not None:
        return True  # 'RIYADH – ...': a dateline opens the lead, whatever stood above it
    if line.endswith((".", "!", "?", '"', ":")):
        return True  # one paragraph per line, as most scraped text has it
    if len(current) == 1 and is_heading_like(line) and is_title_case(line) and len(line) < 0.7 * len(nxt):
        return True  # a title line above a (longer) paragraph; a wrapped line is not shorter
    return False


#: A bullet at the start of a line: '- ', '* ', '• ' (a numbered line may be a menu's).
LIST_ITEM = re.compile(r"[-*•▪]\s+\S")

#: A wrapped text's lines are no longer than this; a lead or caption on one line is.
WRAP_WIDTH = 100


def _headline_above_lead(line: str, nxt: str) -> bool:
    """The text's first line, short and unpunctuated, above a paragraph on one long line
    is its headline, in sentence case too ('Canada to sign the pact on the sidelines of
    the summit'); a hard-wrapped first line is about as long as the next."""
    return is_heading_like(line) and len(nxt) > WRAP_WIDTH and len(line) < 0.7 * len(nxt)


def _metadata(line: str) -> bool:
    """A date line, or a byline whose author is name-shaped ('By Jane Doe'; not the
    sentence 'By Friday the two leaders had agreed')."""
    found = metadata_line(line)
    if not found:
        return False
    if "date" in found or "bad_date" in found:
        return True
    who = (found.get("author") or found.get("publisher") or "").split()
    return 0 < len(who) <= 4 and all(w[:1].isupper() or not w[:1].isalpha() for w in who)
