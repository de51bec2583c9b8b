"""End-to-end: the seed build, its three files, determinism, and the committed output/."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, RDFS

from graphbuild.vocab import GB

from .conftest import OUTPUT, ROOT, SEEDS

FILES = ("graph.ttl", "graph.html", "graph.graphml")
EXTRA_FORMATS = ("nt", "jsonld", "trig")


def _cli_build(out: Path, seed: str, *extra: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    formats = [arg for fmt in extra for arg in ("--format", fmt)]
    subprocess.run([sys.executable, "-m", "graphbuild", "build", str(SEEDS), "--out", str(out), "-q", *formats],
                   check=True, env=env, cwd=ROOT)


def test_build_seed_turtle_follows_the_contract(seed_out):
    g = Graph().parse(seed_out / "graph.ttl", format="turtle")
    docs = set(g.subjects(RDF.type, GB.Document))
    assert len(docs) == 5
    putin = URIRef("https://w3id.org/graphbuild/resource/entity/vladimir-putin")
    assert (putin, RDF.type, GB.Person) in g
    assert [str(o) for o in g.objects(putin, RDFS.label)] == ["Vladimir Putin"]
    for entity in set(g.subjects(RDFS.label, None)):
        assert len(list(g.objects(entity, RDFS.label))) == 1


def test_build_seed_graphml_has_the_same_nodes_as_the_graph(seed_result, seed_out):
    graphml = nx.read_graphml(seed_out / "graph.graphml")
    assert {node.replace(":", "/", 1) for node in graphml.nodes} == set(seed_result.graph.nodes)
    assert graphml.nodes["entity:vladimir-putin"]["label"] == "Vladimir Putin"


def test_build_seed_graphml_holds_readable_evidence_not_python_objects(seed_result, seed_out):
    graphml = nx.read_graphml(seed_out / "graph.graphml")
    text = (seed_out / "graph.graphml").read_text(encoding="utf-8")
    assert "Statement(" not in text and "Evidence(" not in text
    relations = [(u, v, d) for u, v, d in graphml.edges(data=True) if d.get("kind") == "relation"]
    assert relations
    for u, v, data in relations:
        u, v = u.replace(":", "/", 1), v.replace(":", "/", 1)
        statements = next(d["statements"] for k, d in seed_result.graph[u][v].items()
                          if d.get("predicate") == data["predicate"])
        assert data["statement_count"] == len(statements)
        assert data["evidence"].split(" | ")[0] == statements[0].evidence.sentence
        assert set(data["documents"].split(" | ")) == {st.evidence.doc_id for st in statements}


def test_build_seed_html_holds_every_node_and_loads_nothing_from_the_network(seed_result, seed_out):
    html = (seed_out / "graph.html").read_text(encoding="utf-8")
    for node in seed_result.graph.nodes:
        assert f'"{node}"' in html
    assert not re.search(r"""<(script|link|img|iframe)[^>]+(src|href)\s*=\s*["']?(https?:)?//""", html, re.I)
    assert "@import" not in html
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html)
    for host in ("cdnjs", "jsdelivr", "unpkg", "bootstrapcdn", "googleapis"):
        assert host not in html


def test_build_is_byte_identical_across_runs_and_hash_seeds(tmp_path):
    _cli_build(tmp_path / "a", "1", *EXTRA_FORMATS)
    _cli_build(tmp_path / "b", "2", *EXTRA_FORMATS)
    for name in (*FILES, *(f"graph.{fmt}" for fmt in EXTRA_FORMATS)):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_build_committed_output_is_fresh(seed_out):
    """output/ must be what `make run` writes today; rebuild with `make run` when this fails."""
    for name in FILES:
        assert (OUTPUT / name).read_bytes() == (seed_out / name).read_bytes(), f"output/{name} is stale: run make run"


def test_build_api_returns_graph_and_writes_each_format(seed_result, tmp_path):
    assert isinstance(seed_result.graph, nx.MultiDiGraph)
    assert seed_result.counts["documents"] == 5
    assert seed_result.to_turtle().startswith(b"@prefix")
    assert b"<graphml" in seed_result.to_graphml()
    assert b"<!DOCTYPE html>" in seed_result.to_html()
    written = seed_result.write(tmp_path / "api")
    assert sorted(p.name for p in written) == sorted(FILES)
    assert not [p for p in (tmp_path / "api").iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("fmt", ["nt", "jsonld", "trig"])
def test_build_other_rdf_formats_parse_to_the_same_graph(seed_result, fmt):
    data = seed_result.to_rdf(fmt)
    parsed = Dataset()
    parsed.parse(data=data, format={"jsonld": "json-ld"}.get(fmt, fmt))
    turtle = Graph().parse(data=seed_result.to_turtle(), format="turtle")
    # TriG repeats a fact in the graph of each document that states it: compare triples.
    assert {(s, p, o) for s, p, o, _ in parsed.quads()} == set(turtle)


def test_build_output_files_are_readable_by_others(seed_out):
    for name in FILES:
        assert (seed_out / name).stat().st_mode & 0o044
