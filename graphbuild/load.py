"""Loading a build into any SPARQL 1.1 store over the Graph Store HTTP Protocol."""

from __future__ import annotations

import os
import urllib.error
import urllib.parse
import urllib.request

from .query import ONTOLOGY_GRAPH
from .resources import graph_file, ontology_dir

DEFAULT_GRAPH = "https://w3id.org/graphbuild/resource/graph"


class LoadError(RuntimeError):
    """The store refused the data or could not be reached."""


def _put(endpoint: str, graph: str | None, data: bytes, timeout: float) -> None:
    # PUT replaces the named graph; naming it explicitly matters, as a bare POST to
    # Oxigraph's /store would invent a graph name.
    query = urllib.parse.urlencode({"graph": graph}) if graph else "default"
    separator = "&" if "?" in endpoint else "?"
    request = urllib.request.Request(f"{endpoint}{separator}{query}", data=data, method="PUT",
                                     headers={"Content-Type": "text/turtle; charset=utf-8"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            if response.status not in (200, 201, 204):
                raise LoadError(f"{endpoint}: HTTP {response.status}")
    except urllib.error.HTTPError as exc:
        body = exc.read(500).decode("utf-8", "replace").strip()
        raise LoadError(f"{endpoint}: HTTP {exc.code} {exc.reason}: {body}") from None
    except urllib.error.URLError as exc:
        raise LoadError(f"{endpoint}: cannot reach the store ({exc.reason})") from None


def load(data: str | os.PathLike, endpoint: str, graph: str | None = DEFAULT_GRAPH, with_ontology: bool = True,
         timeout: float = 120.0) -> dict[str, int]:
    """PUT graph.ttl into ``graph`` (None: the default graph) and the ontology into its
    own named graph at ``endpoint`` (a Graph Store Protocol URL, e.g. Oxigraph's
    http://host:7878/store or Fuseki's http://host:3030/ds/data)."""
    body = graph_file(data).read_bytes()
    _put(endpoint, graph, body, timeout)
    sent = {"graph": len(body)}
    if with_ontology:
        onto = (ontology_dir() / "graphbuild.ttl").read_bytes()
        _put(endpoint, ONTOLOGY_GRAPH, onto, timeout)
        sent["ontology"] = len(onto)
    return sent
