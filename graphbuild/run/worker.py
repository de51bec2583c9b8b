"""Per-document work (parse and extract) in this process or in a pool of processes.

Each worker process loads the pipeline once; only small :class:`DocRecord`s travel
back, in input order, so the output is the same whatever the number of workers.

Every document is isolated: an exception while parsing or extracting it, or a
document that runs past its time limit, becomes a :class:`SkippedDocument` with a
one-line reason, and the others go on.
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Callable, Iterator, Sequence

from ..extract.document import extract_document
from ..limits import Watchdog, describe
from ..nlp import parse_selectively
from ..records import DocRecord, Document, SkippedDocument
from .lifeline import die_with_parent
from .runtime import Resources

Loader = Callable[[], Resources]
Outcome = DocRecord | SkippedDocument

_STATE: dict[str, object] = {}


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def _stream(documents: Sequence[Document], indices: Sequence[int], resources: Resources, batch_size: int,
            dog: Watchdog) -> Iterator[tuple[int, Outcome]]:
    """(index, outcome) of each document of ``indices`` as soon as its last segment is
    parsed. A failure in one document's extraction skips that document; a failure in
    the shared parse stream ends the stream (the caller retries the rest one by one)."""
    gazetteer, lexicon, nlp = resources.gazetteer, resources.lexicon, resources.nlp
    for i in indices:
        if not documents[i].segments:
            yield i, _extract([], documents[i], gazetteer, lexicon)
    stream = ((seg.text, (i, j)) for i in indices for j, seg in enumerate(documents[i].segments))
    pending: dict[int, list] = {}
    for parsed, (i, j), _ in parse_selectively(nlp, stream, resources.may_yield_facts, batch_size):
        pending.setdefault(i, []).append((documents[i].segments[j], parsed))
        if len(pending[i]) == len(documents[i].segments):
            outcome = _extract(pending.pop(i), documents[i], gazetteer, lexicon)
            dog.reset()
            yield i, outcome


def _extract(pairs, document: Document, gazetteer, lexicon) -> Outcome:
    try:
        return extract_document(pairs, document, gazetteer, lexicon)
    except Exception as exc:  # noqa: BLE001 - the document boundary: report, skip, go on
        return SkippedDocument(document, describe(exc))


def process_documents(documents: Sequence[Document], resources: Resources, batch_size: int = 128,
                      doc_timeout: float | None = None) -> list[Outcome]:
    """Parse every segment of ``documents`` in one spaCy stream and extract each
    document as soon as its last segment is parsed. Segments are paragraphs, a tenth
    of an article: batches of 128 keep spaCy's batches as full as 64 whole articles
    would (32 measured 5-10% slower).

    ``doc_timeout``: seconds the stream may go without finishing a document. When it
    runs out, or the stream fails, the documents not yet done are parsed one at a
    time, each with that limit, so only the culprit is skipped."""
    outcomes: dict[int, Outcome] = {}
    try:
        with Watchdog(doc_timeout) as dog:
            for i, outcome in _stream(documents, range(len(documents)), resources, batch_size, dog):
                outcomes[i] = outcome
    except Exception:  # noqa: BLE001 - isolated below, one document at a time
        for i in range(len(documents)):
            if i in outcomes:
                continue
            try:
                with Watchdog(doc_timeout) as dog:
                    for _, outcome in _stream(documents, [i], resources, batch_size, dog):
                        outcomes[i] = outcome
            except Exception as exc:  # noqa: BLE001
                outcomes[i] = SkippedDocument(documents[i], describe(exc))
    return [outcomes[i] for i in range(len(documents))]


def _init(loader: Loader, doc_timeout: float | None, parent_pid: int) -> None:
    die_with_parent(parent_pid)
    _STATE["resources"] = loader()
    _STATE["doc_timeout"] = doc_timeout


def _work(documents: Sequence[Document]) -> list[Outcome]:
    return process_documents(documents, _STATE["resources"], doc_timeout=_STATE["doc_timeout"])


def run(documents: Sequence[Document], loader: Loader, workers: int = 1, chunk: int = 8,
        doc_timeout: float | None = None) -> Iterator[Outcome]:
    """Records (or skips) of ``documents`` in order; ``workers`` > 1 uses forked processes.

    A worker process that dies (killed, out of memory, a crash in native code) breaks
    the pool: the documents not yet done are then parsed in a fresh process one at a
    time, so the one that kills its process again is skipped and the rest are kept."""
    if not documents:
        return
    if workers <= 1 or len(documents) <= chunk:
        yield from process_documents(documents, loader(), doc_timeout=doc_timeout)
        return
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    chunks = [documents[i:i + chunk] for i in range(0, len(documents), chunk)]
    ctx = multiprocessing.get_context("fork")
    left: list[Document] = []
    pool = ProcessPoolExecutor(max_workers=min(workers, len(chunks)), mp_context=ctx, initializer=_init,
                               initargs=(loader, doc_timeout, os.getpid()))
    try:
        futures = [pool.submit(_work, c) for c in chunks]
        for future, docs in zip(futures, chunks):
            if left:
                left.extend(docs)
                continue
            try:
                yield from future.result()
            except BrokenProcessPool:
                left.extend(docs)
    except BaseException:
        _stop(pool)  # Ctrl-C, or the consumer gave up: don't wait for the running chunks
        raise
    pool.shutdown()
    if left:
        yield from _one_by_one(left, loader, doc_timeout)


def _stop(pool) -> None:
    # ProcessPoolExecutor.shutdown waits for running tasks even with cancel_futures;
    # its worker processes are terminated by hand (``_processes``: stable since 3.8).
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)


def _one_by_one(documents: Sequence[Document], loader: Loader, doc_timeout: float | None) -> Iterator[Outcome]:
    """Each document alone in a worker process; one that kills its process is skipped."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    ctx = multiprocessing.get_context("fork")
    pool = None
    try:
        for doc in documents:
            if pool is None:
                pool = ProcessPoolExecutor(max_workers=1, mp_context=ctx, initializer=_init,
                                           initargs=(loader, doc_timeout, os.getpid()))
            try:
                yield from pool.submit(_work, [doc]).result()
            except BrokenProcessPool:
                pool.shutdown(wait=False)
                pool = None
                yield SkippedDocument(doc, "its worker process died while reading it")
    finally:
        if pool is not None:
            pool.shutdown()
