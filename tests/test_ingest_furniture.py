"""Furniture rules one at a time: each line below is caught by one rule only."""

from __future__ import annotations

import pytest

from graphbuild.ingest import is_furniture


@pytest.mark.parametrize("line", ["Shop now for the best deals", "Limited offer for new readers",
                                  "Use the coupon at checkout"])
def test_is_furniture_detects_a_short_promo_line(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", ["\u25b6 Watch the full interview", "Politics \u00bb Europe \u00bb Elections",
                                  "\u2192 Next: the election results"])
def test_is_furniture_detects_a_short_line_with_decoration(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", ["The deal was signed in Astana.", "Was the offer ever made?",
                                  "Putin \u00bb Xi, said the caption."])
def test_is_furniture_keeps_a_sentence_with_promo_words_or_symbols(line):
    assert not is_furniture(line)


def test_is_furniture_keeps_a_long_headline_with_a_promo_word():
    """Only short lines are tried against the promo and decoration rules: a headline has no period."""
    assert not is_furniture("Retailers report record holiday sales as shoppers hunt for a good deal this year")


def test_is_furniture_keeps_prose_written_with_vowel_marks():
    # Arabic with its short-vowel marks: the marks are part of the words, not symbols.
    line = "\u0639\u064e\u0644\u0651\u064e\u0645\u064e " * 6
    assert not is_furniture(line.strip())


def test_is_furniture_keeps_a_list_line_with_many_numbers():
    # short words and numbers: the spaces between them are no symbols either
    assert not is_furniture("Day 12: 1 egg, 2 oz. ham, 1 cup tea, 4 figs")


@pytest.mark.parametrize("line", ["Rivertown 14 11 6 15 - 44", "10 p.m.", "2-1 (3-3) 0:45"])
def test_is_furniture_drops_rows_of_numbers(line):
    assert is_furniture(line)
