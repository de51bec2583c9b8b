"""Bytes to normalised text: the encoding, Unicode normalisation, quotes and spaces."""

from __future__ import annotations

import re
import unicodedata

from .blocks import IngestError

_CHAR_MAP = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t", " "),
    **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad", ""),
    "\u2026": "...",
    "\r": "\n",
    "\u2028": "\n",
    "\u2029": "\n\n",
}
_CHAR_TABLE = str.maketrans(_CHAR_MAP)
_SPACES = re.compile(r" {2,}")
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def normalize_text(text: str) -> str:
    """NFC, straight quotes, plain spaces, no zero-width characters, '\\n' line ends."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    text = text.translate(_CHAR_TABLE)
    # Other control characters, lone surrogates and the non-characters U+FFFE/U+FFFF
    # carry nothing but break XML (GraphML) and UTF-8 output later.
    text = _CONTROL.sub("", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def decode(data: bytes, name: str, warnings: list[str]) -> str:
    """UTF-8 (with or without BOM), else cp1252 with a warning; binary is refused."""
    if not data.strip():
        raise IngestError("empty file")
    head = data[:8192]
    if b"\x00" in head and not (head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff")):
        raise IngestError("binary file (NUL bytes), not an article")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError(f"not valid UTF-16 ({exc.reason} at byte {exc.start})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        declared = _declared_charset(head)
        if declared:
            return data.decode(declared, errors="replace")
        warnings.append(f"{name}: not valid UTF-8 (byte {exc.start}); decoded as cp1252")
        return data.decode("cp1252", errors="replace")


#: A page's own word on its encoding: <meta charset="...">, <meta http-equiv ...
#: content="text/html; charset=...">, or an XML declaration's encoding="...".
_CHARSET_DECLARATION = re.compile(rb"""(?:<meta[^>]+charset\s*=\s*["']?|<\?xml[^>]+encoding\s*=\s*["'])([\w.:-]+)""", re.I)


def _declared_charset(head: bytes) -> str | None:
    """The encoding the start of a page declares, when Python knows it (not UTF-8:
    the page failed as UTF-8 already)."""
    import codecs

    found = _CHARSET_DECLARATION.search(head)
    if not found:
        return None
    try:
        name = codecs.lookup(found.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return None if name in ("utf-8", "utf-8-sig") else name


def looks_binary(text: str) -> bool:
    sample = text[:4096]
    bad = sum(1 for c in sample if c == "\ufffd" or (unicodedata.category(c) in ("Co", "Cn")))
    return len(sample) > 0 and bad / len(sample) > 0.1

