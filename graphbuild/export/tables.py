"""The graph as three tables for pandas, R or a spreadsheet: entities, relations (one
row per statement, with its evidence) and events, written as CSV here (and as Parquet
by :mod:`graphbuild.export.parquet`, from the same rows).

Ids are the prefixed names GraphML uses (``entity:vladimir-putin``); in CSV lists are
joined with ``" | "`` and a missing value is empty; rows are in id order, so the files
are the same from run to run."""

from __future__ import annotations

import csv
import io
from typing import BinaryIO

import networkx as nx

#: File name -> columns.
COLUMNS = {
    "entities.csv": ("id", "label", "type", "wikidata", "mention_count", "article_count", "alt_labels"),
    "relations.csv": ("subject", "subject_label", "predicate", "object", "object_label", "confidence",
                      "modality", "evidence", "document", "date"),
    "events.csv": ("id", "label", "type", "date", "end_date", "place", "participants", "hosts",
                   "article_count", "confidence", "modality"),
}
JOIN = " | "
#: Table -> column -> type of its values: "str", "int", "float" or "list" (of str).
#: Dates are "str": ISO 8601 at the precision the text gives ("2023-10" is a month).
KINDS = {
    "entities": {"mention_count": "int", "article_count": "int", "alt_labels": "list"},
    "relations": {"confidence": "float"},
    "events": {"place": "list", "participants": "list", "hosts": "list", "article_count": "int",
               "confidence": "float"},
}


def prefixed(node: str) -> str:
    """``entity/xi-jinping`` -> ``entity:xi-jinping``: the id form of GraphML and the API."""
    return node.replace("/", ":", 1)


def _entity_rows(graph: nx.MultiDiGraph):
    for node, d in sorted(graph.nodes(data=True)):
        if d.get("kind") == "entity":
            yield (prefixed(node), d["label"], d["cls"], d.get("wikidata") or None, d.get("mention_count", 0),
                   len(d.get("documents", ())), tuple(d.get("alt_labels", ())))


def _relation_rows(graph: nx.MultiDiGraph):
    dates = {doc.id: doc.date_published or None for doc in graph.graph.get("documents", ())}
    rows = []
    for source, target, d in graph.edges(data=True):
        if d.get("kind") != "relation":
            continue
        for st in d.get("statements", ()):
            rows.append((prefixed(source), graph.nodes[source]["label"], st.predicate, prefixed(target),
                         graph.nodes[target]["label"], st.confidence, st.modality, st.evidence.sentence,
                         st.evidence.doc_id, dates.get(st.evidence.doc_id)))
    yield from sorted(rows, key=lambda r: (r[0], r[2], r[3], r[8], r[7], -r[5]))


def _event_rows(graph: nx.MultiDiGraph):
    for node, d in sorted(graph.nodes(data=True)):
        if d.get("kind") != "event":
            continue
        roles: dict[str, list[str]] = {"participant": [], "host": [], "location": []}
        for _, target, role in graph.out_edges(node, keys=True):
            if role in roles:
                roles[role].append(graph.nodes[target]["label"])
        yield (prefixed(node), d["label"], d["cls"], d.get("date") or None, d.get("end_date") or None,
               tuple(sorted(roles["location"])), tuple(sorted(roles["participant"])),
               tuple(sorted(roles["host"])), d.get("article_count", len(d.get("documents", ()))),
               d.get("confidence", 0.0), d.get("modality", "asserted"))


_ROWS = {"entities": _entity_rows, "relations": _relation_rows, "events": _event_rows}


def table_rows(graph: nx.MultiDiGraph, table: str):
    """The rows of ``table`` (entities, relations or events) as Python values: lists
    as tuples, a missing value None (column types: :data:`KINDS`)."""
    return _ROWS[table](graph)


def _cell(value):
    if value is None:
        return ""
    return JOIN.join(value) if isinstance(value, tuple) else value


def write_table(graph: nx.MultiDiGraph, name: str, fh: BinaryIO) -> None:
    """Write the table ``name`` (a key of :data:`COLUMNS`) as UTF-8 CSV into ``fh``."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(COLUMNS[name])
    writer.writerows(tuple(_cell(v) for v in row) for row in table_rows(graph, name.removesuffix(".csv")))
    fh.write(text.getvalue().encode("utf-8"))
