"""The HTML reader: the article of a news page as blocks, by trafilatura (main-text
extraction that keeps the article and leaves menus, teasers and comments out), with its
metadata (title, date, site name, author, URL). A page trafilatura finds no article in
is read by the older walker: its visible text (scripts, styles, navigation and
furniture containers dropped), and metadata from its <head>."""

from __future__ import annotations

import logging
from functools import lru_cache

from .blocks import Block
from .decode import normalize_text
from .furniture import patterns

_HTML_DROP = ("script", "style", "noscript", "template", "svg", "iframe", "form", "button",
              "nav", "footer", "aside", "select", "input", "canvas", "object", "embed")
_HTML_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre",
                "figcaption", "td", "th", "dt", "dd", "caption", "address")


#: trafilatura's XML elements and the block kind each becomes.
_ARTICLE_BLOCKS = {"head": "heading", "p": "paragraph", "item": "paragraph", "quote": "paragraph"}
#: trafilatura's metadata attributes and the names the ingest stage reads.
_ARTICLE_META = {"title": "title", "date": "date", "sitename": "publisher", "author": "author", "url": "url"}


def html_blocks(html: str) -> tuple[list[Block], dict[str, str]]:
    """The article of an HTML page as blocks, plus its metadata."""
    blocks, meta = article_blocks(html)
    return (blocks, meta) if blocks else walked_blocks(html)


def article_blocks(html: str) -> tuple[list[Block], dict[str, str]]:
    """The article trafilatura extracts, as blocks and metadata; ([], {}) when none."""
    import lxml.etree
    import lxml.html
    import trafilatura

    from ..limits import check_html_depth

    try:
        tree = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return [], {}
    depth = deepest = 0
    for event, _ in lxml.etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    check_html_depth(deepest)
    # trafilatura logs each page it finds nothing in; graphbuild reports such pages itself.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    xml = trafilatura.extract(tree, output_format="xml", with_metadata=True, include_comments=False,
                              include_tables=False, fast=True, config=_config())
    if not xml:
        return [], {}
    doc = lxml.etree.fromstring(xml.encode("utf-8"))
    blocks = []
    for el in doc.iter(*_ARTICLE_BLOCKS):
        text = normalize_text(" ".join("".join(el.itertext()).split()))
        if text and not (el.tag == "p" and el.getparent() is not None and el.getparent().tag in _ARTICLE_BLOCKS):
            blocks.append(Block(text, _ARTICLE_BLOCKS[el.tag]))
    meta = {ours: normalize_text(doc.get(theirs)).strip() for theirs, ours in _ARTICLE_META.items()
            if doc.get(theirs) and doc.get(theirs).strip()}
    for key, attrs in (("date", _DATE_META), ("author", _AUTHOR_META)):
        stated = _stated(tree, attrs)
        if stated:
            meta[key] = normalize_text(stated)  # the page's own, checked and warned of like any other
    return blocks, meta


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

