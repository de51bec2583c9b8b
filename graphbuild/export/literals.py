"""Typed literals checked before they are written: an ill-typed value is dropped with
a warning, never written (a triplestore would refuse the file, or store nonsense)."""

from __future__ import annotations

import logging
import re
from datetime import date

log = logging.getLogger("graphbuild")

_YEAR_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"\d{4}")


def valid_date_value(value: str) -> bool:
    """'2023-10-19' (a real day), '2023-10' or '2023'; not '2023-02-30' or '2023-13'."""
    if len(value) == 10:
        try:
            date.fromisoformat(value)
        except ValueError:
            return False
        return True
    if len(value) == 7:
        m = _YEAR_MONTH.fullmatch(value)
        return bool(m) and 1 <= int(m.group(2)) <= 12
    return len(value) == 4 and bool(_YEAR.fullmatch(value))


def drop_ill_typed(subject, pairs: set) -> set:
    """``pairs`` without the literals whose lexical form does not fit their datatype,
    each dropped with a warning."""
    bad = {(p, o) for p, o in pairs if getattr(o, "ill_typed", False)}
    for p, o in sorted(bad, key=str):
        log.warning("dropped %s of <%s>: %r is not a valid %s", p, subject, str(o), o.datatype)
    return pairs - bad if bad else pairs
