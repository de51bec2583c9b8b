"""Selective parsing: the entity pass everywhere, the parse only where a rule can fire,
and the parsed docs the same as the whole pipeline's."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from graphbuild.extract.candidates import LemmaTables, cue_words, lemma_tables, may_yield_facts
from graphbuild.lang import words
from graphbuild.nlp import entity_pass, parse_selectively

TABLES = LemmaTables(rules=(("ed", ""), ("ed", "e"), ("s", ""), ("ing", "")), exceptions={"held": ("hold",)})


def blank_doc(text: str, ents: tuple[tuple[int, int, str], ...] = ()) -> Doc:
    doc = spacy.blank("en")(text)
    doc.ents = [Span(doc, a, b, label=label) for a, b, label in ents]
    return doc


def test_candidates_every_rule_and_exception_is_a_candidate():
    assert TABLES.candidates("signed") >= {"signed", "sign", "signe"}
    assert "hold" in TABLES.candidates("held")
    assert TABLES.candidates("ed") == {"ed"}  # a rule never leaves an empty word


def test_candidates_segment_without_entity_or_cue_is_left_unparsed():
    assert not may_yield_facts(blank_doc("Share this page on the usual networks"), frozenset({"sign"}), TABLES)


def test_candidates_an_entity_or_an_inflected_trigger_asks_for_the_parse():
    assert may_yield_facts(blank_doc("Lisbon welcomes readers", ((0, 1, "GPE"),)), frozenset(), TABLES)
    assert may_yield_facts(blank_doc("The deal was signed yesterday"), frozenset({"sign"}), TABLES)
    assert may_yield_facts(blank_doc("The talks were held behind doors"), frozenset({"hold"}), TABLES)


def test_candidates_cue_words_hold_triggers_and_title_words(lexicon):
    cues = cue_words(lexicon, words())
    assert set(lexicon.verbs) <= cues and set(lexicon.event_nouns) <= cues
    assert {"president", "minister"} <= cues


def test_candidates_tables_come_from_the_model_lemmatizer(nlp):
    tables = lemma_tables(nlp)
    assert tables.rules and "meet" in tables.candidates("met")


def test_nlp_entity_pass_is_the_rulers_and_the_ner(nlp):
    assert entity_pass(nlp) == ("graphbuild_gazetteer", "graphbuild_name_shapes", "ner")


TEXTS = ["Prime Minister Ana Ruiz flew to Rabat on Tuesday and met King Karim there.",
         "Subscribe to our newsletter for more stories like this one",
         "Officials in Oslo said the accord would be signed in May. It was welcomed."]


def test_nlp_parse_selectively_parsed_docs_equal_the_whole_pipeline(nlp):
    whole = list(nlp.pipe(TEXTS))
    got = list(parse_selectively(nlp, ((t, k) for k, t in enumerate(TEXTS)), lambda doc: True, batch_size=2))
    assert [k for _, k, _ in got] == [0, 1, 2]
    attrs = ["TAG", "POS", "DEP", "HEAD", "LEMMA", "ENT_IOB", "ENT_TYPE", "SENT_START"]
    for (doc, _, parsed), full in zip(got, whole):
        assert parsed
        assert (doc.to_array(attrs) == full.to_array(attrs)).all()


def test_nlp_parse_selectively_unparsed_doc_keeps_entities_and_one_sentence(nlp):
    got = list(parse_selectively(nlp, [(TEXTS[2], None)], lambda doc: False))
    doc, _, parsed = got[0]
    assert not parsed and not doc.has_annotation("DEP") and not doc.has_annotation("TAG")
    assert [e.text for e in doc.ents] == [e.text for e in nlp(TEXTS[2]).ents]
    assert len(list(doc.sents)) == 1


@pytest.mark.parametrize("selected", [0, 1, 2])
def test_nlp_parse_selectively_only_chosen_docs_are_parsed(nlp, selected):
    got = list(parse_selectively(nlp, ((t, k) for k, t in enumerate(TEXTS)), lambda doc: doc.text == TEXTS[selected]))
    assert [doc.has_annotation("DEP") for doc, _, _ in got] == [k == selected for k in range(3)]
    assert [p for _, _, p in got] == [k == selected for k in range(3)]


def test_worker_furniture_paragraph_is_not_parsed_and_the_record_is_the_same(nlp, gazetteer, lexicon):
    from graphbuild.extract.document import extract_document
    from graphbuild.ingest import parse_document
    from graphbuild.run.runtime import Resources
    from graphbuild.run.worker import process_documents

    text = ("Narendra Modi met Xi Jinping in Kazan on Tuesday.\n\nShare this page with a friend\n\n"
            "The two leaders signed a fisheries accord.\n")
    document = parse_document(text.encode(), "a.txt")
    resources = Resources(gazetteer, lexicon, nlp, cue_words(lexicon, words()), lemma_tables(nlp))
    assert [resources.may_yield_facts(nlp(s.text)) for s in document.segments] == [True, False, True]
    record = process_documents([document], resources)[0]
    whole = extract_document(list(zip(document.segments, nlp.pipe(s.text for s in document.segments))),
                             document, gazetteer, lexicon)
    assert record == whole and record.relations
