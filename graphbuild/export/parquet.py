"""The three tables of :mod:`graphbuild.export.tables` as Parquet (entities.parquet,
relations.parquet, events.parquet) with typed columns: counts int64, confidences
float64, lists list<string>, a missing value null. Needs pyarrow (the ``parquet`` extra).
"""

from __future__ import annotations

from typing import BinaryIO

import networkx as nx

from .tables import COLUMNS, KINDS, table_rows

#: File name -> table.
FILES = {f"{name.removesuffix('.csv')}.parquet": name.removesuffix(".csv") for name in COLUMNS}


class ParquetUnavailable(RuntimeError):
    """pyarrow is not installed."""


def check_pyarrow() -> None:
    """Raise :class:`ParquetUnavailable` with the one line that says what to install."""
    try:
        import pyarrow  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise ParquetUnavailable("--format parquet needs pyarrow: pip install 'graphbuild[parquet]' "
                                 "(or pip install pyarrow)") from None


def _schema(table: str):
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "list": pa.list_(pa.string())}
    kinds = KINDS[table]
    return pa.schema([(column, types[kinds.get(column, "str")]) for column in COLUMNS[f"{table}.csv"]])


def write_parquet(graph: nx.MultiDiGraph, name: str, fh: BinaryIO) -> None:
    """Write the table of file ``name`` (a key of :data:`FILES`) as Parquet into ``fh``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = FILES[name]
    schema = _schema(table)
    rows = list(table_rows(graph, table))
    columns = {column: [list(v) if isinstance(v, tuple) else v for v in values]
               for column, values in zip(schema.names, zip(*rows) if rows else [()] * len(schema))}
    pq.write_table(pa.table(columns, schema=schema), fh)
