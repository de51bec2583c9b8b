"""The Markdown reader: headings, paragraphs and front matter; links and emphasis
reduced to their text."""

from __future__ import annotations

import re

from .blocks import Block
from .text import text_blocks

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_MD_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def markdown_blocks(text: str) -> tuple[list[Block], dict[str, str]]:
    """Markdown to blocks; YAML-style front matter gives metadata."""
    meta: dict[str, str] = {}
    m = _FRONT_MATTER.match(text)
    if m:
        for line in m.group(1).split("\n"):
            key, _, value = line.partition(":")
            if value.strip():
                meta[key.strip().lower()] = value.strip().strip("'\"")
        text = text[m.end():]
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    lines = []
    for line in text.split("\n"):
        heading = _MD_HEADING.match(line)
        if heading:
            # Headings become their own block whatever surrounds them.
            lines.extend(["", "\x00" + heading.group(2), ""])
            continue
        line = _MD_BULLET.sub("", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_EMPHASIS.sub(r"\2", line)
        lines.append(line.lstrip("> ").strip())
    blocks = []
    for block in text_blocks("\n".join(lines)):
        if block.text.startswith("\x00"):
            blocks.append(Block(block.text[1:].strip(), "heading"))
        else:
            blocks.append(block)
    return blocks, meta

