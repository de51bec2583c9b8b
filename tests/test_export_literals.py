"""Date literals are checked before they are written."""

from __future__ import annotations

import pytest

from graphbuild.export.literals import valid_date_value


@pytest.mark.parametrize("value", ["2023-10-19", "2023-12", "2023-01", "2023"])
def test_valid_date_value_accepts_a_day_a_month_and_a_year(value):
    assert valid_date_value(value)


@pytest.mark.parametrize("value", ["2023-02-30", "2023-13", "2023-00", "23", "2023-1"])
def test_valid_date_value_refuses_what_is_no_date(value):
    assert not valid_date_value(value)
