"""Findings: the sourcing of a whole corpus, per outlet, per period and overall, read from a store.

:func:`findings` runs the queries of :mod:`.queries` (whose doc lists every
measure) on a store or on a folder of Parquet tables, and returns them as
:class:`~.table.Table` objects; :mod:`.render` shows them in the terminal and
writes them as CSV, :mod:`.html` as a page with charts.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .columns import TABLES
from .connection import check_store, connect, table_columns
from .queries import (
    DIMENSIONS,
    GENDER_LABELS,
    LAST_NAME_SHARE,
    PERIODS,
    TOP_SPEAKERS,
    TOP_SPEAKERS_PER_GROUP,
    VOICE_KEY_SQL,
    parse_by,
    queries,
    voices_cte,
)
from .render import LABELS, format_value, label, print_findings, write_csv
from .table import Table

# Importable from here as before the findings were split up.
__all__ = [
    "DIMENSIONS",
    "GENDER_LABELS",
    "LABELS",
    "LAST_NAME_SHARE",
    "PERIODS",
    "TOP_SPEAKERS",
    "TOP_SPEAKERS_PER_GROUP",
    "VOICE_KEY_SQL",
    "Table",
    "findings",
    "format_value",
    "has_gender",
    "label",
    "open_tables",
    "parse_by",
    "print_findings",
    "queries",
    "voices_cte",
    "write_csv",
]


def findings(
    store_path: str | Path, by: str | Sequence[str] = ("outlet", "month"), *, top: int = TOP_SPEAKERS
) -> dict[str, Table]:
    """Every findings table of the store, by name (see :func:`queries` and the module doc)."""
    dims = parse_by(by)
    con = open_tables(store_path)
    try:
        specs = queries(dims, top=top, gender_column=has_gender(con))
        tables = {}
        for name, (title, sql) in specs.items():
            cursor = con.execute(sql)
            columns = [d[0] for d in cursor.description]
            tables[name] = Table(name=name, title=title, columns=columns, rows=cursor.fetchall())
        return tables
    finally:
        con.close()


def has_gender(con) -> bool:
    """Whether the store's speakers table has the gender column (store schema 2 on)."""
    return "gender" in table_columns(con, "speakers")


def open_tables(path: str | Path):
    """A read-only DuckDB connection to a store, or to a folder of Parquet tables as views.

    The folder is what ``accordingto spark`` writes (``articles/``, … each a
    folder of Parquet files) or ``accordingto export --format parquet``
    (``articles.parquet``, …).
    """
    import duckdb

    path = Path(path)
    if not path.is_dir():
        return _checked(connect(path, read_only=True, memory_limit=None), path)

    con = duckdb.connect()
    for table, columns in TABLES.items():
        if (path / table).is_dir() and not any((path / table).glob("*.parquet")):  # Spark wrote no rows
            cols = ", ".join(f'"{name}" {sql_type.replace("JSON", "VARCHAR")}' for name, sql_type, _ in columns)
            con.execute(f"CREATE TABLE {table} ({cols})")
            continue
        if (path / table).is_dir():
            files = path / table / "*.parquet"
        elif (path / f"{table}.parquet").is_file():
            files = path / f"{table}.parquet"
        else:
            continue
        literal = "'" + str(files).replace("'", "''") + "'"
        # Spark writes JSON columns as plain strings: typed JSON again, as in the store.
        json_cols = [f'"{name}"::JSON AS "{name}"' for name, sql_type, _ in columns if sql_type == "JSON"]
        replace = f" REPLACE ({', '.join(json_cols)})" if json_cols else ""
        con.execute(f"CREATE VIEW {table} AS SELECT *{replace} FROM read_parquet({literal})")
    return _checked(con, path)


def _checked(con, path: Path):
    """``con`` once it holds a store's tables; closed when it does not."""
    try:
        check_store(con, path)
    except BaseException:
        con.close()
        raise
    return con
