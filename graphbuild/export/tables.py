"""The graph as three CSV tables for pandas, R or a spreadsheet: entities.csv,
relations.csv (one row per statement, with its evidence) and events.csv.

Ids are the prefixed names GraphML uses (``entity:vladimir-putin``); lists are joined
with ``" | "``; rows are in id order, so the files are the same from run to run."""

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


def prefixed(node: str) -> str:
    """``entity/xi-jinping`` -> ``entity:xi-jinping``: the id form of GraphML and the API."""
    return node.replace("/", ":", 1)


def _entity_rows(graph: nx.MultiDiGraph):
    for node, d in sorted(graph.nodes(data=True)):
        if d.get("kind") == "entity":
            yield (prefixed(node), d["label"], d["cls"], d.get("wikidata") or "", d.get("mention_count", 0),
                   len(d.get("documents", ())), JOIN.join(d.get("alt_labels", ())))


def _relation_rows(graph: nx.MultiDiGraph):
    dates = {doc.id: doc.date_published or "" for doc in graph.graph.get("documents", ())}
    rows = []
    for source, target, d in graph.edges(data=True):
        if d.get("kind") != "relation":
            continue
        for st in d.get("statements", ()):
            rows.append((prefixed(source), graph.nodes[source]["label"], st.predicate, prefixed(target),
                         graph.nodes[target]["label"], st.confidence, st.modality, st.evidence.sentence,
                         st.evidence.doc_id, dates.get(st.evidence.doc_id, "")))
    yield from sorted(rows, key=lambda r: (r[0], r[2], r[3], r[8], r[7], -r[5]))


def _event_rows(graph: nx.MultiDiGraph):
    for node, d in sorted(graph.nodes(data=True)):
        if d.get("kind") != "event":
            continue
        roles: dict[str, list[str]] = {"participant": [], "host": [], "location": []}
        for _, target, role in graph.out_edges(node, keys=True):
            if role in roles:
                roles[role].append(graph.nodes[target]["label"])
        yield (prefixed(node), d["label"], d["cls"], d.get("date") or "", d.get("end_date") or "",
               JOIN.join(sorted(roles["location"])), JOIN.join(sorted(roles["participant"])),
               JOIN.join(sorted(roles["host"])), d.get("article_count", len(d.get("documents", ()))),
               d.get("confidence", 0.0), d.get("modality", "asserted"))


_ROWS = {"entities.csv": _entity_rows, "relations.csv": _relation_rows, "events.csv": _event_rows}


def write_table(graph: nx.MultiDiGraph, name: str, fh: BinaryIO) -> None:
    """Write the table ``name`` (a key of :data:`COLUMNS`) as UTF-8 CSV into ``fh``."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(COLUMNS[name])
    writer.writerows(_ROWS[name](graph))
    fh.write(text.getvalue().encode("utf-8"))
