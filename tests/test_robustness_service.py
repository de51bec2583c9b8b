"""The SERVICE guard decides on the parsed query, never on its text: no query sends
a request to another server unless --allow-service says so (issue 29)."""

from __future__ import annotations

import socket
import threading

import pytest
from click.testing import CliRunner

from graphbuild.cli import cli
from graphbuild.store.query import QueryError, open_store, run_query, uses_service

GRAPH = '<https://w3id.org/graphbuild/resource/entity/a> <http://www.w3.org/2000/01/rdf-schema#label> "A" .\n'


@pytest.fixture
def listener():
    """A socket on 127.0.0.1 that counts the connections it is offered."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    accepted = []

    def accept():
        while True:
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            accepted.append(conn)
            conn.close()

    threading.Thread(target=accept, daemon=True).start()
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/x", accepted
    sock.close()


# Escapes in prefixed names, quotes after them, lower case, nesting in EXISTS and
# sub-queries, a variable endpoint: each was (or could be) read past by a text check.
BYPASSES = [
    r"SELECT * WHERE {{ OPTIONAL {{ ?s entity:a\# ?o }} SERVICE <{url}> {{ ?s ?p ?o }} }}",
    r"SELECT * WHERE {{ OPTIONAL {{ ?s entity:a\' ?o }} SERVICE <{url}> {{ ?s ?p ?o }} }}",
    r"""SELECT * WHERE {{ OPTIONAL {{ ?s entity:a\' ?o }} SERVICE <{url}> {{ ?s ?p "x'" }} }}""",
    r"SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ service silent <{url}> {{ ?s ?p ?o }} }} }}",
    r"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
    r"SELECT * WHERE {{ BIND(<{url}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?s ?p ?o }}\n# a comment \\\nSERVICE <{url}> {{ ?s ?p ?o }}",
]


@pytest.mark.parametrize("template", BYPASSES)
def test_query_service_bypass_sends_nothing(tmp_path, listener, template):
    url, accepted = listener
    (tmp_path / "graph.ttl").write_text(GRAPH, encoding="utf-8")
    sparql = template.format(url=url)
    result = CliRunner().invoke(cli, ["query", sparql, "--data", str(tmp_path / "graph.ttl"), "--timeout", "5"])
    assert result.exit_code != 0
    assert "SERVICE" in result.output and "Traceback" not in result.output
    with pytest.raises(QueryError):
        run_query(open_store(tmp_path / "graph.ttl", with_ontology=False), sparql)
    assert accepted == []


@pytest.mark.parametrize("sparql", [
    "SELECT * WHERE { ?s ?p ?o }",
    "SELECT ?service WHERE { ?service ?p ?o }",
    'SELECT * WHERE { ?s ?p "SERVICE <http://x/> { ?s ?p ?o }" }',
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/> { ?s ?p ?o }",
    "SELECT * WHERE { ?s schema:serviceType ?o }",
])
def test_query_service_only_the_clause_counts(sparql):
    assert uses_service(sparql) is False


def test_query_service_allowed_calls_the_endpoint(tmp_path, listener):
    url, accepted = listener
    (tmp_path / "graph.ttl").write_text(GRAPH, encoding="utf-8")
    sparql = f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}"
    CliRunner().invoke(cli, ["query", sparql, "--data", str(tmp_path / "graph.ttl"), "--timeout", "3",
                             "--allow-service"])
    assert accepted  # the guard, not a missing HTTP client, is what keeps the others silent
