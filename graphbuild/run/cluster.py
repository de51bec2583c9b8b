"""Scale-out on Dask distributed: the per-article stages on workers, the rest once.

Each task reads one article (a local path or an fsspec URL such as ``s3://bucket/x.html``),
parses it and extracts its record on a worker, where the spaCy pipeline is loaded once
per worker process. The client gathers the small records, removes duplicates exactly as
the local build does, and resolution and export run once: the graph is the same,
byte for byte, as a local build of the same inputs.
"""

from __future__ import annotations

import dataclasses
import os
import posixpath
from contextlib import contextmanager
from pathlib import Path
from dataclasses import dataclass
from typing import Iterator, Sequence

from ..ingest import SUPPORTED_SUFFIXES, discover, inside, same_content_as
from ..ingest.discover import suffix_of
from ..ingest.skip import Skipped, skip_reason
from ..ingest.sources import read_file, read_stream
from ..limits import describe
from ..records import DocRecord, Document, SkippedDocument
from .runtime import Progress, load_resources
from .worker import default_workers, process_documents


@dataclass(frozen=True)
class Outcome:
    """What a task made of one document (or of a file that gave none): its record, or
    why it was skipped. ``path`` is the input file; ``record`` the record in it."""

    path: str
    record: DocRecord | None = None
    reason: str | None = None  # set when skipped
    warnings: tuple[str, ...] = ()
    locator: str | None = None  # the record of a file of many ("3", "L12")

    @property
    def where(self) -> str:
        return self.path if self.locator is None else f"{self.path}#{self.locator}"


class DaskUnavailable(RuntimeError):
    """dask[distributed] (and fsspec) are not installed."""


def _is_url(path: str) -> bool:
    return "://" in str(path)


def list_inputs(inputs: Sequence[str | os.PathLike],
                exclude: Sequence[Path] = ()) -> tuple[list[str], list[tuple[str, str]]]:
    """Every article under ``inputs`` (local folders through the local rules, URLs through
    fsspec), sorted as the local build reads them, and what was skipped."""
    local = [p if not str(p).strip() else Path(p) for p in inputs if not _is_url(str(p))]
    files, not_articles = discover(local)
    found = [str(p) for p in files if not inside(p, exclude)]
    skipped = [(p, why) for p, why in not_articles if not inside(Path(p), exclude)]
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
            if suffix_of(name) not in SUPPORTED_SUFFIXES:
                skipped.append((fs.unstrip_protocol(p), "unsupported file type"))
                continue
            found.append(fs.unstrip_protocol(p))
    return sorted(found, key=lambda p: (posixpath.basename(p), p)), skipped


def _read(path: str, warnings: list[str]) -> Iterator[Document | Skipped]:
    """The documents of one input (a local path or an fsspec URL), as the local build
    reads them."""
    if not _is_url(path):
        yield from read_file(Path(path), warnings)
        return
    import fsspec

    with fsspec.open(path, "rb") as fh:
        yield from read_stream(fh, posixpath.basename(path), warnings)


def _read_outcomes(path: str) -> tuple[list[Outcome], list[Document]]:
    """One outcome per document of ``path`` (or per record or file that gave none),
    and the documents, in file order; an outcome holding a document has no record yet."""
    outcomes: list[Outcome] = []
    docs: list[Document] = []
    warnings: list[str] = []
    try:
        for item in _read(path, warnings):
            if item is None:  # a record that is no article
                continue
            if isinstance(item, Skipped):
                outcomes.append(Outcome(path, reason=item.reason, locator=item.record, warnings=tuple(warnings)))
            else:
                docs.append(item)
                outcomes.append(Outcome(path, locator=item.record, warnings=tuple(warnings)))
            warnings = []
    except OSError as exc:
        outcomes.append(Outcome(path, reason=f"cannot read: {exc.strerror or exc}", warnings=tuple(warnings)))
    except Exception as exc:  # noqa: BLE001 - the document boundary: report, skip, go on
        outcomes.append(Outcome(path, reason=skip_reason(exc), warnings=tuple(warnings)))
    return outcomes, docs


def extract_batch(paths: Sequence[str], model: str, ontology: str,
                  doc_timeout: float | None = None) -> list[list[Outcome]]:
    """The per-article work of one task, for a few input files: read, parse, extract.
    Several articles a task keep spaCy's batches full and the scheduler's load light.
    For each path, the outcomes of its documents in file order."""
    from .output import failpoint

    per_path: list[list[Outcome]] = []
    docs: list[Document] = []
    slots: list[tuple[int, int]] = []
    for path in paths:
        failpoint(f"dask-task:{posixpath.basename(path)}")  # a worker that dies on this article (tests)
        outcomes, read = _read_outcomes(path)
        pending = iter(read)
        for j, outcome in enumerate(outcomes):
            if outcome.reason is None:
                docs.append(next(pending))
                slots.append((len(per_path), j))
        per_path.append(outcomes)
    records = process_documents(docs, load_resources(model, ontology), doc_timeout=doc_timeout) if docs else []
    for (i, j), record in zip(slots, records):
        if isinstance(record, SkippedDocument):
            per_path[i][j] = dataclasses.replace(per_path[i][j], reason=record.reason)
            continue
        # The text stays on the worker: the client needs only metadata, mentions and facts.
        slim = dataclasses.replace(record, document=dataclasses.replace(record.document, segments=()))
        per_path[i][j] = dataclasses.replace(per_path[i][j], record=slim)
    return per_path


def _probe_scheduler(address: str, timeout: float) -> None:
    """Ask ``address`` who it is, within ``timeout``: distributed's Client waits forever
    on a listener that accepts and never answers (measured, distributed 2026.8)."""
    import asyncio

    from distributed.comm import connect as comm_connect

    async def ask() -> None:
        comm = await comm_connect(address, timeout=timeout)
        try:
            await comm.write({"op": "identity", "reply": True})
            answer = await comm.read()
        finally:
            comm.abort()
        if not isinstance(answer, dict) or answer.get("type") != "Scheduler":
            raise ValueError("it is not a Dask scheduler")

    try:
        asyncio.run(asyncio.wait_for(ask(), timeout))
    except asyncio.TimeoutError:
        raise TimeoutError(f"no answer within {timeout:g} s") from None


class ClusterError(DaskUnavailable):
    """A Dask scheduler address that is malformed or does not answer."""


@contextmanager
def connect(scheduler, connect_timeout: float = 30.0) -> Iterator:
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
        count = scheduler.split(":", 1)[1] if ":" in scheduler else str(default_workers())
        if not count.isdigit() or int(count) < 1:
            raise ClusterError(f"bad --dask {scheduler!r}: local:N needs a number of workers N >= 1")
        # Its worker processes end when the parent does, even by SIGKILL: distributed
        # gives each a pipe from the parent and exits on its EOF (test_robustness_orphans).
        cluster = LocalCluster(n_workers=int(count), threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None, silence_logs=40)
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    address = scheduler if "://" in scheduler else f"tcp://{scheduler}"
    if "://" not in scheduler and ":" not in scheduler.rsplit("]", 1)[-1]:
        raise ClusterError(f"bad --dask address {scheduler!r}: give tcp://HOST:PORT or local[:N]")
    try:
        _probe_scheduler(address, connect_timeout)
        client = Client(address, timeout=connect_timeout)
    except (OSError, TimeoutError, ValueError) as exc:
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {reason}") from None
    with client:
        yield client


def extract_on_cluster(inputs: Sequence[str | os.PathLike], client, model: str, ontology: str,
                       progress: Progress | None = None, batch: int = 8, exclude: Sequence[Path] = (),
                       doc_timeout: float | None = None):
    """Records of every article, computed on the cluster, and what was skipped; the
    same documents and the same skip reasons as a local build.

    A task is never retried as it was: a task that fails (its worker died, say) is run
    again one article per task; an article whose own task fails is tried once more
    alone on the cluster (a task can fail only because its worker was killed by
    another), then skipped with the reason, so one bad article never aborts the build."""
    from distributed import as_completed

    paths, skipped = list_inputs(inputs, exclude)
    batches = [paths[i:i + batch] for i in range(0, len(paths), batch)]
    results: dict[tuple[str, ...], list[Outcome]] = {}
    done = 0

    def run_round(groups: list[list[str]], last: bool, first: bool = False) -> list[list[str]]:
        """Run ``groups`` at once; the groups that failed (none when ``last``). Later
        rounds get new task keys: the scheduler answers a failed key's error at once."""
        nonlocal done
        futures = client.map(extract_batch, groups, model=model, ontology=ontology, doc_timeout=doc_timeout,
                             retries=0, pure=first)
        by_key = {f.key: g for f, g in zip(futures, groups)}
        failed: list[list[str]] = []
        for future in as_completed(futures):
            group = by_key[future.key]
            try:
                results[tuple(group)] = future.result()
            except Exception as exc:  # noqa: BLE001 - a task that failed is isolated, never an abort
                if not last:
                    failed.extend([p] for p in group)
                    continue
                results[tuple(group)] = [[Outcome(group[0], reason=f"its Dask task failed: {describe(exc)}")]]
            done += len(group)
            if progress:
                progress(done, len(paths), posixpath.basename(group[-1]))
        return failed

    singles = run_round(batches, last=False, first=True)
    if singles:
        for alone in run_round(singles, last=False):
            run_round([alone], last=True)
    by_path = {o_path: o for group, outs in results.items() for o_path, o in zip(group, outs)}
    ordered, warnings = _records_of([o for p in paths for o in by_path[p]], skipped)
    return ordered, skipped, warnings


def _records_of(outcomes: list[Outcome], skipped: list) -> tuple[list[DocRecord], list[str]]:
    """The records of the outcomes by document id, and their warnings; what was skipped
    (and a second copy of a document) goes to ``skipped``, in input order."""
    records: dict[str, DocRecord] = {}
    seen: dict = {}
    warnings: list[str] = []
    for outcome in outcomes:
        warnings.extend(outcome.warnings)
        if outcome.record is None:
            skipped.append((outcome.where, outcome.reason))
            continue
        record = outcome.record
        duplicate = same_content_as(seen, record.document)
        if duplicate:
            skipped.append((outcome.where, duplicate))
            continue
        records[record.document.id] = record
    return [records[k] for k in sorted(records)], warnings
