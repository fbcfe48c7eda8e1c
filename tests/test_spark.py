"""Spark corpus mode: the Parquet tables of ``accordingto spark`` equal a batch's export, and findings read them.

Spark runs in local mode (local[2]) on a few short made-up articles, in fast
mode. Skipped when pyspark is not installed (``pip install '.[spark]'``).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import duckdb
import pytest

pyspark = pytest.importorskip("pyspark")
pytestmark = pytest.mark.spark  # pytest -m "not spark" leaves them out

from accordingto.corpus.batch import run_batch  # noqa: E402
from accordingto.corpus.export import export  # noqa: E402
from accordingto.corpus.findings import findings  # noqa: E402
from accordingto.corpus.spark import main as spark_main  # noqa: E402
from accordingto.corpus.spark import run_spark, session  # noqa: E402
from accordingto.corpus.store import TABLES  # noqa: E402

TOWNS = ["Millbrook", "Riverside", "Oakdale", "Fairview", "Lakeside", "Brookfield"]
NAMES = ["Jane Smith", "Tom Brown", "Maria Lopez", "Ahmed Khan", "Linda Park", "Peter Novak"]
OUTLETS = ["Gazette", "Herald"]
TIMESTAMPS = {"analysed_at", "at"}  # when a row was written: differs between two runs


def make_article(i: int) -> str:
    town, name = TOWNS[i % len(TOWNS)], NAMES[i % len(NAMES)]
    return (
        f"{town} Council Backs Plan Number {i}\n\n"
        f"The {town} council voted on Tuesday to spend {10 + i} million dollars on roads, officials said.\n\n"
        f'"This is a good day for {town}," said {name}, the mayor. '
        f"{name.split()[-1]} said work would start in {2030 + i}.\n\n"
        f"According to a report by the state transport agency, traffic in {town} has grown by {i + 3} percent. "
        f"Critics claimed the plan would raise taxes, a source who asked not to be named said.\n"
    )


def records() -> list[dict]:
    out = [
        {
            "id": f"story-{i}",
            "text": make_article(i),
            "outlet": OUTLETS[i % 2],
            "published": f"2024-0{1 + i % 3}-1{i}",
            "url": f"https://example.com/{i}",
            "title": f"Plan {i}",
        }
        for i in range(5)
    ]
    out.append({"id": "page-5", "html": f"<html><head><title>Plan 5</title></head><body><article><p>{make_article(5)}</p></article></body></html>"})
    out.append({"id": "copy", "text": make_article(0), "outlet": "Herald"})  # same text as story-0: a duplicate
    out.append({"id": "story-1", "text": make_article(9)})  # an id already seen: skipped
    out.append({"id": "empty", "text": "   "})  # fails: no text
    return out


@pytest.fixture(scope="module")
def spark():
    s = session("local[2]")
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("spark")
    jsonl = root / "articles.jsonl"
    lines = [json.dumps(r) for r in records()]
    lines.insert(3, "{not json")  # a line that cannot be read
    lines.insert(4, "")
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = root / "corpus.duckdb"
    run_batch([str(jsonl)], store, fast=True, progress=False)
    export(store, root / "export")
    return {"root": root, "jsonl": jsonl, "store": store, "export": root / "export"}


@pytest.fixture(scope="module")
def spark_out(spark, corpus) -> Path:
    out = corpus["root"] / "spark-out"
    summary = run_spark(spark, [str(corpus["jsonl"])], out, fast=True)
    assert (summary.analysed, summary.duplicates, summary.failed) == (6, 1, 2)
    return out


def _rows(con, relation: str, *, skip=()) -> tuple[list[tuple[str, str]], list[tuple]]:
    """(column names and DuckDB types, the rows sorted) of a Parquet relation, timestamps left out."""
    described = con.execute(f"DESCRIBE SELECT * FROM {relation}").fetchall()
    schema = [(row[0], row[1]) for row in described]
    keep = [name for name, _ in schema if name not in TIMESTAMPS and name not in skip]
    cols = ", ".join(f'"{c}"' for c in keep)
    rows = con.execute(f"SELECT {cols} FROM {relation}").fetchall()
    return schema, sorted(rows, key=repr)


@pytest.mark.parametrize("table", list(TABLES))
def test_parquet_tables_equal_the_batch_export(corpus, spark_out, table):
    con = duckdb.connect()
    exported_schema, exported = _rows(con, f"read_parquet('{corpus['export'] / (table + '.parquet')}')")
    spark_schema, written = _rows(con, f"read_parquet('{spark_out / table / '*.parquet'}')")
    # Same names and types; Spark cannot annotate a string column as JSON, so JSON text comes as VARCHAR.
    json_columns = {name for name, sql_type, _ in TABLES[table] if sql_type == "JSON"}
    assert [(n, "JSON" if n in json_columns and t == "VARCHAR" else t) for n, t in spark_schema] == exported_schema
    assert written == exported
    assert exported, f"the test corpus leaves {table} empty"


def _same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)
    return a == b


def test_findings_on_the_parquet_folder_equal_the_store(corpus, spark_out):
    expected = findings(corpus["store"], by="outlet,month")
    got = findings(spark_out, by="outlet,month")
    assert list(got) == list(expected)
    for name, table in expected.items():
        assert got[name].columns == table.columns, name
        assert len(got[name].rows) == len(table.rows), name
        for row_got, row_expected in zip(got[name].rows, table.rows):
            assert all(_same(a, b) for a, b in zip(row_got, row_expected)), (name, row_got, row_expected)
    assert got["corpus"].row()["articles"] == 6
    # the batch's export folder is read the same way
    assert findings(corpus["export"], by="outlet")["overall"].rows == findings(corpus["store"], by="outlet")["overall"].rows


def test_warc_input_equals_the_batch(spark, tmp_path):
    """A gzipped WARC crawl: Spark stores the same articles (HTML responses only) as a local batch."""
    from test_corpus_inputs import _write_warc

    crawl = tmp_path / "crawl.warc.gz"
    _write_warc(crawl, gzipped=True)
    store = tmp_path / "warc.duckdb"
    run_batch([str(crawl)], store, fast=True, progress=False)
    export(store, tmp_path / "export")
    out = tmp_path / "out"
    summary = run_spark(spark, [str(crawl)], out, fast=True)
    assert (summary.analysed, summary.failed) == (2, 0)
    con = duckdb.connect()
    skip = {"source"}  # the file's path as each side spells it
    for table in ("articles", "attributions", "speakers"):
        _, from_spark = _rows(con, f"read_parquet('{out / table / '*.parquet'}')", skip=skip)
        _, from_batch = _rows(con, f"read_parquet('{tmp_path / 'export' / (table + '.parquet')}')", skip=skip)
        assert from_spark == from_batch, table
    urls = sorted(r[0] for r in con.execute(f"SELECT url FROM read_parquet('{out / 'articles' / '*.parquet'}')").fetchall())
    assert urls == ["https://news.example.net/2024/water", "https://news.example.net/undated"]


# Keep this the last test that uses the shared session: main() stops it.
def test_parquet_input_and_entry_point(spark, corpus, spark_out, tmp_path):
    """Parquet input with the JSON Lines columns gives the same articles (run through the spark-submit entry point)."""
    source = tmp_path / "input.parquet"
    con = duckdb.connect()
    con.execute(
        f"COPY (SELECT * FROM read_json('{corpus['jsonl']}', format='newline_delimited', ignore_errors=true,"
        f" columns={{id: 'VARCHAR', text: 'VARCHAR', html: 'VARCHAR', outlet: 'VARCHAR', published: 'DATE',"
        f" url: 'VARCHAR', title: 'VARCHAR'}}) WHERE id IS NOT NULL) TO '{source}' (FORMAT parquet)"
    )
    out = tmp_path / "out"
    # main() stops the session it gets: run it on its own session, then get the shared one back.
    assert spark_main([str(source), "--out", str(out), "--fast", "--master", "local[2]"]) == 0
    skip = {"source"}  # "#row N" here, "#line N" for JSON Lines
    _, from_parquet = _rows(con, f"read_parquet('{out / 'articles' / '*.parquet'}')", skip=skip)
    _, from_jsonl = _rows(con, f"read_parquet('{spark_out / 'articles' / '*.parquet'}')", skip=skip)
    assert from_parquet == from_jsonl
    assert con.execute(f"SELECT reason FROM read_parquet('{out / 'failures' / '*.parquet'}')").fetchall() != []


def test_unknown_input_is_refused(tmp_path, capsys):
    assert spark_main([str(tmp_path / "x.csv"), "--out", str(tmp_path / "out")]) == 2
    assert "JSON Lines" in capsys.readouterr().err

