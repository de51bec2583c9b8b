"""The HTML reader: the article of a news page as blocks, by trafilatura (main-text
extraction that keeps the article and leaves menus, teasers and comments out), with its
metadata (title, date, site name, author, URL). A page trafilatura finds no article in
is read by the older walker: its visible text (scripts, styles, navigation and
furniture containers dropped), and metadata from its <head>."""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from .blocks import Block
from .decode import normalize_text
from .furniture import patterns

_HTML_DROP = ("script", "style", "noscript", "template", "svg", "iframe", "form", "button",
              "nav", "footer", "aside", "select", "input", "canvas", "object", "embed")
_HTML_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre",
                "figcaption", "td", "th", "dt", "dd", "caption", "address")


#: trafilatura's XML elements that are blocks, and the block kind each becomes.
_ARTICLE_BLOCKS = {"head": "heading", "p": "paragraph", "item": "paragraph", "quote": "paragraph"}
#: Elements that end a run of inline text without being a block of their own.
_BREAKS = ("lb", "list", "table", "row", "cell", "graphic", "code")


def html_blocks(html: str) -> tuple[list[Block], dict[str, str]]:
    """The article of an HTML page as blocks, plus its metadata."""
    from ..limits import check_html_tags

    check_html_tags(html)  # before any parser sees it: no time limit can stop the parser
    blocks, meta = article_blocks(html)
    return (blocks, meta) if blocks else walked_blocks(html)


def article_blocks(html: str) -> tuple[list[Block], dict[str, str]]:
    """The article trafilatura extracts, as blocks and metadata; ([], {}) when none."""
    import trafilatura

    tree = _parsed(html)
    if tree is None:
        return [], {}
    meta = page_metadata(tree)
    # trafilatura logs each page it finds nothing in; graphbuild reports such pages itself.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    # bare_extraction, not extract(): the body as a tree, without the document fingerprint
    # and the XML round trip extract() adds (a third of its time on news pages).
    found = trafilatura.bare_extraction(tree, fast=True, include_comments=False, include_tables=False,
                                        with_metadata=False, config=_config())
    if found is None or found.body is None:
        return [], {}
    return body_blocks(found.body), {**meta, "reader": "trafilatura"}


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def _parsed(html: str):
    """The page as an lxml tree (None when it has no HTML), refused when nested too deep."""
    import lxml.etree
    import lxml.html

    from ..limits import check_html_depth

    # The text is decoded already: an XHTML page's encoding declaration is stale, and
    # lxml refuses a string that carries one.
    html = _XML_DECLARATION.sub("", html, count=1)
    try:
        tree = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None
    depth = deepest = 0
    for event, _ in lxml.etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    check_html_depth(deepest)
    return tree


def body_blocks(body) -> list[Block]:
    """trafilatura's article tree as blocks: each heading, paragraph, list item and quote,
    and the runs of text between them (text right after a heading, outside any
    paragraph, is article text too)."""
    blocks: list[Block] = []
    run: list[str] = []

    def flush() -> None:
        _add(blocks, " ".join(run), "paragraph")
        run.clear()

    def walk(element) -> None:
        run.append(element.text or "")
        for child in element:
            if child.tag in _ARTICLE_BLOCKS:
                flush()
                _add(blocks, "".join(child.itertext()), _ARTICLE_BLOCKS[child.tag])
            elif child.tag in _BREAKS or len(child):
                flush()
                walk(child)
                flush()
            else:  # inline (hi, ref, del): part of the run
                run.append("".join(child.itertext()))
            run.append(child.tail or "")
        flush()

    walk(body)
    return blocks


def _add(blocks: list[Block], text: str, kind: str) -> None:
    text = normalize_text(" ".join(text.split()))
    if text:
        blocks.append(Block(text, kind))


#: trafilatura's metadata fields and the names the ingest stage reads.
_ARTICLE_META = {"title": "title", "sitename": "publisher", "author": "author", "url": "url"}


def page_metadata(tree) -> dict[str, str]:
    """Title, date, site name, author and URL of a page: its meta tags and JSON-LD (as
    trafilatura reads them), the page's own date and author tags first. Categories,
    tags, licence and the byline search in the body that trafilatura's full metadata
    pass adds are not read: the graph has no use for them and they cost a third of the
    extraction time."""
    from htmldate import find_date
    from trafilatura.metadata import examine_meta, extract_meta_json, extract_sitename, extract_title, extract_url

    found = examine_meta(tree)
    try:
        found = extract_meta_json(tree, found)
    except Exception:  # noqa: BLE001 - trafilatura's JSON-LD reader fails on some pages; meta tags stay
        pass
    found.title = found.title or extract_title(tree)
    found.url = found.url or extract_url(tree)
    found.sitename = found.sitename or extract_sitename(tree)
    found.clean_and_trim()
    meta = {ours: normalize_text(str(getattr(found, theirs))).strip() for theirs, ours in _ARTICLE_META.items()
            if getattr(found, theirs, None) and str(getattr(found, theirs)).strip()}
    for key, attrs in (("date", _DATE_META), ("author", _AUTHOR_META)):
        stated = _stated(tree, attrs)
        if stated:
            meta[key] = normalize_text(stated)  # the page's own, checked and warned of like any other
    if "date" not in meta:
        date = find_date(tree, original_date=True, extensive_search=False, max_date=_MAX_DATE)
        if date:
            meta["date"] = date
    return meta


#: htmldate's upper bound for a date: fixed, so that a page reads the same on any day
#: (graphbuild warns of far-future dates itself).
_MAX_DATE = "2099-12-31"


@lru_cache(maxsize=1)
def _config():
    """trafilatura's settings with its size floors lowered: a short report is still an
    article (at the defaults a page under 250 characters is read as one flat block)."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "20")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "10")
    return config


#: The <meta> tags that state a page's publication date, in order of trust.
_DATE_META = ('property="article:published_time"', 'name="date"', 'itemprop="datePublished"', 'name="pubdate"',
              'name="publish-date"', 'name="dc.date"')


_AUTHOR_META = ('name="author"', 'property="article:author"')


def _stated(tree, tags: tuple[str, ...]) -> str | None:
    """The content of the first of these <meta> tags the page has."""
    for attrs in tags:
        found = tree.xpath(f"//meta[@{attrs}]/@content")
        if found and found[0].strip():
            return found[0].strip()
    return None


def walked_blocks(html: str) -> tuple[list[Block], dict[str, str]]:
    """Visible text of an HTML page as blocks, plus metadata from its <head>."""
    import warnings

    from bs4 import BeautifulSoup, Comment, XMLParsedAsHTMLWarning

    from .htmlwalk import check_depth, prune, text_blocks as walk_text_blocks

    with warnings.catch_warnings():
        # XHTML through the HTML parser is meant: it reads pages no XML parser would.
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(html, "lxml")
    check_depth(soup)
    meta = html_metadata(soup)
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
        marks and patterns().html_attribute.search(marks))


def html_metadata(soup) -> dict[str, str]:
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

