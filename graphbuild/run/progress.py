"""The progress bar of a build on stderr (rich), only when stderr is a terminal."""

from __future__ import annotations

import sys

from ..store.table import one_line


class ProgressBar:
    """``with ProgressBar(enabled) as bar: bar(done, total, name)``; nothing when disabled."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self._bar = None
        self._task = None

    def __enter__(self):
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TimeRemainingColumn(), console=Console(stderr=True), transient=True)
            self._bar.__enter__()
            self._task = self._bar.add_task("extracting", total=None)
        return self

    def __call__(self, done: int, total: int, name: str) -> None:
        if self._bar is not None:
            from rich.markup import escape

            # A file name may hold terminal escapes, and brackets rich would read as markup.
            shown = escape(one_line(name)[:30])
            self._bar.update(self._task, completed=done, total=total, description=f"extracting {shown}")

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)
