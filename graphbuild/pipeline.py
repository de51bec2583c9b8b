"""The build: the only module that knows the order of the stages.

ingest -> nlp -> extract -> resolve -> graph -> export
"""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Sequence

import networkx as nx

from functools import partial

from .cache import RecordCache
from .extract.lexicon import Lexicon, load_lexicon
from .gazetteer import Gazetteer, load_gazetteer
from .graph import build_graph, summary
from .lang import language_dir, reload as reload_words
from .ingest import IngestError, discover, read_document, same_content_as
from .nlp import DEFAULT_MODEL, load_pipeline, pipeline_fingerprint
from .worker import default_workers, run
from .records import DocRecord, Document
from .resolve import resolve
from .resources import ontology_dir

#: Files a build writes into its output folder.
OUTPUT_FILES = ("graph.ttl", "graph.html", "graph.graphml")

Progress = Callable[[int, int, str], None]


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

    @property
    def documents(self) -> tuple[Document, ...]:
        return self.graph.graph.get("documents", ())

    def to_turtle(self) -> bytes:
        from .export.turtle import serialize

        return serialize(self.graph, "turtle")

    def to_rdf(self, fmt: str = "turtle") -> bytes:
        from .export.turtle import serialize

        return serialize(self.graph, fmt)

    def to_html(self, max_nodes: int | None = None) -> bytes:
        from .export.html import DEFAULT_MAX_NODES, to_html

        return to_html(self.graph, heading=self.heading, max_nodes=max_nodes or DEFAULT_MAX_NODES)

    def to_graphml(self) -> bytes:
        from .export.graphml import to_graphml

        return to_graphml(self.graph)

    def write(self, out_dir: str | os.PathLike, formats: Iterable[str] = (), max_nodes: int | None = None) -> list[Path]:
        """Write graph.ttl, graph.html and graph.graphml (and graph.<fmt> for each of
        ``formats``: jsonld, nt, trig) into ``out_dir``.

        Each file is streamed into a temporary name in the folder, and all are renamed
        into place at the end: a failure leaves the previous output whole.
        """
        from .export.graphml import write_graphml
        from .export.turtle import write_rdf

        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        writers = {
            "graph.ttl": lambda fh: write_rdf(self.graph, fh, "turtle"),
            "graph.html": lambda fh: fh.write(self.to_html(max_nodes)),
            "graph.graphml": lambda fh: write_graphml(self.graph, fh),
            **{f"graph.{fmt}": (lambda fh, fmt=fmt: write_rdf(self.graph, fh, fmt)) for fmt in formats},
        }
        return write_atomically(out, writers)

    def summary_line(self) -> str:
        c = self.counts or summary(self.graph)
        skipped = f", {len(self.skipped)} skipped" if self.skipped else ""
        return (f"{c['documents']} documents{skipped}, {c['entities']} entities, "
                f"{c['relations']} relations, {c['events']} events in {self.seconds:.1f} s")


TEMP_PREFIX = ".graphbuild-"


def write_atomically(out: Path, contents: dict[str, bytes | Callable[[BinaryIO], object]]) -> list[Path]:
    """Write every file to a temporary name in ``out`` (bytes, or a function that
    writes into the open file), then rename them all into place.

    Interrupted before the renames, the previous files are untouched; a temporary file
    left by a killed process is removed by the next write.
    """
    for stale in out.glob(f"{TEMP_PREFIX}*.tmp"):
        stale.unlink(missing_ok=True)
    umask = os.umask(0)
    os.umask(umask)
    temps: list[tuple[Path, Path]] = []
    try:
        for name, data in contents.items():
            fd, tmp = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{name}.", suffix=".tmp", dir=out)
            temps.append((Path(tmp), out / name))  # registered first: an interrupt cleans it up
            os.fchmod(fd, 0o666 & ~umask)  # mkstemp's 0600 would hide the output from others
            with os.fdopen(fd, "wb", buffering=1 << 20) as fh:
                if callable(data):
                    data(fh)
                else:
                    fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        pause = os.environ.get("GRAPHBUILD_PAUSE_BEFORE_RENAME")
        if pause:  # a failpoint for the interruption tests
            time.sleep(float(pause))
        for tmp, final in temps:
            os.replace(tmp, final)
    finally:
        for tmp, _ in temps:
            if tmp.exists():
                tmp.unlink()
    return [final for _, final in temps]


def read_documents(paths: Sequence[Path], skipped: list, warnings: list,
                   progress: Progress | None = None) -> list[Document]:
    """Read every article; a bad file is recorded in ``skipped`` and never stops the rest.
    The same content under two names is read once (the first name in sorted order)."""
    files, not_articles = discover(list(paths))
    skipped.extend(not_articles)
    seen: dict[str, Document] = {}
    for i, path in enumerate(sorted(files, key=lambda p: (p.name, str(p))), 1):
        try:
            doc = read_document(path, warnings)
        except IngestError as exc:
            skipped.append((str(path), str(exc)))
            continue
        duplicate = same_content_as(seen, doc)
        if duplicate:
            skipped.append((str(path), duplicate))
            continue
        if progress:
            progress(i, len(files), path.name)
    return sorted(seen.values(), key=lambda d: d.id)


def extract_records(documents: Sequence[Document], loader, *, workers: int = 1,
                    cache: RecordCache | None = None, progress: Progress | None = None) -> list[DocRecord]:
    """Records of every document: from the cache when it has them, else parsed and
    extracted (in ``workers`` processes), in document order."""
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
    for record in run(todo, loader, workers=workers):
        records[record.document.id] = record
        if cache:
            cache.put(record)
        done += 1
        if progress:
            progress(done, len(documents), record.document.source_file)
    return [records[d.id] for d in documents]


def _build_on_cluster(paths, scheduler, *, model, ontology, progress, heading) -> BuildResult:
    from .cluster import connect, extract_on_cluster

    started = time.perf_counter()
    onto = str(Path(ontology or ontology_dir()).resolve())
    gazetteer, lexicon = _rules(onto)
    pipeline_fingerprint(model, gazetteer, lexicon)  # fail early when the model is missing
    with connect(scheduler) as client:
        records, skipped, warnings = extract_on_cluster(list(paths), client, model, onto, progress)
    if not records:
        raise NothingToBuild.because(skipped)
    return _finish(records, gazetteer, lexicon, skipped, warnings, started, heading)


def _finish(records, gazetteer, lexicon, skipped, warnings, started, heading, cache_hits=0) -> BuildResult:
    """Resolution, graph and summary: the same for a local and a cluster build."""
    resolution = resolve(records, gazetteer)
    graph = build_graph([r.document for r in records], resolution, records, lexicon, gazetteer)
    result = BuildResult(
        cache_hits=cache_hits,
        graph=graph,
        records=tuple(records),
        skipped=tuple(skipped),
        warnings=tuple(warnings),
        seconds=time.perf_counter() - started,
        heading=heading or "graphbuild knowledge graph",
    )
    result.counts = summary(graph)
    return result


_LOADED: dict[tuple, tuple] = {}


def _rules(onto: str) -> tuple[Gazetteer, Lexicon]:
    return load_gazetteer(Path(onto) / "gazetteer"), load_lexicon(language_dir())


def _resources(model: str, onto: str) -> tuple[Gazetteer, Lexicon, object]:
    """Gazetteer, lexicon and spaCy pipeline, loaded once per process for the same model
    and the same data files (a notebook calling build() again pays nothing)."""
    gazetteer, lexicon = _rules(onto)
    key = (model, gazetteer.fingerprint, lexicon.fingerprint)
    if key not in _LOADED:
        _LOADED.clear()  # one pipeline at a time: each holds a few hundred MB
        reload_words()  # the pack changed (or is read for the first time)
        _LOADED[key] = (gazetteer, lexicon, load_pipeline(model, gazetteer))
    return _LOADED[key]


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
) -> BuildResult:
    """Build the knowledge graph of the articles under ``paths``.

    >>> result = graphbuild.build(["seeds"])          # doctest: +SKIP
    >>> result.graph.number_of_nodes()                # doctest: +SKIP
    >>> result.write("output")                        # doctest: +SKIP

    ``dask``: a scheduler address, ``"local:N"``, or a distributed Client; the
    per-article work then runs on the cluster (inputs may be fsspec URLs) and the
    extraction cache is not used.
    """
    if dask is not None:
        return _build_on_cluster(paths, dask, model=model, ontology=ontology, progress=progress, heading=heading)
    started = time.perf_counter()
    skipped: list[tuple[str, str]] = []
    warnings: list[str] = []
    documents = read_documents([Path(p) for p in paths], skipped, warnings)
    if not documents:
        raise NothingToBuild.because(skipped)
    onto = str(Path(ontology or ontology_dir()).resolve())
    gazetteer, lexicon = _rules(onto)
    fingerprint = pipeline_fingerprint(model, gazetteer, lexicon)  # also: is the model installed?
    cache = RecordCache(Path(cache_dir), fingerprint) if cache_dir else None
    records = extract_records(documents, partial(_resources, model, onto), workers=workers or default_workers(),
                              cache=cache, progress=progress)
    return _finish(records, gazetteer, lexicon, skipped, warnings, started, heading,
                   cache_hits=cache.hits if cache else 0)
