"""Files of many articles, written by the tests: WARC (with warcio), JSON Lines, RSS,
MHTML, each around articles of our own or the seed articles."""

from __future__ import annotations

import html
import io
import json
from pathlib import Path

from .conftest import SEEDS


def seed_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def as_page(text: str, title: str | None = None) -> str:
    """An article as a minimal web page: each line of the text a paragraph."""
    paragraphs = "".join(f"<p>{html.escape(line.strip())}</p>\n" for line in text.splitlines() if line.strip())
    head = f"<title>{html.escape(title)}</title>" if title else ""
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body><article>\n{paragraphs}</article></body></html>"


def write_warc(path: Path, records: list[tuple], gzip: bool = True) -> Path:
    """A WARC of ``records``: (type, uri, body bytes, content type[, HTTP status line])."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for rec_type, uri, body, content_type, *status in records:
            http = None
            if rec_type in ("response", "request"):
                first = (status[0] if status else "200 OK") if rec_type == "response" else "GET / HTTP/1.1"
                http = StatusAndHeaders(first, [("Content-Type", content_type)], protocol="HTTP/1.1",
                                        is_http_request=rec_type == "request")
            record = writer.create_warc_record(uri, rec_type, payload=io.BytesIO(body), http_headers=http,
                                               warc_content_type=None if http else content_type)
            writer.write_record(record)
    return path


def write_jsonl(path: Path, items: list) -> Path:
    path.write_text("".join((item if isinstance(item, str) else json.dumps(item)) + "\n" for item in items),
                    encoding="utf-8")
    return path


def write_rss(path: Path, items: list[dict], channel: str = "Example Wire") -> Path:
    """An RSS 2.0 feed; each item's ``html`` goes in content:encoded, ``summary`` in description."""
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>',
           f"<title>{html.escape(channel)}</title><link>https://example.org/</link>"]
    for item in items:
        out.append("<item>")
        for key, tag in (("title", "title"), ("link", "link"), ("date", "pubDate"), ("summary", "description")):
            if item.get(key):
                out.append(f"<{tag}>{html.escape(item[key])}</{tag}>")
        if item.get("html"):
            out.append(f"<content:encoded><![CDATA[{item['html']}]]></content:encoded>")
        out.append("</item>")
    out.append("</channel></rss>")
    path.write_text("\n".join(out), encoding="utf-8")
    return path


def write_mhtml(path: Path, page: str, url: str) -> Path:
    """A page saved as one file, as Chrome does: multipart/related, the HTML part
    quoted-printable, an image part beside it."""
    import quopri

    body = quopri.encodestring(page.encode("utf-8")).decode("ascii")
    path.write_text(
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: " + url + "\r\nSubject: saved\r\n"
        "MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n"
        "\tboundary=\"----MultipartBoundary--abc----\"\r\n\r\n"
        "------MultipartBoundary--abc----\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\nContent-Location: " + url + "\r\n\r\n"
        + body.replace("\n", "\r\n") + "\r\n"
        "------MultipartBoundary--abc----\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
        "Content-Location: " + url + "/logo.png\r\n\r\niVBORw0KGgo=\r\n"
        "------MultipartBoundary--abc------\r\n", encoding="ascii", newline="")
    return path


def signature(kg) -> dict:
    """What a graph says, apart from where it read it: entity labels and classes,
    relation triples, and event nodes (class, label, date, roles)."""
    return {
        "entities": sorted((e.label, e.cls) for e in kg.entities),
        "relations": sorted({(s.subject, s.predicate, s.object) for s in kg.statements}),
        "events": sorted((e.cls, e.label, e.date or "", e.participants, e.hosts, e.locations, e.modality)
                         for e in kg.events),
    }
