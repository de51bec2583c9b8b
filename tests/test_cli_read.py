"""`graphbuild read`: what a build would read, each document and each skip with its
reason, as text for a person or JSON Lines for a program, safe on a terminal."""

from __future__ import annotations

import json

from click.testing import CliRunner

from graphbuild.cli import cli

from .formats import as_page, write_jsonl, write_warc

STORY = "Vladimir Putin met Xi Jinping in Beijing on Wednesday.\nThe two leaders discussed trade."


def _corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_text(as_page(STORY, "Putin meets Xi"), encoding="utf-8")
    (folder / "menu.html").write_text("<html><body><nav>Home | World</nav></body></html>", encoding="utf-8")
    write_jsonl(folder / "n.jsonl", [{"title": "Evil \u202e\x1b[31m title", "text": "Emmanuel Macron visited Berlin.",
                                      "url": "https://example.org/m"}, "{broken"])
    (folder / "z\u202e\x1b.txt").write_text("Olaf Scholz visited Paris on Friday.", encoding="utf-8")
    return folder


def test_read_text_lists_documents_and_skips_with_reasons(tmp_path):
    folder = _corpus(tmp_path)
    result = CliRunner().invoke(cli, ["read", str(folder)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert f"document {folder}/page.html (" in out and "  headline: Putin meets Xi" in out
    assert "  | Vladimir Putin met Xi Jinping in Beijing on Wednesday." in out
    assert f"skipped {folder}/menu.html: no article text (only page furniture or metadata)" in out
    assert f"skipped {folder}/n.jsonl#L2: line 2: not JSON" in out
    assert f"document {folder}/n.jsonl#L1 (" in out and "  url: https://example.org/m" in out
    assert "\u202e" not in out and "\x1b" not in out
    assert "  headline: Evil \\u202e[31m title" in out  # ESC went at decoding; the override is shown
    assert f"document {folder}/z\\u202e\\x1b.txt (" in out  # a file name may hold anything
    assert result.stderr.strip() == "3 documents, 2 skipped, 0 warnings"


def test_read_jsonl_is_one_json_object_a_line_safe_on_a_terminal(tmp_path):
    folder = _corpus(tmp_path)
    result = CliRunner().invoke(cli, ["read", str(folder), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert "\u202e" not in result.stdout and "\x1b" not in result.stdout
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    docs = {r["where"].rsplit("/", 1)[1]: r for r in rows if r["kind"] == "document"}
    assert sorted(docs) == ["n.jsonl#L1", "page.html", "z\u202e\x1b.txt"]
    assert docs["n.jsonl#L1"]["headline"] == "Evil \u202e[31m title"  # escaped in the line, whole in the data
    assert (docs["n.jsonl#L1"]["record"], docs["n.jsonl#L1"]["url"]) == ("L1", "https://example.org/m")
    assert docs["page.html"]["text"].startswith("Vladimir Putin met Xi Jinping")
    assert sorted(r["where"].rsplit("/", 1)[1] for r in rows if r["kind"] == "skipped") == ["menu.html", "n.jsonl#L2"]


def test_read_of_nothing_readable_exits_1_and_says_why(tmp_path):
    warc = write_warc(tmp_path / "c.warc", [("request", "https://example.org/", b"", "text/html"),
                                            ("response", "https://example.org/x.png", b"\x89PNG", "image/png")])
    result = CliRunner().invoke(cli, ["read", str(warc)])
    assert result.exit_code == 1
    assert result.stdout == (f"skipped {warc}: 2 records that are not articles (1 request, 1 response image/png)\n")
