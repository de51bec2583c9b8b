"""GraphML export for Gephi, Cytoscape and yEd: the same nodes as the HTML view.

GraphML holds scalars only: lists become ' | '-joined text, evidence becomes its
sentences, and each relation edge says how many statements back it and from which
documents. NetworkX writes it through lxml's incremental writer straight into the file.
"""

from __future__ import annotations

import io
import re
from typing import BinaryIO

import networkx as nx

SEPARATOR = " | "
#: Characters XML 1.0 cannot hold (lxml refuses them): replaced, never a failed export.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _text(value):
    """A GraphML-ready scalar, or None to leave the attribute out."""
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_text(v) for v in value]
        return SEPARATOR.join(str(v) for v in items if v is not None) if items else None
    if isinstance(value, str):
        return _XML_INVALID.sub("\ufffd", value)
    if isinstance(value, (bool, int, float)):
        return value
    evidence = getattr(value, "evidence", value)  # a Statement, or Evidence itself
    return getattr(evidence, "sentence", None)


def _attributes(data: dict) -> dict:
    attrs = {}
    for key, value in sorted(data.items()):
        flat = _text(value) if value is not None else None
        if flat is not None:
            attrs["evidence" if key == "statements" else key] = flat
    statements = data.get("statements")
    if statements:
        attrs["statement_count"] = len(statements)
        attrs["documents"] = SEPARATOR.join(sorted({st.evidence.doc_id for st in statements}))
    return attrs


def graphml_id(node: str) -> str:
    """The GraphML id of a node: "entity/vladimir-putin" -> "entity:vladimir-putin", the
    Turtle's prefixed name. GraphML ids are XML name tokens, which cannot hold "/"."""
    return node.replace("/", ":", 1)


def write_graphml(graph: nx.MultiDiGraph, out: BinaryIO) -> None:
    """GraphML of every node and edge of ``graph`` into ``out``, valid against the
    GraphML schema: node ids are name tokens, edge ids ("e0", "e1", ... in the graph's
    sorted edge order) are unique, and so are key ids."""
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(graphml_id(node), **_attributes(data))
    for i, (u, v, data) in enumerate(graph.edges(data=True)):
        # NetworkX writes a multigraph's edge key as its id, and the same key
        # ("participant") on two edges would be two edges with one id.
        flat.add_edge(graphml_id(u), graphml_id(v), key=f"e{i}", **_attributes(data))
    # Key ids are generated (d0, d1, ...): named ids would repeat where a node and an edge
    # attribute share a name ("label"), and GraphML wants every key id unique.
    nx.write_graphml(flat, out, encoding="utf-8", prettyprint=True, named_key_ids=False)


def to_graphml(graph: nx.MultiDiGraph) -> bytes:
    buffer = io.BytesIO()
    write_graphml(graph, buffer)
    return buffer.getvalue()
