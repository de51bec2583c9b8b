"""Real SPARQL servers for the store tests: `oxigraph serve` and Virtuoso, each started
on 127.0.0.1 on free ports with a database in a temporary folder, and stopped after."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from graphbuild.run.lifeline import die_with_parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_select(endpoint: str, sparql: str, default_graph: str | None = None) -> list[dict]:
    """The rows of a SELECT sent to a SPARQL protocol endpoint, values as strings;
    ``default_graph``: the named graph the query reads as its default graph."""
    fields = {"query": sparql, **({"default-graph-uri": default_graph} if default_graph else {})}
    request = urllib.request.Request(endpoint, data=urllib.parse.urlencode(fields).encode(),
                                     headers={"Accept": "application/sparql-results+json",
                                              "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=60) as response:
        body = json.load(response)
    return [{k: v["value"] for k, v in row.items()} for row in body["results"]["bindings"]]


def concat_sorted(rows) -> list[tuple]:
    # GROUP_CONCAT has no order in SPARQL 1.1: two stores may join the same names differently.
    return [tuple("; ".join(sorted(v.split("; "))) if isinstance(v, str) else v for v in row) for row in rows]


def _stop(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _wait_for(url: str, proc: subprocess.Popen, what: str, log, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError as exc:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{what} did not start: {log()[-800:]}") from exc
            time.sleep(0.2)


def _started(args: list[str], **kwargs) -> subprocess.Popen:
    # The server dies with the test run even when pytest itself is killed.
    parent = os.getpid()
    return subprocess.Popen(args, preexec_fn=lambda: die_with_parent(parent), **kwargs)


@contextmanager
def oxigraph_serve(folder: Path):
    """Base URL of `oxigraph serve` on a database in ``folder``."""
    exe = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if exe is None:
        pytest.fail("the oxigraph server is not installed: `make test` installs it (PyPI package oxigraph)")
    port = free_port()
    proc = _started([exe, "serve", "--location", str(folder / "db"), "--bind", f"127.0.0.1:{port}"],
                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{base}/query?query=ASK%7B%7D", proc, "oxigraph serve", lambda: proc.stderr.read().decode())
        yield base
    finally:
        _stop(proc)


@dataclass(frozen=True)
class Virtuoso:
    sparql: str     # the public SPARQL endpoint (read only)
    store: str      # the Graph Store endpoint that wants HTTP Digest authentication
    user: str
    password: str


_VIRTUOSO_INI = """\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = .
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


def virtuoso_programs() -> tuple[str, str]:
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt") or shutil.which("isql")
    if server and isql:
        return server, isql
    message = ("Virtuoso is not installed (virtuoso-t and isql-vt): `make install-test` installs Debian's "
               "virtuoso-opensource (.ci/install-system-deps.sh)")
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@contextmanager
def virtuoso(folder: Path):
    """A Virtuoso with a database in ``folder`` and a user of its own who may write
    graphs (SPARQL_UPDATE); the dba password is changed from the well-known default."""
    server, isql = virtuoso_programs()
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(_VIRTUOSO_INI.format(db=folder, sql_port=sql_port, http_port=http_port))
    log = folder / "server.out"
    with open(log, "wb") as out:
        proc = _started([server, "+foreground", "+configfile", str(ini)], cwd=folder, stdout=out,
                        stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{http_port}"
    try:
        _wait_for(f"{base}/sparql?query=ASK%7B%7D", proc, "virtuoso-t", lambda: log.read_text(errors="replace"))
        user, password = "graphbuild", secrets.token_hex(8)
        sql = (f"DB.DBA.USER_CREATE('{user}', '{password}'); GRANT SPARQL_UPDATE TO \"{user}\"; "
               f"DB.DBA.USER_CHANGE_PASSWORD('dba', 'dba', '{secrets.token_hex(8)}');")
        done = subprocess.run([isql, f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={sql}"],
                              capture_output=True, text=True, timeout=60)
        if done.returncode != 0 or "Error" in done.stdout + done.stderr:
            raise RuntimeError(f"could not set up Virtuoso's user: {done.stdout} {done.stderr}"[-800:])
        yield Virtuoso(sparql=f"{base}/sparql", store=f"{base}/sparql-graph-crud-auth", user=user,
                       password=password)
    finally:
        _stop(proc)
