"""The build: the only module that knows the order of the stages.

ingest -> nlp -> extract -> resolve -> graph -> export
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

import networkx as nx

from functools import partial

from .run.cache import RecordCache
from .run.cluster import connect, extract_on_cluster
from .graph import build_graph, summary
from .ingest.inputs import Passed, read_inputs
from .lang import refresh as refresh_language
from .limits import DEFAULT_DOC_TIMEOUT
from .nlp import DEFAULT_MODEL, pipeline_fingerprint
from .run.output import OutputFolder, write_atomically  # noqa: F401 - write_atomically: public before 0.x
from .run.worker import default_workers, run
from .records import DocRecord, Document, SkippedDocument
from .resolve.entities import resolve
from .run.resources import ontology_dir
from .run.runtime import Progress, load_resources, load_rules


class NothingToBuild(RuntimeError):
    """No input file could be read as an article."""

    @classmethod
    def because(cls, skipped: Sequence[tuple[str, str]]) -> "NothingToBuild":
        reasons = "; ".join(f"{p}: {r}" for p, r in skipped[:5]) or "no input files"
        return cls(f"nothing to build ({reasons})")


@dataclass
class BuildResult:
    """A built graph, and what happened on the way. Writes every output format."""

    graph: nx.MultiDiGraph
    records: tuple[DocRecord, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()  # (path, reason)
    warnings: tuple[str, ...] = ()
    seconds: float = 0.0
    heading: str = "graphbuild knowledge graph"
    counts: dict[str, int] = field(default_factory=dict)
    cache_hits: int = 0
    cache_misses: int = 0
    #: Cache entries found but not used, by reason (corrupt, tampered, not a file, ...).
    cache_rejected: dict[str, int] = field(default_factory=dict)
    #: Built with the cache: graph.html keeps the positions of the nodes the output
    #: folder's earlier graph.html drew (a rebuild draws the graph where it was).
    reuse_layout: bool = False

    @property
    def documents(self) -> tuple[Document, ...]:
        return self.graph.graph.get("documents", ())

    def to_turtle(self) -> bytes:
        from .export.turtle import serialize

        return serialize(self.graph, "turtle")

    def to_rdf(self, fmt: str = "turtle") -> bytes:
        from .export.turtle import serialize

        return serialize(self.graph, fmt)

    def to_html(self, max_nodes: int | None = None, placed: dict[str, tuple[float, float]] | None = None) -> bytes:
        from .export.html import DEFAULT_MAX_NODES, to_html

        return to_html(self.graph, heading=self.heading, max_nodes=max_nodes or DEFAULT_MAX_NODES, placed=placed)

    def to_graphml(self) -> bytes:
        from .export.graphml import to_graphml

        return to_graphml(self.graph)

    def write(self, out_dir: str | os.PathLike | OutputFolder, formats: Iterable[str] = (),
              max_nodes: int | None = None) -> list[Path]:
        """Write graph.ttl, graph.html and graph.graphml (and graph.<fmt> for each of
        ``formats``: jsonld, nt, trig; csv writes entities.csv, relations.csv and
        events.csv, parquet the same tables as .parquet) into ``out_dir``.

        The files appear together or not at all (see :mod:`graphbuild.run.output`): a
        failure or a kill leaves the previous output whole. ``out_dir`` may be an
        :class:`OutputFolder` already opened (and locked) before the build.
        """
        if isinstance(out_dir, OutputFolder):
            return out_dir.commit(self.writers(formats, max_nodes, self._placed(out_dir.path)))
        with OutputFolder(out_dir) as target:
            return target.commit(self.writers(formats, max_nodes, self._placed(target.path)))

    def _placed(self, folder: Path) -> dict[str, tuple[float, float]] | None:
        """The node positions of the folder's graph.html, when this build reuses work."""
        from .export.html_kept import previous_positions

        page = folder / "graph.html"
        if not self.reuse_layout or not page.is_file():
            return None
        try:
            return previous_positions(page.read_bytes())
        except OSError:
            return None

    def writers(self, formats: Iterable[str] = (), max_nodes: int | None = None,
                placed: dict[str, tuple[float, float]] | None = None) -> dict[str, Callable]:
        """File name -> function streaming that file into an open binary file."""
        from .export.graphml import write_graphml
        from .export.tables import COLUMNS, write_table
        from .export.turtle import write_rdf

        formats = list(formats)
        tables = {name: (lambda fh, name=name: write_table(self.graph, name, fh))
                  for name in COLUMNS} if "csv" in formats else {}
        if "parquet" in formats:
            from .export.parquet import FILES, check_pyarrow, write_parquet

            check_pyarrow()
            tables.update({name: (lambda fh, name=name: write_parquet(self.graph, name, fh)) for name in FILES})
        formats = [f for f in formats if f not in ("csv", "parquet")]
        return {
            "graph.ttl": lambda fh: write_rdf(self.graph, fh, "turtle"),
            "graph.html": lambda fh: fh.write(self.to_html(max_nodes, placed)),
            "graph.graphml": lambda fh: write_graphml(self.graph, fh),
            **{f"graph.{fmt}": (lambda fh, fmt=fmt: write_rdf(self.graph, fh, fmt)) for fmt in formats},
            **tables,
        }

    def summary_line(self) -> str:
        c = self.counts or summary(self.graph)
        skipped = f", {len(self.skipped)} skipped" if self.skipped else ""
        return (f"{c['documents']} document{'' if c['documents'] == 1 else 's'}{skipped}, {c['entities']} entities, "
                f"{c['relations']} relations, {c['events']} events in {self.seconds:.1f} s")


def read_documents(paths: Sequence[Path], skipped: list, warnings: list,
                   progress: Progress | None = None, doc_timeout: float | None = None,
                   exclude: Sequence[Path] = (), origins: dict[str, str] | None = None) -> list[Document]:
    """Read every article; a bad file or record is recorded in ``skipped`` and never stops
    the rest. The same content under two names (or in two records) is read once (the
    first in sorted order). Files under ``exclude`` (the output folder, when it lies
    inside an input) are not read. ``origins`` receives where each document was read
    from (its path, and record in a file of many), by document id."""
    documents: list[Document] = []
    for item in read_inputs(paths, warnings, doc_timeout=doc_timeout, exclude=exclude, progress=progress):
        if isinstance(item, Passed):
            skipped.append((item.origin, item.reason))
            continue
        documents.append(item.document)
        if origins is not None:
            origins[item.document.id] = item.origin
    return sorted(documents, key=lambda d: d.id)


def extract_records(documents: Sequence[Document], loader, *, workers: int = 1,
                    cache: RecordCache | None = None, progress: Progress | None = None,
                    doc_timeout: float | None = None, skipped: list | None = None,
                    origins: dict[str, str] | None = None) -> list[DocRecord]:
    """Records of every document: from the cache when it has them, else parsed and
    extracted (in ``workers`` processes), in document order. A document that fails
    or runs past ``doc_timeout`` is added to ``skipped`` with its reason."""
    records: dict[str, DocRecord] = {}
    todo: list[Document] = []
    for doc in documents:
        hit = cache.get(doc) if cache else None
        if hit is not None:
            records[doc.id] = hit
        else:
            todo.append(doc)
    done = len(records)
    if progress and done:
        progress(done, len(documents), "cache")
    for outcome in run(todo, loader, workers=workers, doc_timeout=doc_timeout):
        done += 1
        if progress:
            progress(done, len(documents), outcome.document.source_file)
        if isinstance(outcome, SkippedDocument):
            if skipped is not None:
                where = (origins or {}).get(outcome.document.id, outcome.document.source_file)
                skipped.append((where, outcome.reason))
            continue
        records[outcome.document.id] = outcome
        if cache:
            cache.put(outcome)
    return [records[d.id] for d in documents if d.id in records]


def _build_on_cluster(paths, scheduler, *, model, ontology, progress, heading, exclude=(),
                      doc_timeout=None, corrections=None) -> BuildResult:
    started = time.perf_counter()
    onto = str(Path(ontology or ontology_dir()).resolve())
    rules = load_rules(onto)
    pipeline_fingerprint(model, rules.gazetteer, rules.lexicon)  # fail early when the model is missing
    with connect(scheduler) as client:
        records, skipped, warnings = extract_on_cluster(list(paths), client, model, onto, progress, exclude=exclude,
                                                        doc_timeout=doc_timeout)
    return _finish(records, rules, skipped, warnings, started, heading, corrections=corrections)


def _finish(records, rules, skipped, warnings, started, heading, cache=None, corrections=None) -> BuildResult:
    """Resolution, graph and summary: the same for a local and a cluster build."""
    if not records:
        raise NothingToBuild.because(skipped)
    resolution = resolve(records, rules.gazetteer)
    if corrections is not None:
        from .resolve.corrections import apply_corrections

        resolution = apply_corrections(resolution, records, corrections)
    graph = build_graph([r.document for r in records], resolution, records, rules.lexicon, rules.gazetteer)
    result = BuildResult(
        cache_hits=cache.hits if cache else 0,
        cache_misses=cache.misses if cache else 0,
        cache_rejected=dict(sorted(cache.rejected.items())) if cache else {},
        graph=graph,
        records=tuple(records),
        skipped=tuple(skipped),
        warnings=tuple(warnings),
        seconds=time.perf_counter() - started,
        heading=heading or "graphbuild knowledge graph",
        reuse_layout=cache is not None,
    )
    result.counts = summary(graph)
    return result


def build(
    paths: Iterable[str | os.PathLike],
    *,
    model: str = DEFAULT_MODEL,
    ontology: str | os.PathLike | None = None,
    progress: Progress | None = None,
    heading: str | None = None,
    workers: int | None = 1,
    cache_dir: str | os.PathLike | None = None,
    dask=None,
    doc_timeout: float | None = DEFAULT_DOC_TIMEOUT,
    exclude: Iterable[str | os.PathLike] = (),
    corrections: str | os.PathLike | None = None,
) -> BuildResult:
    """Build the knowledge graph of the articles under ``paths``.

    >>> result = graphbuild.build(["seeds"])          # doctest: +SKIP
    >>> result.graph.number_of_nodes()                # doctest: +SKIP
    >>> result.write("output")                        # doctest: +SKIP

    ``dask``: a scheduler address, ``"local:N"``, or a distributed Client; the
    per-article work then runs on the cluster (inputs may be fsspec URLs) and the
    extraction cache is not used.

    ``doc_timeout``: seconds one document may take (reading, or parsing and extraction)
    before it is skipped with a reason (local builds; None: no limit). ``exclude``:
    folders whose files are never read (the output folder inside an input).
    ``corrections``: a TSV or TOML file of hand corrections applied at resolution
    (see :mod:`graphbuild.resolve.corrections`).
    """
    if corrections is not None:
        from .resolve.corrections import load_corrections

        corrections = load_corrections(corrections)  # a bad file fails before any NLP is spent
    if dask is not None:
        return _build_on_cluster(paths, dask, model=model, ontology=ontology, progress=progress, heading=heading,
                                 exclude=[Path(p) for p in exclude], doc_timeout=doc_timeout,
                                 corrections=corrections)
    started = time.perf_counter()
    refresh_language()  # ingestion reads the pack's furniture patterns too
    skipped: list[tuple[str, str]] = []
    warnings: list[str] = []
    origins: dict[str, str] = {}
    documents = read_documents([p if not str(p).strip() else Path(p) for p in paths], skipped, warnings, doc_timeout=doc_timeout,
                               exclude=[Path(p) for p in exclude], origins=origins)
    if not documents:
        raise NothingToBuild.because(skipped)
    onto = str(Path(ontology or ontology_dir()).resolve())
    rules = load_rules(onto)
    fingerprint = pipeline_fingerprint(model, rules.gazetteer, rules.lexicon)  # also: is the model installed?
    cache = RecordCache(Path(cache_dir), fingerprint) if cache_dir else None
    records = extract_records(documents, partial(load_resources, model, onto), workers=workers or default_workers(),
                              cache=cache, progress=progress, doc_timeout=doc_timeout, skipped=skipped,
                              origins=origins)
    return _finish(records, rules, skipped, warnings, started, heading, cache=cache, corrections=corrections)
