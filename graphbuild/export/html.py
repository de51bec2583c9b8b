"""The interactive HTML view, drawn by pyvis through graphbuild's own template.

pyvis 0.3.2's template loads Bootstrap and vis-network from CDNs and puts node ids
and the heading into the page unescaped; ours inlines the vis-network files shipped
inside the installed pyvis package, autoescapes, and passes article text only as
HTML-safe JSON rendered as text.
"""

from __future__ import annotations

import math
from collections import Counter
from importlib import resources
from pathlib import Path

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

#: Fixed colours per class (colour-blind-friendly palette, Okabe-Ito), never random.
CLASS_COLORS = {
    "Person": "#E69F00",
    "Country": "#0072B2",
    "Place": "#56B4E9",
    "Organization": "#009E73",
    "Initiative": "#CC79A7",
    "Event": "#D55E00",
}
VIS_VERSION = "vis-9.1.2"
TEMPLATE = "graph.html.j2"


def _vis_assets() -> tuple[str, str]:
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / VIS_VERSION
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    # The files are inlined inside <script>/<style>: they must not close them early.
    if "</script" in js.lower() or "</style" in css.lower():
        raise RuntimeError(f"{lib} holds a closing tag and cannot be inlined safely")
    return js, css


def _environment() -> Environment:
    templates = resources.files("graphbuild.export") / "templates"
    return Environment(
        loader=FileSystemLoader(str(templates)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )


def node_tooltip(data: dict, documents: dict) -> str:
    """Plain text (vis-network shows string titles with innerText, never as HTML)."""
    lines = [f"{data['label']} ({data.get('cls') or data.get('core_class')})"]
    for ev in data.get("evidence", ())[:3]:
        lines.append(f"\u201c{ev.sentence}\u201d")
    alts = data.get("alt_labels") or ()
    if alts:
        lines.append("Also: " + "; ".join(alts))
    doc_ids = data.get("documents") or ()
    lines.append(f"Mentions: {data.get('mention_count', 0)} in {len(doc_ids)} document(s)")
    for doc_id in doc_ids[:3]:
        doc = documents.get(doc_id)
        if doc is not None:
            date = f" ({doc.date_published})" if doc.date_published else ""
            lines.append(f"  \u2022 {doc.headline or doc.source_file}{date}")
    if len(doc_ids) > 3:
        lines.append(f"  \u2022 ... and {len(doc_ids) - 3} more")
    if data.get("wikidata"):
        lines.append(f"Wikidata: {data['wikidata']}")
    return "\n".join(lines)


def edge_tooltip(data: dict, documents: dict) -> str:
    lines = [f"{data.get('predicate')}  (confidence {data.get('confidence', 1.0):.2f})"]
    for st in data.get("statements", ())[:5]:
        doc = documents.get(st.evidence.doc_id)
        source = doc.headline or doc.source_file if doc else st.evidence.doc_id
        date = f", {doc.date_published}" if doc and doc.date_published else ""
        lines.append(f"\u201c{st.evidence.sentence}\u201d\n  \u2014 {source}{date}")
    more = len(data.get("statements", ())) - 5
    if more > 0:
        lines.append(f"... and {more} more source sentence(s)")
    return "\n".join(lines)


def layout(graph: nx.MultiDiGraph) -> dict[str, tuple[int, int]]:
    """Positions computed once in Python (seeded, rounded): the page never re-lays out.

    Connected nodes get a spring layout scaled to their number; nodes without edges sit
    on a ring around them, in label order, instead of stretching the view.
    """
    if graph.number_of_nodes() == 0:
        return {}
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes))
    simple.add_edges_from(sorted((u, v) for u, v in graph.edges() if u != v))
    connected = sorted(n for n in simple if simple.degree(n) > 0)
    alone = sorted((n for n in simple if simple.degree(n) == 0), key=lambda n: (graph.nodes[n].get("label", ""), n))
    positions: dict[str, tuple[int, int]] = {}
    radius = 100.0
    if connected:
        core = simple.subgraph(connected)
        n = core.number_of_nodes()
        # Fruchterman-Reingold costs grow with n per iteration: fewer on big graphs.
        iterations = 150 if n < 500 else 60 if n < 1500 else 25
        pos = nx.spring_layout(core, seed=20231019, k=1.8 / math.sqrt(n), iterations=iterations)
        radius = max(150.0, 90.0 * math.sqrt(n))
        for node, (x, y) in pos.items():
            positions[node] = (int(round(x * radius)), int(round(y * radius)))
    ring = radius * 1.3 + 60
    for i, node in enumerate(alone):
        angle = 2 * math.pi * i / max(len(alone), 1)
        positions[node] = (int(round(ring * math.cos(angle))), int(round(ring * math.sin(angle))))
    return positions


def _add_node(net, node_id: str, **options) -> None:
    """pyvis' Network.add_node checks membership in a list (linear per call, quadratic
    per page: minutes at 20,000 nodes); nodes here are unique, so append directly."""
    from pyvis.node import Node

    shape = options.pop("shape", "dot")
    label = options.pop("label", node_id)
    n = Node(node_id, shape, label=label, font_color=net.font_color, **options)
    net.nodes.append(n.options)
    net.node_ids.append(node_id)
    net.node_map[node_id] = n.options


def _add_edge(net, source: str, to: str, **options) -> None:
    """Network.add_edge scans every node for both ends (linear per edge); the graph
    already guarantees both exist."""
    from pyvis.edge import Edge

    net.edges.append(Edge(source, to, net.directed, **options).options)


def most_connected(graph: nx.MultiDiGraph, max_nodes: int) -> nx.MultiDiGraph:
    """The ``max_nodes`` nodes with most edges (then most mentions, then id)."""
    ranked = sorted(graph.nodes, key=lambda n: (-graph.degree(n), -graph.nodes[n].get("mention_count", 0), n))
    keep = set(ranked[:max_nodes])
    sub = nx.MultiDiGraph()
    sub.graph.update(graph.graph)
    sub.add_nodes_from((n, graph.nodes[n]) for n in graph.nodes if n in keep)
    sub.add_edges_from((u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True) if u in keep and v in keep)
    return sub


#: Up to this many nodes the layout is computed in Python (instant, crisp on load);
#: above, the page runs vis-network's physics once, seeded, and stops when stable:
#: a quadratic spring layout in Python would cost more than the rest of the build.
PYTHON_LAYOUT_MAX_NODES = 800

#: Above this many nodes the page draws the most connected ones (and says so): a
#: browser cannot show more usefully, and the layout cost grows with the square.
DEFAULT_MAX_NODES = 2500


def to_html(graph: nx.MultiDiGraph, heading: str = "graphbuild knowledge graph",
            note: str | None = None, max_nodes: int | None = DEFAULT_MAX_NODES) -> bytes:
    """The self-contained page as bytes; with ``max_nodes``, only the most connected
    nodes, and the page says so."""
    from pyvis.network import Network

    total = graph.number_of_nodes()
    if max_nodes is not None and total > max_nodes:
        graph = most_connected(graph, max_nodes)
        note = (f"Showing the {max_nodes} most connected of {total} nodes; graph.ttl and "
                f"graph.graphml hold them all." + (f" {note}" if note else ""))

    documents = {d.id: d for d in graph.graph.get("documents", ())}
    net = Network(directed=True, height="100%", width="100%", heading=heading, cdn_resources="local")
    in_python = graph.number_of_nodes() <= PYTHON_LAYOUT_MAX_NODES
    positions = layout(graph) if in_python else {}
    mentions = [d.get("mention_count", 1) for _, d in graph.nodes(data=True)] or [1]
    biggest = max(mentions)
    for node, data in graph.nodes(data=True):
        core = data.get("core_class", "Event")
        place = {"x": positions[node][0], "y": positions[node][1]} if node in positions else {}
        size = 10 + 30 * math.sqrt(max(data.get("mention_count", 1), 1) / max(biggest, 1))
        names = [data["label"], *data.get("alt_labels", ())]
        event = data.get("kind") == "event"
        _add_node(
            net, node,
            # Events carry long descriptive labels: the canvas shows the class and date.
            label=f"{data['cls']} {data.get('date') or ''}".strip() if event else data["label"],
            full_label=data["label"],
            title=node_tooltip(data, documents),
            shape="diamond" if core == "Event" else "dot",
            size=round(size, 1),
            **place,
            group=core,
            names=names,
            wikidata=data.get("wikidata") or "",
        )
    for u, v, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        _add_edge(
            net, u, v,
            id=f"{u}|{key}|{v}",
            label=data.get("predicate", key),
            predicate=data.get("predicate", key),
            title=edge_tooltip(data, documents),
            arrows="to",
        )
    # Colour and shape per class through vis "groups" (pyvis drops a node's colour once
    # it has a group).
    groups = {cls: {"color": {"background": color, "border": "#2b2f36",
                              "highlight": {"background": color, "border": "#000000"}},
                    "shape": "diamond" if cls == "Event" else "dot"}
              for cls, color in CLASS_COLORS.items()}
    physics = {"enabled": False} if in_python else {
        "enabled": True, "solver": "barnesHut",
        "barnesHut": {"gravitationalConstant": -3000, "springLength": 120, "avoidOverlap": 0.1},
        "stabilization": {"enabled": True, "iterations": 120, "updateInterval": 25, "fit": True},
    }
    options = {
        "groups": groups,
        "physics": physics,
        "layout": {"randomSeed": 1, "improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
        "nodes": {"font": {"size": 14, "face": "system-ui"}, "borderWidth": 1},
        "edges": {"font": {"size": 10, "align": "middle"}, "smooth": {"type": "continuous"},
                  "color": {"inherit": False, "color": "#9aa3ad"}},
    }
    net.options = options
    class_counts = Counter(n["group"] for n in net.nodes)
    predicate_counts = Counter(e["predicate"] for e in net.edges)
    data = {
        "nodes": net.nodes,
        "edges": net.edges,
        "options": options,
        "classes": [
            {"name": c, "color": CLASS_COLORS[c], "count": class_counts.get(c, 0), "event": c == "Event"}
            for c in CLASS_COLORS if class_counts.get(c)
        ],
        "predicates": [{"name": p, "count": n} for p, n in sorted(predicate_counts.items())],
    }
    js, css = _vis_assets()
    env = _environment()
    env.globals.update(
        vis_js=Markup(js),
        vis_css=Markup(css),
        data=data,
        note=note,
        counts=f"{len(net.nodes)} nodes \u00b7 {len(net.edges)} edges \u00b7 {len(documents)} documents",
    )
    net.templateEnv = env
    net.path = TEMPLATE
    return net.generate_html(name="graph.html").encode("utf-8")
