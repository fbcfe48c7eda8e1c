"""Corpus mode beyond one machine: analyse a corpus with Apache Spark into Parquet tables.

``accordingto spark INPUT... --out DIR`` (or, under ``spark-submit``,
``python -m accordingto.corpus.spark INPUT... --out DIR``; ``docs/SPARK.md``)
reads

- JSON Lines (``.jsonl``/``.ndjson``, maybe gzipped): the records
  ``accordingto batch`` reads (``text`` or ``html``, ``id``, ``url``,
  ``outlet``, ``published``, ``title``, ``author``), parsed by the same code
  (:func:`accordingto.read.jsonl.parse_line`);
- Parquet (a file or a directory of them) with those columns;
- WARC (``.warc``/``.warc.gz``): each file whole, through ``binaryFiles`` and the
  batch's WARC reader (one file is one task: split big crawls into files);

analyses every article with the batch's own code
(:func:`accordingto.corpus.worker.process_record`: ``to_article``, then
``analyze_article``, then :func:`accordingto.corpus.rows.article_rows`), in
``mapPartitions`` with the pipeline loaded once per executor Python process
(:func:`_pipeline`), and writes one Parquet directory per table of the store
(``articles/``, ``attributions/``, ``speakers/``, ``mentions/``, ``dates/``,
``failures/``) whose columns have the names and types of
``accordingto export corpus.duckdb --format parquet``. ``accordingto findings
DIR`` reads such a directory.

As in a batch, the first record of an id wins, and of two articles with the
same text (:func:`~accordingto.corpus.rows.text_hash`) the first in input
order is kept; failures go to ``failures/``. Unlike a batch there is no
resuming: a run writes ``DIR`` anew (Spark retries failed tasks itself).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from accordingto.corpus.batch import CHANGED_REASON, Summary  # absolute: spark-submit runs this file as a script
from accordingto.corpus.columns import TABLES

OUT_TABLES = tuple(TABLES)  # articles, attributions, speakers, mentions, dates, failures

# --- the pipeline, once per executor process ---------------------------------------------

_LOADED: set[bool] = set()  # the modes (fast or not) whose pipeline this process has loaded


def _pipeline(fast: bool) -> None:
    """Load the pipeline in this Python process unless it was already (Spark reuses its Python workers)."""
    if fast not in _LOADED:
        from .worker import load_pipeline

        load_pipeline(fast)
        _LOADED.add(fast)


def _analyse_partition(items: Iterable, fast: bool, timeout: float | None) -> Iterator[tuple]:
    """(order, Record | Failure) → (order, status, id, source, text_hash, payload), one per item.

    payload: the :class:`~.store.ArticleRows` tables for ``"done"``, the reason for ``"failed"``.
    """
    from ..read.corpus import Failure, to_article
    from .worker import process_record

    loaded = False
    for order, item in items:
        if isinstance(item, Failure):
            yield (order, "failed", item.id, item.source, None, item.reason)
            continue
        if not loaded:
            _pipeline(fast)
            loaded = True
        status, value = process_record(item, to_article, fast=fast, timeout=timeout)
        if status == "done":
            yield (order, "done", value.id, item.source, value.text_hash, value.tables)
        else:
            yield (order, "failed", item.id, item.source, None, value)


# --- reading -----------------------------------------------------------------------------


def _kind(path: str) -> str:
    lowered = path.lower().rstrip("/")
    if lowered.endswith(".gz"):
        lowered = lowered[:-3]
    if lowered.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if lowered.endswith(".warc"):
        return "warc"
    if lowered.endswith(".parquet") or (Path(path).is_dir() and any(Path(path).glob("*.parquet"))):
        return "parquet"
    raise ValueError(f"{path}: give JSON Lines (.jsonl), Parquet (.parquet or a folder of them) or WARC (.warc)")


def _jsonl_item(indexed, path: str, n: int):
    from ..read.jsonl import parse_line

    line, index = indexed
    source = f"{path}#line {index + 1}"
    return ((n, index), None if not line.strip() else parse_line(line, source=source))


def _parquet_item(indexed, path: str, n: int):
    from ..read.jsonl import parse_line

    row, index = indexed
    obj = {k: v for k, v in row.asDict().items() if v is not None}
    return ((n, index), parse_line(json.dumps(obj, default=str), source=f"{path}#row {index + 1}"))


def _warc_items(file, path: str, n: int, single: bool):
    import io

    from ..read.warc import iter_warc_stream

    uri, data = file
    name = path if single else (uri[5:] if uri.startswith("file:") else uri)
    for index, item in enumerate(iter_warc_stream(io.BytesIO(data), name=name)):
        yield ((n, name, index), item)


def read_records(spark, inputs: list[str]):
    """An RDD of (order, Record | Failure) over every input; ``order`` sorts as the batch reads them."""
    sc = spark.sparkContext
    rdds = []
    for n, path in enumerate(inputs):
        kind = _kind(path)
        if kind == "jsonl":
            rdd = sc.textFile(path).zipWithIndex().map(lambda x, p=path, n=n: _jsonl_item(x, p, n))
            rdd = rdd.filter(lambda x: x[1] is not None)
        elif kind == "parquet":
            rdd = spark.read.parquet(path).rdd.zipWithIndex().map(lambda x, p=path, n=n: _parquet_item(x, p, n))
        else:
            single = not Path(path).is_dir()
            rdd = sc.binaryFiles(path).flatMap(lambda f, p=path, n=n, s=single: _warc_items(f, p, n, s))
        rdds.append(rdd)
    return sc.union(rdds) if len(rdds) > 1 else rdds[0]


# --- writing -----------------------------------------------------------------------------


def spark_schema(table: str):
    """The Spark schema of a store table: the types DuckDB's Parquet export gives its columns."""
    from pyspark.sql import types as T

    mapping = {
        "VARCHAR": T.StringType(),
        "JSON": T.StringType(),
        "INTEGER": T.IntegerType(),
        "DOUBLE": T.DoubleType(),
        "BOOLEAN": T.BooleanType(),
        "DATE": T.DateType(),
        "TIMESTAMP": T.TimestampNTZType(),
    }
    return T.StructType([T.StructField(name, mapping[sql_type], True) for name, sql_type, _ in TABLES[table]])


def _first(a, b):
    return a if a[0] <= b[0] else b


def run_spark(spark, inputs: list[str], out: str | Path, *, fast: bool = False, timeout: float | None = 60.0, partitions: int | None = None) -> Summary:
    """Analyse every article of ``inputs`` into Parquet tables under ``out`` (overwritten)."""
    from datetime import datetime, timezone

    from pyspark import StorageLevel

    started = time.perf_counter()
    out = str(out)
    records = read_records(spark, [str(i) for i in inputs])
    # The first record of an id wins (read failures are kept whatever their id).
    by_id = records.map(lambda x: ((x[1].id, type(x[1]).__name__, x[0] if type(x[1]).__name__ == "Failure" else None), x))
    firsts = by_id.reduceByKey(_first)
    # A later record of the same id with other data may be a changed article (as in batch: not a duplicate).
    later = (
        by_id.filter(lambda kv: kv[0][1] == "Record")
        .join(firsts)
        .filter(lambda kv: kv[1][0][0] != kv[1][1][0] and kv[1][0][1].data != kv[1][1][1].data)
        .map(lambda kv: kv[1][0])
    )
    records = firsts.values()
    if partitions:
        records = records.repartition(partitions)
    results = records.mapPartitions(lambda items: _analyse_partition(items, fast, timeout))
    results.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        done = results.filter(lambda r: r[1] == "done")
        # changed: analysed to a text other than the stored (first) one's
        changed = (
            later.mapPartitions(lambda items: _analyse_partition(items, fast, timeout))
            .filter(lambda r: r[1] == "done")
            .map(lambda r: (r[2], r))
            .join(done.map(lambda r: (r[2], r[4])))
            .filter(lambda kv: kv[1][0][4] != kv[1][1])
            .map(lambda kv: (kv[0], kv[1][0][3], CHANGED_REASON))
        )
        # Of two articles with the same text, the first in input order is kept.
        kept = done.map(lambda r: (r[4], r)).reduceByKey(_first).values()
        kept.persist(StorageLevel.MEMORY_AND_DISK)
        for table in ("articles", "attributions", "speakers", "mentions", "dates"):
            rows = kept.flatMap(lambda r, t=table: r[5].get(t) or [])
            spark.createDataFrame(rows, spark_schema(table)).write.mode("overwrite").parquet(f"{out}/{table}")
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        failures = results.filter(lambda r: r[1] == "failed").map(lambda r, at=now: (r[2], r[3], r[5], at))
        changed_rows = changed.map(lambda c, at=now: (*c, at))
        changed_rows.persist(StorageLevel.MEMORY_AND_DISK)
        rows = failures.union(changed_rows)
        spark.createDataFrame(rows, spark_schema("failures")).write.mode("overwrite").parquet(f"{out}/failures")
        summary = Summary(analysed=kept.count(), failed=failures.count(), changed=changed_rows.count())
        changed_rows.unpersist()
        summary.duplicates = done.count() - summary.analysed
        kept.unpersist()
    finally:
        results.unpersist()
    summary.seconds = time.perf_counter() - started
    return summary


def session(master: str | None = None, app_name: str = "accordingto"):
    """A SparkSession (``master`` None: what spark-submit or the environment says, else local[*])."""
    import os

    from pyspark.sql import SparkSession

    if master is None or master.startswith("local"):
        # Local Python workers: this interpreter, and this package on their path (on a cluster,
        # spark-submit's --py-files / the executors' environment provide them: docs/SPARK.md).
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        root = str(Path(__file__).resolve().parents[2])
        paths = os.environ.get("PYTHONPATH", "").split(os.pathsep)
        if root not in paths:
            os.environ["PYTHONPATH"] = os.pathsep.join([root, *[p for p in paths if p]])
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    builder = builder.config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS").config(
        "spark.sql.session.timeZone", "UTC"
    )
    return builder.getOrCreate()


def main(argv: list[str] | None = None) -> int:
    """``python -m accordingto.corpus.spark INPUT... --out DIR``: the entry point for spark-submit."""
    parser = argparse.ArgumentParser(prog="accordingto.corpus.spark", description=__doc__.split("\n")[0])
    parser.add_argument("inputs", nargs="+", help="JSON Lines, Parquet or WARC (local paths, hdfs://, s3a://…)")
    parser.add_argument("--out", "-o", required=True, help="the folder to write the Parquet tables into")
    parser.add_argument("--fast", action="store_true", help="rules only, no transformer")
    parser.add_argument("--master", default=None, help="Spark master (default: spark-submit's, else local[*])")
    parser.add_argument("--partitions", type=int, default=None, help="repartition the records into this many tasks")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds one article may take (0: no limit)")
    args = parser.parse_args(argv)
    for path in args.inputs:
        try:
            _kind(path)
        except ValueError as error:
            print(f"accordingto: {error}", file=sys.stderr)
            return 2
    spark = session(args.master)
    try:
        summary = run_spark(spark, args.inputs, args.out, fast=args.fast, timeout=args.timeout or None, partitions=args.partitions)
    finally:
        spark.stop()
    print(f"{summary} → {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    # Run as a file (spark-submit): use the package's module, so that the functions sent to
    # the executors are imported there by name rather than pickled with this script.
    from accordingto.corpus.spark import main as package_main

    sys.exit(package_main())
