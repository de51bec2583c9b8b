"""SPARQL on a build: the embedded Oxigraph store (pyoxigraph) and named example queries."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from .resources import graph_file, ontology_dir

ONTOLOGY_GRAPH = "https://w3id.org/graphbuild/ontology"


@dataclass(frozen=True)
class Table:
    variables: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]


def example_queries() -> dict[str, str]:
    """Named example queries shipped in ontology/queries/*.rq."""
    folder = ontology_dir() / "queries"
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.rq"))}


def open_store(data: str | Path, with_ontology: bool = True):
    """An in-memory Oxigraph store holding the build (default graph) and the ontology
    (in the graph <https://w3id.org/graphbuild/ontology>)."""
    from pyoxigraph import NamedNode, RdfFormat, Store

    path = graph_file(data)
    store = Store()
    store.load(path=str(path), format=RdfFormat.TURTLE)
    if with_ontology:
        store.load(path=str(ontology_dir() / "graphbuild.ttl"), format=RdfFormat.TURTLE,
                   to_graph=NamedNode(ONTOLOGY_GRAPH))
    return store


def _text(term) -> str | None:
    if term is None:
        return None
    return term.value


def run_query(store, sparql: str) -> Table | bool | list[tuple[str, str, str]]:
    """SELECT gives a Table, ASK a bool, CONSTRUCT/DESCRIBE a list of triples."""
    from pyoxigraph import QueryBoolean, QuerySolutions

    prefixes = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}
    result = store.query(sparql, prefixes=prefixes, use_default_graph_as_union=True)
    if isinstance(result, QueryBoolean):
        return bool(result)
    if isinstance(result, QuerySolutions):
        variables = tuple(v.value for v in result.variables)
        rows = tuple(tuple(_text(sol[v]) for v in variables) for sol in result)
        return Table(variables, rows)
    return [(t.subject.value, t.predicate.value, _text(t.object)) for t in result]


def format_table(result, fmt: str = "table") -> str:
    if isinstance(result, bool):
        return json.dumps({"boolean": result}) if fmt == "json" else ("yes" if result else "no")
    if isinstance(result, list):
        result = Table(("subject", "predicate", "object"), tuple(result))
    if fmt == "json":
        return json.dumps([dict(zip(result.variables, row)) for row in result.rows], indent=2, ensure_ascii=False)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(result.variables)
        writer.writerows(["" if v is None else v for v in row] for row in result.rows)
        return out.getvalue().rstrip("\n")
    cells = [[("" if v is None else v).replace("\n", " ") for v in row] for row in result.rows]
    widths = [min(60, max([len(v)] + [len(r[i]) for r in cells])) for i, v in enumerate(result.variables)]

    def line(values):
        return "  ".join((v if len(v) <= w else v[: w - 1] + "\u2026").ljust(w) for v, w in zip(values, widths)).rstrip()

    lines = [line(result.variables), line(["-" * w for w in widths])]
    lines += [line(r) for r in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines)
