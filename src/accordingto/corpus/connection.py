"""Opening a store: the DuckDB connection, its one-line refusals, and the checks that it is a store."""

from __future__ import annotations

from pathlib import Path

from ..errors import AccordingtoError
from ..read.records import one_line

# Buffer memory DuckDB may use in the writing process: pages beyond it are
# evicted, so a long batch does not grow with the store (measured: the batch
# process peaks near 270 MB whether it writes 2,000 or 20,000 articles).
DEFAULT_MEMORY_LIMIT = "128MB"


class StoreError(AccordingtoError):
    """The store cannot be opened or read (missing, locked by another process, not a store)."""

    exit_code = 1


def connect(path: str | Path, *, read_only: bool = False, memory_limit: str | None = DEFAULT_MEMORY_LIMIT):
    """A DuckDB connection to the store at ``path``; a :class:`StoreError` (one line) when it cannot be had.

    Read-only connections need the file to exist. DuckDB replays the
    write-ahead log left by a killed writer when it opens the file.
    """
    import duckdb

    path = Path(path)
    if read_only and not path.is_file():
        raise StoreError(f"no store at {path}")
    config = {"memory_limit": memory_limit} if memory_limit else {}
    try:
        return duckdb.connect(str(path), read_only=read_only, config=config)
    except duckdb.IOException as error:
        message = str(error)
        if "lock" in message.lower():
            raise StoreError(f"the store {path} is in use by another process (is a batch still running?)") from None
        raise StoreError(f"cannot open the store {path}: {one_line(message, limit=300)}") from None
    except duckdb.Error as error:
        raise StoreError(f"cannot open the store {path}: {one_line(str(error), limit=300)}") from None


def table_columns(con, table: str) -> set[str]:
    """The column names of one table of the store (empty when there is no such table)."""
    rows = con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()
    return {r[0] for r in rows}


def check_store(con, path: str | Path) -> None:
    """Refuse a DuckDB file that is not a corpus store."""
    names = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    missing = {"articles", "attributions", "speakers", "failures"} - names
    if missing:
        raise StoreError(f"{path} is not an accordingto store (no table {sorted(missing)[0]})")
