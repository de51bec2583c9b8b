"""Loading a build into any SPARQL 1.1 store over the Graph Store HTTP Protocol.

Credentials come from the environment, never from the command line (where other
users of the machine and the shell history would see them):
``GRAPHBUILD_TOKEN`` sends ``Authorization: Bearer <token>``; ``GRAPHBUILD_USER`` and
``GRAPHBUILD_PASSWORD`` answer the store's challenge, HTTP Digest (Virtuoso's
authenticated endpoints) or Basic, whichever it asks for. They are never sent before the
store asks, so a Digest store never sees the password in the clear.
"""

from __future__ import annotations

import http.client
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request

from .query import ONTOLOGY_GRAPH, terminal_safe
from ..run.resources import graph_file, ontology_dir
from ..run.timelimit import ChildDied, TimeLimitExceeded, call_with_time_limit

DEFAULT_GRAPH = "https://w3id.org/graphbuild/resource/graph"
TOKEN_VARIABLE = "GRAPHBUILD_TOKEN"
USER_VARIABLE = "GRAPHBUILD_USER"
PASSWORD_VARIABLE = "GRAPHBUILD_PASSWORD"


class LoadError(RuntimeError):
    """The store refused the data or could not be reached."""


def check_endpoint(endpoint: str) -> str:
    """The endpoint if it is an http(s) URL with a host; else a LoadError saying why."""
    try:
        parts = urllib.parse.urlsplit(endpoint)
        parts.port  # noqa: B018 -- raises ValueError on a port that is not a number
    except ValueError as exc:
        raise LoadError(f"{masked(endpoint)!s}: not a valid URL ({exc})") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise LoadError(f"{masked(endpoint)}: not an http(s) URL of a Graph Store endpoint "
                        "(e.g. http://127.0.0.1:7878/store)")
    return endpoint


# What RFC 6750 allows in a bearer token: anything else (a CR/LF would forge a header)
# is refused, and the message never shows the value.
_TOKEN = re.compile(r"[A-Za-z0-9\-._~+/]+=*")


def _secret(environ, name: str) -> str:
    value = environ.get(name) or ""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise LoadError(f"{name} is not valid UTF-8 text (its value is not shown)") from None
    if any(ord(c) < 0x20 or 0x7f <= ord(c) <= 0x9f for c in value):
        raise LoadError(f"{name} holds a control character such as a line break (its value is not shown)")
    return value


def credentials(environ=os.environ) -> tuple[dict[str, str], tuple[str, str] | None]:
    """What the environment asks to send: the headers of every request (a bearer token)
    and the user and password that answer an HTTP authentication challenge (or None)."""
    token = _secret(environ, TOKEN_VARIABLE)
    if token:
        if not _TOKEN.fullmatch(token):
            raise LoadError(f"{TOKEN_VARIABLE} holds characters a bearer token cannot have "
                            "(letters, digits and -._~+/ only; its value is not shown)")
        return {"Authorization": f"Bearer {token}"}, None
    user = _secret(environ, USER_VARIABLE)
    if user:
        if ":" in user:
            raise LoadError(f"{USER_VARIABLE} must not contain ':' (HTTP authentication)")
        return {}, (user, _secret(environ, PASSWORD_VARIABLE))
    return {}, None


def _opener(endpoint: str, login: tuple[str, str] | None) -> urllib.request.OpenerDirector:
    """An opener that answers a Digest or a Basic challenge with ``login``."""
    if login is None:
        return urllib.request.build_opener()
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    parts = urllib.parse.urlsplit(endpoint)
    passwords.add_password(None, f"{parts.scheme}://{parts.netloc.rsplit('@', 1)[-1]}/", *login)
    return urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(passwords),
                                       urllib.request.HTTPBasicAuthHandler(passwords))


def masked(url: str) -> str:
    """``url`` with any user name and password written in it replaced by ***, escaped
    for a terminal: fit to print."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        parts = None
    if parts is not None and "@" in parts.netloc:
        url = urllib.parse.urlunsplit(parts._replace(netloc="***@" + parts.netloc.rsplit("@", 1)[1]))
    elif "@" in url:
        url = "***@" + url.rsplit("@", 1)[1]
    return terminal_safe(url)


def _put(endpoint: str, graph: str | None, data: bytes, timeout: float, headers: dict[str, str],
         login: tuple[str, str] | None = None) -> None:
    # PUT replaces the named graph; naming it explicitly matters, as a bare POST to
    # Oxigraph's /store would invent a graph name.
    query = urllib.parse.urlencode({"graph": graph}) if graph else "default"
    separator = "&" if "?" in endpoint else "?"
    request = urllib.request.Request(f"{endpoint}{separator}{query}", data=data, method="PUT",
                                     headers={"Content-Type": "text/turtle; charset=utf-8", **headers})
    where = masked(endpoint)
    try:
        with _opener(endpoint, login).open(request, timeout=timeout) as response:
            if response.status not in (200, 201, 204):
                raise LoadError(f"{where}: HTTP {response.status}")
    except urllib.error.HTTPError as exc:
        body = " ".join(exc.read(500).decode("utf-8", "replace").split())
        hint = ""
        if exc.code in (401, 403):
            hint = (f" (credentials come from {TOKEN_VARIABLE}, or {USER_VARIABLE} and {PASSWORD_VARIABLE}"
                    + ("; none are set)" if not headers and login is None else ")"))
        raise LoadError(f"{where}: HTTP {exc.code} {terminal_safe(str(exc.reason))}: {terminal_safe(body)}{hint}") \
            from None
    except urllib.error.URLError as exc:
        raise LoadError(f"{where}: cannot reach the store ({terminal_safe(str(exc.reason))})") from None
    except TimeoutError:
        raise LoadError(f"{where}: no answer within {timeout:g} s (--timeout)") from None
    except ValueError as exc:  # urllib's answer to a challenge other than Digest or Basic
        raise LoadError(f"{where}: the store asks for an authentication graphbuild cannot answer "
                        f"({terminal_safe(str(exc))}); {TOKEN_VARIABLE} sends a bearer token") from None
    except (http.client.HTTPException, OSError) as exc:
        raise LoadError(f"{where}: the connection failed ({terminal_safe(str(exc) or type(exc).__name__)})") \
            from None


def load(data: str | os.PathLike, endpoint: str, graph: str | None = DEFAULT_GRAPH, with_ontology: bool = True,
         timeout: float = 60.0, environ=None) -> dict[str, int]:
    """PUT graph.ttl into ``graph`` (None: the default graph) and the ontology into its
    own named graph at ``endpoint`` (a Graph Store Protocol URL, e.g. Oxigraph's
    http://host:7878/store or Fuseki's http://host:3030/ds/data). ``timeout``: seconds
    the whole load may take (connecting, sending, every byte of both answers). Credentials are read from ``environ`` (default: the
    process environment), see the module's doc."""
    check_endpoint(endpoint)
    headers, login = credentials(os.environ if environ is None else environ)
    body = graph_file(data).read_bytes()
    deadline = time.monotonic() + timeout
    _put_in_time(endpoint, graph, body, deadline, timeout, headers, login)
    sent = {"graph": len(body)}
    if with_ontology:
        onto = (ontology_dir() / "graphbuild.ttl").read_bytes()
        _put_in_time(endpoint, ONTOLOGY_GRAPH, onto, deadline, timeout, headers, login)
        sent["ontology"] = len(onto)
    return sent


def _put_in_time(endpoint: str, graph: str | None, data: bytes, deadline: float, timeout: float,
                 headers: dict[str, str], login: tuple[str, str] | None) -> None:
    """_put in a child process killed at ``deadline``: a socket timeout bounds each read,
    not a server that drips its answer a byte at a time, nor a slow name lookup."""
    left = deadline - time.monotonic()
    message = f"{masked(endpoint)}: no answer within {timeout:g} s (--timeout)"
    if left <= 0:
        raise LoadError(message)
    try:
        # The socket timeout is only a backstop: the child is killed first, at ``left``.
        call_with_time_limit(_put, (endpoint, graph, data, left + 1, headers, login), left, what="the upload")
    except TimeLimitExceeded:
        raise LoadError(message) from None
    except ChildDied as exc:
        raise LoadError(f"{masked(endpoint)}: {exc}") from None
