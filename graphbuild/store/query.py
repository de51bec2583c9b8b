"""SPARQL on a build: the embedded Oxigraph store (pyoxigraph) and named example queries.

The project's prefixes are predeclared through Oxigraph's own ``prefixes`` argument,
never pasted above the query text: error positions stay those of the user's query,
and a query that declares one PREFIX keeps all the others.
"""

from __future__ import annotations

import csv
import io
import json
import re

from ..run.resources import graph_file, ontology_dir
from .service import UncheckedService, calls_service
from .table import Table, cell_text, python_value, terminal_safe, text_grid  # noqa: F401 - terminal_safe: public here

ONTOLOGY_GRAPH = "https://w3id.org/graphbuild/ontology"

#: Prefixes every query may use without declaring them.
PREFIXES = {
    "gb": "https://w3id.org/graphbuild/ontology#",
    "gbr": "https://w3id.org/graphbuild/resource/",
    "entity": "https://w3id.org/graphbuild/resource/entity/",
    "event": "https://w3id.org/graphbuild/resource/event/",
    "document": "https://w3id.org/graphbuild/resource/document/",
    "statement": "https://w3id.org/graphbuild/resource/statement/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "wd": "http://www.wikidata.org/entity/",
}


class QueryError(ValueError):
    """The query cannot run: a syntax error (with the line and column in the user's
    text), an undeclared prefix, or a SERVICE call that was not allowed."""


class GraphFileError(ValueError):
    """The data to query is not readable RDF."""


def example_queries() -> dict[str, str]:
    """Named example queries shipped in ontology/queries/*.rq."""
    folder = ontology_dir() / "queries"
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.rq"))}


def open_store(data, with_ontology: bool = True):
    """An in-memory Oxigraph store holding the build (default graph) and the ontology
    (in the graph <https://w3id.org/graphbuild/ontology>).

    ``data``: a build folder, a graph.ttl, or a built graph (anything with
    ``to_turtle()``, such as the result of :func:`graphbuild.build`).
    """
    from pyoxigraph import NamedNode, RdfFormat, Store

    store = Store()
    if hasattr(data, "to_turtle"):
        store.load(input=data.to_turtle(), format=RdfFormat.TURTLE)
    else:
        path = graph_file(data)
        try:
            store.load(path=str(path), format=RdfFormat.TURTLE)
        except SyntaxError as exc:
            raise GraphFileError(f"{path}: not valid Turtle ({_one_line(str(exc))})") from None
    if with_ontology:
        store.load(path=str(ontology_dir() / "graphbuild.ttl"), format=RdfFormat.TURTLE,
                   to_graph=NamedNode(ONTOLOGY_GRAPH))
    return store


def _text(term) -> str | None:
    if term is None:
        return None
    return term.value


# Strings, IRIs and comments: where a prefix cannot be.
_OPAQUE = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                     r'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n]*')
_PREFIXED = re.compile(r"(?<![\w?$])([A-Za-z][\w.-]*)?:(?=[\w%\\]|\s|$)")
_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE)


def _blank_opaque(sparql: str) -> str:
    """The query with strings, IRIs and comments blanked out, offsets kept."""
    return _OPAQUE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), sparql)


def uses_service(sparql: str) -> bool:
    """Whether the query calls a remote endpoint (SPARQL 1.1 federation), or might: a
    query naming SERVICE that cannot be parsed counts as calling one."""
    try:
        return calls_service(sparql)
    except UncheckedService:
        return True


def _one_line(message: str, limit: int = 200) -> str:
    line = " ".join(message.split())
    return line if len(line) <= limit else line[: limit - 1] + "\u2026"


def _explain(exc: SyntaxError, sparql: str) -> str:
    """Oxigraph's message, on one line, naming an undeclared prefix."""
    message = str(exc)
    where = re.match(r"error at (\d+):(\d+)", message)
    if "Prefix not found" in message:
        code = _blank_opaque(sparql)
        declared = set(PREFIXES) | {m.group(1) or "" for m in _DECLARED.finditer(code)}
        unknown = sorted({m.group(1) or "" for m in _PREFIXED.finditer(code)} - declared)
        if unknown:
            name = unknown[0]
            at = f" at line {where.group(1)}, column {where.group(2)}" if where else ""
            return f"unknown prefix '{name}:'{at}; declare it (PREFIX {name}: <...>) or use one of " \
                   f"{', '.join(p + ':' for p in sorted(PREFIXES))}"
    if where:
        rest = message[where.end():].lstrip(": ")
        return f"syntax error at line {where.group(1)}, column {where.group(2)}: {_one_line(rest, 160)}"
    return f"syntax error: {_one_line(message)}"


def _refuse_service(sparql: str) -> None:
    allow = "allow it explicitly (--allow-service, or allow_service=True)"
    try:
        calls = calls_service(sparql)
    except UncheckedService as exc:
        raise QueryError(f"the query names SERVICE and could not be checked for a remote call ({exc}); "
                         f"fix its syntax, or {allow}") from None
    if calls:
        raise QueryError(f"the query calls SERVICE (a remote endpoint); {allow}")


def run_query(store, sparql: str, *, max_rows: int | None = None,
              allow_service: bool = False, typed: bool = True) -> Table | bool | list[tuple[str, str, str]]:
    """SELECT gives a Table, ASK a bool, CONSTRUCT/DESCRIBE a list of triples.

    The prefixes of :data:`PREFIXES` are predeclared. ``max_rows`` stops reading the
    answer after that many rows (``Table.truncated`` then says so). A ``SERVICE`` call
    is refused unless ``allow_service``: it would send a request to another server.
    ``typed``: values as Python types (see :mod:`graphbuild.store.table`), else as text.
    """
    from pyoxigraph import QueryBoolean, QuerySolutions

    if not allow_service:
        _refuse_service(sparql)
    try:
        result = store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise QueryError(_explain(exc, sparql)) from None
    if isinstance(result, QueryBoolean):
        return bool(result)
    if isinstance(result, QuerySolutions):
        variables = tuple(v.value for v in result.variables)
        value = python_value if typed else _text
        rows = []
        for solution in result:
            if max_rows is not None and len(rows) >= max_rows:
                return Table(variables, tuple(rows), truncated=True)
            rows.append(tuple(value(solution[v]) for v in variables))
        return Table(variables, tuple(rows))
    triples = []
    for t in result:
        if max_rows is not None and len(triples) >= max_rows:
            break
        triples.append((t.subject.value, t.predicate.value, _text(t.object)))
    return triples


def format_table(result, fmt: str = "table") -> str:
    if isinstance(result, bool):
        return json.dumps({"boolean": result}) if fmt == "json" else ("yes" if result else "no")
    if isinstance(result, list):
        result = Table(("subject", "predicate", "object"), tuple(result))
    if fmt == "json":
        return json.dumps([dict(zip(result.variables, [None if v is None else cell_text(v) for v in row]))
                           for row in result.rows], indent=2, ensure_ascii=False)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(result.variables)
        writer.writerows([cell_text(v) for v in row] for row in result.rows)
        return out.getvalue().rstrip("\n")
    return text_grid(result)
