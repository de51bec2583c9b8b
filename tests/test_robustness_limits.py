"""A time limit bounds the whole operation (connecting, sending, every byte of the
answer), and inputs that are not regular files are refused before anything blocks on
them (issue 29)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time

import pytest
from click.testing import CliRunner

from graphbuild.cli import cli

from .conftest import ROOT

#: Seconds a fresh interpreter may take to import the command line on a loaded machine.
STARTUP = 8

GRAPH = '<https://w3id.org/graphbuild/resource/entity/a> <http://www.w3.org/2000/01/rdf-schema#label> "A" .\n'

ANSWERS = {
    "status line": b"HTTP/1.1 204 No Content\r\n\r\n",
    "headers": b"HTTP/1.1 204 No Content\r\nServer: " + b"x" * 200 + b"\r\n\r\n",
    "error body": b"HTTP/1.1 500 Oops\r\nContent-Length: 300\r\n\r\n" + b"e" * 300,
}


@pytest.fixture
def drip_server():
    """A server on 127.0.0.1 that answers one byte every 0.2 s (whichever part of the
    answer is long, each byte comes well within any per-read timeout)."""
    stop = threading.Event()
    sockets = []

    def serve(sock, answer):
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            threading.Thread(target=drip, args=(conn, answer), daemon=True).start()

    def drip(conn, answer):
        with conn:
            conn.settimeout(0.05)
            first = True
            for byte in answer:
                if stop.is_set():
                    return
                try:
                    conn.recv(65536)  # keep the request flowing in
                except OSError:
                    pass
                if not first:
                    time.sleep(0.2)
                first = False
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    return

    def start(answer: bytes) -> str:
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        sockets.append(sock)
        threading.Thread(target=serve, args=(sock, answer), daemon=True).start()
        return f"http://127.0.0.1:{sock.getsockname()[1]}/store"

    yield start
    stop.set()
    for sock in sockets:
        sock.close()


def _run(args):
    started = time.monotonic()
    result = CliRunner().invoke(cli, args)
    return result, time.monotonic() - started


def _one_error_line(result) -> str:
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    return lines[0]


@pytest.mark.parametrize("part", sorted(ANSWERS))
def test_limits_load_timeout_bounds_a_dripping_answer(tmp_path, drip_server, part):
    (tmp_path / "graph.ttl").write_text(GRAPH, encoding="utf-8")
    url = drip_server(ANSWERS[part])
    result, seconds = _run(["load", str(tmp_path / "graph.ttl"), "--endpoint", url, "--timeout", "2"])
    assert result.exit_code != 0
    assert "within 2 s" in _one_error_line(result)
    assert seconds < 2 + 2


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "graph.ttl"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("args", [
    ["load", "{fifo}", "--endpoint", "http://127.0.0.1:9/store", "--timeout", "2"],
    ["load", "{folder}", "--endpoint", "http://127.0.0.1:9/store", "--timeout", "2"],
    ["query", "--file", "{fifo}", "--data", "{folder}", "--timeout", "2"],
    ["query", "SELECT * WHERE { ?s ?p ?o }", "--data", "{fifo}", "--timeout", "2"],
    ["validate", "{fifo}", "--timeout", "2"],
    ["validate", "{folder}", "--timeout", "2"],
])
def test_limits_fifo_input_is_refused_in_time(fifo, args):
    args = [a.replace("{fifo}", str(fifo)).replace("{folder}", str(fifo.parent)) for a in args]
    # In a process of its own: a command blocked on the FIFO must not block the suite.
    done = subprocess.run([sys.executable, "-m", "graphbuild", *args], capture_output=True, text=True,
                          timeout=2 + 2 + STARTUP, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode != 0
    lines = [ln for ln in done.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "not a regular file" in lines[0], done.stderr
