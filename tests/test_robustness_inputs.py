"""Hostile and broken articles: each is one reported skip (or read safely), never an
abort, a hang or invalid output. Every case is built from bytes written here."""

from __future__ import annotations

import errno
import logging
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import graphbuild
from graphbuild.cli import cli
from graphbuild.ingest import IngestError, discover, parse_document
from graphbuild.limits import LimitExceeded, describe
from graphbuild.records import DocRecord, Document, Segment, SkippedDocument
from graphbuild.run.runtime import Resources

from .conftest import SEEDS

GOOD = ("Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Monday. "
        "The two leaders discussed trade between Russia and China.\n")


def _nested(depth: int) -> bytes:
    return (b"<html><body>" + b"<div><span>" * (depth // 2) + b"<p>Vladimir Putin visited Minsk.</p>"
            + b"</span></div>" * (depth // 2) + b"</body></html>")


def _distinct_text(chars: int) -> bytes:
    line = "Report line {} says the delegation from district {} arrived.\n"
    count = chars // len(line.format(0, 0)) + 1
    return "".join(line.format(i, i * 7) for i in range(count)).encode()


#: name -> (bytes, reason the file is skipped with)
SKIPPED = {
    "odd-utf16.txt": (b"\xff\xfe" + b"abc", "not valid UTF-16"),
    "nested-1000.html": (_nested(1_000), "nested deeper than 512"),
    "nested-100000.html": (_nested(100_000), "nested deeper than 512"),
    "distinct-50mb.txt": (b"", "characters after decoding"),  # written by the fixture (50 MB)
    "long-1.2m.txt": (b"", "characters of text after cleaning"),
    "amp-flood.txt": (b"&amp;&nbsp;" * 500_000, "characters of text after cleaning"),  # 5.5 MB, entities as text
}

#: name -> bytes of files that are read, whatever is odd about them
READ = {
    "feb30.txt": b"Published: 2023-02-30\n\nVladimir Putin met Xi Jinping in Beijing on Wednesday.\n",
    "uffff.txt": "Vladimir Putin met Xi Jinping\uffff in Beijing.\n".encode(),
    "bad-dates.html": (b'<html><head><meta name="date" content="2023-99-99">'
                       b'<meta name="author" content="Jane Roe\nand John Doe"></head><body>'
                       b"<p>Vladimir Putin met Xi Jinping in Beijing on 2023-13-45.</p></body></html>"),
    "amp-flood.html": (b"<html><body><p>Vladimir Putin met Xi Jinping in Beijing.</p><p>"
                       + b"&amp;&nbsp;" * 500_000 + b"</p></body></html>"),
    "word-run.txt": b"Vladimir Putin met " + b" ".join([b"Word"] * 2000) + b" in Beijing.\n",
    "amp-run.txt": b"Vladimir Putin met leaders. " + b" ".join([b"& AA"] * 2000) + b" Summit in Minsk.\n",
}


def _write_bad_inputs(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (data, _) in SKIPPED.items():
        (folder / name).write_bytes(data)
    (folder / "distinct-50mb.txt").write_bytes(_distinct_text(50_000_000))
    (folder / "long-1.2m.txt").write_bytes(_distinct_text(1_200_000))
    for name, data in READ.items():
        (folder / name).write_bytes(data)
    (folder / os.fsdecode(b"bad-\xffname.txt")).write_bytes(GOOD.encode())
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    for sub in ("no-exec", "no-read"):
        (folder / sub).mkdir()
        (folder / sub / "inside.txt").write_text(GOOD.replace("Beijing", "Tianjin"))


@pytest.fixture
def denied_folders(monkeypatch):
    """``no-read`` cannot be listed, ``no-exec`` can be listed but not entered, as for a
    user without those permissions (root, who reads anything, gets the same errors)."""

    def deny(folder: Path) -> None:
        if os.geteuid() != 0:
            (folder / "no-exec").chmod(0o600)
            (folder / "no-read").chmod(0o300)
            return
        real_scandir, real_stat = os.scandir, os.stat

        def scandir(path="."):
            if not isinstance(path, int) and os.fspath(path).endswith("no-read"):
                raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
            return real_scandir(path)

        def stat(path, *args, **kwargs):
            if not isinstance(path, int) and os.path.basename(os.path.dirname(os.fspath(path))) == "no-exec":
                raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
            return real_stat(path, *args, **kwargs)

        monkeypatch.setattr(os, "scandir", scandir)
        monkeypatch.setattr(os, "stat", stat)

    yield deny


# ------------------------------------------------------------------- one file


@pytest.mark.parametrize("name", [n for n, (data, _) in SKIPPED.items() if data])
def test_ingest_hostile_file_is_one_line_reason(name):
    data, reason = SKIPPED[name]
    started = time.monotonic()
    with pytest.raises((IngestError, LimitExceeded), match=reason):
        parse_document(data, name)
    assert time.monotonic() - started < 60  # a hang would never get here; this is no benchmark


@pytest.mark.parametrize("chars, reason", [(50_000_000, "after decoding"), (1_200_000, "after cleaning")])
def test_ingest_too_long_text_is_refused(chars, reason):
    with pytest.raises(LimitExceeded, match=reason):
        parse_document(_distinct_text(chars), "long.txt")


def test_ingest_impossible_dates_are_dropped_with_a_warning():
    warnings: list[str] = []
    doc = parse_document(READ["bad-dates.html"], "bad-dates.html", warnings)
    assert doc.date_published is None
    assert warnings == ["bad-dates.html: date '2023-99-99' is not a date; ignored"]
    assert parse_document(READ["feb30.txt"], "feb30.txt").date_published is None


def test_ingest_noncharacters_are_removed():
    doc = parse_document(READ["uffff.txt"], "uffff.txt")
    assert "\uffff" not in doc.text and "Xi Jinping in Beijing" in doc.text


def test_normalize_date_refuses_impossible_iso_dates():
    from graphbuild.knowledge.dates import normalize_date

    assert normalize_date("2023-13-45") is None
    assert normalize_date("on Wednesday", base="2023-02-30") is None
    assert normalize_date("2023-02-28") == "2023-02-28"


def test_html_walk_keeps_blocks_in_order_without_recursion():
    from bs4 import BeautifulSoup

    from graphbuild.ingest.htmlwalk import text_blocks

    soup = BeautifulSoup("<body><div>lead <b>bold</b><p>one</p>tail<br>after<section><h2>Head</h2>"
                         "<div><li>item</li></div></section></div></body>", "lxml")
    assert text_blocks(soup.body) == [("lead bold", "paragraph"), ("one", "paragraph"), ("tail", "paragraph"),
                                      ("after", "paragraph"), ("Head", "heading"), ("item", "paragraph")]


# -------------------------------------------------------------- file listing


def test_discover_reports_bad_names_loops_and_denied_folders(tmp_path, denied_folders):
    _write_bad_inputs(tmp_path)
    denied_folders(tmp_path)
    files, skipped = discover([tmp_path, tmp_path / "loop-a.txt"])
    reasons = {Path(p).name: r for p, r in skipped}
    assert reasons["bad-\\xffname.txt"] == "file name is not valid UTF-8"
    assert reasons["loop-a.txt"] == "symbolic link loop"  # in the folder and named alone
    assert sum(r == "symbolic link loop" for p, r in skipped if p.endswith("loop-a.txt")) == 2
    assert reasons["no-read"] == "cannot read folder: Permission denied"
    assert reasons["inside.txt"] == "cannot read: Permission denied"
    assert not [f for f in files if "no-" in str(f)]


def test_discover_unreadable_folder_alone_is_named(tmp_path, denied_folders):
    _write_bad_inputs(tmp_path)
    denied_folders(tmp_path)
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "no-read"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "no-read: cannot read folder: Permission denied" in result.output


# ------------------------------------------------------- document isolation


class FakeNLP:
    """Parses a segment into itself; a segment holding EXPLODE breaks the whole stream."""

    pipe_names: list[str] = []  # no component: the selective parse passes every text through

    def pipe(self, stream, as_tuples=True, batch_size=128, disable=()):
        for text, context in stream:
            if "EXPLODE" in text:
                raise RuntimeError("parser crashed")
            yield text, context


def _documents(*texts: str) -> list[Document]:
    return [Document(id=f"d{i}", source_file=f"d{i}.txt", sha256=str(i) * 64,
                     segments=(Segment(t, "paragraph", 0),)) for i, t in enumerate(texts)]


def _fake_extract(pairs, document, gazetteer, lexicon):
    text = pairs[0][1]
    if "BOOM" in text:
        raise ValueError("extractor bug\nsecond line")
    if "SLOW" in text:
        time.sleep(5)
    if "DEEP" in text:
        raise RecursionError("maximum recursion depth exceeded")
    return DocRecord(document)


@pytest.mark.parametrize("bad, reason", [
    ("BOOM", "failed: ValueError: extractor bug second line"),
    ("EXPLODE", "failed: RuntimeError: parser crashed"),
    ("SLOW", "took longer than the 1 s limit (--doc-timeout)"),
    ("DEEP", "too deeply nested to read (RecursionError)"),
])
@pytest.mark.parametrize("workers", [1, 2])
def test_worker_failing_document_is_skipped_and_the_others_kept(monkeypatch, bad, reason, workers):
    from graphbuild.run import worker

    monkeypatch.setattr(worker, "extract_document", _fake_extract)
    docs = _documents("one", f"two {bad}", "three", "four")
    if workers == 1:
        outcomes = worker.process_documents(docs, Resources(None, None, FakeNLP()), batch_size=2, doc_timeout=1)
    else:  # forked pool processes, two documents a task
        outcomes = list(worker.run(docs, lambda: Resources(None, None, FakeNLP()), workers=2, chunk=2, doc_timeout=1))
    assert [type(o) for o in outcomes] == [DocRecord, SkippedDocument, DocRecord, DocRecord]
    assert [o.document.id for o in outcomes] == ["d0", "d1", "d2", "d3"]
    assert outcomes[1].reason == reason


def test_worker_document_that_kills_its_process_is_skipped(monkeypatch):
    from graphbuild.run import worker

    def extract(pairs, document, gazetteer, lexicon):
        if "DIE" in pairs[0][1]:
            os._exit(1)  # as a crash in native code or the OOM killer would
        return DocRecord(document)

    monkeypatch.setattr(worker, "extract_document", extract)
    docs = _documents("one", "two", "three DIE", "four", "five", "six")
    outcomes = list(worker.run(docs, lambda: Resources(None, None, FakeNLP()), workers=2, chunk=2))
    assert [o.document.id for o in outcomes if isinstance(o, DocRecord)] == ["d0", "d1", "d3", "d4", "d5"]
    assert [(o.document.id, o.reason) for o in outcomes if isinstance(o, SkippedDocument)] == [
        ("d2", "its worker process died while reading it")]


def test_describe_is_one_line():
    assert "\n" not in describe(ValueError("a\nb\n" + "x" * 500))
    assert len(describe(ValueError("x" * 500))) < 200


def test_build_reports_a_timed_out_document_with_its_file(corpus, monkeypatch):
    from graphbuild.run import worker

    real = worker.extract_document

    def slow(pairs, document, gazetteer, lexicon):
        if document.source_file == "slow.txt":
            time.sleep(10)
        return real(pairs, document, gazetteer, lexicon)

    monkeypatch.setattr(worker, "extract_document", slow)
    folder = corpus({"slow.txt": GOOD.replace("Beijing", "Harbin"), "fast.txt": GOOD})
    result = CliRunner().invoke(cli, ["build", str(folder), "--out", str(folder.parent / "out"), "--no-cache",
                                      "--doc-timeout", "2", "--workers", "1", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert f"{folder / 'slow.txt'}: took longer than the 2 s limit (--doc-timeout)" in result.output
    assert "1 document, 1 skipped" in result.output


# ---------------------------------------------------------- name shapes


def test_name_shape_patterns_have_no_unbounded_repeat():
    from graphbuild.nlp import name_shape_patterns

    ops = [tok.get("OP") for p in name_shape_patterns() for tok in p["pattern"]]
    assert "*" not in ops and "+" not in ops


def test_name_shape_still_finds_long_names(nlp):
    doc = nlp("Officials of the Eurasian Regional Energy Transit Cooperation Organisation met on Monday.")
    assert "Eurasian Regional Energy Transit Cooperation Organisation" in [e.text for e in doc.ents]


# ------------------------------------------------------ the whole corpus


def _facts(result) -> tuple[set, set]:
    g = result.graph
    labels = {d["label"] for _, d in g.nodes(data=True) if d.get("kind") == "entity"}
    facts = {(g.nodes[u]["label"], d["predicate"], g.nodes[v]["label"])
             for u, v, d in g.edges(data=True) if d.get("kind") == "relation"}
    return labels, facts


def test_robustness_seeds_and_every_bad_input_build_in_one_go(seed_result, tmp_path, denied_folders, caplog):
    from pyoxigraph import RdfFormat, parse
    from rdflib import Graph

    corpus = tmp_path / "corpus"
    import shutil

    shutil.copytree(SEEDS, corpus)
    _write_bad_inputs(corpus / "bad")
    denied_folders(corpus / "bad")
    out = tmp_path / "out"
    with caplog.at_level(logging.WARNING, logger="graphbuild"):
        result = CliRunner().invoke(cli, ["build", str(corpus), "--out", str(out), "--no-cache", "--no-progress",
                                          "--format", "nt", "--format", "trig", "--format", "jsonld"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    expected = {name: reason for name, (_, reason) in SKIPPED.items()}
    expected.update({"bad-\\xffname.txt": "file name is not valid UTF-8", "loop-a.txt": "symbolic link loop",
                     "no-read": "cannot read folder: Permission denied", "inside.txt": "cannot read: Permission"})
    for name, reason in expected.items():
        line = next((ln for ln in lines if f"/{name}: " in ln), None)
        assert line is not None and reason in line, (name, result.output)
    assert "warning: bad-dates.html: date '2023-99-99' is not a date; ignored" in lines
    assert "Traceback" not in result.output and not caplog.records

    seed_labels, seed_facts = _facts(seed_result)
    labels, facts = _facts(graphbuild.build([corpus], workers=1))
    assert seed_labels <= labels and seed_facts <= facts

    nt = (out / "graph.nt").read_bytes()
    assert b'"Jane Roe\\nand John Doe"' in nt  # a newline in a literal stays on its line
    rdflib_graph = Graph().parse(data=nt, format="nt")
    assert len(rdflib_graph) == nt.count(b"\n")
    assert len(list(parse(nt, format=RdfFormat.N_TRIPLES))) == len(rdflib_graph)
    assert len(Graph().parse(out / "graph.ttl", format="turtle")) == len(rdflib_graph)
    for impossible in (b'"2023-99-99"^^', b'"2023-13-45"^^', b'"2023-02-30"^^'):
        assert impossible not in nt
    from lxml import etree

    etree.parse(str(out / "graph.graphml"))  # well-formed XML


# ------------------------------------------------------------- dask addresses


@pytest.mark.parametrize("address, message", [
    ("bogus-address", "bad --dask address 'bogus-address'"),
    ("local:abc", "bad --dask 'local:abc'"),
    ("local:0", "bad --dask 'local:0'"),
])
def test_cli_bad_dask_address_is_one_line(tmp_path, address, message):
    pytest.importorskip("distributed")
    (tmp_path / "a.txt").write_text(GOOD)
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"),
                                      "--dask", address])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [result.output.strip()] and message in result.output


def test_cli_silent_dask_scheduler_is_a_timeout_not_a_hang(tmp_path):
    pytest.importorskip("distributed")
    import socket

    from graphbuild.run.cluster import ClusterError, connect

    with socket.socket() as listener:  # accepts, never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        started = time.monotonic()
        with pytest.raises(ClusterError, match="cannot reach the Dask scheduler"):
            with connect(f"tcp://127.0.0.1:{port}", connect_timeout=3):
                pass
        assert time.monotonic() - started < 60
