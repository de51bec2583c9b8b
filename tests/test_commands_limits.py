"""`query`, `load` and `validate` against hostile conditions: a silent server, a
runaway query, corrupt and empty files, bad URLs, a store that wants credentials.
Each must finish within its time limit with a one-line message and a non-zero exit."""

from __future__ import annotations

import base64
import http.server
import socket
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphbuild.cli import EXIT_TIMEOUT, EXIT_UNREADABLE, cli

# A small graph of our own: enough for a runaway cross join, no build needed.
GRAPH = "@prefix gb: <https://w3id.org/graphbuild/ontology#> .\n" \
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n" \
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n" + "".join(
            f'<https://w3id.org/graphbuild/resource/entity/p{i}> a gb:Person ; rdfs:label "Person {i}" ; '
            f'skos:altLabel "P{i}" .\n' for i in range(60))


@pytest.fixture
def graph_ttl(tmp_path) -> Path:
    path = tmp_path / "graph.ttl"
    path.write_text(GRAPH, encoding="utf-8")
    return path


@pytest.fixture
def silent_server():
    """A socket on 127.0.0.1 that accepts connections and never answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    sock.close()


def _run(args, **kwargs):
    started = time.monotonic()
    result = CliRunner().invoke(cli, args, **kwargs)
    return result, time.monotonic() - started


def _one_error_line(result) -> str:
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    assert "Traceback" not in result.output
    return lines[0]


# ---------------------------------------------------------------------------- query


def test_query_list_works_from_any_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["query", "--list"])
    assert result.exit_code == 0, result.output
    assert "who-met-whom" in result.output and "events-by-date" in result.output


def test_query_without_data_says_which_file_is_missing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result, _ = _run(["query", "SELECT * WHERE { ?s ?p ?o }"])
    assert result.exit_code != 0 and "output" in _one_error_line(result)


@pytest.mark.parametrize("sparql, expected", [
    ("SELECT ?x WHERE {\n  ?x a gb:Person ;\n     foaf:name ?n }", ["line 3", "unknown prefix 'foaf:'"]),
    ("PREFIX ex: <http://example.org/>\nSELECT ?x WHERE {\n  ?x ex:p ?y .\n  ?x ont:q ?z }",
     ["line 4", "unknown prefix 'ont:'"]),
    ("SELECT ?x WHERE {\n\n  ?x a gb:Person  oops }", ["line 3"]),
])
def test_query_errors_name_the_line_of_the_users_query(graph_ttl, sparql, expected):
    result, _ = _run(["query", sparql, "--data", str(graph_ttl)])
    assert result.exit_code != 0
    line = _one_error_line(result)
    for part in expected:
        assert part in line


def test_query_declaring_one_prefix_keeps_the_predeclared_ones(graph_ttl):
    sparql = ("PREFIX ex: <http://example.org/>\n"
              "SELECT ?alt WHERE { ?p a gb:Person ; rdfs:label \"Person 7\" ; skos:altLabel ?alt }")
    result, _ = _run(["query", sparql, "--data", str(graph_ttl), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.output.split() == ["alt", "P7"]


def test_query_timeout_stops_a_runaway_query(graph_ttl):
    sparql = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    result, seconds = _run(["query", sparql, "--data", str(graph_ttl), "--timeout", "1", "--no-ontology"])
    assert result.exit_code != 0
    assert "longer than 1 s" in _one_error_line(result)
    assert seconds < 10


def test_query_max_rows_caps_the_answer(graph_ttl):
    result, _ = _run(["query", "SELECT ?s ?p ?o WHERE { ?s ?p ?o }", "--data", str(graph_ttl),
                      "--format", "csv", "--max-rows", "5"])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 1 + 5
    assert "stopped after 5 rows" in result.stderr


def test_query_refuses_service_unless_allowed(graph_ttl, silent_server):
    sparql = f"SELECT * WHERE {{ SERVICE <{silent_server}/sparql> {{ ?s ?p ?o }} }}"
    result, seconds = _run(["query", sparql, "--data", str(graph_ttl), "--timeout", "30"])
    assert result.exit_code != 0 and "SERVICE" in _one_error_line(result)
    assert seconds < 5


def test_query_service_to_a_silent_server_stops_at_the_timeout(graph_ttl, silent_server):
    sparql = f"SELECT * WHERE {{ SERVICE <{silent_server}/sparql> {{ ?s ?p ?o }} }}"
    result, seconds = _run(["query", sparql, "--data", str(graph_ttl), "--timeout", "2", "--allow-service"])
    assert result.exit_code != 0 and "longer than 2 s" in _one_error_line(result)
    assert seconds < 10


@pytest.mark.parametrize("content", [GRAPH[: len(GRAPH) // 2], "\x00\x01binary\xff", "<a> <b> ."])
def test_query_reports_a_corrupt_graph_file_as_such(tmp_path, content):
    path = tmp_path / "graph.ttl"
    path.write_text(content, encoding="utf-8", errors="replace")
    result, _ = _run(["query", "SELECT * WHERE { ?s ?p ?o }", "--data", str(path)])
    assert result.exit_code != 0
    line = _one_error_line(result)
    assert "not valid Turtle" in line and "SPARQL" not in line


# ----------------------------------------------------------------------------- load


def test_load_stops_at_the_timeout_on_a_silent_server(graph_ttl, silent_server):
    result, seconds = _run(["load", str(graph_ttl), "--endpoint", f"{silent_server}/store", "--timeout", "1"])
    assert result.exit_code != 0 and "no answer within 1 s" in _one_error_line(result)
    assert seconds < 10


@pytest.mark.parametrize("url", ["not a url", "ftp://127.0.0.1/store", "http://", "http://127.0.0.1:abc/store",
                                 "file:///etc/passwd", "127.0.0.1:7878/store"])
def test_load_refuses_a_bad_url_in_one_line(graph_ttl, url):
    result, _ = _run(["load", str(graph_ttl), "--endpoint", url])
    assert result.exit_code != 0
    assert "URL" in _one_error_line(result)


class _Store(http.server.BaseHTTPRequestHandler):
    """A Graph Store endpoint that wants credentials (set on the server) and keeps what it gets."""

    def do_PUT(self):  # noqa: N802 (http.server's naming)
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.headers.get("Authorization") != self.server.expected:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="kg"')
            self.end_headers()
            self.wfile.write(self.server.refusal)
            return
        self.server.received.append((self.path, body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def store_server():
    def start(expected: str | None, refusal: bytes = b"no"):
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Store)
        server.expected, server.refusal, server.received = expected, refusal, []
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return server, f"http://127.0.0.1:{server.server_address[1]}/store"

    servers = []
    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("env, header", [
    ({"GRAPHBUILD_USER": "analyst", "GRAPHBUILD_PASSWORD": "s3cret"},
     "Basic " + base64.b64encode(b"analyst:s3cret").decode()),
    ({"GRAPHBUILD_TOKEN": "tok-123"}, "Bearer tok-123"),
    ({"GRAPHBUILD_USER": "analyst", "GRAPHBUILD_PASSWORD": "p\u00e4ssw\u00f6rt-\u4e2d"},
     "Basic " + base64.b64encode("analyst:p\u00e4ssw\u00f6rt-\u4e2d".encode()).decode()),
])
def test_load_sends_credentials_from_the_environment(graph_ttl, store_server, env, header):
    server, url = store_server(header)
    refused, _ = _run(["load", str(graph_ttl), "--endpoint", url],
                      env={"GRAPHBUILD_USER": None, "GRAPHBUILD_PASSWORD": None, "GRAPHBUILD_TOKEN": None})
    assert refused.exit_code != 0
    line = _one_error_line(refused)
    assert "401" in line and "GRAPHBUILD_TOKEN" in line
    assert not server.received
    loaded, _ = _run(["load", str(graph_ttl), "--endpoint", url, "-q"], env=env)
    assert loaded.exit_code == 0, loaded.output
    assert loaded.output == ""
    assert [body for _, body in server.received][0] == graph_ttl.read_bytes()
    assert len(server.received) == 2  # the graph and the ontology


def test_load_escapes_the_response_body_for_the_terminal(graph_ttl, store_server):
    _, url = store_server("nobody", refusal=b"\x1b[2J\x1b[31mgone\x07 \xe2\x80\xae")
    result, _ = _run(["load", str(graph_ttl), "--endpoint", url])
    assert result.exit_code != 0
    line = _one_error_line(result)
    assert "\x1b" not in line and "\x07" not in line and "\u202e" not in line
    assert "\\x1b[31mgone" in line


# ------------------------------------------------------------------------- validate


@pytest.mark.parametrize("content, reason", [
    (GRAPH[: len(GRAPH) // 2], "not valid Turtle"),
    ("", "holds no triples"),
    ("@prefix ex: <http://example.org/> .\n# nothing else\n", "holds no triples"),
    ("\xff\xfe garbage {{{", "not valid Turtle"),
])
def test_validate_tells_an_unreadable_graph_from_one_that_does_not_conform(tmp_path, content, reason):
    path = tmp_path / "graph.ttl"
    path.write_text(content, encoding="utf-8")
    result, seconds = _run(["validate", str(path)])
    assert result.exit_code == EXIT_UNREADABLE != 1
    assert reason in _one_error_line(result)


def test_validate_stops_at_the_timeout(graph_ttl):
    result, seconds = _run(["validate", str(graph_ttl), "--timeout", "0.001"])
    assert result.exit_code == EXIT_TIMEOUT
    assert "longer than" in _one_error_line(result)
    assert seconds < 10


def test_validate_reports_violations_with_exit_status_1(graph_ttl):
    result, _ = _run(["validate", str(graph_ttl)])
    assert result.exit_code == 1, result.output  # persons without mentions or documents
    assert "does not conform" in result.output
