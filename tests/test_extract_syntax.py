"""Grammar helpers of extract/syntax.py on small hand-built parses (no model)."""

from __future__ import annotations

import pytest

from graphbuild.extract.syntax import verb_subjects


def _doc(words, heads, deps, pos):
    import spacy
    from spacy.tokens import Doc

    # an English vocabulary: the helpers read lowercase forms ('order' of 'in order to')
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_verb_subjects_a_clause_after_a_preposition_takes_the_main_clauses_subject():
    # "Ribeiro was greeted before meeting Holm"
    doc = _doc(["Ribeiro", "was", "greeted", "before", "meeting", "Holm"], [2, 2, 2, 2, 3, 4],
               ["nsubjpass", "auxpass", "ROOT", "prep", "pcomp", "dobj"], ["PROPN", "AUX", "VERB", "ADP", "VERB", "PROPN"])
    assert [t.text for t in verb_subjects(doc[4])] == ["Ribeiro"]


def test_verb_subjects_a_noun_after_a_preposition_gives_no_subject():
    # "Ribeiro spoke before the meeting": "meeting" is a noun, no clause of its own
    doc = _doc(["Ribeiro", "spoke", "before", "the", "meeting"], [1, 1, 1, 4, 2],
               ["nsubj", "ROOT", "prep", "det", "pobj"], ["PROPN", "VERB", "ADP", "DET", "NOUN"])
    assert verb_subjects(doc[4]) == []


@pytest.mark.parametrize("dep", ["xcomp", "conj", "advcl"])
def test_verb_subjects_climb_to_the_governing_verb(dep):
    doc = _doc(["Ribeiro", "arrived", "to", "meet", "Holm"], [1, 1, 3, 1, 3],
               ["nsubj", "ROOT", "aux", dep, "dobj"], ["PROPN", "VERB", "PART", "VERB", "PROPN"])
    assert [t.text for t in verb_subjects(doc[3])] == ["Ribeiro"]


def test_verb_subjects_in_order_to_takes_the_subject_of_the_verb_it_hangs_from():
    # "Ribeiro landed after a flight in order to meet Holm", "in order" parsed under "flight"
    doc = _doc(["Ribeiro", "landed", "after", "a", "flight", "in", "order", "to", "meet", "Holm"],
               [1, 1, 1, 4, 2, 4, 5, 8, 6, 8],
               ["nsubj", "ROOT", "prep", "det", "pobj", "prep", "pobj", "aux", "acl", "dobj"],
               ["PROPN", "VERB", "ADP", "DET", "NOUN", "ADP", "NOUN", "PART", "VERB", "PROPN"])
    assert [t.text for t in verb_subjects(doc[8])] == ["Ribeiro"]


def test_verb_subjects_a_subject_hung_on_an_interrupted_auxiliary():
    # "Ribeiro did, after all, meet Holm": the parser hangs the subject on "did"
    doc = _doc(["Ribeiro", "did", ",", "after", "all", ",", "meet", "Holm"], [1, 6, 6, 6, 3, 6, 6, 6],
               ["nsubj", "aux", "punct", "prep", "pobj", "punct", "ROOT", "dobj"],
               ["PROPN", "AUX", "PUNCT", "ADP", "PRON", "PUNCT", "VERB", "PROPN"])
    assert [t.text for t in verb_subjects(doc[6])] == ["Ribeiro"]
