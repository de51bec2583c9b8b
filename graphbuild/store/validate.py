"""SHACL validation of a build with pySHACL, with a timeout and readable violations."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..run.timelimit import ChildDied, TimeLimitExceeded, call_with_time_limit
from ..run.resources import graph_file, ontology_dir, regular_file


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str
    severity: str


@dataclass(frozen=True)
class ValidationResult:
    conforms: bool
    violations: tuple[Violation, ...]


class ValidationTimeout(TimeLimitExceeded):
    """pySHACL took longer than the timeout."""


class GraphUnreadable(ValueError):
    """The graph file is not valid Turtle, or holds no triples: there is nothing to validate."""


_RESOURCES = "https://w3id.org/graphbuild/resource/"


def _compact(term: str) -> str:
    for prefix, iri in (("entity:", "https://w3id.org/graphbuild/resource/entity/"),
                        ("event:", "https://w3id.org/graphbuild/resource/event/"),
                        ("statement:", "https://w3id.org/graphbuild/resource/statement/"),
                        ("document:", "https://w3id.org/graphbuild/resource/document/"),
                        ("gb:", "https://w3id.org/graphbuild/ontology#"),
                        ("rdfs:", "http://www.w3.org/2000/01/rdf-schema#"),
                        ("rdf:", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
                        ("prov:", "http://www.w3.org/ns/prov#"), ("schema:", "https://schema.org/")):
        if term.startswith(iri):
            return prefix + term[len(iri):]
    return term


def check_turtle(path: str, empty: str = "an empty graph is not a build") -> int:
    """The number of triples in ``path``; GraphUnreadable, with the line and column
    Oxigraph reports, when it is not Turtle or holds none."""
    from pyoxigraph import RdfFormat, parse

    count = 0
    try:
        for _ in parse(path=path, format=RdfFormat.TURTLE):
            count += 1
    except SyntaxError as exc:
        message = " ".join(str(exc).split())
        raise GraphUnreadable(f"{path}: not valid Turtle: {message[:200]}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GraphUnreadable(f"{path}: cannot be read ({exc})") from None
    if count == 0:
        raise GraphUnreadable(f"{path}: holds no triples; {empty}")
    return count


def _ill_typed_literal(term) -> bool:
    from rdflib.namespace import XSD

    if getattr(term, "ill_typed", False):
        return True
    # rdflib reads "NaN" and "INF" as decimals; xsd:decimal has neither (only floats do).
    return term.datatype == XSD.decimal and isinstance(term.value, Decimal) and not term.value.is_finite()


def _ill_typed(data) -> list[tuple[str, str, str, str]]:
    """Violations for the literals whose lexical form does not fit their datatype,
    taken out of ``data`` (pySHACL would stop on them without a verdict)."""
    from rdflib import Literal

    bad = [t for t in data if isinstance(t[2], Literal) and _ill_typed_literal(t[2])]
    for triple in bad:
        data.remove(triple)
    return [(_compact(str(s)), _compact(str(p)), f"ill-typed literal {o.n3()}", "Violation") for s, p, o in bad]


def _has_shapes(shapes) -> bool:
    """Whether the graph declares a shape (typed as one, or with what only a shape has):
    a graph that satisfies no shape at all would "conform" to anything."""
    from rdflib import RDF
    from rdflib.namespace import SH

    typed = ((None, RDF.type, kind) for kind in (SH.NodeShape, SH.PropertyShape))
    marks = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target, SH.path, SH.property)
    return any((pattern in shapes) for pattern in [*typed, *((None, mark, None) for mark in marks)])


def _run(data_path: str, shapes_path: str, ontology_path: str | None) -> tuple[bool, list[tuple[str, str, str, str]]]:
    from pyshacl import validate
    from rdflib import Graph
    from rdflib.namespace import SH

    check_turtle(data_path)  # rdflib's parse errors say little (IndexError, AssertionError)
    check_turtle(shapes_path, "no shapes: nothing to validate against")
    # An ill-typed literal ("NaN"^^xsd:decimal) is reported below as a violation; rdflib
    # would also log a traceback for each (this is the child process: nothing else logs).
    logging.getLogger("rdflib.term").setLevel(logging.ERROR)
    data = Graph().parse(data_path, format="turtle")
    if not any(str(s).startswith(_RESOURCES) for s in data.subjects(unique=True)):
        # No shape targets anything in it: passing it would say nothing.
        raise GraphUnreadable(f"{data_path}: holds no graphbuild nodes (<{_RESOURCES}...>); not a build")
    found = _ill_typed(data)
    shapes = Graph().parse(shapes_path, format="turtle")
    if not _has_shapes(shapes):
        raise GraphUnreadable(f"{shapes_path}: holds no SHACL shape: nothing to validate against")
    ont = Graph().parse(ontology_path, format="turtle") if ontology_path else None
    conforms, report, _ = validate(data, shacl_graph=shapes, ont_graph=ont, inference="none",
                                   allow_warnings=True, meta_shacl=False)
    conforms = conforms and not found
    for result in report.subjects(SH.resultSeverity, None):
        focus = str(report.value(result, SH.focusNode))
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        severity = str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]
        found.append((_compact(focus), _compact(str(path)) if path is not None else "",
                      str(message) if message is not None else "", severity))
    return bool(conforms), sorted(found)


def validate(target: str | Path, shapes: str | Path | None = None, timeout: float = 300.0) -> ValidationResult:
    """Validate ``target`` (a build folder or a graph.ttl) against the shapes.

    pySHACL runs in a child process so that a timeout can really stop it. Raises
    :class:`GraphUnreadable` when the file is not Turtle or is empty, and
    :class:`ValidationTimeout` past ``timeout`` seconds.
    """
    data = graph_file(target)
    onto = ontology_dir()
    shapes_path = regular_file(shapes) if shapes else onto / "shapes.ttl"
    try:
        conforms, found = call_with_time_limit(_run, (str(data), str(shapes_path), str(onto / "graphbuild.ttl")),
                                               timeout, what="validation")
    except TimeLimitExceeded:
        raise ValidationTimeout(f"validation took longer than {timeout:g} s") from None
    except ChildDied as exc:
        raise GraphUnreadable(str(exc)) from None
    return ValidationResult(conforms, tuple(Violation(*v) for v in found))


def format_result(result: ValidationResult, limit: int = 50) -> str:
    if result.conforms:
        return "conforms: the graph satisfies every shape"
    lines = [f"does not conform: {len(result.violations)} violation(s)"]
    for v in result.violations[:limit]:
        where = f" {v.path}" if v.path else ""
        lines.append(f"  [{v.severity}] {v.focus}{where}: {v.message}")
    if len(result.violations) > limit:
        lines.append(f"  ... and {len(result.violations) - limit} more")
    return "\n".join(lines)
