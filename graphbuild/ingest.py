"""Ingestion: files to :class:`~graphbuild.records.Document`.

Plain text, Markdown and HTML are reduced to the same thing: a list of blocks, each a
heading or a paragraph. The blocks then go through one set of general rules that
strip metadata lines (dates, bylines), page furniture (navigation, ads, share
buttons, cookie banners, rows of symbols) and repeated teasers, and the survivors
become the document's segments.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .ids import slugify
from .limits import check_article_size, check_decoded_size
from .records import Document, Segment

#: File endings read as articles, by reader.
TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES


class IngestError(Exception):
    """A file that cannot become a document; the message says why in one line."""


@dataclass(frozen=True)
class Block:
    text: str
    kind: str  # "heading" or "paragraph"


# --------------------------------------------------------------------------- text


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
        warnings.append(f"{name}: not valid UTF-8 (byte {exc.start}); decoded as cp1252")
        return data.decode("cp1252", errors="replace")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    bad = sum(1 for c in sample if c == "\ufffd" or (unicodedata.category(c) in ("Co", "Cn")))
    return len(sample) > 0 and bad / len(sample) > 0.1


# ----------------------------------------------------------------------- blocks

_TERMINAL = (".", "!", "?", ";", ",", ":", '"', "'", ")")
_WORD = re.compile(r"[^\W\d_][\w'.-]*", re.UNICODE)


def _is_heading_like(line: str) -> bool:
    words = line.split()
    if not 1 <= len(words) <= 16 or line.endswith(_TERMINAL) or line.endswith("..."):
        return False
    return line[0].isupper() or line[0].isdigit()


def text_blocks(text: str) -> list[Block]:
    """Blank-line separated blocks; inside a block, hard-wrapped lines are joined
    (so a name broken over two lines stays one name) and short title lines split off."""
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        current: list[str] = []
        for i, line in enumerate(lines):
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            current.append(line)
            if nxt is None or _ends_paragraph(line, nxt, current):
                joined = " ".join(current)
                kind = "heading" if len(current) == 1 and _is_heading_like(joined) else "paragraph"
                blocks.append(Block(joined, kind))
                current = []
    return blocks


def _ends_paragraph(line: str, nxt: str, current: list[str]) -> bool:
    """Within a blank-line-free chunk, does ``line`` end a paragraph?"""
    if is_furniture(line) or is_furniture(nxt):
        return True  # navigation lists: "Related articles / View all"
    if nxt[:1].islower() or nxt[:1] in ",;)":
        return False  # the sentence goes on
    if line.endswith((".", "!", "?", '"', ":")):
        return True  # one paragraph per line, as most scraped text has it
    if len(current) == 1 and _is_heading_like(line) and _is_title_case(line) and len(line) < 0.7 * len(nxt):
        return True  # a title line above a (longer) paragraph; a wrapped line is not shorter
    return False


_SMALL_WORDS = {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by",
                "with", "from", "as", "vs", "via", "into", "over", "after", "amid", "about"}


def _is_title_case(line: str) -> bool:
    """Title Case ("Economic Ties With Asia"), as opposed to a wrapped prose line."""
    words = [w for w in re.findall(r"[^\W\d_][\w'-]*", line) if w.lower() not in _SMALL_WORDS]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.8


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


_HTML_DROP = ("script", "style", "noscript", "template", "svg", "iframe", "form", "button",
              "nav", "footer", "aside", "select", "input", "canvas", "object", "embed")
_HTML_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre",
                "figcaption", "td", "th", "dt", "dd", "caption", "address")
_FURNITURE_ATTR = re.compile(
    r"(^|[-_ ])(cookie|consent|advert|ads?|sponsor|promo|share|social|newsletter|subscribe|"
    r"related|recommend|comments?|sidebar|menu|navbar|breadcrumbs?|popup|modal|banner|"
    r"skip-link|paywall)([-_ ]|$)", re.I)


def html_blocks(html: str) -> tuple[list[Block], dict[str, str]]:
    """Visible text of an HTML page as blocks, plus metadata from its <head>."""
    from bs4 import BeautifulSoup, Comment

    from .htmlwalk import check_depth, prune, text_blocks as walk_text_blocks

    soup = BeautifulSoup(html, "lxml")
    check_depth(soup)
    meta = _html_metadata(soup)
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    prune(soup, _is_dropped)
    body = soup.body or soup
    blocks = [Block(text, kind) for text, kind in walk_text_blocks(body, _HTML_BLOCKS)]
    return [Block(normalize_text(b.text), b.kind) for b in blocks if normalize_text(b.text)], meta


def _is_dropped(tag) -> bool:
    """Scripts, forms and the like, and page furniture marked by role, id or class."""
    if tag.name in _HTML_DROP:
        return True
    role = tag.get("role") or ""
    marks = " ".join([tag.get("id") or "", *(tag.get("class") or [])])
    return role in ("navigation", "banner", "contentinfo", "complementary", "search") or bool(
        marks and _FURNITURE_ATTR.search(marks))


def _html_metadata(soup) -> dict[str, str]:
    meta: dict[str, str] = {}

    def content(**attrs) -> str | None:
        tag = soup.find("meta", attrs=attrs)
        value = tag.get("content") if tag else None
        return normalize_text(value).strip() if value and value.strip() else None

    meta_title = content(property="og:title") or content(name="twitter:title")
    h1 = soup.find("h1")
    title = soup.title.get_text(" ") if soup.title else None
    headline = meta_title or (h1.get_text(" ") if h1 else None) or title
    if headline and headline.strip():
        meta["title"] = normalize_text(" ".join(headline.split()))
    date = (content(property="article:published_time") or content(name="date")
            or content(itemprop="datePublished") or content(name="pubdate")
            or content(name="publish-date") or content(name="dc.date"))
    if not date:
        time = soup.find("time", attrs={"datetime": True})
        date = time["datetime"] if time else None
    if date:
        meta["date"] = date
    publisher = content(property="og:site_name") or content(name="publisher")
    if publisher:
        meta["publisher"] = publisher
    author = content(name="author") or content(property="article:author")
    if author:
        meta["author"] = author
    return meta


# -------------------------------------------------------------------- furniture

_FURNITURE_LINE = re.compile(
    r"^(?:skip to (?:main )?content|skip navigation|jump to|share(?: this)?(?: article| story| post| page)?"
    r"|share (?:on|via) \w+|read (?:also|more|next)|see also|related(?: articles| posts| stories| news| content)?"
    r"|more (?:from|on|stories)|view all|see all|show more|load more|advertisement|advertising|sponsored(?: content)?"
    r"|subscribe(?: now| today| to .*)?|sign (?:up|in)(?: .*)?|log ?in|newsletter.*|follow us(?: on .*)?"
    r"|latest(?: news| stories| posts)?|trending(?: now)?|most (?:read|popular|viewed)|popular(?: posts)?"
    r"|top stories|menu|home|search|back to top|print|email|comments?(?: \(\d+\))?|leave a (?:comment|reply)"
    r"|tags?|categor(?:y|ies)|click here.*|download (?:the|our) app.*|all rights reserved.*|copyright.*"
    r"|next article|previous article|continue reading|listen to (?:this )?article.*)"
    r"\W*$",
    re.I,
)
_COOKIE = re.compile(r"\bcookies?\b.*\b(accept|consent|use|policy|settings|agree)|\b(accept|agree|consent)\b.*\bcookies?\b|\bprivacy (policy|settings|notice)\b", re.I)
_PROMO = re.compile(r"\b(discount|coupon|promo(?:tion)?|deal|sale|offer|buy now|shop now|affiliate|% off)\b", re.I)
_DECORATION = re.compile(r"[\u2190-\u21ff\u25a0-\u25ff\u2600-\u27bf\u2b00-\u2bff|•·»«]")
_COPYRIGHT = re.compile(r"^(?:©|\(c\))", re.I)


def is_furniture(text: str) -> bool:
    """Page furniture by general rules: navigation, ads, share/subscribe prompts,
    cookie and privacy notices, and lines made mostly of symbols and brackets."""
    words = text.split()
    if not words:
        return True
    if _FURNITURE_LINE.match(text) or _COPYRIGHT.match(text):
        return True
    if _COOKIE.search(text) and len(words) <= 60:
        return True
    letters = sum(c.isalpha() for c in text)
    if letters < 2 or letters / len(text) < 0.5:
        return True  # rows of symbols, rules, brackets, numbers
    if len(words) <= 12:
        if "[" in text and "]" in text:
            return True  # "[AD]", "[Photo]", "▶ [SHOP] ..." tags in short lines
        if _DECORATION.search(text) and not text.endswith((".", "?", "!")):
            return True
        if _PROMO.search(text) and not text.endswith((".", "?", "!")):
            return True
    return False


# --------------------------------------------------------------------- metadata

_MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DATE = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?"
    rf"|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS},?\s+\d{{4}}"
    r"|\d{1,2}/\d{1,2}/\d{4})",
    re.I,
)
_DATE_PREFIX = re.compile(
    r"^(?:(?:date|dated|published|posted|updated|last updated|on)\s*:?\s*)?" + _DATE.pattern + r"\s*(?:[|,\-:]\s*)?",
    re.I,
)
_BY = re.compile(r"(?:^|[|,\-]\s*|\s)(?:by|source:|via)\s+(?P<who>[^|]+?)\s*(?:\||$)", re.I)
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")


def parse_date(text: str) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date string, through dateparser."""
    import dateparser

    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if iso:
        return iso.group(0) if _real_date(iso.group(0)) else None
    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date().isoformat() if parsed else None


def _real_date(iso: str) -> bool:
    """'2023-02-30' and '2023-99-99' are no dates: never written as xsd:date."""
    from datetime import date

    try:
        date.fromisoformat(iso)
    except ValueError:
        return False
    return True


def _metadata_line(text: str) -> dict[str, str] | None:
    """Metadata read from a short line made of a date and/or a byline, else None."""
    words = text.split()
    if len(words) > 14:
        return None
    found: dict[str, str] = {}
    rest = text
    date = _DATE.search(text)
    if date:
        iso = parse_date(date.group("date"))
        if iso:
            found["date"] = iso
        rest = rest.replace(date.group(0), " ")
    by = _BY.search(rest)
    if by:
        who = by.group("who").strip()
        found["publisher" if _DOMAIN.match(who) else "author"] = who
        rest = rest.replace(by.group(0), " ")
    rest = re.sub(r"^(?:date|dated|published|posted|updated|last updated|on)\b", "", rest.strip(), flags=re.I)
    if not found or sum(c.isalpha() for c in rest) > 3:
        return None
    return found


_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*(?:\([^)]{1,40}\))?\s*[-\u2013\u2014]+\s+(?=[A-Z\"'])"
)


def strip_dateline(text: str) -> tuple[str, str | None]:
    """'NEW DELHI, Sept 9, 2023 - Leaders ...' -> ('Leaders ...', 'Sept 9, 2023')."""
    m = _DATELINE.match(text)
    if not m or len(m.group("place")) < 3:
        return text, None
    return text[m.end():], m.group("date")


@dataclass(frozen=True)
class Cleaned:
    blocks: tuple[Block, ...]
    date: str | None
    publisher: str | None
    author: str | None
    headline: str | None


#: Metadata lines (dates, bylines) are looked for among the first blocks only.
METADATA_BLOCKS = 8


def clean_blocks(blocks: list[Block], max_headline_position: int = 4) -> Cleaned:
    """Apply the general rules: metadata lines and prefixes out, furniture out,
    repeated paragraphs and truncated teasers out; pick the headline."""
    date = publisher = author = None
    kept: list[Block] = []
    seen_raw: set[str] = set()
    for position, block in enumerate(blocks):
        text = block.text
        if text in seen_raw:
            continue  # a repeated block is dropped below anyway; skip the work now
        seen_raw.add(text)
        meta = _metadata_line(text) if position < METADATA_BLOCKS else None
        if meta is not None:
            date = date or meta.get("date")
            publisher = publisher or meta.get("publisher")
            author = author or meta.get("author")
            continue
        if len(kept) < 3:
            prefix = _DATE_PREFIX.match(text)
            if prefix and prefix.end() < len(text) and re.match(r"(?:date|dated|published|posted|updated|last)", text, re.I):
                date = date or parse_date(prefix.group("date"))
                text = text[prefix.end():].strip()
        if len(kept) < 3:
            text, dateline_date = strip_dateline(text)
            if dateline_date and re.search(r"\d{4}", dateline_date):
                date = date or parse_date(dateline_date)
        if is_furniture(text):
            continue
        kind = block.kind
        if kind == "paragraph" and _is_heading_like(text) and len(text.split()) <= 16:
            kind = "heading"
        kept.append(Block(text, kind))

    # A repeated paragraph (running titles, teaser cards) is furniture; a truncated
    # teaser ("...") of a later or earlier block is too.
    seen: set[str] = set()
    keys = [_dedupe_key(b.text) for b in kept]
    unique: list[Block] = []
    for i, block in enumerate(kept):
        key = keys[i]
        if key in seen or not key:
            continue
        if block.text.endswith("...") and len(key) > 20:
            stem = _dedupe_key(block.text[:-3])
            if any(k != key and k.startswith(stem) for k in keys):
                continue
        seen.add(key)
        unique.append(block)

    headline = None
    for block in unique[:max_headline_position]:
        if block.kind == "heading" and len(block.text.split()) >= 3:
            headline = block.text
            break
    return Cleaned(tuple(unique), date, publisher, author, headline)


def _dedupe_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.casefold())


# ------------------------------------------------------------------- documents


def document_id(name: str, sha256: str) -> str:
    return f"{slugify(Path(name).stem, 40)}-{sha256[:8]}"


def read_document(path: Path, warnings: list[str] | None = None) -> Document:
    """Read one article file; raise :class:`IngestError` with a one-line reason."""
    warnings = warnings if warnings is not None else []
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise IngestError(f"unsupported file type {suffix or '(none)'!r}")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise IngestError(f"too large ({size / 1e6:.0f} MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB)")
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}") from exc
    return parse_document(data, path.name, warnings)


def parse_document(data: bytes, name: str, warnings: list[str] | None = None) -> Document:
    """Bytes of a file called ``name`` to a :class:`Document`."""
    warnings = warnings if warnings is not None else []
    sha = hashlib.sha256(data).hexdigest()
    raw = decode(data, name, warnings)
    check_decoded_size(raw)
    if _looks_binary(raw):
        raise IngestError("binary file, not an article")
    suffix = Path(name).suffix.lower()
    meta: dict[str, str] = {}
    if suffix in HTML_SUFFIXES:
        blocks, meta = html_blocks(raw)
    elif suffix in MARKDOWN_SUFFIXES:
        blocks, meta = markdown_blocks(normalize_text(raw))
    else:
        blocks = text_blocks(normalize_text(raw))
    cleaned = clean_blocks(blocks)
    if not cleaned.blocks:
        raise IngestError("no article text (only page furniture or metadata)")
    segments: list[Segment] = []
    offset = 0
    for block in cleaned.blocks:
        for piece in split_long(block.text):
            segments.append(Segment(piece, block.kind, offset))
            offset += len(piece) + 2
    check_article_size(offset)
    headline = meta.get("title") or cleaned.headline
    date = parse_date(meta["date"]) if meta.get("date") else None
    if meta.get("date") and date is None:
        warnings.append(f"{name}: date {meta['date'][:40]!r} is not a date; ignored")
    return Document(
        id=document_id(name, sha),
        source_file=name,
        sha256=sha,
        segments=tuple(segments),
        headline=headline,
        date_published=date or cleaned.date,
        publisher=meta.get("publisher") or cleaned.publisher,
        byline=meta.get("author") or cleaned.author,
    )


#: Files larger than this are refused (the NLP of 100 MB of text takes hours).
MAX_FILE_BYTES = 100 * 1024 * 1024


def same_content_as(seen: dict[str, Document], doc: Document) -> str | None:
    """Why ``doc`` is skipped when an earlier document had the same bytes ("same content
    as <file>"), else None and ``doc`` is the one kept. Inputs come in (file name, path)
    order, so the local and the cluster build keep the same copy."""
    first = seen.setdefault(doc.sha256, doc)
    return None if first is doc else f"same content as {first.source_file}"


def discover(inputs: list[Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to read under ``inputs`` (folders recursively, sorted) and what was skipped.

    Symbolic links to files are read; links to folders are not followed (a link loop
    would never end). Hidden files and folders are ignored.
    """
    files: list[Path] = []
    skipped: list[tuple[str, str]] = []

    def consider(path: Path) -> None:
        try:
            consider_file(path)
        except OSError as exc:  # a folder we may list but not enter (no execute permission)
            skipped.append((display_path(path), f"cannot read: {exc.strerror or exc}"))

    def consider_file(path: Path) -> None:
        if not_utf8_name(path.name):
            skipped.append((display_path(path), "file name is not valid UTF-8"))
            return
        if path.is_symlink():
            reason = _link_problem(path)
            if reason:
                skipped.append((str(path), reason))
                return
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            skipped.append((str(path), f"unsupported file type {path.suffix.lower() or '(none)'!r}"))
            return
        if not path.is_file():
            skipped.append((str(path), "not a regular file"))
            return
        files.append(path)

    def unreadable(exc: OSError) -> None:
        skipped.append((display_path(exc.filename or "?"), f"cannot read folder: {exc.strerror or exc}"))

    def walk(root: Path) -> None:
        if root.is_symlink() and _link_problem(root):
            skipped.append((str(root), _link_problem(root)))
        elif root.is_dir():
            for folder, dirs, names in os.walk(root, followlinks=False, onerror=unreadable):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if not name.startswith("."):
                        consider(Path(folder) / name)
        elif root.exists() or root.is_symlink():
            consider(root)
        else:
            skipped.append((str(root), "no such file or folder"))

    for root in inputs:
        try:
            walk(root)
        except OSError as exc:
            skipped.append((display_path(root), f"cannot read: {exc.strerror or exc}"))
    return files, skipped


def _link_problem(path: Path) -> str | None:
    try:
        path.stat()
    except OSError as exc:
        return "symbolic link loop" if exc.errno == errno.ELOOP else "broken symbolic link"
    return None


def not_utf8_name(path: Path | str) -> bool:
    """A name with bytes that are not UTF-8 cannot be written into RDF or HTML."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def display_path(path: Path | str) -> str:
    """``path`` printable on any terminal (undecodable bytes as \\xNN)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


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
