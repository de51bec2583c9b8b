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
    from bs4 import BeautifulSoup, Comment, NavigableString, Tag

    furniture_attr = patterns().html_attribute
    soup = BeautifulSoup(html, "lxml")
    meta = html_metadata(soup)
    for tag in soup.find_all(_HTML_DROP):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(True):
        if tag.decomposed or not isinstance(tag, Tag) or tag.attrs is None:
            continue
        role = tag.get("role") or ""
        marks = " ".join([tag.get("id") or "", *(tag.get("class") or [])])
        if role in ("navigation", "banner", "contentinfo", "complementary", "search") or (
            marks and furniture_attr.search(marks)
        ):
            tag.decompose()
    body = soup.body or soup
    blocks: list[Block] = []
    block_names = set(_HTML_BLOCKS)

    def visit(node: Tag) -> None:
        pending: list[str] = []

        def flush() -> None:
            text = " ".join(" ".join(pending).split())
            if text:
                blocks.append(Block(text, "paragraph"))
            pending.clear()

        for child in node.children:
            if isinstance(child, NavigableString):
                pending.append(str(child))
            elif isinstance(child, Tag):
                if child.name in block_names and not child.find(_HTML_BLOCKS):
                    flush()
                    text = " ".join(child.get_text(" ").split())
                    if text:
                        kind = "heading" if child.name[0] == "h" and child.name[1:].isdigit() else "paragraph"
                        blocks.append(Block(text, kind))
                elif child.name == "br":
                    flush()
                elif child.find(_HTML_BLOCKS) or child.name in ("div", "section", "article", "main", "header", "body", "ul", "ol", "table", "tr", "tbody"):
                    flush()
                    visit(child)
                else:
                    pending.append(child.get_text(" "))
        flush()

    visit(body)
    return [Block(normalize_text(b.text), b.kind) for b in blocks if normalize_text(b.text)], meta


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

