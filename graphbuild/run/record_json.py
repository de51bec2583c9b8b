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
    return _decoder(tp)(value, evidence)


@cache
def _decoder(tp):
    """The function that checks and builds a value of ``tp``, made once per type: a
    cached rebuild reads a few hundred thousand values, and looking the type's shape
    up again for each of them was most of its time."""
    if tp is Evidence:
        return _evidence_decoder()
    if dataclasses.is_dataclass(tp):
        return _fields_decoder(tp, tp.__name__, tuple(h for _, h in _hints(tp)))
    if isinstance(tp, type) and issubclass(tp, tuple) and hasattr(tp, "_fields"):  # a NamedTuple (a Ref)
        hints = typing.get_type_hints(tp)
        return _fields_decoder(tp, tp.__name__, tuple(hints[name] for name in tp._fields))
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return _union_decoder(tp)
    if tp is type(None):
        return _none
    if tp is tuple:
        return _ref
    if origin is tuple:
        return _tuple_decoder(typing.get_args(tp))
    if tp is float:
        return _float
    if tp in (str, int, bool):
        return _scalar_decoder(tp)
    raise DecodeError(f"unsupported field type {tp}")


def _evidence_decoder():
    plain = _fields_decoder(Evidence, "Evidence", tuple(h for _, h in _hints(Evidence)))

    def decode(value, evidence):
        if evidence is None:
            return plain(value, None)
        if type(value) is not int or not 0 <= value < len(evidence):
            raise DecodeError("bad evidence reference")
        return evidence[value]
    return decode


def _fields_decoder(cls, name: str, hints: tuple):
    parts = tuple(_decoder(h) for h in hints)
    count = len(parts)

    def decode(value, evidence):
        if type(value) is not list or len(value) != count:
            raise DecodeError(f"{name}: expected {count} fields")
        return cls(*[part(v, evidence) for part, v in zip(parts, value)])
    return decode


def _union_decoder(tp):
    options = tuple(_decoder(option) for option in typing.get_args(tp))

    def decode(value, evidence):
        for option in options:
            try:
                return option(value, evidence)
            except DecodeError:
                continue
        raise DecodeError(f"{value!r:.40} is none of {tp}")
    return decode


def _tuple_decoder(args: tuple):
    if len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])

        def decode(value, evidence):
            if type(value) is not list:
                raise DecodeError("expected a list")
            return tuple([item(v, evidence) for v in value])
        return decode
    parts = tuple(_decoder(a) for a in args)

    def decode_fixed(value, evidence):
        if type(value) is not list:
            raise DecodeError("expected a list")
        if len(parts) != len(value):
            raise DecodeError("wrong tuple length")
        return tuple([part(v, evidence) for part, v in zip(parts, value)])
    return decode_fixed


def _scalar_decoder(tp):
    def decode(value, evidence):
        if type(value) is not tp:
            raise DecodeError(f"expected {tp.__name__}")
        return value
    return decode


def _none(value, evidence):
    if value is not None:
        raise DecodeError("expected null")
    return None


def _ref(value, evidence):
    # A Ref: a pair of offsets or ("gazetteer", id).
    if type(value) is not list or len(value) > _MAX_REF_LEN or not all(type(v) in (int, str) for v in value):
        raise DecodeError("bad reference")
    return tuple(value)


def _float(value, evidence):
    if type(value) not in (int, float):
        raise DecodeError("expected a number")
    return float(value)
