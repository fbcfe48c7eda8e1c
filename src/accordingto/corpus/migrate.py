"""A store's schema created whole on a new file, and an older store's brought up to date."""

from __future__ import annotations

from datetime import datetime, timezone

from ..schema import SCHEMA_VERSION
from .columns import ADDED_COLUMNS, CHANGED_COLUMNS, SPEAKERS, STORE_SCHEMA_VERSION, TABLES, quote, schema_sql
from .connection import table_columns


def tables(con) -> set[str]:
    """The names of the tables in the database."""
    return {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}


def has_schema(con) -> bool:
    """Whether the database holds every table of the store."""
    return set(TABLES) | {"store_info"} <= tables(con)


def create_schema(con) -> None:
    """Every table, in one transaction: a store is created whole or not at all."""
    con.execute("BEGIN TRANSACTION")
    try:
        for statement in schema_sql():
            con.execute(statement)
        con.execute(
            "INSERT OR IGNORE INTO store_info VALUES ('store_schema', ?), ('report_schema', ?), ('created_at', ?)",
            [STORE_SCHEMA_VERSION, SCHEMA_VERSION, datetime.now(timezone.utc).isoformat(timespec="seconds")],
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def stored_version(con) -> int:
    """The store schema version the store was written with (1 when it records none)."""
    row = con.execute("SELECT value FROM store_info WHERE key = 'store_schema'").fetchone()
    try:
        return int(row[0]) if row else 1
    except (TypeError, ValueError):
        return 1


def migrate(con) -> None:
    """Bring a store written by an older version up to :data:`~.columns.STORE_SCHEMA_VERSION`.

    The columns of :data:`~.columns.ADDED_COLUMNS` it lacks are added, and the
    articles already stored keep NULL there (their person voices count as
    ``unknown`` in the findings); the columns of :data:`~.columns.CHANGED_COLUMNS`
    whose meaning changed since its version are set to NULL in the rows
    already stored. One transaction, all or nothing.
    """
    missing = [(t, c) for t, cols in ADDED_COLUMNS.items() for c in cols if c not in table_columns(con, t)]
    version = stored_version(con)
    changed = [tc for v, cols in CHANGED_COLUMNS.items() if version < v for tc in cols]
    if not missing and not changed:
        return
    types = {name: sql_type for name, sql_type, _ in SPEAKERS}
    con.execute("BEGIN TRANSACTION")
    try:
        for table, column in missing:
            sql_type = {name: t for name, t, _ in TABLES[table]}.get(column, types.get(column, "VARCHAR"))
            con.execute(f"ALTER TABLE {table} ADD COLUMN {quote(column)} {sql_type}")
        for table, column in changed:
            con.execute(f"UPDATE {table} SET {quote(column)} = NULL")
        con.execute("INSERT OR REPLACE INTO store_info VALUES ('store_schema', ?)", [STORE_SCHEMA_VERSION])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
