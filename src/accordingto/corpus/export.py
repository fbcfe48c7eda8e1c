"""The store's tables as files, written by DuckDB's COPY: Parquet (default) or CSV.

One file per table, named for it (``articles.parquet``, ``attributions.parquet``,
…). JSON columns (the report, offsets, chains, aliases) are written as JSON
text. Rows are ordered by article id, then by their own id or offset, so two
exports of the same store are the same. In CSV, a text cell that starts like a
spreadsheet formula (``=``, ``+``, ``-``, ``@``, tab, carriage return) is written
with a ``'`` in front (OWASP's advice against CSV injection).
"""

from __future__ import annotations

from pathlib import Path

from ..read.records import one_line
from .connection import StoreError, check_store, connect

EXPORTED = {
    "articles": "id",
    "attributions": "article_id, id",
    "speakers": "article_id, id",
    "mentions": 'article_id, speaker_id, start, "end"',
    "dates": 'article_id, start, "end"',
    "failures": "id, source",
}
FORMATS = {"parquet": "(FORMAT parquet, COMPRESSION zstd)", "csv": "(FORMAT csv, HEADER true)"}


def _literal(path: Path) -> str:
    """A SQL string literal of a path (COPY takes no parameters)."""
    return "'" + str(path).replace("'", "''") + "'"


# A CSV cell that a spreadsheet would run as a formula starts with one of these
# (OWASP, "CSV Injection"): such a text cell is written with a ' in front.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_SQL = r"regexp_matches({col}, '^[-=+@\t\r]')"


def neutralise(value):
    """``value`` safe for a CSV cell opened in a spreadsheet: text starting like a formula gets a leading '."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv_columns(con, table: str) -> str:
    """The SELECT list of ``table`` with every text column neutralised as :func:`neutralise` does."""
    rows = con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table],
    ).fetchall()
    out = []
    for name, kind in rows:
        col = '"' + name.replace('"', '""') + '"'
        if kind.upper() in ("VARCHAR", "JSON"):
            test = _FORMULA_SQL.format(col=f"{col}::VARCHAR")
            out.append(f"CASE WHEN {test} THEN chr(39) || {col}::VARCHAR ELSE {col}::VARCHAR END AS {col}")
        else:
            out.append(col)
    return ", ".join(out)


def export(store_path: str | Path, out_dir: str | Path, format: str = "parquet") -> list[Path]:
    """Write every table of the store into ``out_dir`` (created if missing); the files written."""
    import duckdb

    format = format.lower()
    if format not in FORMATS:
        raise StoreError(f"unknown export format {format!r}: use parquet or csv")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"cannot create {out}: {error.strerror or error}") from None
    con = connect(store_path, read_only=True, memory_limit=None)
    written = []
    try:
        check_store(con, store_path)
        for table, order in EXPORTED.items():
            path = out / f"{table}.{format}"
            columns = _csv_columns(con, table) if format == "csv" else "*"
            con.execute(f"COPY (SELECT {columns} FROM {table} ORDER BY {order}) TO {_literal(path)} {FORMATS[format]}")
            written.append(path)
    except duckdb.IOException as error:
        raise StoreError(f"cannot write to {out}: {one_line(str(error), limit=300)}") from None
    finally:
        con.close()
    return written
