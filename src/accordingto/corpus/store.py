"""The corpus store: one embedded DuckDB file holding every analysed article, written by one process.

The tables are those of :mod:`.columns` (``docs/STORE.md`` has every column);
:func:`~.rows.article_rows` builds the rows of one article, :mod:`.migrate`
creates the schema and brings older stores up to date, :mod:`.connection`
opens a store for reading.

Writing one article is one transaction: its row in ``articles`` and all its
rows in the other tables are committed together or not at all, so a run that
is killed at any moment leaves only whole articles behind (DuckDB replays its
write-ahead log when the file is opened again). An article whose id or whose
text hash is already in the store is a duplicate and is not written.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from ..read.records import one_line
from .columns import (
    ADDED_COLUMNS,
    ARTICLE_TABLES,
    ARTICLES,
    ATTRIBUTIONS,
    CHANGED_COLUMNS,
    DATES,
    FAILURES,
    INSERT,
    MENTIONS,
    SPEAKERS,
    STORE_SCHEMA_VERSION,
    TABLES,
    schema_sql,
)
from .connection import DEFAULT_MEMORY_LIMIT, StoreError, check_store, connect, table_columns
from .migrate import create_schema, has_schema, migrate, tables
from .rows import ArticleRows, article_rows, count_sentences, text_hash

# Importable from here as before the store was split up.
__all__ = [
    "ADDED_COLUMNS",
    "ARTICLE_TABLES",
    "ARTICLES",
    "ATTRIBUTIONS",
    "CHANGED_COLUMNS",
    "DATES",
    "DEFAULT_MEMORY_LIMIT",
    "FAILURES",
    "MENTIONS",
    "SPEAKERS",
    "STORE_SCHEMA_VERSION",
    "TABLES",
    "ArticleRows",
    "Store",
    "StoreError",
    "article_rows",
    "check_store",
    "connect",
    "count_sentences",
    "schema_sql",
    "table_columns",
    "text_hash",
]


class Store:
    """The store opened for writing by one process (DuckDB allows one writer per file).

    >>> with Store("corpus.duckdb") as store:
    ...     store.write(article_rows(report))
    """

    def __init__(self, path: str | Path, *, memory_limit: str | None = DEFAULT_MEMORY_LIMIT):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot create {self.path.parent}: {error.strerror or error}") from None
        self.con = connect(self.path, memory_limit=memory_limit)
        try:
            if not has_schema(self.con):
                others = tables(self.con)
                if others:  # another program's database: never add our tables to it
                    shown = ", ".join(sorted(others)[:5]) + (", …" if len(others) > 5 else "")
                    raise StoreError(
                        f"{self.path} is a DuckDB database of another program (tables: {shown}), not an accordingto"
                        " store: give --store a new file"
                    )
                create_schema(self.con)
            check_store(self.con, self.path)
            migrate(self.con)
        except Exception:
            self.con.close()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def has_id(self, article_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None

    def hash_of(self, article_id: str) -> str | None:
        """The text hash of the stored article with this id, if any."""
        row = self.con.execute("SELECT text_hash FROM articles WHERE id = ?", [article_id]).fetchone()
        return row[0] if row else None

    def has_hash(self, digest: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE text_hash = ?", [digest]).fetchone() is not None

    def write(self, rows: ArticleRows) -> bool:
        """Write one article, all its rows in one transaction; False (nothing written) for a duplicate.

        A duplicate has the id or the text hash of an article already stored.
        A failure recorded earlier for the same id is deleted in the same
        transaction. Rows that DuckDB refuses raise :class:`StoreError`, with
        nothing written.
        """
        import duckdb

        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            # two lookups, each served by its index (an OR would scan the whole table)
            if self.has_id(rows.id) or self.has_hash(rows.text_hash):
                con.execute("ROLLBACK")
                return False
            for table in ARTICLE_TABLES:
                table_rows = rows.tables.get(table)
                if table_rows:
                    con.execute(INSERT[table], [list(column) for column in zip(*table_rows)])
            con.execute("DELETE FROM failures WHERE id = ?", [rows.id])
            con.execute("COMMIT")
        except duckdb.Error as error:  # rows DuckDB refuses (a value of the wrong type…): none written
            con.execute("ROLLBACK")
            raise StoreError(f"cannot store article {rows.id}: {one_line(str(error), limit=300)}") from None
        except BaseException:
            try:
                con.execute("ROLLBACK")
            except duckdb.Error:
                pass
            raise
        return True

    def add_failure(self, id: str | None, source: str | None, reason: str) -> None:
        """Record an input that could not be analysed (replacing an earlier failure of the same input)."""
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            if id is not None:
                con.execute("DELETE FROM failures WHERE id = ?", [id])
            else:
                con.execute("DELETE FROM failures WHERE id IS NULL AND source IS NOT DISTINCT FROM ?", [source])
            con.execute(
                "INSERT INTO failures VALUES (?, ?, ?, ?)",
                [id, source, reason, datetime.now(timezone.utc).replace(tzinfo=None)],
            )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {table: self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}
