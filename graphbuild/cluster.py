"""Scale-out on Dask distributed: the per-article stages on workers, the rest once.

Each task reads one article (a local path or an fsspec URL such as ``s3://bucket/x.html``),
parses it and extracts its record on a worker, where the spaCy pipeline is loaded once
per worker process. The client gathers the small records, removes duplicates exactly as
the local build does, and resolution and export run once: the graph is the same,
byte for byte, as a local build of the same inputs.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
import os
import posixpath
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Sequence

from .ingest import (MAX_FILE_BYTES, SUPPORTED_SUFFIXES, IngestError, discover, parse_document, read_document,
                     same_content_as)
from .records import DocRecord
from .runtime import Progress, load_resources
from .worker import default_workers, process_documents

@dataclass(frozen=True)
class Outcome:
    """What a task made of one article: its record, or why it was skipped."""

    path: str
    record: DocRecord | None = None
    reason: str | None = None  # set when skipped
    warnings: tuple[str, ...] = ()


class DaskUnavailable(RuntimeError):
    """dask[distributed] (and fsspec) are not installed."""


def _is_url(path: str) -> bool:
    return "://" in str(path)


def list_inputs(inputs: Sequence[str | os.PathLike]) -> tuple[list[str], list[tuple[str, str]]]:
    """Every article under ``inputs`` (local folders through the local rules, URLs through
    fsspec), sorted as the local build reads them, and what was skipped."""
    local = [Path(p) for p in inputs if not _is_url(str(p))]
    files, skipped = discover(local)
    found = [str(p) for p in files]
    for url in (str(p) for p in inputs if _is_url(str(p))):
        import fsspec

        fs, root = fsspec.core.url_to_fs(url)
        if not fs.exists(root):
            skipped.append((url, "no such file or folder"))
            continue
        paths = sorted(fs.find(root)) if fs.isdir(root) else [root]
        for p in paths:
            name = posixpath.basename(p)
            if name.startswith("."):
                continue
            if posixpath.splitext(name)[1].lower() not in SUPPORTED_SUFFIXES:
                skipped.append((fs.unstrip_protocol(p), "unsupported file type"))
                continue
            found.append(fs.unstrip_protocol(p))
    return sorted(found, key=lambda p: (posixpath.basename(p), p)), skipped


def _read(path: str, warnings: list[str]):
    if not _is_url(path):
        return read_document(Path(path), warnings)
    import fsspec

    with fsspec.open(path, "rb") as fh:
        data = fh.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise IngestError(f"too large (the limit is {MAX_FILE_BYTES / 1e6:.0f} MB)")
    return parse_document(data, posixpath.basename(path), warnings)


def extract_batch(paths: Sequence[str], model: str, ontology: str) -> list[Outcome]:
    """The per-article work of one task, for a few articles: read, parse, extract.
    Several articles a task keep spaCy's batches full and the scheduler's load light."""
    outcomes: list[Outcome] = []
    docs, slots = [], []
    for path in paths:
        warnings: list[str] = []
        try:
            docs.append(_read(path, warnings))
            slots.append(len(outcomes))
            outcomes.append(Outcome(path, warnings=tuple(warnings)))
        except IngestError as exc:
            outcomes.append(Outcome(path, reason=str(exc), warnings=tuple(warnings)))
        except OSError as exc:
            outcomes.append(Outcome(path, reason=f"cannot read: {exc.strerror or exc}", warnings=tuple(warnings)))
    records = process_documents(docs, load_resources(model, ontology)) if docs else []
    by_id = {r.document.id: r for r in records}
    for slot, doc in zip(slots, docs):
        record = by_id[doc.id]
        # The text stays on the worker: the client needs only metadata, mentions and facts.
        slim = dataclasses.replace(record, document=dataclasses.replace(record.document, segments=()))
        outcomes[slot] = dataclasses.replace(outcomes[slot], record=slim)
    return outcomes


@contextmanager
def connect(scheduler) -> Iterator:
    """A distributed Client for ``scheduler``: an address (tcp://host:8786), a Client,
    or ``local`` / ``local:N`` for a LocalCluster of N single-threaded workers on
    127.0.0.1 (closed on exit, whatever happens)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskUnavailable("--dask needs dask[distributed] and fsspec: pip install 'graphbuild[dask]'") from None
    if not isinstance(scheduler, str):
        yield scheduler
        return
    if scheduler == "local" or scheduler.startswith("local:"):
        n = int(scheduler.split(":", 1)[1]) if ":" in scheduler else default_workers()
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None, silence_logs=40)
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    with Client(scheduler) as client:
        yield client


def extract_on_cluster(inputs: Sequence[str | os.PathLike], client, model: str, ontology: str,
                       progress: Progress | None = None, retries: int = 3, batch: int = 8):
    """Records of every article, computed on the cluster, and what was skipped; the
    same documents and the same skip reasons as a local build."""
    from distributed import as_completed

    paths, skipped = list_inputs(inputs)
    batches = [paths[i:i + batch] for i in range(0, len(paths), batch)]
    futures = client.map(extract_batch, batches, model=model, ontology=ontology, retries=retries, pure=True)
    index = {f.key: i for i, f in enumerate(futures)}
    results: list[list[Outcome] | None] = [None] * len(batches)
    done = 0
    for future in as_completed(futures):
        i = index[future.key]
        results[i] = future.result()
        done += len(batches[i])
        if progress:
            progress(done, len(paths), posixpath.basename(batches[i][-1]))
    outcomes = [o for r in results for o in r]
    records: dict[str, DocRecord] = {}
    seen: dict = {}
    warnings: list[str] = []
    for path, outcome in zip(paths, outcomes):
        warnings.extend(outcome.warnings)
        if outcome.record is None:
            skipped.append((outcome.path, outcome.reason))
            continue
        record = outcome.record
        duplicate = same_content_as(seen, record.document)
        if duplicate:
            skipped.append((path, duplicate))
            continue
        records[record.document.id] = record
    ordered = [records[k] for k in sorted(records)]
    return ordered, skipped, warnings
