"""Typed query answers (int, float, datetime.date, IRIs in one form), the Table's
str/repr/HTML, indexing and pandas columns, and entity lookup by name or id."""

from __future__ import annotations

import datetime

import pytest

import graphbuild
from graphbuild.store.query import PREFIXES

COUNTS = "SELECT ?e (COUNT(*) AS ?n) WHERE { ?e a gb:Person ; gb:mentionCount ?m } GROUP BY ?e ORDER BY ?e"


def test_table_values_have_python_types(seed_result):
    table = seed_result.query("SELECT ?p ?m ?half ?day WHERE { ?p a gb:Person ; gb:mentionCount ?m "
                              "BIND(?m / 2.0 AS ?half) BIND(\"2024-03-05\"^^xsd:date AS ?day) } LIMIT 3")
    p, m, half, day = table[0]
    assert isinstance(m, int) and not isinstance(m, bool)
    assert isinstance(half, float) and half == m / 2
    assert day == datetime.date(2024, 3, 5)
    assert p.startswith(PREFIXES["entity"])


def test_table_gives_iris_in_one_form_whatever_the_query_wrote(seed_result):
    one = seed_result.query("SELECT ?x WHERE { BIND(entity:xi-jinping AS ?x) }")[0][0]
    other = seed_result.query("SELECT ?x WHERE { BIND(<https://w3id.org/graphbuild/resource/entity/xi-jinping> AS ?x) }")
    assert one == other[0][0] == "https://w3id.org/graphbuild/resource/entity/xi-jinping"


def test_table_indexes_by_row_and_by_column(seed_result):
    table = seed_result.query("SELECT ?name WHERE { ?p a gb:Person ; rdfs:label ?name } ORDER BY ?name")
    assert len(table) == len(list(table)) > 2
    assert table[0] == list(table)[0] and table[-1] == table.rows[-1]
    assert table["name"][0] == table[0][0]
    with pytest.raises(KeyError, match="no variable 'nom'"):
        table["nom"]


def test_table_prints_as_a_table_not_a_dataclass(seed_result):
    table = seed_result.query("SELECT ?name WHERE { entity:xi-jinping rdfs:label ?name }")
    assert str(table).splitlines()[0] == "name" and "Xi Jinping" in str(table)
    assert "variables=" not in repr(table) and "Xi Jinping" in repr(table)
    assert repr(table).startswith("<Table: 1 row(s) of name>")
    html = table._repr_html_()
    assert "<th>name</th>" in html and "<td>Xi Jinping</td>" in html


def test_table_html_escapes_values():
    table = graphbuild.Table(("x",), (("<b>&",),))
    assert "<td>&lt;b&gt;&amp;</td>" in table._repr_html_()


def test_table_to_pandas_has_typed_columns(seed_result):
    pd = pytest.importorskip("pandas")
    frame = seed_result.query("SELECT ?p ?m ?day WHERE { ?p a gb:Person ; gb:mentionCount ?m "
                              "BIND(\"2024-03-05\"^^xsd:date AS ?day) }").to_pandas()
    assert str(frame["m"].dtype) == "Int64"
    assert pd.api.types.is_datetime64_any_dtype(frame["day"])
    assert frame["p"].map(type).eq(str).all()


def test_query_as_frame_works_for_construct(seed_result):
    pytest.importorskip("pandas")
    frame = seed_result.query("CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p a gb:Person ; rdfs:label ?n }",
                              as_frame=True)
    assert list(frame.columns) == ["subject", "predicate", "object"] and len(frame) > 2


@pytest.mark.parametrize("key", ["Xi Jinping", "xi jinping", "xi-jinping", "entity:xi-jinping",
                                 "entity/xi-jinping", "https://w3id.org/graphbuild/resource/entity/xi-jinping"])
def test_entity_is_found_by_name_or_any_id_form(seed_result, key):
    xi = seed_result.entity(key)
    assert xi.label == "Xi Jinping" and xi.cls == "Person"


def test_entity_says_when_there_is_none(seed_result):
    with pytest.raises(KeyError, match="no entity named"):
        seed_result.entity("Nobody Atall")


def test_entity_id_form_is_the_graphml_node_id(seed_result, seed_out):
    graphml = (seed_out / "graph.graphml").read_text(encoding="utf-8")
    assert '"entity:xi-jinping"' in graphml
    assert seed_result.entity("entity:xi-jinping") == seed_result.entity("Xi Jinping")
