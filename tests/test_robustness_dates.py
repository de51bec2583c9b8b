"""An impossible or far-future publication date is ignored with a warning, and never
anchors the article's relative dates (issue 29)."""

from __future__ import annotations

import pytest

from graphbuild.ingest import parse_document
from graphbuild.knowledge.dates import parse_date

BODY = "French President Emmanuel Macron visited Berlin on Monday for talks with Olaf Scholz.\n"


@pytest.mark.parametrize("line", ["Published: 2023-02-30", "Published: 2023-13-45", "Published: 99999-01-01",
                                  "Published: 9999-01-01", "2023-02-30\n\nBy Jane Doe"])
def test_dates_bad_publication_date_warns_and_is_ignored(line):
    warnings: list[str] = []
    doc = parse_document(f"Macron in Berlin\n\n{line}\n\n{BODY}".encode(), "a.txt", warnings)
    assert doc.date_published is None
    assert len(warnings) == 1 and "a.txt" in warnings[0] and "ignored" in warnings[0], warnings


def test_dates_good_publication_date_still_read():
    warnings: list[str] = []
    doc = parse_document(f"Macron in Berlin\n\nPublished: 2023-02-28\n\n{BODY}".encode(), "a.txt", warnings)
    assert doc.date_published == "2023-02-28" and warnings == []


@pytest.mark.parametrize("text", ["99999-01-01", "9999-01-01", "0001-01-01", "2023-02-30"])
def test_dates_parse_date_refuses_impossible_years(text):
    assert parse_date(text) is None
