"""Virtuoso, the second real store: `graphbuild load` into it over its authenticated
Graph Store endpoint (HTTP Digest), and every shipped query answered on its SPARQL
endpoint over the named graph `load` wrote, as on the embedded store."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import Graph

from graphbuild.cli import cli
from graphbuild.run.resources import ontology_dir
from graphbuild.store.load import DEFAULT_GRAPH
from graphbuild.store.query import ONTOLOGY_GRAPH, example_queries, open_store, run_query

from .stores import concat_sorted, server_select

NO_SECRETS = {"GRAPHBUILD_USER": None, "GRAPHBUILD_PASSWORD": None, "GRAPHBUILD_TOKEN": None}


def _load(seed_out, server, *extra: str, password: str | None = None):
    env = {**NO_SECRETS, "GRAPHBUILD_USER": server.user, "GRAPHBUILD_PASSWORD": password or server.password}
    return CliRunner().invoke(cli, ["load", str(seed_out), "--endpoint", server.store, "--timeout", "60", *extra],
                              env=env)


def _triples(server, graph: str) -> int:
    (row,) = server_select(server.sparql, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return int(row["n"])


@pytest.fixture(scope="module")
def loaded(seed_out, virtuoso_server):
    """The seed build loaded into Virtuoso's default graphbuild graph."""
    result = _load(seed_out, virtuoso_server)
    assert result.exit_code == 0, result.output
    return virtuoso_server


def test_virtuoso_load_with_digest_holds_every_triple_of_graph_ttl(seed_out, loaded):
    assert _triples(loaded, DEFAULT_GRAPH) == len(Graph().parse(seed_out / "graph.ttl"))
    assert _triples(loaded, ONTOLOGY_GRAPH) == len(Graph().parse(ontology_dir() / "graphbuild.ttl"))


def test_virtuoso_second_load_replaces_the_named_graph(seed_out, virtuoso_server):
    graph = "https://example.org/graphs/seeds-twice"
    for _ in range(2):
        result = _load(seed_out, virtuoso_server, "--graph", graph, "--no-ontology", "-q")
        assert result.exit_code == 0 and result.output == "", result.output
    assert _triples(virtuoso_server, graph) == len(Graph().parse(seed_out / "graph.ttl"))


def test_virtuoso_refuses_a_wrong_password_in_one_line(seed_out, virtuoso_server):
    graph = "https://example.org/graphs/refused"
    result = _load(seed_out, virtuoso_server, "--graph", graph, password="not-the-password")
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert result.exit_code != 0 and len(lines) == 1 and "HTTP 401" in lines[0], result.output
    assert "not-the-password" not in result.output
    assert _triples(virtuoso_server, graph) == 0


@pytest.mark.parametrize("name", sorted(example_queries()))
def test_virtuoso_answers_each_shipped_query_as_the_embedded_store(seed_out, loaded, name):
    sparql = example_queries()[name]
    table = run_query(open_store(seed_out), sparql, typed=False)
    # The query text as shipped; the named graph `load` wrote is its default graph
    # (the protocol's default-graph-uri), so nothing else in the store is read.
    rows = server_select(loaded.sparql, sparql, default_graph=DEFAULT_GRAPH)
    server = [tuple(row.get(v) for v in table.variables) for row in rows]
    assert server and concat_sorted(server) == concat_sorted(table.rows)


def test_virtuoso_missing_fails_in_ci_and_skips_elsewhere(monkeypatch):
    from . import stores

    monkeypatch.setattr(stores.shutil, "which", lambda *args, **kwargs: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="make install-test"):
        stores.virtuoso_programs()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="virtuoso-opensource"):
        stores.virtuoso_programs()
