"""N-Triples, written by Oxigraph's N-Triples formatter: one line per triple, every
literal on one line (newlines and quotes escaped), never Turtle's long strings."""

from __future__ import annotations

from functools import lru_cache
from typing import BinaryIO, Iterable

from rdflib import Literal, URIRef


@lru_cache(maxsize=1 << 16)
def _named(iri: str):
    from pyoxigraph import NamedNode

    return NamedNode(iri)


def _term(term):
    from pyoxigraph import Literal as OxLiteral

    if isinstance(term, Literal):
        if term.language:
            return OxLiteral(str(term), language=term.language)
        return OxLiteral(str(term), datatype=_named(str(term.datatype)) if term.datatype else None)
    if isinstance(term, URIRef):
        return _named(str(term))
    raise TypeError(f"no N-Triples form for {type(term).__name__}")


def write_ntriples(subjects: Iterable, out: BinaryIO) -> None:
    """N-Triples into ``out`` from (subject, [(predicate, object)]) pairs in N-Triples
    order; each subject's lines sorted."""
    from pyoxigraph import Triple

    for subject, pairs in subjects:
        s = _named(str(subject))
        lines = sorted(f"{Triple(s, _named(str(p)), _term(o))} .\n" for p, o in pairs)
        out.write("".join(lines).encode("utf-8"))
