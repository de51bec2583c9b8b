"""The HTML reader: the visible text of a page as blocks (scripts, styles, navigation
and furniture containers dropped), and metadata from its <head>."""

from __future__ import annotations

from .blocks import Block
from .decode import normalize_text
from .furniture import patterns

_HTML_DROP = ("script", "style", "noscript", "template", "svg", "iframe", "form", "button",
              "nav", "footer", "aside", "select", "input", "canvas", "object", "embed")
_HTML_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre",
                "figcaption", "td", "th", "dt", "dd", "caption", "address")


def html_blocks(html: str) -> tuple[list[Block], dict[str, str]]:
    """Visible text of an HTML page as blocks, plus metadata from its <head>."""
    from bs4 import BeautifulSoup, Comment

    from .htmlwalk import check_depth, prune, text_blocks as walk_text_blocks

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

