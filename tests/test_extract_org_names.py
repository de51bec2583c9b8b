"""Organisation names the model cut at a known name (extract/org_names.py), on small
hand-built Docs: the gazetteer ids are set by hand, no model is needed."""

from __future__ import annotations

import pytest

from graphbuild.extract.org_names import organisation_names


def _ents(text: str, ents: list[tuple[int, int, str, str]]):
    import spacy
    from spacy.tokens import Span

    doc = spacy.blank("en")(text)
    doc.ents = [Span(doc, s, e, label=label, span_id=kb) for s, e, label, kb in ents]
    return list(doc.ents)


@pytest.mark.parametrize("text, ents, joined", [
    ("the Norway Fisheries Agency said", [(1, 2, "GPE", "norway"), (2, 4, "ORG", "")], "Norway Fisheries Agency"),
    ("the NATO Training Fund grew", [(1, 2, "ORG", "nato"), (2, 4, "ORG", "")], "NATO Training Fund"),
    ("the Labour Party of Norway won", [(1, 3, "ORG", ""), (4, 5, "GPE", "norway")], "Labour Party of Norway"),
])
def test_org_names_join_a_generic_name_to_the_known_name_that_completes_it(gazetteer, text, ents, joined):
    found = organisation_names(_ents(text, ents), gazetteer)
    assert [(e.text, e.label_) for e in found] == [(joined, "ORG")]


@pytest.mark.parametrize("text, ents", [
    ("the Norwegian Fisheries Agency said", [(1, 2, "NORP", "norway"), (2, 4, "ORG", "")]),  # an adjective
    ("Norway and the Fisheries Agency", [(0, 1, "GPE", "norway"), (3, 5, "ORG", "")]),  # not adjacent
    ("the Norway Fisheries Plan said", [(1, 2, "GPE", "norway"), (2, 4, "ORG", "")]),  # no head word
    ("the Labour Party in Norway won", [(1, 3, "ORG", ""), (4, 5, "GPE", "norway")]),  # not 'of'
])
def test_org_names_leave_other_neighbours_apart(gazetteer, text, ents):
    spans = _ents(text, ents)
    assert organisation_names(spans, gazetteer) == spans
