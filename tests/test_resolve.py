"""Resolution rules, each on mentions built by hand (no spaCy model needed)."""

from __future__ import annotations

import pytest

from graphbuild.records import Alias, DocRecord, Document, Evidence, Mention, Segment
from graphbuild.resolve.entities import resolve


def _mention(doc_id: str, key: str, cls: str, n: int, *, text: str | None = None, link: str | None = None,
             heading: bool = False, initial: bool = False, demonym: bool = False) -> Mention:
    return Mention(
        text=text or key, key=key, cls=cls, start=n * 100, end=n * 100 + len(key),
        evidence=Evidence(doc_id, f"sentence {n}", n * 100, n * 100 + 50),
        link=link, in_heading=heading, sentence_initial=initial, demonym=demonym,
    )


def _record(doc_id: str, mentions: list[Mention], aliases: tuple[Alias, ...] = ()) -> DocRecord:
    doc = Document(id=doc_id, source_file=f"{doc_id}.txt", sha256=doc_id, segments=(Segment("x", "paragraph", 0),))
    return DocRecord(document=doc, mentions=tuple(mentions), aliases=aliases)


def _labels(resolution) -> dict[str, tuple[str, tuple[str, ...], int]]:
    return {e.label: (e.cls, e.alt_labels, e.mention_count) for e in resolution.entities}


@pytest.mark.parametrize(
    "short, full",
    [
        ("Stoltz", "Anna Stoltz"),
        ("Okonkwo", "Chidi Okonkwo"),
        ("Lai", "William Lai Ching-te"),
    ],
)
def test_resolve_joins_short_person_name_to_full_name_in_document(gazetteer, short, full):
    res = resolve([_record("d1", [_mention("d1", full, "Person", 1), _mention("d1", short, "Person", 2)])], gazetteer)
    labels = _labels(res)
    assert list(labels) == [full]
    assert short in labels[full][1]
    assert labels[full][2] == 2


def test_resolve_joins_short_name_across_corpus_when_unambiguous(gazetteer):
    res = resolve([
        _record("d1", [_mention("d1", "Anna Stoltz", "Person", 1)]),
        _record("d2", [_mention("d2", "Stoltz", "Person", 1)]),
    ], gazetteer)
    assert [e.label for e in res.entities] == ["Anna Stoltz"]


def test_resolve_never_merges_people_sharing_a_surname_without_evidence(gazetteer):
    res = resolve([
        _record("d1", [_mention("d1", "Anna Stoltz", "Person", 1), _mention("d1", "Peter Stoltz", "Person", 2)]),
        _record("d2", [_mention("d2", "Stoltz", "Person", 1)]),
    ], gazetteer)
    assert sorted(e.label for e in res.entities) == ["Anna Stoltz", "Peter Stoltz", "Stoltz"]


def test_resolve_prefers_full_name_in_same_document_over_corpus(gazetteer):
    res = resolve([
        _record("d1", [_mention("d1", "Anna Stoltz", "Person", 1)]),
        _record("d2", [_mention("d2", "Peter Stoltz", "Person", 1), _mention("d2", "Stoltz", "Person", 2)]),
    ], gazetteer)
    labels = _labels(res)
    assert "Stoltz" in labels["Peter Stoltz"][1]
    assert "Stoltz" not in labels["Anna Stoltz"][1]


@pytest.mark.parametrize(
    "surfaces, link, label",
    [
        (["Putin", "Vladimir Putin"], "vladimir-putin", "Vladimir Putin"),
        (["US", "U.S.", "United States"], "united-states", "United States"),
        (["SCO", "Shanghai Cooperation Organization"], "shanghai-cooperation-organisation", "Shanghai Cooperation Organisation"),
    ],
)
def test_resolve_gazetteer_links_give_one_node_with_canonical_label(gazetteer, surfaces, link, label):
    mentions = [_mention("d1", s, "Person", i, link=link) for i, s in enumerate(surfaces)]
    res = resolve([_record("d1", mentions)], gazetteer)
    assert [(e.label, e.id) for e in res.entities] == [(label, link)]
    assert set(res.entities[0].alt_labels) == set(surfaces) - {label}


def test_resolve_acronym_defined_in_text_joins_expansion(gazetteer):
    res = resolve([_record("d1", [
        _mention("d1", "Eastern Grain Corridor", "Initiative", 1),
        _mention("d1", "EGC", "Organization", 2),
    ], aliases=(Alias("EGC", "Eastern Grain Corridor"),))], gazetteer)
    labels = _labels(res)
    assert list(labels) == ["Eastern Grain Corridor"]
    assert labels["Eastern Grain Corridor"][0] == "Initiative"


@pytest.mark.parametrize(
    "variant",
    ["Arctic Research Organization", "arctic research organisation", "The Arctic Research Organisation"],
)
def test_resolve_joins_spelling_variants(gazetteer, variant):
    res = resolve([_record("d1", [
        _mention("d1", "Arctic Research Organisation", "Organization", 1),
        _mention("d1", variant, "Organization", 2),
    ])], gazetteer)
    assert len(res.entities) == 1


def test_resolve_joins_possessive_typo_to_person(gazetteer):
    res = resolve([_record("d1", [
        _mention("d1", "Anna Stoltz", "Person", 1),
        _mention("d1", "Stoltz", "Person", 2),
        _mention("d1", "Stoltzs", "Person", 3),
    ])], gazetteer)
    assert [e.label for e in res.entities] == ["Anna Stoltz"]


def test_resolve_demonym_alone_makes_its_gazetteer_country_a_node(gazetteer):
    res = resolve([_record("d1", [_mention("d1", "Kazakh", "Country", 1, link="kazakhstan", demonym=True)])], gazetteer)
    assert [(e.label, e.alt_labels) for e in res.entities] == [("Kazakhstan", ("Kazakh",))]


def test_resolve_demonym_of_no_known_country_is_no_node(gazetteer):
    res = resolve([_record("d1", [_mention("d1", "Westerly", "Country", 1, demonym=True)])], gazetteer)
    assert res.entities == ()


def test_resolve_demonym_counts_for_named_country(gazetteer):
    res = resolve([_record("d1", [
        _mention("d1", "Russia", "Country", 1, link="russia"),
        _mention("d1", "Russian", "Country", 2, link="russia", demonym=True),
    ])], gazetteer)
    assert [(e.label, e.mention_count, e.alt_labels) for e in res.entities] == [("Russia", 2, ("Russian",))]


@pytest.mark.parametrize(
    "mention",
    [
        _mention("d1", "Challenges Posed", "Organization", 1, heading=True),
        _mention("d1", "Lorry", "Person", 1, initial=True),
    ],
)
def test_resolve_drops_noise_without_corpus_evidence(gazetteer, mention):
    assert resolve([_record("d1", [mention])], gazetteer).entities == ()


def test_resolve_keeps_heading_name_seen_in_body(gazetteer):
    res = resolve([_record("d1", [
        _mention("d1", "Heihe", "Place", 1, heading=True),
        _mention("d1", "Heihe", "Place", 2),
    ])], gazetteer)
    assert [(e.label, e.mention_count) for e in res.entities] == [("Heihe", 2)]


def test_resolve_class_is_majority_of_mentions(gazetteer):
    res = resolve([_record("d1", [
        _mention("d1", "Heihe", "Place", 1),
        _mention("d1", "Heihe", "Place", 2),
        _mention("d1", "Heihe", "Organization", 3),
    ])], gazetteer)
    assert res.entities[0].cls == "Place"


def test_resolve_is_independent_of_record_order(gazetteer):
    records = [
        _record("d1", [_mention("d1", "Anna Stoltz", "Person", 1), _mention("d1", "Heihe", "Place", 2)]),
        _record("d2", [_mention("d2", "Stoltz", "Person", 1), _mention("d2", "Putin", "Person", 2, link="vladimir-putin")]),
    ]
    assert resolve(records, gazetteer) == resolve(list(reversed(records)), gazetteer)


@pytest.mark.parametrize("a, b", [
    ("Mykola Petrenkyy", "Mykola Petrenky"),          # doubled final letter
    ("Luiz Carvalho Mendes", "Luis Carvalho Mendes"),  # z / s
    ("Dmytro Kovalenko", "Dmitro Kovalenko"),          # y / i
    ("Anne-Marie Doucet", "Anne Marie Doucet"),        # hyphen
    ("José Peñaranda", "Jose Penaranda"),              # diacritics
])
def test_resolve_joins_transliteration_variants_of_a_person(gazetteer, a, b):
    res = resolve([_record("d1", [_mention("d1", a, "Person", 1)]), _record("d2", [_mention("d2", b, "Person", 1)])],
                  gazetteer)
    assert len(res.entities) == 1


def test_resolve_keeps_people_with_different_names_apart(gazetteer):
    res = resolve([_record("d1", [_mention("d1", "Maria Lenz", "Person", 1)]),
                   _record("d2", [_mention("d2", "Mario Lenz", "Person", 1)])], gazetteer)
    assert len(res.entities) == 2


def test_resolve_joins_an_undefined_acronym_to_its_only_expansion_in_the_corpus(gazetteer):
    res = resolve([
        _record("d1", [_mention("d1", "Coastal Fisheries Council", "Organization", 1)]),
        _record("d2", [_mention("d2", "CFC", "Organization", 1)]),
    ], gazetteer)
    assert [(e.label, e.alt_labels) for e in res.entities] == [("Coastal Fisheries Council", ("CFC",))]


def test_resolve_leaves_an_acronym_alone_when_two_expansions_fit(gazetteer):
    res = resolve([
        _record("d1", [_mention("d1", "Coastal Fisheries Council", "Organization", 1),
                       _mention("d1", "Central Finance Committee", "Organization", 2)]),
        _record("d2", [_mention("d2", "CFC", "Organization", 1)]),
    ], gazetteer)
    assert len(res.entities) == 3


@pytest.mark.parametrize("short, full, merged", [
    ("Glenmoor", "Glenmoor Estate", True),
    ("Vardenne", "Vardenne Palace", True),
    ("Windsor", "Windsor Palace", False),   # a known city stays the city
    ("Glenmoor", "Glenmoor Bank", False),   # a bank is not the place it is named after
])
def test_resolve_joins_a_place_and_its_name_with_a_generic_head(gazetteer, short, full, merged):
    res = resolve([_record("d1", [_mention("d1", full, "Place", 1), _mention("d1", short, "Place", 2)])], gazetteer)
    assert (len(res.entities) == 1) is merged


def test_resolve_never_merges_two_gazetteer_entries_even_on_a_defined_acronym(gazetteer):
    """A sentence that seems to define 'China' as short for 'Russia' leaves two countries."""
    res = resolve([_record("d1", [
        _mention("d1", "Russia", "Country", 1, link="russia"),
        _mention("d1", "China", "Country", 2, link="china"),
    ], aliases=(Alias("China", "Russia"),))], gazetteer)
    assert sorted(e.id for e in res.entities) == ["china", "russia"]


@pytest.mark.parametrize("acronym, merged", [("ARCTICO", False), ("ARCTO", True)])
def test_resolve_joins_an_undefined_acronym_of_two_to_six_letters(gazetteer, acronym, merged):
    words = {"ARCTICO": "Arctic Research Council Trade Industry Commerce Organization",
             "ARCTO": "Arctic Research Council Trade Organization"}
    res = resolve([_record("d1", [_mention("d1", words[acronym], "Organization", 1)]),
                   _record("d2", [_mention("d2", acronym, "Organization", 1)])], gazetteer)
    assert (len(res.entities) == 1) is merged


def test_resolve_leaves_a_short_name_before_two_full_names_that_fit_alone(gazetteer):
    """'Kim' before 'Kim Jong Un' and 'Kim Yo Jong' are named: no full name to shorten yet."""
    res = resolve([_record("d1", [_mention("d1", "Kim", "Person", 1), _mention("d1", "Kim Jong Un", "Person", 2),
                                  _mention("d1", "Kim Yo Jong", "Person", 3)])], gazetteer)
    assert sorted(_labels(res)) == ["Kim", "Kim Jong Un", "Kim Yo Jong"]
