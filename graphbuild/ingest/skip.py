"""What a reader of a file of many documents says of a record it could not read."""

from __future__ import annotations

from dataclasses import dataclass

from ..limits import describe
from .blocks import IngestError


@dataclass(frozen=True)
class Skipped:
    """A record (or, with no ``record``, the file itself) that gave no document, and why
    in one line. ``record`` is the locator a document of it would have had ("3", "L12")."""

    reason: str
    record: str | None = None


def skip_reason(exc: Exception) -> str:
    """The one-line reason of a record that raised ``exc`` (the document boundary)."""
    return str(exc) if isinstance(exc, IngestError) else describe(exc)
