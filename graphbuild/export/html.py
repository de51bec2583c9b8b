"""The interactive HTML view, drawn by pyvis through graphbuild's own template.

pyvis 0.3.2's template loads Bootstrap and vis-network from CDNs and puts node ids
and the heading into the page unescaped; ours inlines the vis-network files shipped
inside the installed pyvis package, autoescapes, and passes article text only as
HTML-safe JSON rendered as text.
"""

from __future__ import annotations

from collections import Counter
from importlib import resources
from pathlib import Path

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from .html_data import build_view
from .html_layout import FONT_SIZE

#: Fixed colours per class (colour-blind-friendly palette, Okabe-Ito), never random.
CLASS_COLORS = {
    "Person": "#E69F00",
    "Country": "#0072B2",
    "Place": "#56B4E9",
    "Organization": "#009E73",
    "Initiative": "#CC79A7",
    "Event": "#D55E00",
    "Article": "#7A7F87",
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
    return "\n".join(lines)


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


#: Above this many nodes the page draws the most connected ones (and says so): a
#: browser cannot show more usefully, and the layout cost grows with the square.
DEFAULT_MAX_NODES = 2500


def _options(edge_count: int) -> dict:
    """vis-network options. vis never draws a label itself (the page does: legible ones
    for the nodes that matter at every zoom, none overlapping, see graph_labels.js.j2),
    but it still measures them, so boxes and clicks are as before."""
    # Colour and shape per class through vis "groups" (pyvis drops a node's colour once
    # it has a group).
    groups = {cls: {"color": {"background": color, "border": "#2b2f36",
                              "highlight": {"background": color, "border": "#000000"}},
                    "shape": "diamond" if cls == "Event" else "square" if cls == "Article" else "dot"}
              for cls, color in CLASS_COLORS.items()}
    never = {"label": {"enabled": False, "drawThreshold": 1e9}}
    return {
        "groups": groups,
        # Positions come from the build: nothing moves when the page opens.
        "physics": {"enabled": False},
        "layout": {"randomSeed": 1, "improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False,
                        "hideEdgesOnDrag": edge_count > 1500},
        "nodes": {"font": {"size": FONT_SIZE, "face": "system-ui"}, "borderWidth": 1, "scaling": never},
        "edges": {"font": {"size": 10, "align": "middle", "multi": False}, "smooth": False,
                  "color": {"inherit": False, "color": "#9aa3ad"}, "scaling": never},
    }


def _network(view: dict, heading: str):
    from pyvis.network import Network

    net = Network(directed=True, height="100%", width="100%", heading=heading, cdn_resources="local")
    for options in view["nodes"]:
        options = dict(options)
        _add_node(net, options.pop("id"), **options)
    for options in view["edges"]:
        options = dict(options)
        _add_edge(net, options.pop("from"), options.pop("to"), **options)
    return net


def _page_data(net, view: dict, options: dict) -> dict:
    entities = [n for n in net.nodes if n["kind"] != "article"]
    class_counts = Counter(n["group"] for n in entities)
    predicate_counts = Counter(f["p"] for e in net.edges for f in e["facts"])
    return {
        "nodes": net.nodes,
        "edges": net.edges,
        "docs": view["docs"],
        "span": view["span"],
        "options": options,
        "classes": [
            {"name": c, "color": CLASS_COLORS[c], "count": class_counts.get(c, 0), "event": c == "Event"}
            for c in CLASS_COLORS if class_counts.get(c)
        ],
        "predicates": [{"name": p, "count": n} for p, n in sorted(predicate_counts.items())],
        "articles": view["articles"],
    }


def to_html(graph: nx.MultiDiGraph, heading: str = "graphbuild knowledge graph",
            note: str | None = None, max_nodes: int | None = DEFAULT_MAX_NODES,
            placed: dict[str, tuple[float, float]] | None = None) -> bytes:
    """The self-contained page as bytes; with ``max_nodes``, only the most connected
    nodes, and the page says so. ``placed``: node positions to keep (an earlier page's,
    :func:`.html_kept.previous_positions`)."""
    total = graph.number_of_nodes()
    if max_nodes is not None and total > max_nodes:
        graph = most_connected(graph, max_nodes)
        note = (f"Showing the {max_nodes} most connected of {total} nodes; graph.ttl and "
                f"graph.graphml hold them all." + (f" {note}" if note else ""))

    view = build_view(graph, node_tooltip, placed)
    net = _network(view, heading)
    net.options = _options(graph.number_of_edges())
    data = _page_data(net, view, net.options)
    entities = sum(1 for n in net.nodes if n["kind"] != "article")
    js, css = _vis_assets()
    env = _environment()
    env.globals.update(
        vis_js=Markup(js),
        vis_css=Markup(css),
        data=data,
        note=note,
        font_size=FONT_SIZE,
        counts=(f"{entities} nodes \u00b7 {sum(1 for e in net.edges if e['kind'] != 'article')} edges "
                f"\u00b7 {len(view['docs'])} documents"),
    )
    net.templateEnv = env
    net.path = TEMPLATE
    return net.generate_html(name="graph.html").encode("utf-8")
