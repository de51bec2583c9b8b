"""Files of many articles (WARC, JSON Lines, RSS) and saved pages (MHTML, a page with
its Name_files/ folder): each record a document with its own provenance, a bad record
reported and the others read, the same graph as the articles given one file each."""

from __future__ import annotations

import json
import re

import pytest

import graphbuild
from graphbuild.ingest.inputs import Found, Passed, read_inputs

from .conftest import SEEDS
from .formats import as_page, seed_texts, signature, write_jsonl, write_mhtml, write_rss, write_warc

STORY = ("Vladimir Putin met Xi Jinping in Beijing on Wednesday.\n"
         "The two leaders discussed trade between Russia and China.")
OTHER = "Narendra Modi visited Tokyo on Monday.\nHe met Fumio Kishida at the Kantei."


@pytest.fixture(scope="module")
def seed_signature():
    return signature(graphbuild.build([SEEDS], no_cache=True))


def _read(*paths):
    items = list(read_inputs(list(paths), []))
    return [i for i in items if isinstance(i, Found)], [i for i in items if isinstance(i, Passed)]


def test_warc_of_the_seed_pages_gives_the_seed_graph(tmp_path, seed_signature):
    records = [("warcinfo", None, b"software: graphbuild tests", "application/warc-fields")]
    for i, text in enumerate(seed_texts().values()):
        records.append(("request", f"https://example.org/{i}", b"", "text/html"))
        records.append(("response", f"https://example.org/{i}", as_page(text).encode(), "text/html; charset=utf-8"))
        records.append(("metadata", f"https://example.org/{i}", b"outlinks: none", "application/warc-fields"))
    records.append(("response", "https://example.org/logo.png", b"\x89PNG\r\n\x1a\n", "image/png"))
    warc = write_warc(tmp_path / "crawl.warc.gz", records)
    kg = graphbuild.build([warc], no_cache=True)
    assert signature(kg) == seed_signature
    assert sorted(d.url for d in kg.documents) == [f"https://example.org/{i}" for i in range(5)]
    assert all(d.source_file == "crawl.warc.gz" and d.record.isdigit() for d in kg.documents)
    assert kg.skipped == ((str(warc), "12 records that are not articles (5 metadata, 5 request, "
                                      "1 response image/png, 1 warcinfo)"),)


def test_jsonl_of_the_seed_articles_gives_the_seed_graph(tmp_path, seed_signature):
    lines = []
    for i, text in enumerate(seed_texts().values()):
        title, _, body = text.partition("\n")  # the title apart, as scrapers write it
        lines.append({"title": title, "maintext": body, "url": f"https://example.org/{i}"})
    kg = graphbuild.build([write_jsonl(tmp_path / "news.jsonl", lines)], no_cache=True)
    assert signature(kg) == seed_signature
    assert sorted(d.record for d in kg.documents) == ["L1", "L2", "L3", "L4", "L5"]


def test_rss_of_the_seed_articles_gives_the_seed_graph(tmp_path, seed_signature):
    items = [{"title": text.splitlines()[0], "link": f"https://example.org/{i}", "html": as_page(text)}
             for i, text in enumerate(seed_texts().values())]
    kg = graphbuild.build([write_rss(tmp_path / "feed.xml", items)], no_cache=True)
    assert signature(kg) == seed_signature
    assert sorted(d.where for d in kg.documents) == [f"feed.xml#{i}" for i in range(1, 6)]


def test_saved_page_with_its_files_folder_gives_the_graph_of_the_page_alone(tmp_path):
    page = tmp_path / "saved" / "Putin meets Xi.html"
    page.parent.mkdir()
    page.write_text(as_page(STORY, "Putin meets Xi"), encoding="utf-8")
    frames = tmp_path / "saved" / "Putin meets Xi_files"
    frames.mkdir()
    (frames / "saved_resource.html").write_text(as_page(OTHER), encoding="utf-8")
    (frames / "ad.htm").write_text(as_page(OTHER), encoding="utf-8")
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "Putin meets Xi.html").write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    kg = graphbuild.build([page.parent], no_cache=True)
    assert signature(kg) == signature(graphbuild.build([alone], no_cache=True))
    assert [d.source_file for d in kg.documents] == ["Putin meets Xi.html"]
    assert [(p, r.split(" (")[0]) for p, r in kg.skipped] == [
        (str(frames), "the resources of the saved page Putin meets Xi.html")]


def test_jsonl_bad_line_is_reported_with_its_number_and_the_rest_read(tmp_path):
    path = write_jsonl(tmp_path / "news.jsonl", [
        {"text": STORY}, '{"text": "cut short', "", [1, 2], {"title": "No body here"}, {"content": OTHER}])
    found, passed = _read(path)
    assert [f.origin for f in found] == [f"{path}#L1", f"{path}#L6"]
    assert [(p.origin, p.reason.split(" (")[0]) for p in passed] == [
        (f"{path}#L2", "line 2: not JSON"), (f"{path}#L4", "line 4: a JSON list, not an object"),
        (f"{path}#L5", "line 5: no article text")]


def test_jsonl_gz_keys_from_the_language_pack(tmp_path):
    import gzip

    path = tmp_path / "dump.jsonl.gz"
    item = {"headline": "Modi in Tokyo", "article": OTHER, "date_publish": "2024-05-06 10:00:00",
            "link": "https://example.org/modi", "authors": ["A. Writer", "B. Writer"]}
    path.write_bytes(gzip.compress((json.dumps(item) + "\n").encode()))
    (doc,), _ = _read(path)
    d = doc.document
    assert (d.headline, d.date_published, d.url, d.byline, d.record) == (
        "Modi in Tokyo", "2024-05-06", "https://example.org/modi", "A. Writer, B. Writer", "L1")
    assert d.segments[0].text == "Modi in Tokyo"


def test_warc_broken_record_never_loses_the_others(tmp_path, monkeypatch):
    import graphbuild.ingest.warc as warc_reader

    deep = "<div>" * 2000 + "Deep words." + "</div>" * 2000
    path = write_warc(tmp_path / "c.warc", [
        ("response", "https://example.org/a", as_page(STORY).encode(), "text/html"),
        ("response", "https://example.org/deep", f"<html><body>{deep}</body></html>".encode(), "text/html"),
        ("response", "https://example.org/big", b"Words. " * 6000, "text/plain"),
        ("response", "https://example.org/empty", b"<html><body><nav>Home</nav></body></html>", "text/html"),
        ("response", "https://example.org/b", OTHER.encode(), "text/plain; charset=utf-8"),
    ], gzip=False)
    monkeypatch.setattr(warc_reader, "MAX_FILE_BYTES", 40_000)
    found, passed = _read(path)
    assert [f.document.url for f in found] == ["https://example.org/a", "https://example.org/b"]
    assert [p.reason.split(" (")[0] for p in passed] == [
        "HTML nested deeper than 512 elements", "too large", "no article text"]
    assert all(re.fullmatch(rf"{re.escape(str(path))}#\d+", p.origin) for p in passed)


def test_warc_cut_short_keeps_the_records_before(tmp_path):
    path = write_warc(tmp_path / "c.warc.gz", [
        ("response", "https://example.org/a", as_page(STORY).encode(), "text/html"),
        ("response", "https://example.org/b", as_page(OTHER).encode(), "text/html")])
    (_, second), _ = _read(path)
    start = int(second.document.record)
    data = path.read_bytes()
    path.write_bytes(data[:start + (len(data) - start) // 2])  # the second record's gzip member cut short
    found, passed = _read(path)
    assert [f.document.url for f in found] == ["https://example.org/a"]
    assert [p.reason.split(":")[0] for p in passed] == [f"stopped reading at byte {start}"]


def test_warc_record_that_takes_too_long_is_skipped_alone(tmp_path, monkeypatch):
    import time

    import graphbuild.ingest.warc as warc_reader

    real = warc_reader.parse_document

    def slow(data, *args, **kwargs):
        if b"Tokyo" in data:
            time.sleep(5)
        return real(data, *args, **kwargs)

    monkeypatch.setattr(warc_reader, "parse_document", slow)
    path = write_warc(tmp_path / "c.warc", [
        ("response", f"https://example.org/{i}", text.encode(), "text/plain")
        for i, text in enumerate([STORY, OTHER, "Emmanuel Macron visited Berlin on Friday."])])
    items = list(read_inputs([path], [], doc_timeout=1.5))
    assert [type(i).__name__ for i in items] == ["Found", "Passed", "Found"]
    assert items[1].reason == "took longer than the 1.5 s limit (--doc-timeout)"


def test_feed_recognised_by_its_root_and_items_without_text_reported(tmp_path):
    write_rss(tmp_path / "wire.rss", [
        {"title": "Putin meets Xi", "link": "https://example.org/p", "date": "Thu, 19 Oct 2023 10:00:00 GMT",
         "summary": STORY.replace("\n", " ")},
        {"title": "Only a title"}])
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>')
    (tmp_path / "atom.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?><!-- a comment --><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Atom Wire</title><entry><title>Modi in Tokyo</title><link href='https://example.org/m'/>"
        f"<updated>2024-05-06T10:00:00Z</updated><content type='html'>&lt;p&gt;{OTHER}&lt;/p&gt;</content>"
        "</entry></feed>", encoding="utf-8")
    found, passed = _read(tmp_path)
    got = {f.origin.rsplit("/", 1)[1]: (f.document.headline, f.document.date_published, f.document.publisher,
                                        f.document.url) for f in found}
    assert got == {"atom.xml#1": ("Modi in Tokyo", "2024-05-06", "Atom Wire", "https://example.org/m"),
                   "wire.rss#1": ("Putin meets Xi", "2023-10-19", "Example Wire", "https://example.org/p")}
    assert sorted((p.origin.rsplit("/", 1)[1], p.reason.split(" (")[0]) for p in passed) == [
        ("sitemap.xml", "XML, but not an RSS or Atom feed"),
        ("wire.rss#2", "item 2: an item with no content or summary")]


def test_mhtml_reads_its_html_part_with_the_saved_address(tmp_path):
    path = write_mhtml(tmp_path / "page.mhtml", as_page(STORY, "Putin meets Xi"), "https://example.org/saved")
    (doc,), passed = _read(path)
    assert passed == []
    assert (doc.document.headline, doc.document.url, doc.document.record) == (
        "Putin meets Xi", "https://example.org/saved", None)
    assert doc.document.text.startswith("Vladimir Putin met Xi Jinping in Beijing on Wednesday.")


def test_same_content_in_two_records_or_formats_is_read_once(tmp_path):
    page = as_page(STORY).encode()
    (tmp_path / "a.html").write_bytes(page)
    write_warc(tmp_path / "b.warc.gz", [("response", "https://example.org/a", page, "text/html"),
                                        ("response", "https://example.org/c", as_page(OTHER).encode(), "text/html")])
    write_jsonl(tmp_path / "c.jsonl", [{"text": OTHER}, {"text": OTHER}])
    found, passed = _read(tmp_path)
    assert len(found) == 3
    assert [(p.origin.rsplit("/", 1)[1].split("#")[0], p.reason.split("#")[0]) for p in passed] == [
        ("b.warc.gz", "same content as a.html"), ("c.jsonl", "same content as c.jsonl")]


def test_turtle_has_the_url_and_record_of_each_document(tmp_path):
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import XSD

    path = write_jsonl(tmp_path / "n.jsonl", [{"text": STORY, "url": "https://example.org/p?a=1&b=2"},
                                               {"text": OTHER, "url": "not a url"}])
    g = Graph().parse(data=graphbuild.build([path], no_cache=True).to_turtle(), format="turtle")
    url, record = URIRef("https://schema.org/url"), URIRef("https://w3id.org/graphbuild/ontology#sourceRecord")
    assert sorted(map(str, g.objects(None, record))) == ["L1", "L2"]
    assert list(g.objects(None, url)) == [Literal("https://example.org/p?a=1&b=2", datatype=XSD.anyURI)]


def test_cache_keys_each_record_of_a_file_of_many(tmp_path):
    lines = [{"text": STORY}, {"text": OTHER}, {"text": "Emmanuel Macron visited Berlin on Friday."}]
    path = write_jsonl(tmp_path / "n.jsonl", lines)
    cache = tmp_path / "cache"
    first = graphbuild.build([path], cache_dir=cache)
    again = graphbuild.build([path], cache_dir=cache)
    assert (again.cache_hits, again.cache_misses) == (3, 0)
    assert again.to_turtle() == first.to_turtle()
    write_jsonl(path, lines[:2] + [{"text": "Olaf Scholz visited Paris on Friday."}])
    changed = graphbuild.build([path], cache_dir=cache)
    assert (changed.cache_hits, changed.cache_misses) == (2, 1)
    assert changed.to_turtle() == graphbuild.build([path], no_cache=True).to_turtle()


def _valid_files(tmp_path_factory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("valid")
    page = as_page(STORY, "Putin meets Xi").encode()
    return {
        "c.warc.gz": write_warc(folder / "c.warc.gz", [("response", "https://e.org/a", page, "text/html")] * 2)
        .read_bytes(),
        "c.warc": write_warc(folder / "c.warc", [("response", "https://e.org/a", page, "text/html")], gzip=False)
        .read_bytes(),
        "n.jsonl": write_jsonl(folder / "n.jsonl", [{"text": STORY, "title": "T"}, {"content": OTHER}]).read_bytes(),
        "f.rss": write_rss(folder / "f.rss", [{"title": "T", "html": page.decode()}]).read_bytes(),
        "p.mhtml": write_mhtml(folder / "p.mhtml", page.decode(), "https://e.org/p").read_bytes(),
    }


@pytest.fixture(scope="module")
def valid_files(tmp_path_factory):
    return _valid_files(tmp_path_factory)


def test_property_damaged_files_of_many_never_crash_the_reader(valid_files):
    """Any file of many cut short or with bytes flipped gives documents and skips, or one
    IngestError for the whole file: never another exception out of the reader."""
    import io

    from hypothesis import given, settings, strategies as st

    from graphbuild.ingest.blocks import IngestError
    from graphbuild.ingest.skip import Skipped
    from graphbuild.ingest.sources import read_stream
    from graphbuild.records import Document

    @settings(max_examples=150, deadline=None)
    @given(name=st.sampled_from(sorted(valid_files)), cut=st.floats(0, 1),
           flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=4))
    def check(name, cut, flips):
        data = bytearray(valid_files[name][:max(1, int(len(valid_files[name]) * cut))])
        for where, value in flips:
            data[min(len(data) - 1, int(len(data) * where))] = value
        try:
            items = list(read_stream(io.BytesIO(bytes(data)), name, []))
        except IngestError:
            return
        assert all(i is None or isinstance(i, (Document, Skipped)) for i in items)  # None: a record ticked

    check()


def test_warc_reading_holds_no_document_it_has_handed_over(tmp_path):
    """Memory stays flat: reading 8 times as many records costs no more at its peak
    (only the hash and where of each document are kept, to find second copies)."""
    import tracemalloc

    def peak(count: int) -> int:
        body = " ".join(f"Delegates from the port of Velmora met on day {{}} to discuss grain {w}."
                        for w in range(300))
        path = write_warc(tmp_path / f"{count}.warc", [
            ("response", f"https://example.org/{i}", body.replace("{}", str(i)).encode(), "text/plain")
            for i in range(count)], gzip=False)
        tracemalloc.start()
        try:
            read = sum(isinstance(item, Found) for item in read_inputs([path], []))
            return tracemalloc.get_traced_memory()[1], read
        finally:
            tracemalloc.stop()

    (small, small_read), (large, large_read) = peak(40), peak(320)
    assert (small_read, large_read) == (40, 320)
    assert large < small * 1.5, (small, large)


@pytest.mark.parametrize("gzip", [True, False])
def test_warc_damaged_record_is_reported_and_the_records_after_it_read(tmp_path, gzip):
    stories = [f"{STORY} Story number {i} of the day." for i in range(6)]
    path = write_warc(tmp_path / ("c.warc.gz" if gzip else "c.warc"), [
        ("response", f"https://example.org/{i}", as_page(text).encode(), "text/html") for i, text in enumerate(stories)],
        gzip=gzip)
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2] + b"\x00DAMAGE" * 50 + data[len(data) // 2:])
    found, passed = _read(path)
    urls = [f.document.url for f in found]
    assert "https://example.org/5" in urls and len(urls) >= 5  # the records after the damage too
    assert any("is damaged" in p.reason and "read on from the next record" in p.reason for p in passed)


def test_warc_records_that_are_no_article_each_have_their_own_time(tmp_path, monkeypatch):
    import time

    import graphbuild.ingest.warc as warc_reader

    real = warc_reader._article_reader

    def slow(record):
        found = real(record)
        if found[0] is None:
            time.sleep(0.15)  # 20 of them: 3 s, far past the limit of one
        return found

    monkeypatch.setattr(warc_reader, "_article_reader", slow)
    path = write_warc(tmp_path / "c.warc", [
        *[("response", f"https://example.org/{i}.png", b"\x89PNG" + bytes(50), "image/png") for i in range(20)],
        ("response", "https://example.org/story", STORY.encode(), "text/plain")], gzip=False)
    items = list(read_inputs([path], [], doc_timeout=1.0))
    assert [i.document.url for i in items if isinstance(i, Found)] == ["https://example.org/story"]
    assert [i.reason for i in items if isinstance(i, Passed)] == ["20 records that are not articles (20 response image/png)"]


def test_feed_with_an_internal_doctype_subset_is_read_and_expands_nothing(tmp_path):
    path = tmp_path / "f.rss"
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY nbsp "&#160;">\n'
                    '<!ENTITY secret SYSTEM "file:///etc/hostname">\n]>\n<rss version="2.0"><channel><title>W</title>'
                    f"<item><title>Talks</title><description>{STORY} &secret;</description></item></channel></rss>",
                    encoding="utf-8")
    found, passed = _read(path)
    assert len(found) == 1 and "Putin" in found[0].document.text
    hostname = open("/etc/hostname", encoding="utf-8").read().strip()
    assert not hostname or hostname not in found[0].document.text  # the external entity stays unread


@pytest.mark.parametrize("url, kept", [
    ("https://example.org/a", True), ("HTTP://example.org/b", True), ("javascript://%0Aalert(1)", False),
    ("file:///etc/passwd", False), ("https://example.org/\u202egnp.exe", False), ("data:text/html,x", False)])
def test_turtle_url_only_an_http_address(tmp_path, url, kept):
    path = write_jsonl(tmp_path / "n.jsonl", [{"text": STORY, "url": url}])
    assert ("schema:url" in graphbuild.build([path], no_cache=True).to_turtle().decode()) is kept


def test_jsonl_record_of_a_title_and_furniture_only_is_no_article(tmp_path):
    path = write_jsonl(tmp_path / "n.jsonl", [{"title": "Leaders meet", "text": "Share this\n\nSubscribe\n\nCookie policy"},
                                               {"title": "Leaders meet", "text": STORY}])
    found, passed = _read(path)
    assert [f.origin.rsplit("#", 1)[1] for f in found] == ["L2"]
    assert [p.reason.split(" (")[0] for p in passed] == ["line 1: no article text"]


def test_jsonl_byte_order_mark_of_the_first_line_is_no_error(tmp_path):
    path = tmp_path / "n.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"text": STORY}).encode() + b"\n" + json.dumps({"text": OTHER}).encode())
    found, passed = _read(path)
    assert len(found) == 2 and passed == []


def test_an_empty_path_is_reported_never_read_as_the_current_folder(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    found, passed = _read("")
    assert found == [] and [p.reason.split(";")[0] for p in passed] == ["an empty path names no file (an unset variable?)"]
