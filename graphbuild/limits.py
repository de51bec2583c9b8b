"""Limits that keep one pathological document from costing the corpus.

A document gets a time limit (``--doc-timeout``) and bounds on its size and shape;
past any of them it is skipped with a one-line reason, like a file that cannot be
read. The limits are far above any news article: a long feature is 20,000
characters and 30 elements deep.
"""

from __future__ import annotations

import re

import signal
import threading

#: Default seconds one document may take from reading to its extracted record.
DEFAULT_DOC_TIMEOUT = 180.0
#: Characters of a file after decoding; more is not an article (and would take
#: minutes just to clean).
MAX_DECODED_CHARS = 20_000_000
#: Characters of article text after cleaning (spaCy's own ``max_length`` for one text).
MAX_ARTICLE_CHARS = 1_000_000
#: Depth of the HTML element tree (real pages stay well under 100).
MAX_HTML_DEPTH = 512


class LimitExceeded(Exception):
    """A document past one of the limits; the message says which, in one line."""


class DocTimeout(LimitExceeded):
    """A document took longer than its time limit."""


def check_decoded_size(text: str) -> None:
    if len(text) > MAX_DECODED_CHARS:
        raise LimitExceeded(f"too long to be an article ({len(text):,} characters after decoding; "
                            f"the limit is {MAX_DECODED_CHARS:,})")


def check_article_size(chars: int) -> None:
    if chars > MAX_ARTICLE_CHARS:
        raise LimitExceeded(f"too long to be an article ({chars:,} characters of text after cleaning; "
                            f"the limit is {MAX_ARTICLE_CHARS:,})")


#: Attributes one HTML tag may carry: the HTML parser's work grows faster than the
#: square of their number (100,000 on one tag hold it for minutes, past any time
#: limit, in C code no signal interrupts); a real page's tags carry a handful.
MAX_TAG_ATTRIBUTES = 1_000
#: A tag shorter than this cannot carry that many attributes; longer ones are counted.
_LONG_TAG = 4 * MAX_TAG_ATTRIBUTES
_TAG = re.compile(r"<[A-Za-z][^<>]{%d,}>" % _LONG_TAG)
_ATTRIBUTE = re.compile(r"\s[^\s=<>\"']+\s*=")


def check_html_tags(html: str) -> None:
    """Refuse a page with a tag of more than ``MAX_TAG_ATTRIBUTES`` attributes (a long
    tag of one long value, a data: address or an SVG path, is no reason)."""
    for tag in _TAG.finditer(html):
        if len(_ATTRIBUTE.findall(tag.group())) > MAX_TAG_ATTRIBUTES:
            raise LimitExceeded(f"an HTML tag with more than {MAX_TAG_ATTRIBUTES:,} attributes")


def check_html_depth(depth: int) -> None:
    if depth > MAX_HTML_DEPTH:
        raise LimitExceeded(f"HTML nested deeper than {MAX_HTML_DEPTH} elements")


def describe(exc: BaseException) -> str:
    """A one-line reason for a document that failed with ``exc``."""
    if isinstance(exc, LimitExceeded):
        return str(exc)
    if isinstance(exc, RecursionError):
        return "too deeply nested to read (RecursionError)"
    if isinstance(exc, MemoryError):
        return "out of memory reading it (MemoryError)"
    text = " ".join(str(exc).split())
    if len(text) > 160:
        text = text[:157] + "..."
    return f"failed: {type(exc).__name__}" + (f": {text}" if text else "")


class Watchdog:
    """Raises :class:`DocTimeout` in the main thread when ``seconds`` pass without a
    :meth:`reset`. Off (does nothing) with no limit or outside the main thread, where
    Python cannot deliver a signal; the document boundary still catches errors there."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds if seconds and seconds > 0 else None
        self.armed = self.seconds is not None and threading.current_thread() is threading.main_thread()
        self._previous = None

    def _fire(self, signum, frame) -> None:
        raise DocTimeout(f"took longer than the {self.seconds:g} s limit (--doc-timeout)")

    def reset(self) -> None:
        if self.armed:
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def pause(self) -> None:
        """Stop the clock until the next :meth:`reset` (while the caller, not the
        document, has the time: a file of many documents hands each one over)."""
        if self.armed:
            signal.setitimer(signal.ITIMER_REAL, 0)

    def __enter__(self) -> "Watchdog":
        if self.armed:
            self._previous = signal.signal(signal.SIGALRM, self._fire)
            self.reset()
        return self

    def __exit__(self, *exc) -> None:
        if self.armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous or signal.SIG_DFL)
