"""Who attends a summit (extract/attendance.py): the leaders its sentence names, but
not those the sentence says stayed away."""

from __future__ import annotations

import pytest

from .test_extract_events import of


def test_attendance_leaders_named_in_a_summits_sentence_attend_it(events):
    found = events("At the Nordic summit in Oslo, German Chancellor Olaf Scholz sat between French President "
                   "Emmanuel Macron and a group of business chiefs.")
    summits = of(found, "Summit")
    assert summits and all({"German Chancellor Olaf Scholz", "French President Emmanuel Macron"} <= set(s[1])
                           for s in summits), summits


def test_attendance_a_leader_the_sentence_says_stayed_away_does_not_attend(events):
    found = events("Leaders of the bloc met in Oslo on Monday for a summit that French President Emmanuel Macron "
                   "did not attend.")
    summits = of(found, "Summit")
    assert summits and not any("Macron" in p for s in summits for p in s[1]), summits



@pytest.mark.parametrize("absent", ["didn't show up", "didn\u2019t show up", "skipped it", "stayed away"])
def test_attendance_a_contracted_or_other_absence_keeps_a_leader_out(events, absent):
    found = events(f"Leaders of the bloc met in Oslo on Monday for a summit, but French President Emmanuel Macron "
                   f"{absent}.")
    summits = of(found, "Summit")
    assert summits and not any("Macron" in p for s in summits for p in s[1]), summits
