"""The graph in triplestores: SHACL, the embedded Oxigraph store, a real `oxigraph
serve` over the Graph Store Protocol, other serialisations, and the notebook."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

from graphbuild.cli import cli
from graphbuild.store.load import DEFAULT_GRAPH
from graphbuild.store.query import example_queries, open_store, run_query
from graphbuild.store.validate import validate

from .conftest import ROOT
from .stores import concat_sorted, free_port, oxigraph_serve, server_select

EXAMPLES = sorted(example_queries())


def test_validate_seed_graph_conforms(seed_out):
    result = validate(seed_out)
    assert result.conforms, result.violations


@pytest.mark.parametrize(
    "old, new, focus",
    [
        ('rdfs:label "Vladimir Putin"', 'rdfs:label "Vladimir Putin", "V. Putin"', "entity:vladimir-putin"),
        ('"2023-10-19"^^xsd:date', '"19 October 2023"', "document:000"),
        ('gb:confidence "0.9"^^xsd:decimal ;', 'gb:confidence "1.5"^^xsd:decimal ;', "statement:"),
    ],
)
def test_validate_broken_graph_reports_violations(seed_out, tmp_path, old, new, focus):
    text = (seed_out / "graph.ttl").read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / "graph.ttl"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = validate(broken)
    assert not result.conforms
    assert any(v.focus.startswith(focus) for v in result.violations), result.violations


def test_validate_cli_exit_status(seed_out, tmp_path):
    runner = CliRunner()
    ok = runner.invoke(cli, ["validate", str(seed_out)])
    assert ok.exit_code == 0 and "conforms" in ok.output
    broken = tmp_path / "graph.ttl"
    broken.write_text((seed_out / "graph.ttl").read_text().replace('rdfs:label "China"', 'rdfs:label "China", "PRC"'))
    bad = runner.invoke(cli, ["validate", str(broken)])
    assert bad.exit_code == 1 and "entity:china" in bad.output


@pytest.mark.parametrize("name", EXAMPLES)
def test_query_examples_answer_on_the_seed_graph(seed_out, name):
    table = run_query(open_store(seed_out), example_queries()[name])
    assert table.rows, name


def test_query_who_met_whom_finds_putin_and_xi(seed_out):
    table = run_query(open_store(seed_out), example_queries()["who-met-whom"])
    pairs = {frozenset(row[:2]) for row in table.rows}
    assert frozenset({"Vladimir Putin", "Xi Jinping"}) in pairs


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_query_cli_formats(seed_out, fmt):
    result = CliRunner().invoke(cli, ["query", "SELECT ?name WHERE { ?p a gb:Person ; rdfs:label ?name } ORDER BY ?name",
                                      "--data", str(seed_out), "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert {"name": "Xi Jinping"} in json.loads(result.output)
    elif fmt == "csv":
        assert result.output.splitlines()[0] == "name" and "Xi Jinping" in result.output
    else:
        assert "Xi Jinping" in result.output and "rows" in result.output


def test_query_cli_reports_syntax_errors(seed_out):
    result = CliRunner().invoke(cli, ["query", "SELECT WHERE {", "--data", str(seed_out)])
    assert result.exit_code != 0 and "syntax" in result.output.lower()


def test_query_sees_the_ontology(seed_out):
    ask = run_query(open_store(seed_out), "ASK { <https://w3id.org/graphbuild/ontology#Summit> "
                                          "<http://www.w3.org/2000/01/rdf-schema#subClassOf> ?x }")
    assert ask is True


def test_trig_has_one_named_graph_per_document(seed_result):
    ds = Dataset()
    ds.parse(data=seed_result.to_rdf("trig"), format="trig")
    names = {str(g.identifier) for g in ds.graphs() if "/document/" in str(g.identifier)}
    assert len(names) == 5


# ------------------------------------------------------------------- real server


@pytest.fixture
def oxigraph_server(tmp_path):
    with oxigraph_serve(tmp_path) as base:
        yield base


def test_load_into_real_oxigraph_server(seed_out, oxigraph_server):
    graph_iri = "https://example.org/graphs/seeds"
    runner = CliRunner()
    for _ in range(2):  # a second load replaces the graph, it does not add to it
        result = runner.invoke(cli, ["load", str(seed_out), "--endpoint", f"{oxigraph_server}/store",
                                     "--graph", graph_iri])
        assert result.exit_code == 0, result.output
    expected = len(Graph().parse(seed_out / "graph.ttl"))
    (row,) = server_select(f"{oxigraph_server}/query", f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}")
    assert int(row["n"]) == expected
    sparql = example_queries()["who-met-whom"]
    server = [(r["person"], r["other"], r["sources"])
              for r in server_select(f"{oxigraph_server}/query", sparql, default_graph=graph_iri)]
    embedded = [tuple(row) for row in run_query(open_store(seed_out), example_queries()["who-met-whom"], typed=False).rows]
    assert server == embedded and server


def _used_and_declared(sparql: str) -> tuple[set[str], set[str]]:
    code = re.sub(r'"(?:[^"\\\n]|\\.)*"|<[^<>\s]*>|#[^\n]*', " ", sparql)
    declared = set(re.findall(r"PREFIX\s+([A-Za-z][\w-]*):", code, re.I))
    used = set(re.findall(r"(?<![\w?$])([A-Za-z][\w-]*):(?=[A-Za-z_])", code))
    return used, declared


@pytest.mark.parametrize("name", sorted(example_queries()))
def test_example_query_declares_every_prefix_it_uses(name):
    used, declared = _used_and_declared(example_queries()[name])
    assert used <= declared, f"{name}: undeclared {sorted(used - declared)}"


def test_prefix_check_finds_an_undeclared_prefix():
    used, declared = _used_and_declared("PREFIX gb: <x#>\nSELECT * { ?s rdf:type gb:Person }")
    assert used - declared == {"rdf"}


def test_every_example_query_runs_unchanged_on_a_real_server(seed_out, oxigraph_server):
    result = CliRunner().invoke(cli, ["load", str(seed_out), "--endpoint", f"{oxigraph_server}/store"])
    assert result.exit_code == 0, result.output
    for name, sparql in example_queries().items():
        table = run_query(open_store(seed_out), sparql, typed=False)
        # Over the named graph `load` wrote, as the default graph of the query (the
        # protocol's default-graph-uri): the query text is sent as shipped.
        rows = server_select(f"{oxigraph_server}/query", sparql, default_graph=DEFAULT_GRAPH)
        server = [tuple(row.get(v) for v in table.variables) for row in rows]
        assert concat_sorted(server) == concat_sorted(table.rows) and server, name


def test_load_refuses_a_relative_graph_name(seed_out):
    result = CliRunner().invoke(cli, ["load", str(seed_out), "--endpoint", "http://127.0.0.1:1/store",
                                      "--graph", "mygraph"])
    assert result.exit_code == 2
    assert "'mygraph' is a relative IRI" in result.output and "cannot reach" not in result.output


def test_load_reports_an_unreachable_store(seed_out):
    result = CliRunner().invoke(cli, ["load", str(seed_out), "--endpoint", f"http://127.0.0.1:{free_port()}/store"])
    assert result.exit_code != 0 and "cannot reach" in result.output


# ------------------------------------------------------------------------ notebook


def test_notebook_runs_clean_and_agrees_with_the_build_summary():
    import re

    import nbformat
    from nbclient import NotebookClient

    path = ROOT / "notebooks" / "explore.ipynb"
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert not [o for o in outputs if o.get("name") == "stderr"], "warnings in the notebook's output"
    text = "".join(o.get("text", "") for o in outputs)
    assert "Vladimir Putin" in text and "IFrame" not in text
    summary = re.search(r"(\d+) documents, (\d+) entities, (\d+) relations, (\d+) events", text)
    entities, events = int(summary.group(2)), int(summary.group(4))
    assert f"\n{entities} entities\n" in text and f"\n{events} events\n" in text
    assert f"counts-by-class: {entities} entities, {events} events" in text
    by_class = re.findall(r"^  \w+ +(\d+)$", text, flags=re.M)
    assert sum(map(int, by_class)) == entities + events
    assert re.search(rf"\d+ of {events} events dated", text)
    assert "sources column: Int64" in text and "Vladimir Putin: Person" in text  # typed answers
