"""A :class:`~graphbuild.records.DocRecord` as plain JSON data and back.

Used by the extraction cache instead of pickle: reading an entry can only ever make
strings, numbers, lists and the typed records, never run code. Every value read back
is checked against the type its record field declares; anything else is a
:class:`DecodeError`. Evidence is written once per sentence and referred to by index,
so a record keeps the sharing that ``extract_document`` gives it.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache

from ..records import DocRecord, Evidence

#: Nesting of the typed values below (a ``Ref`` holds at most a pair of scalars).
_MAX_REF_LEN = 4


class DecodeError(ValueError):
    """Data that is not a record of the current layout."""


def dumps(record: DocRecord) -> bytes:
    evidence: list[list] = []
    index: dict[int, int] = {}

    def enc(value):
        if isinstance(value, Evidence):
            key = id(value)
            if key not in index:
                index[key] = len(evidence)
                evidence.append([value.doc_id, value.sentence, value.start, value.end])
            return index[key]
        if dataclasses.is_dataclass(value):
            return [enc(getattr(value, f.name)) for f in dataclasses.fields(value)]
        if isinstance(value, tuple):
            return [enc(v) for v in value]
        return value

    body = enc(record)
    return json.dumps({"evidence": evidence, "record": body}, ensure_ascii=False,
                      separators=(",", ":"), allow_nan=False).encode("utf-8")


def loads(data: bytes) -> DocRecord:
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise DecodeError(f"not JSON: {exc}") from None
    if not isinstance(raw, dict) or set(raw) != {"evidence", "record"} or not isinstance(raw["evidence"], list):
        raise DecodeError("not a cache entry")
    evidence = [_typed(Evidence, item, None) for item in raw["evidence"]]
    return _typed(DocRecord, raw["record"], evidence)


@cache
def _hints(cls) -> tuple[tuple[str, object], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


def _typed(tp, value, evidence: list[Evidence] | None):
    """``value`` (parsed JSON) as an instance of ``tp``, or DecodeError."""
    if tp is Evidence and evidence is not None:
        if type(value) is not int or not 0 <= value < len(evidence):
            raise DecodeError("bad evidence reference")
        return evidence[value]
    if dataclasses.is_dataclass(tp):
        fields = _hints(tp)
        if not isinstance(value, list) or len(value) != len(fields):
            raise DecodeError(f"{tp.__name__}: expected {len(fields)} fields")
        return tp(*(_typed(hint, v, evidence) for (_, hint), v in zip(fields, value)))
    if isinstance(tp, type) and issubclass(tp, tuple) and hasattr(tp, "_fields"):  # a NamedTuple (a Ref)
        hints = typing.get_type_hints(tp)
        if not isinstance(value, list) or len(value) != len(tp._fields):
            raise DecodeError(f"{tp.__name__}: expected {len(tp._fields)} fields")
        return tp(*(_typed(hints[name], v, evidence) for name, v in zip(tp._fields, value)))
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        for option in typing.get_args(tp):
            try:
                return _typed(option, value, evidence)
            except DecodeError:
                continue
        raise DecodeError(f"{value!r:.40} is none of {tp}")
    if tp is type(None):
        if value is not None:
            raise DecodeError("expected null")
        return None
    if tp is tuple:  # a Ref: a pair of offsets or ("gazetteer", id)
        if not isinstance(value, list) or len(value) > _MAX_REF_LEN or \
                not all(type(v) in (int, str) for v in value):
            raise DecodeError("bad reference")
        return tuple(value)
    if origin is tuple:
        args = typing.get_args(tp)
        if not isinstance(value, list):
            raise DecodeError("expected a list")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_typed(args[0], v, evidence) for v in value)
        if len(args) != len(value):
            raise DecodeError("wrong tuple length")
        return tuple(_typed(a, v, evidence) for a, v in zip(args, value))
    if tp is float:
        if type(value) not in (int, float):
            raise DecodeError("expected a number")
        return float(value)
    if tp in (str, int, bool):
        if type(value) is not tp:
            raise DecodeError(f"expected {tp.__name__}")
        return value
    raise DecodeError(f"unsupported field type {tp}")
