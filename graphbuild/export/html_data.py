"""What the HTML view draws, as plain data for the page: nodes, merged edges, articles.

Every pair of nodes gets at most one edge on the canvas, whose label lists the
predicates between them (a stack of edges cannot be told apart). Facts keep their
statements (evidence sentence, confidence, modality, article) for the details panel,
and everything dated carries days since 1970-01-01 for the date-range control:
events their own date (else the dates of the articles reporting them), relations the
publication dates of the articles that state them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections import defaultdict

import networkx as nx
import numpy as np

from .html_kept import keeps_layout, layout_keeping
from .html_layout import Box, node_box, place_layer

EPOCH = dt.date(1970, 1, 1)
#: At most this many articles in the optional article layer (those linked to most nodes).
ARTICLE_LAYER_MAX = 400
FACT_COLOR, ROLE_COLOR = "#8a94a0", "#c3c9d1"


def day_span(iso: str | None) -> tuple[int, int] | None:
    """``"2023"``, ``"2023-05"`` or ``"2023-05-19"`` as (first day, last day) since 1970."""
    if not iso:
        return None
    try:
        parts = [int(p) for p in iso[:10].split("-")]
        if len(parts) == 1:
            first, last = dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        elif len(parts) == 2:
            first = dt.date(parts[0], parts[1], 1)
            last = dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        else:
            first = last = dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return None
    return (first - EPOCH).days, (last - EPOCH).days


def _doc_table(graph: nx.MultiDiGraph) -> tuple[list, dict[str, int]]:
    docs = graph.graph.get("documents", ())
    table = []
    for d in docs:
        span = day_span(d.date_published)
        table.append({"id": d.id, "headline": d.headline or "", "date": d.date_published or "",
                      "source": d.where, "day": span[0] if span else None})
    return table, {d.id: k for k, d in enumerate(docs)}


def _merged_edges(graph: nx.MultiDiGraph, doc_index: dict[str, int]) -> dict[tuple[str, str], list[dict]]:
    """Facts per unordered node pair, in a stable order."""
    pairs: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for u, v, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        if u == v:
            continue
        a, b = (u, v) if u < v else (v, u)
        statements = [[st.evidence.sentence, round(st.confidence, 3), st.modality,
                       doc_index.get(st.evidence.doc_id, -1)] for st in data.get("statements", ())]
        pairs[(a, b)].append({
            "p": data.get("predicate", key), "from": u, "to": v,
            "role": data.get("kind") == "event-role",
            "sym": bool(data.get("symmetric")),
            "conf": round(float(data.get("confidence", 1.0)), 3),
            "mod": data.get("modality") or "",
            "st": statements,
        })
    return pairs


def _edge_label(facts: list[dict], source: str) -> str:
    lines = []
    mixed = len({f["from"] for f in facts if not f["sym"]}) > 1
    for f in facts:
        if mixed:
            lines.append(f"{f['p']} \u2192" if f["from"] == source else f"\u2190 {f['p']}")
        else:
            lines.append(f["p"])
    return "\n".join(dict.fromkeys(lines))


def _edge_title(facts: list[dict], labels: dict[str, str], docs: list[dict]) -> str:
    lines = []
    for f in facts:
        arrow = "\u2014" if f["sym"] else "\u2192"
        lines.append(f"{labels[f['from']]} {arrow} {f['p']} {arrow} {labels[f['to']]}  (confidence {f['conf']:.2f})")
        for sentence, _, _, d in f["st"][:3]:
            doc = docs[d] if d >= 0 else None
            source = (doc["headline"] or doc["source"]) if doc else "?"
            date = f", {doc['date']}" if doc and doc["date"] else ""
            lines.append(f"  \u201c{sentence}\u201d\n    \u2014 {source}{date}")
        if len(f["st"]) > 3:
            lines.append(f"  ... and {len(f['st']) - 3} more source sentence(s)")
    return "\n".join(lines)


def _event_times(data: dict, docs: list[dict], doc_index: dict[str, int]) -> list[list[int]]:
    span = day_span(data.get("date"))
    if span:
        return [list(span)]
    return [list(t) for t in sorted({(docs[doc_index[d]]["day"],) * 2 for d in data.get("documents", ())
                                     if d in doc_index and docs[doc_index[d]]["day"] is not None})]


def _node_options(node: str, data: dict, view: dict, biggest: int) -> dict:
    """One entity or event as vis-network options plus the page's own fields."""
    docs, doc_index = view["docs"], view["doc_index"]
    event = data.get("kind") == "event"
    label = data["label"]  # for events: type, place and date, from graph.event_label
    if event:
        size = min(40.0, 12 + 6 * (math.sqrt(max(len(data.get("documents", ())), 1)) - 1))
        times = _event_times(data, docs, doc_index)
    else:
        size = 10 + 30 * math.sqrt(max(data.get("mention_count", 1), 1) / biggest)
        times = []
    return {
        "id": node, "label": label, "full_label": data["label"], "title": view["tooltip"](data, view["documents"]),
        "shape": "diamond" if event else "dot", "size": round(size, 1), "group": data.get("core_class", "Event"),
        "kind": "event" if event else "entity", "cls": data.get("cls") or "",
        "names": [data["label"], *data.get("alt_labels", ())] + ([label] if event else []),
        "wikidata": data.get("wikidata") or "", "mentions": data.get("mention_count", 0),
        "docs": [doc_index[d] for d in data.get("documents", ()) if d in doc_index],
        "isolated": node not in view["linked"], "t": times,
        "date": data.get("date") or "",
        "conf": round(float(data.get("confidence", 0) or 0), 3), "mod": data.get("modality") or "",
        "ev": [[e.sentence, doc_index.get(e.doc_id, -1)] for e in data.get("evidence", ())],
    }


def importance(nodes: list[dict], pairs) -> None:
    """``imp`` on every node: 0 for the one whose label matters most, then 1, ...
    Entities weigh their edges, articles and mentions; events the articles reporting
    them (an event's few participants say little about how much it matters)."""
    degree: dict[str, int] = defaultdict(int)
    for a, b in pairs:
        degree[a] += 1
        degree[b] += 1

    def score(n: dict) -> float:
        if n["kind"] == "event":
            return 1.5 * len(n["docs"]) + 0.5 * degree[n["id"]]
        return degree[n["id"]] + len(n["docs"]) + n["mentions"] / 10

    ranked = sorted(range(len(nodes)), key=lambda k: (-score(nodes[k]), nodes[k]["id"]))
    for rank, k in enumerate(ranked):
        nodes[k]["imp"] = rank


def _edge_options(a: str, b: str, facts: list[dict], labels: dict[str, str], docs: list[dict]) -> dict:
    # Draw from the side most facts start from, so that the arrow says most.
    starts = sorted(f["from"] for f in facts)
    source = max((a, b), key=lambda s: (starts.count(s), s == a))
    target = b if source == a else a
    directed = [f for f in facts if not f["sym"]]
    arrows = ""
    if directed:
        arrows = "to" if all(f["from"] == source for f in directed) else "to, from"
    statements = sum(len(f["st"]) for f in facts)
    articles = len({st[3] for f in facts for st in f["st"] if st[3] >= 0})
    role = all(f["role"] for f in facts)
    title = _edge_title(facts, labels, docs)
    if statements:
        title = f"{statements} statement(s) in {articles} article(s)\n{title}"
    return {
        "id": f"{source}|{target}", "from": source, "to": target, "arrows": arrows,
        "label": _edge_label(facts, source), "title": title,
        "kind": "role" if role else "fact", "facts": facts,
        # Roles lighter than facts: at scale, events' many role lines would bury the facts.
        "color": {"color": ROLE_COLOR if role else FACT_COLOR},
        "dashes": False,
        # Width by statements and by the articles they come from: one article repeating
        # a fact weighs less than several reporting it.
        "width": round(1 + min(4.0, 0.6 * math.log2(max(statements, 1)) + math.log2(max(articles, 1))), 2),
    }


def build_view(graph: nx.MultiDiGraph, tooltip, placed: dict[str, tuple[float, float]] | None = None) -> dict:
    """Nodes and edges as vis-network options plus the page's own fields, laid out
    (``placed``: an earlier drawing's positions, see :mod:`.html_kept`)."""
    docs, doc_index = _doc_table(graph)
    pairs = _merged_edges(graph, doc_index)
    view = {"docs": docs, "doc_index": doc_index, "tooltip": tooltip, "linked": {n for pair in pairs for n in pair},
            "documents": {d.id: d for d in graph.graph.get("documents", ())}}
    entity_mentions = [d.get("mention_count", 1) for _, d in graph.nodes(data=True) if d.get("kind") != "event"]
    biggest = max(entity_mentions, default=1) or 1
    nodes = [_node_options(node, data, view, biggest) for node, data in graph.nodes(data=True)]
    importance(nodes, pairs)
    boxes = [node_box(n["label"], n["size"]) for n in nodes]
    index = {n["id"]: k for k, n in enumerate(nodes)}
    ids, canvas_edges = [n["id"] for n in nodes], [(index[a], index[b]) for a, b in pairs]
    positions = layout_keeping(ids, boxes, canvas_edges, placed)
    for n, (x, y) in zip(nodes, positions):
        n["x"], n["y"] = int(round(x)), int(round(y))
    labels = {n["id"]: n["full_label"] for n in nodes}
    edges = [_edge_options(a, b, facts, labels, docs) for (a, b), facts in sorted(pairs.items())]
    kept = placed if keeps_layout(ids, canvas_edges, placed) else {}
    articles, article_edges = _article_layer(nodes, boxes, positions, docs, kept)
    return {"nodes": nodes + articles, "edges": edges + article_edges, "docs": docs,
            "span": _span(nodes, docs), "articles": {"drawn": len(articles), "total": len(docs),
                                                     "linked": len({d for n in nodes for d in n["docs"]}),
                                                     "max": ARTICLE_LAYER_MAX}}


def _article_layer(nodes, boxes, positions, docs, placed):
    """Documents as nodes linked to the nodes that mention them (drawn on demand); an
    article ``placed`` before (the earlier page's, when the graph kept its layout)
    keeps its position."""
    links: dict[int, list[int]] = defaultdict(list)
    for k, n in enumerate(nodes):
        for d in n["docs"]:
            links[d].append(k)
    chosen = sorted(links, key=lambda d: (-len(links[d]), docs[d]["id"]))[:ARTICLE_LAYER_MAX]
    chosen.sort()
    labels = []
    for d in chosen:
        text = docs[d]["headline"] or docs[d]["source"]
        labels.append(text if len(text) <= 36 else text[:35].rstrip() + "\u2026")
    art_boxes: list[Box] = [node_box(label, 7) for label in labels]
    # Near what is drawn by default: the unconnected rows would pull articles off the graph.
    near = [[k for k in links[d] if not nodes[k]["isolated"]] or links[d] for d in chosen]
    ids = [f"article/{docs[d]['id']}" for d in chosen]
    kept = [k for k, aid in enumerate(ids) if aid in placed]
    spots = np.zeros((len(chosen), 2))
    for k in kept:
        spots[k] = placed[ids[k]]
    new = [k for k in range(len(chosen)) if k not in set(kept)]
    base = np.vstack([positions, spots[kept]]) if kept else positions
    if new:
        spots[new] = place_layer(base, boxes + [art_boxes[k] for k in kept], [near[k] for k in new],
                                 [art_boxes[k] for k in new])
    articles, edges = [], []
    for d, label, (x, y) in zip(chosen, labels, spots):
        doc = docs[d]
        aid = f"article/{doc['id']}"
        title = "\n".join(filter(None, [doc["headline"], doc["date"], doc["source"]]))
        articles.append({
            "id": aid, "label": label, "full_label": doc["headline"] or doc["source"], "title": title,
            "shape": "square", "size": 7, "group": "Article", "kind": "article", "cls": "Article",
            "names": [doc["headline"] or doc["source"], doc["source"]], "wikidata": "", "mentions": 0,
            "docs": [d], "isolated": False, "t": [[doc["day"], doc["day"]]] if doc["day"] is not None else [],
            "date": doc["date"], "conf": 0, "mod": "", "ev": [], "imp": len(nodes) + len(articles),
            "x": int(round(x)), "y": int(round(y)),
        })
        for k in sorted(links[d]):
            edges.append({"id": f"{aid}|{nodes[k]['id']}", "from": aid, "to": nodes[k]["id"], "arrows": "",
                          "label": "", "title": f"{label} mentions {nodes[k]['full_label']}", "kind": "article",
                          "facts": [], "dashes": True, "width": 1})
    return articles, edges


def _span(nodes: list[dict], docs: list[dict]) -> list[int] | None:
    days = [t for n in nodes for span in n["t"] for t in span]
    days += [d["day"] for d in docs if d["day"] is not None]
    return [min(days), max(days)] if days else None
