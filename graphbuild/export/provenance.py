"""The provenance of hand corrections in RDF (docs/corrections.md): the corrections
file, each correction with its kind, text and line, and (on the nodes, written by the
Turtle writer) ``gb:correctedBy`` the corrections that changed them."""

from __future__ import annotations

from typing import Iterator

import networkx as nx
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from ..vocab import GB, GBR


def correction_iri(key: str) -> URIRef:
    return URIRef(f"{GBR}correction/{key}")


def _file_iri(sha256: str) -> URIRef:
    return URIRef(f"{GBR}corrections/{sha256[:12]}")


def correction_subjects(graph: nx.MultiDiGraph) -> Iterator[tuple[str, set]]:
    """(subject IRI, its pairs) of every corrections file and correction the build applied."""
    files = {}
    for c in graph.graph.get("corrections", ()):
        files[c.sha256] = c.source
        pairs = {(RDF.type, GB.Correction), (GB.correctionKind, Literal(c.kind)),
                 (RDFS.label, Literal(f"{c.kind}: {' | '.join(c.args)}")), (PROV.wasDerivedFrom, _file_iri(c.sha256))}
        if c.line:
            pairs.add((GB.line, Literal(c.line, datatype=XSD.positiveInteger)))
        yield str(correction_iri(c.key)), pairs
    for sha256, source in files.items():
        yield str(_file_iri(sha256)), {(RDF.type, GB.CorrectionsFile), (GB.sourceFile, Literal(source)),
                                       (GB.sha256, Literal(sha256))}
