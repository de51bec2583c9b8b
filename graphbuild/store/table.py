"""The answer to a SELECT as Python values: numbers as int and float, xsd:date as
``datetime.date``, IRIs as :class:`IRI` strings (always the full IRI), with a readable
``str``, an HTML form for notebooks and a pandas DataFrame with typed columns."""

from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass

XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                               "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong",
                               "unsignedShort", "unsignedByte")}
_FLOATS = {XSD + t for t in ("decimal", "double", "float")}


class IRI(str):
    """An IRI in an answer: a ``str`` holding the full IRI (one form, whatever the query wrote)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<{str.__str__(self)}>"


def python_value(term):
    """The Python value of an Oxigraph term: int, float, bool, ``datetime.date``,
    :class:`IRI` or str (a blank node's id, a literal of any other datatype); None stays None.
    A literal whose text does not fit its datatype stays its text."""
    if term is None:
        return None
    from pyoxigraph import Literal, NamedNode

    if isinstance(term, NamedNode):
        return IRI(term.value)
    if not isinstance(term, Literal):
        return term.value
    kind, text = term.datatype.value, term.value
    try:
        if kind in _INTEGERS:
            return int(text)
        if kind in _FLOATS:
            return float(text)
        if kind == XSD + "date":
            return datetime.date.fromisoformat(text[:10])
        if kind == XSD + "boolean":
            return text in ("true", "1")
    except ValueError:
        pass
    return text


def cell_text(value) -> str:
    """A value as the text the command line prints (the full IRI, a date as ISO 8601)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str.__str__(value) if isinstance(value, IRI) else str(value)


# C0 and C1 control characters (ESC starts a terminal escape sequence), DEL and the
# bidirectional overrides: shown as \x.. escapes, never sent to a terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` with control characters written as visible escapes."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                        else f"\\u{ord(m.group()):04x}", text)


def one_line(text: str) -> str:
    """``text`` fit for one report line: line breaks, tabs, terminal escapes and
    bidirectional overrides written as visible escapes (a file name may hold any)."""
    return terminal_safe(text.replace("\n", "\\n").replace("\t", "\\t"))


def json_terminal_safe(text: str) -> str:
    """JSON ``text`` with the same characters as \\u escapes: the same JSON, inert on a terminal."""
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def text_grid(table: "Table") -> str:
    """The table in aligned columns (cells cut at 60 characters) and a row count."""
    cells = [[terminal_safe(cell_text(v).replace("\n", " ")) for v in row] for row in table.rows]
    widths = [min(60, max([len(v)] + [len(r[i]) for r in cells])) for i, v in enumerate(table.variables)]

    def line(values):
        return "  ".join((v if len(v) <= w else v[: w - 1] + "\u2026").ljust(w) for v, w in zip(values, widths)).rstrip()

    lines = [line(table.variables), line(["-" * w for w in widths])]
    lines += [line(r) for r in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines)


#: Rows shown by ``repr()`` and in a notebook before "... N more".
PREVIEW_ROWS = 20


@dataclass(frozen=True)
class Table:
    """The answer to a SELECT: variable names and rows of Python values (None when
    unbound). ``len(table)``, ``table[0]`` (a row), ``table["name"]`` (a column) and
    iteration work as on a list of rows; ``truncated`` says ``max_rows`` cut it."""

    variables: tuple[str, ...]
    rows: tuple[tuple, ...]
    truncated: bool = False

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, key):
        if isinstance(key, str):
            if key not in self.variables:
                raise KeyError(f"no variable {key!r}; the answer has {', '.join(self.variables)}")
            column = self.variables.index(key)
            return [row[column] for row in self.rows]
        return self.rows[key]

    def __str__(self) -> str:
        return text_grid(self)

    def __repr__(self) -> str:
        shown = Table(self.variables, self.rows[:PREVIEW_ROWS])
        more = len(self.rows) - len(shown.rows)
        lines = text_grid(shown).splitlines()[:-1]
        tail = f"... {more} more row(s)" if more else ""
        return "\n".join([f"<Table: {len(self.rows)} row(s) of {', '.join(self.variables)}>", *lines, tail]).rstrip()

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(v)}</th>" for v in self.variables)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(cell_text(v))}</td>" for v in row) + "</tr>"
                       for row in self.rows[:PREVIEW_ROWS])
        more = len(self.rows) - PREVIEW_ROWS
        note = f"<p>{more} more row(s); <code>to_pandas()</code> has them all</p>" if more > 0 else ""
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{note}"

    def to_pandas(self):
        """The rows as a pandas DataFrame with typed columns: Int64 (nullable) for whole
        numbers, float64, datetime64 for dates, bool, object (str) otherwise."""
        try:
            import pandas as pd
        except ImportError:
            raise ImportError("to_pandas() needs pandas: pip install pandas") from None
        frame = pd.DataFrame(list(self.rows), columns=list(self.variables))
        for name, column in zip(self.variables, zip(*self.rows) if self.rows else ()):
            present = {type(v) for v in column if v is not None}
            if present == {int}:
                frame[name] = pd.array(column, dtype="Int64")
            elif present <= {int, float} and float in present:
                frame[name] = pd.array(column, dtype="float64")
            elif present == {datetime.date}:
                frame[name] = pd.to_datetime(pd.Series(column, dtype="object"))
            elif present == {IRI}:
                frame[name] = [None if v is None else str.__str__(v) for v in column]
        return frame

    #: The former name of :meth:`to_pandas`.
    to_frame = to_pandas
