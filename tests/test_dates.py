"""Dates of events (graphbuild.knowledge.dates): explicit dates, ranges, and days without a year
resolved with the tense of the report."""

from __future__ import annotations

import pytest

from graphbuild.knowledge.dates import date_range, normalize_date


@pytest.mark.parametrize(
    "text, base, future, expected",
    [
        # a report looks back: late December in an early-January article is last year's
        ("December 28", "2024-01-03", False, "2023-12-28"),
        # a plan looks forward: early January in a late-December article is next year's
        ("January 5", "2023-12-20", True, "2024-01-05"),
        ("January 5", "2023-12-20", False, "2023-01-05"),
        # a few days ahead of the article stays in its year
        ("June 8", "2024-06-03", False, "2024-06-08"),
        ("in March 2021", "2024-06-03", False, "2021-03"),
        ("on Wednesday", "2025-09-05", False, "2025-09-03"),
        ("on Wednesday", "2025-09-05", True, "2025-09-10"),
        # around a day the text states: the nearest such weekday, either side
        ("on Saturday", "2025-09-05", None, "2025-09-06"),
        ("on Tuesday", "2025-09-05", None, "2025-09-02"),
        ("on Friday", "2025-09-05", None, "2025-09-05"),
        ("three-day", "2025-09-05", False, None),
        # numeric dates: a day when only one reading is possible, else the year alone
        ("06/15/2024", None, False, "2024-06-15"),
        ("15.06.2024", None, False, "2024-06-15"),
        ("05/06/2024", None, False, "2024"),
        ("31/02/2024", None, False, None),
        # a week away: the month of its middle
        ("next week", "2025-09-28", True, "2025-10"),
        ("last week", "2025-09-03", False, "2025-08"),
    ],
)
def test_dates_normalize_with_the_tense(text, base, future, expected):
    assert normalize_date(text, base, future) == expected


@pytest.mark.parametrize(
    "text, base, expected",
    [
        ("on August 31 and September 1", "2025-09-05", ("2025-08-31", "2025-09-01")),
        ("June 13-15", "2024-06-20", ("2024-06-13", "2024-06-15")),
        ("13 to 15 June", "2024-06-20", ("2024-06-13", "2024-06-15")),
        ("from 30 December to 2 January 2026", None, ("2025-12-30", "2026-01-02")),
        ("August 31 and September 1, 2025", None, ("2025-08-31", "2025-09-01")),
        ("2019-2020", None, ("2019", None)),
        ("October 19, 2023", None, ("2023-10-19", None)),
        ("Monday and Tuesday", None, (None, None)),
    ],
)
def test_dates_range_gives_start_and_end(text, base, expected):
    assert date_range(text, base) == expected
