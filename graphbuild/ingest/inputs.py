"""Every input of a build, as the build reads it: the files found under the inputs, in
(name, path) order, each file's documents in file order, and what was skipped and why.
The build and the ``read`` command both walk this one sequence, so ``read`` shows
exactly what a build would read."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Sequence

from ..limits import Watchdog
from ..records import Document
from .discover import discover, display_path, inside
from .document import same_content_as
from .skip import Skipped, skip_reason
from .sources import read_file


@dataclass(frozen=True)
class Found:
    """A document read, and where: the file as given, with its record ('in/feed.xml#3')."""

    origin: str
    document: Document


@dataclass(frozen=True)
class Passed:
    """An input file, or a record of one, that gave no document, and why (one line)."""

    origin: str
    reason: str


def read_inputs(paths: Sequence[Path], warnings: list[str], *, doc_timeout: float | None = None,
                exclude: Sequence[Path] = (),
                progress: Callable[[int, int, str], None] | None = None) -> Iterator[Found | Passed]:
    """Documents and skips of every input, in the order a build reads them. The same
    content twice (two files, two records) is read once, the first in that order. A
    bad file or record is a :class:`Passed` and never stops the rest; ``doc_timeout``
    bounds the reading of each document (each record of a file of many)."""
    files, not_articles = discover(list(paths))
    for path, why in not_articles:
        if not inside(Path(path), exclude):
            yield Passed(path, why)
    files = sorted((f for f in files if not inside(f, exclude)), key=lambda p: (p.name, str(p)))
    seen: dict[str, str] = {}
    for i, path in enumerate(files, 1):
        yield from _read_one(path, seen, warnings, doc_timeout)
        if progress:
            progress(i, len(files), path.name)


def _read_one(path: Path, seen: dict[str, str], warnings: list[str],
              doc_timeout: float | None) -> Iterator[Found | Passed]:
    shown = display_path(path)
    try:
        with Watchdog(doc_timeout) as clock:
            for item in read_file(path, warnings):
                if item is None:  # a record that is no article: the next one has its own time
                    clock.reset()
                    continue
                clock.pause()  # the consumer's time (printing, a slow pipe) is no document's
                if isinstance(item, Skipped):
                    yield Passed(shown if item.record is None else f"{shown}#{item.record}", item.reason)
                else:
                    origin = shown if item.record is None else f"{shown}#{item.record}"
                    duplicate = same_content_as(seen, item)
                    yield Passed(origin, duplicate) if duplicate else Found(origin, item)
                clock.reset()
    except Exception as exc:  # noqa: BLE001 - the file boundary: report, skip, go on
        yield Passed(shown, skip_reason(exc))
