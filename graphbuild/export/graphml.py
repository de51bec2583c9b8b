"""GraphML export for Gephi, Cytoscape and yEd: the same nodes as the HTML view."""

from __future__ import annotations

import io

import networkx as nx


def _scalar(value):
    if isinstance(value, (list, tuple, set, frozenset)):
        return " | ".join(str(v) for v in value)
    return value


def to_graphml(graph: nx.MultiDiGraph) -> bytes:
    """GraphML bytes; list attributes joined with ' | ', objects left out."""
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{k: _scalar(v) for k, v in sorted(data.items())
                               if v is not None and isinstance(_scalar(v), (str, int, float, bool))})
    for u, v, key, data in graph.edges(keys=True, data=True):
        attrs = {k: _scalar(val) for k, val in sorted(data.items())
                 if val is not None and isinstance(_scalar(val), (str, int, float, bool))}
        flat.add_edge(u, v, key=key, **attrs)
    buffer = io.BytesIO()
    nx.write_graphml(flat, buffer, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return buffer.getvalue()
