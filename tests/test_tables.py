"""`build --format csv`: entities.csv, relations.csv and events.csv, typed when read
back with pandas, consistent with the graph."""

from __future__ import annotations

import csv

from click.testing import CliRunner

from graphbuild.cli import cli

TALKS = ("---\ntitle: Talks in Paris\ndate: 2024-03-04\n---\n"
         "Angela Merkel met Emmanuel Macron in Paris on Monday. Merkel praised the talks.\n")


def _rows(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_build_format_csv_writes_three_tables(corpus, tmp_path):
    folder = corpus({"talks.md": TALKS})
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(folder), "--out", str(out), "--format", "csv", "--no-cache", "-q"])
    assert result.exit_code == 0, result.output
    assert {"entities.csv", "relations.csv", "events.csv", "graph.ttl"} <= {p.name for p in out.iterdir()}
    assert not (out / "graph.csv").exists()
    entities = {r["label"]: r for r in _rows(out / "entities.csv")}
    assert entities["Angela Merkel"]["id"] == "entity:angela-merkel" and entities["Angela Merkel"]["type"] == "Person"
    assert int(entities["Angela Merkel"]["mention_count"]) >= 2
    met = [r for r in _rows(out / "relations.csv") if r["predicate"] == "metWith"]
    assert met and met[0]["evidence"].startswith("Angela Merkel met Emmanuel Macron")
    assert met[0]["date"] == "2024-03-04" and met[0]["document"] and 0 < float(met[0]["confidence"]) <= 1
    (meeting,) = [r for r in _rows(out / "events.csv") if r["type"] == "Meeting"]
    assert meeting["place"] == "Paris" and "Emmanuel Macron" in meeting["participants"]
    assert meeting["article_count"] == "1" and meeting["date"].startswith("2024-03")


def test_tables_agree_with_the_graph_and_repeat_byte_for_byte(seed_result, tmp_path):
    one = seed_result.write(tmp_path / "a", formats="csv")
    two = seed_result.write(tmp_path / "b", formats=["csv"])
    for a, b in zip(sorted(one), sorted(two)):
        assert a.read_bytes() == b.read_bytes(), a.name
    assert len(_rows(tmp_path / "a" / "entities.csv")) == seed_result.counts["entities"]
    assert len(_rows(tmp_path / "a" / "events.csv")) == seed_result.counts["events"]
    assert len(_rows(tmp_path / "a" / "relations.csv")) == len(seed_result.statements)


# ------------------------------------------------------------------------- parquet


def test_build_format_parquet_writes_the_csv_tables_with_typed_columns(corpus, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = corpus({"talks.md": TALKS})
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(folder), "--out", str(out), "--format", "parquet",
                                      "--format", "csv", "--no-cache", "-q"])
    assert result.exit_code == 0, result.output
    for name in ("entities", "relations", "events"):
        table = pq.read_table(out / f"{name}.parquet")
        csv_rows = _rows(out / f"{name}.csv")
        assert table.column_names == list(csv_rows[0]) and table.num_rows == len(csv_rows) > 0
        # The same rows as the CSV, once lists are joined and nulls emptied as CSV writes them.
        cells = [{k: "" if v is None else " | ".join(v) if isinstance(v, list) else str(v) for k, v in row.items()}
                 for row in table.to_pylist()]
        assert cells == csv_rows, name
    entities = pq.read_table(out / "entities.parquet")
    assert entities.schema.field("mention_count").type == pa.int64()
    assert entities.schema.field("alt_labels").type == pa.list_(pa.string())
    events = pq.read_table(out / "events.parquet").to_pylist()
    (meeting,) = [e for e in events if e["type"] == "Meeting"]
    assert meeting["place"] == ["Paris"] and "Emmanuel Macron" in meeting["participants"]
    assert meeting["article_count"] == 1 and isinstance(meeting["confidence"], float)
    assert pq.read_table(out / "relations.parquet").schema.field("confidence").type == pa.float64()


def test_tables_parquet_repeats_byte_for_byte(seed_result, tmp_path):
    one = seed_result.write(tmp_path / "a", formats="parquet")
    two = seed_result.write(tmp_path / "b", formats=["parquet"])
    parquet = sorted(p for p in one if p.suffix == ".parquet")
    assert [p.name for p in parquet] == ["entities.parquet", "events.parquet", "relations.parquet"]
    for a in parquet:
        assert a.read_bytes() == (tmp_path / "b" / a.name).read_bytes(), a.name
    assert len(two) == len(one)


def test_build_format_parquet_without_pyarrow_is_one_line(corpus, tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(corpus({"talks.md": TALKS})), "--out", str(out),
                                      "--format", "parquet", "--no-cache"])
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert result.exit_code == 1 and len(lines) == 1, result.output
    assert "needs pyarrow" in lines[0] and "graphbuild[parquet]" in lines[0]
    assert not out.exists() or not any(out.iterdir())
