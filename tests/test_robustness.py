"""Bad input is reported and skipped, nothing good is lost, output is never half-written."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graphbuild
from graphbuild.cli import cli
from graphbuild.ingest import IngestError, parse_document, split_long
from graphbuild.run.output import OutputError, write_atomically

from .conftest import ROOT

GOOD = ("Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Monday. "
        "The two leaders discussed trade between Russia and China.\n")
GOOD_HTML = ("<html><head><title>Modi in Moscow</title><style>p{} .x{content:'Leak Style'}</style>"
             "<script>var s = 'Leak Script';</script></head><body><h1>Modi in Moscow</h1>"
             "<p>Indian Prime Minister Narendra Modi arrived in Moscow for talks with Vladimir Putin.</p>"
             "</body></html>")


@pytest.fixture
def bad_corpus(tmp_path, monkeypatch):
    root = tmp_path / "corpus"
    (root / "nested").mkdir(parents=True)
    (root / "good.txt").write_text(GOOD)
    (root / "nested" / "good.html").write_text(GOOD_HTML)
    (root / "copy-of-good.txt").write_text(GOOD)  # the same article twice
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (root / "latin1.txt").write_bytes("Caf\u00e9 diplomacy: Emmanuel Macron visited Beijing in April.".encode("cp1252"))
    (root / "furniture.txt").write_text("Skip to content\n\nShare this article\n\nAdvertisement\n\nView all\n")
    (root / "report.pdf").write_bytes(b"%PDF-1.4 not an article")
    (root / "dangling.txt").symlink_to(root / "does-not-exist.txt")
    (root / "loop-a.txt").symlink_to(root / "loop-b.txt")
    (root / "loop-b.txt").symlink_to(root / "loop-a.txt")
    (root / "folder-link").symlink_to(root, target_is_directory=True)  # never followed
    os.mkfifo(root / "pipe.txt")  # reading it would block forever
    unreadable = root / "unreadable.txt"
    unreadable.write_text(GOOD.replace("Beijing", "Tianjin"))
    if os.geteuid() == 0:  # root reads anything: make this one file fail as it would for a user
        real = Path.read_bytes

        def deny(self):
            if self.name == "unreadable.txt":
                raise PermissionError(13, "Permission denied")
            return real(self)

        monkeypatch.setattr(Path, "read_bytes", deny)
    else:
        unreadable.chmod(0)
    # 16 MB (under the 20 million characters a file may decode to): a real paragraph,
    # then page after page of one repeated line.
    with open(root / "huge.txt", "w") as fh:
        fh.write("Turkish President Recep Tayyip Erdogan met Vladimir Putin in Sochi.\n\n")
        block = "Markets were calm on the day of the talks in the capital.\n\n"
        fh.write(block * (16 * 1024 * 1024 // len(block)))
    return root


def test_robustness_bad_inputs_are_reported_and_the_rest_is_built(bad_corpus, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(bad_corpus), "--out", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    report = result.output
    for name, reason in [("empty.txt", "empty"), ("binary.txt", "binary"), ("furniture.txt", "page furniture"),
                         ("report.pdf", "unsupported"), ("dangling.txt", "broken symbolic link"),
                         ("loop-a.txt", "loop"), ("pipe.txt", "not a regular file"),
                         ("unreadable.txt", "cannot read"), ("copy-of-good.txt", "same content")]:
        line = next((ln for ln in report.splitlines() if name in ln), None)
        assert line is not None and reason in line, (name, report)
    assert "latin1.txt: not valid UTF-8" in report
    assert "4 documents" in report  # good, good.html, latin1, huge
    labels = {d["label"] for _, d in graphbuild.build([bad_corpus]).graph.nodes(data=True)}
    assert {"Vladimir Putin", "Xi Jinping", "Narendra Modi", "Emmanuel Macron", "Recep Tayyip Erdoğan"} <= labels
    html = (out / "graph.html").read_text()
    assert "Leak" not in html


def test_robustness_exit_status_when_nothing_is_usable(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    result = CliRunner().invoke(cli, ["build", str(tmp_path), "--out", str(tmp_path / "out")])
    assert result.exit_code != 0 and "nothing to build" in result.output


def test_split_long_keeps_sentences_whole_and_under_the_limit():
    text = " ".join(f"Sentence number {i} talks about Russia and China." for i in range(5000))
    pieces = split_long(text, limit=2000)
    assert all(len(p) <= 2000 for p in pieces)
    assert " ".join(pieces) == text
    assert all(p.endswith(".") for p in pieces)


def test_split_long_cuts_text_without_sentence_ends():
    pieces = split_long("word " * 10000, limit=1000)
    assert all(0 < len(p) <= 1000 for p in pieces)


def test_robustness_long_paragraph_is_parsed_in_chunks(tmp_path):
    para = " ".join(f"Delegates from Kazakhstan met in Astana for round {i}." for i in range(600))
    (tmp_path / "long.txt").write_text("Vladimir Putin visited Astana. " + para + "\n")
    result = graphbuild.build([tmp_path])
    labels = {d["label"] for _, d in result.graph.nodes(data=True)}
    assert {"Vladimir Putin", "Astana", "Kazakhstan"} <= labels
    assert len(result.records[0].document.segments) > 1


# ------------------------------------------------------------------ atomic output


def test_write_atomically_failure_leaves_previous_output(tmp_path):
    write_atomically(tmp_path, {"graph.ttl": b"old ttl", "graph.html": b"old html"})

    class Boom(dict):
        def items(self):
            yield "graph.ttl", b"new ttl"
            raise RuntimeError("renderer failed")

    with pytest.raises(RuntimeError):
        write_atomically(tmp_path, Boom())
    assert (tmp_path / "graph.ttl").read_bytes() == b"old ttl"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html", "graph.ttl"]


def test_write_atomically_writer_failing_midway_leaves_previous_output(tmp_path):
    write_atomically(tmp_path, {"graph.ttl": b"old ttl", "graph.html": b"old html"})

    def half_then_fail(fh):
        fh.write(b"@prefix half")
        raise OSError("disk full")

    with pytest.raises(OutputError, match="disk full"):
        write_atomically(tmp_path, {"graph.html": lambda fh: fh.write(b"new html"), "graph.ttl": half_then_fail})
    assert (tmp_path / "graph.ttl").read_bytes() == b"old ttl"
    assert (tmp_path / "graph.html").read_bytes() == b"old html"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html", "graph.ttl"]


def _start_build(corpus: Path, out: Path) -> subprocess.Popen:
    env = {**os.environ, "GRAPHBUILD_PAUSE_BEFORE_RENAME": "30"}
    # A Ctrl-C as a terminal sends it: a process started in the background of a shell
    # without job control inherits SIGINT ignored, and would never see the signal.
    return subprocess.Popen([sys.executable, "-m", "graphbuild", "build", str(corpus), "--out", str(out), "-q"],
                            env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_robustness_interrupted_build_leaves_previous_output_intact(seed_out, tmp_path, sig):
    out = tmp_path / "out"
    shutil.copytree(seed_out, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(GOOD)
    proc = _start_build(corpus, out)
    try:
        deadline = time.monotonic() + 120
        # Wait until the new files are written into the build's temporary folder, then interrupt.
        while not list(tmp_path.glob(".out.graphbuild-*/graph.graphml")):
            assert proc.poll() is None, proc.stderr.read().decode()
            assert time.monotonic() < deadline, "the build never reached the write phase"
            time.sleep(0.1)
        time.sleep(0.3)
        proc.send_signal(sig)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    if sig == signal.SIGINT:
        assert proc.returncode == 130
        assert leftovers == []
        assert b"interrupted" in proc.stderr.read()
    else:
        # SIGKILL cannot be caught: the hidden temporary folder may stay, never the real
        # names, and the next build clears it.
        assert all(name.startswith(".out.graphbuild-") for name in leftovers)
        graphbuild.build([corpus]).write(out)
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


# ------------------------------------------------------------- order and layout


def test_robustness_same_files_in_any_order_or_layout_give_the_same_bytes(tmp_path):
    articles = {
        "a.txt": GOOD,
        "b.html": GOOD_HTML,
        "c.md": "# Erdogan in Sochi\n\nTurkish President Recep Tayyip Erdogan met Vladimir Putin in Sochi.\n",
    }
    flat = tmp_path / "flat"
    flat.mkdir()
    nested = tmp_path / "nested"
    for i, (name, text) in enumerate(articles.items()):
        (flat / name).write_text(text)
        folder = nested / f"level{i}" / "deeper"
        folder.mkdir(parents=True)
        (folder / name).write_text(text)
    one = graphbuild.build([flat])
    two = graphbuild.build(sorted(nested.rglob("*.*"), reverse=True))
    assert one.to_turtle() == two.to_turtle()
    assert one.to_html() == two.to_html()
    assert one.to_graphml() == two.to_graphml()


# ------------------------------------------------------------ property tests

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_property_ingestion_never_crashes(data, suffix):
    try:
        doc = parse_document(data, "x" + suffix)
    except IngestError:
        return
    for seg in doc.segments:
        assert doc.text[seg.start:seg.end] == seg.text
        assert seg.text.strip()


@settings(max_examples=60, deadline=None)
@given(value=TEXT)
def test_property_strings_round_trip_through_turtle(value):
    from pyoxigraph import RdfFormat, parse
    from rdflib import Graph

    from graphbuild.export.turtle import serialize
    from graphbuild.graph import build_graph
    from graphbuild.records import Document, Entity, Resolution, Segment

    doc = Document(id="d", source_file=f"{value}.txt", sha256="0" * 64,
                   segments=(Segment("x", "paragraph", 0),), headline=value or None)
    entity = Entity(id="e", cls="Person", label=value or "x", alt_labels=(value + "\\",), mention_count=1)
    data = serialize(build_graph([doc], Resolution(entities=(entity,))))
    labels = {str(o) for o in Graph().parse(data=data, format="turtle").objects()}
    assert value + "\\" in labels and f"{value}.txt" in labels
    oxi = {q.object.value for q in parse(data, format=RdfFormat.TURTLE)}
    assert value + "\\" in oxi and f"{value}.txt" in oxi


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(["Putin", "Xi", "met", "in", "Beijing", "Russia", "the", "\u00e9", "<b>",
                                       "\"", "NATO", "visited", ".", "\n\n", "&", "Prime", "Minister", "Modi",
                                       "'s", "(BRI)", "never", "sanctions", "on", "Kazakh"]), max_size=60))
def test_property_extraction_and_export_never_crash(words, tmp_path):
    (tmp_path / "gen.txt").write_text(" ".join(words) or "x")
    try:
        result = graphbuild.build([tmp_path])
    except graphbuild.pipeline.NothingToBuild:
        return
    assert result.to_turtle() and result.to_html() and result.to_graphml()
