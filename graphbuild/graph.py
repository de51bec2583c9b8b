"""The one NetworkX graph every exporter reads.

Nodes are entities (and, with relation extraction, events), keyed by their IRI path
under ``gbr:`` ("entity/vladimir-putin"); edges carry a predicate as their key.
Document metadata lives in ``graph.graph["documents"]``. Nodes and edges are inserted
in sorted order so that every export is deterministic.
"""

from __future__ import annotations

import dataclasses
from typing import Iterable

import networkx as nx

from .records import Document, Resolution
from .vocab import core_class


def entity_node(entity_id: str) -> str:
    return f"entity/{entity_id}"


def build_graph(documents: Iterable[Document], resolution: Resolution) -> nx.MultiDiGraph:
    """Assemble the graph from the resolved entities and the documents' metadata."""
    graph = nx.MultiDiGraph()
    docs = sorted(documents, key=lambda d: d.id)
    # Only metadata is kept: the text would make the graph grow with the corpus.
    graph.graph["documents"] = tuple(dataclasses.replace(d, segments=()) for d in docs)
    for entity in sorted(resolution.entities, key=lambda e: e.id):
        graph.add_node(
            entity_node(entity.id),
            kind="entity",
            cls=entity.cls,
            core_class=core_class(entity.cls),
            label=entity.label,
            alt_labels=entity.alt_labels,
            wikidata=entity.wikidata,
            mention_count=entity.mention_count,
            documents=entity.documents,
        )
    return graph


def summary(graph: nx.MultiDiGraph) -> dict[str, int]:
    """Counts for the closing line of a build."""
    kinds = [data.get("kind") for _, data in graph.nodes(data=True)]
    return {
        "documents": len(graph.graph.get("documents", ())),
        "entities": kinds.count("entity"),
        "events": kinds.count("event"),
        "relations": sum(1 for *_, d in graph.edges(keys=True, data=True) if d.get("kind") == "relation"),
    }
