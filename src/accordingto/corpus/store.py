"""The corpus store: one embedded DuckDB file holding every analysed article.

Tables (``docs/STORE.md`` has every column)::

    articles      one row per article: its metadata, its sourcing profile as
                  columns, and the full report as JSON
                  (id PRIMARY KEY, text_hash UNIQUE)
    attributions  one row per attribution     (article_id, id) unique
    speakers      one row per speaker         (article_id, id) unique
    mentions      one row per speaker mention (article_id, speaker_id)
    dates         one row per date expression (article_id)
    failures      one row per input that could not be analysed (id, source, reason, at)
    store_info    key/value: the store's schema version, the report's schema version

Every offset (``start``, ``"end"``, the ``offsets`` JSON) points into the
article's analysed text, ``articles.report->>'text'``, as in the report.
``"end"`` is a reserved word in SQL: quote it.

Writing one article is one transaction: its row in ``articles`` and all its
rows in the other tables are committed together or not at all, so a run that
is killed at any moment leaves only whole articles behind (DuckDB replays its
write-ahead log when the file is opened again). An article whose id or whose
text hash is already in the store is a duplicate and is not written.

The rows of an article are built by :func:`article_rows` (in a worker
process, from the report) as plain tuples, so that the process that writes
only has to insert them.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import AccordingtoError
from ..read.records import one_line
from ..schema import SCHEMA_VERSION, Report

STORE_SCHEMA_VERSION = "3"  # 2: speakers.gender, gender_evidence, gender_spans; 3: articles.n_sentences is the profile's

# Buffer memory DuckDB may use in the writing process: pages beyond it are
# evicted, so a long batch does not grow with the store (measured: the batch
# process peaks near 270 MB whether it writes 2,000 or 20,000 articles).
DEFAULT_MEMORY_LIMIT = "128MB"


class StoreError(AccordingtoError):
    """The store cannot be opened or read (missing, locked by another process, not a store)."""

    exit_code = 1


# name, SQL type, constraint — in column order. These lists are the schema.
ARTICLES = [
    ("id", "VARCHAR", "PRIMARY KEY"),
    ("text_hash", "VARCHAR", "NOT NULL UNIQUE"),
    ("source", "VARCHAR", ""),
    ("url", "VARCHAR", ""),
    ("outlet", "VARCHAR", ""),
    ("published", "DATE", ""),
    ("title", "VARCHAR", ""),
    ("author", "VARCHAR", ""),
    ("site", "VARCHAR", ""),
    ("format", "VARCHAR", ""),
    ("n_words", "INTEGER", ""),
    ("n_sentences", "INTEGER", ""),
    ("voices", "INTEGER", ""),
    ("attributions", "INTEGER", ""),
    ("quoted_words", "INTEGER", ""),
    ("secondhand_share", "DOUBLE", ""),
    ("anonymous_share", "DOUBLE", ""),
    ("unattributed_share", "DOUBLE", ""),
    ("unattributed", "INTEGER", ""),
    ("nested", "INTEGER", ""),
    ("hedged", "INTEGER", ""),
    ("loaded_cues", "INTEGER", ""),
    ("fast", "BOOLEAN", ""),
    ("report", "JSON", ""),
    ("analysed_at", "TIMESTAMP", ""),
]
ATTRIBUTIONS = [
    ("article_id", "VARCHAR", "NOT NULL"),
    ("id", "INTEGER", "NOT NULL"),
    ("speaker_id", "INTEGER", ""),
    ("speaker", "VARCHAR", ""),
    ("speaker_type", "VARCHAR", ""),
    ("kind", "VARCHAR", ""),
    ("via", "VARCHAR", ""),
    ("stance", "VARCHAR", ""),
    ("secondhand", "BOOLEAN", ""),
    ("depth", "INTEGER", ""),
    ("quoted_words", "INTEGER", ""),
    ("source_text", "VARCHAR", ""),
    ("cue_text", "VARCHAR", ""),
    ("content_text", "VARCHAR", ""),
    ("offsets", "JSON", ""),
    ("chain", "JSON", ""),
]
SPEAKERS = [
    ("article_id", "VARCHAR", "NOT NULL"),
    ("id", "INTEGER", "NOT NULL"),
    ("name", "VARCHAR", ""),
    ("type", "VARCHAR", ""),
    ("role", "VARCHAR", ""),
    ("affiliation", "VARCHAR", ""),
    ("author", "VARCHAR", ""),
    ("aliases", "JSON", ""),
    ("n_attributions", "INTEGER", ""),
    ("quoted_words", "INTEGER", ""),
    ("n_mentions", "INTEGER", ""),
    ("gender", "VARCHAR", ""),
    ("gender_evidence", "VARCHAR", ""),
    ("gender_spans", "JSON", ""),
]
# Columns added after store schema 1, by table: a store written before them gets them (empty for
# the articles already in it) when it is next opened for writing (:meth:`Store.__init__`).
ADDED_COLUMNS: dict[str, list[str]] = {"speakers": ["gender", "gender_evidence", "gender_spans"]}
#: Columns whose meaning a store schema version changed: rows stored before it hold NULL there once migrated.
CHANGED_COLUMNS: dict[int, list[tuple[str, str]]] = {3: [("articles", "n_sentences")]}  # was a regex count
MENTIONS = [
    ("article_id", "VARCHAR", "NOT NULL"),
    ("speaker_id", "INTEGER", "NOT NULL"),
    ("start", "INTEGER", ""),
    ("end", "INTEGER", ""),
    ("text", "VARCHAR", ""),
    ("kind", "VARCHAR", ""),
]
DATES = [
    ("article_id", "VARCHAR", "NOT NULL"),
    ("start", "INTEGER", ""),
    ("end", "INTEGER", ""),
    ("text", "VARCHAR", ""),
    ("date", "DATE", ""),
    ("date_end", "DATE", ""),
    ("relative", "BOOLEAN", ""),
    ("note", "VARCHAR", ""),
]
FAILURES = [
    ("id", "VARCHAR", ""),
    ("source", "VARCHAR", ""),
    ("reason", "VARCHAR", ""),
    ("at", "TIMESTAMP", ""),
]

TABLES: dict[str, list[tuple[str, str, str]]] = {
    "articles": ARTICLES,
    "attributions": ATTRIBUTIONS,
    "speakers": SPEAKERS,
    "mentions": MENTIONS,
    "dates": DATES,
    "failures": FAILURES,
}
# Only ``articles`` has keys (id, text_hash): they are what deduplication needs. The
# other tables' (article_id, id) pairs are unique because an article is written
# once, whole; an index on them would cost memory in proportion to the corpus.
_PRIMARY_KEYS: dict[str, str] = {}
# The tables filled per article, in the order they are written.
ARTICLE_TABLES = ("articles", "attributions", "speakers", "mentions", "dates")


def _q(name: str) -> str:
    return f'"{name}"'


def schema_sql() -> list[str]:
    """The CREATE statements of the store (idempotent)."""
    statements = []
    for table, columns in TABLES.items():
        cols = [f"{_q(name)} {sql_type} {constraint}".rstrip() for name, sql_type, constraint in columns]
        if table in _PRIMARY_KEYS:
            cols.append(f"PRIMARY KEY ({_PRIMARY_KEYS[table]})")
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} (\n  " + ",\n  ".join(cols) + "\n)")
    statements.append("CREATE TABLE IF NOT EXISTS store_info (key VARCHAR PRIMARY KEY, value VARCHAR)")
    return statements


def _insert_sql(table: str) -> str:
    """INSERT … SELECT UNNEST($1), UNNEST($2), …: one statement per table, one list per column.

    Far faster in DuckDB than executemany (one prepared execution per row).
    """
    columns = TABLES[table]
    names = ", ".join(_q(name) for name, _, _ in columns)
    values = ", ".join(f"UNNEST(${i}::{sql_type.replace('JSON', 'VARCHAR')}[])" for i, (_, sql_type, _) in enumerate(columns, 1))
    return f"INSERT INTO {table} ({names}) SELECT {values}"


_INSERT = {table: _insert_sql(table) for table in ARTICLE_TABLES}


# --- rows of one article ---------------------------------------------------------------


@dataclass
class ArticleRows:
    """The rows of one article for every table, as plain tuples in column order (picklable)."""

    id: str
    text_hash: str
    tables: dict[str, list[tuple]] = field(default_factory=dict)


def text_hash(text: str) -> str:
    """The SHA-256 (hex) of the analysed text, white space collapsed: the duplicate check."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8", "surrogatepass")).hexdigest()


_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|\n\s*\n|\n(?=\S)")


def count_sentences(text: str) -> int:
    """Sentences of the text by a rule-based split (end punctuation, line breaks): approximate.

    Only for a report without a profile, whose ``unattributed_share`` is counted here; the stored
    ``n_sentences`` is always the profile's (spaCy's split), NULL without one.
    """
    return len([part for part in _SENTENCE_END.split(text) if part and part.strip()])


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _texts(spans) -> str | None:
    return " … ".join(s.text for s in spans) if spans else None


def _profile_values(report: Report) -> dict[str, Any]:
    """The profile columns: from ``report.profile`` when the pipeline built one, else counted here."""
    if report.profile is not None:
        p = report.profile
        return {
            "voices": p.voices,
            "attributions": p.attributions,
            "quoted_words": p.quoted_words,
            "secondhand_share": p.secondhand_share,
            "anonymous_share": p.anonymous_share,
            "unattributed_share": p.unattributed_share,
            "nested": p.nested,
            "hedged": p.hedged,
            "loaded_cues": p.loaded_cues,
        }
    attributions = report.attributions
    n = len(attributions)
    n_sentences = count_sentences(report.text)
    types = {s.id: s.type for s in report.speakers}
    return {
        "voices": len({a.speaker_id for a in attributions if a.speaker_id is not None}),
        "attributions": n,
        "quoted_words": sum(a.quoted_words for a in attributions),
        "secondhand_share": (sum(a.secondhand for a in attributions) / n) if n else 0.0,
        "anonymous_share": (sum(types.get(a.speaker_id) == "anonymous" for a in attributions) / n) if n else 0.0,
        "unattributed_share": min(1.0, len(report.unattributed) / n_sentences) if n_sentences else 0.0,
        "nested": sum(a.depth > 0 for a in attributions),
        "hedged": sum(not h.attributed for h in report.hedges),
        "loaded_cues": sum(a.stance == "loaded" for a in attributions),
    }


def article_rows(
    report: Report,
    *,
    id: str | None = None,
    source: str | None = None,
    fast: bool = False,
    hash: str | None = None,
    analysed_at: datetime | None = None,
) -> ArticleRows:
    """Every row that one report puts in the store.

    ``id`` defaults to ``report.article.id``; ``hash`` to :func:`text_hash` of
    the report's text.
    """
    meta = report.article
    article_id = id or meta.id
    if not article_id:
        raise ValueError("an article needs an id to be stored")
    digest = hash or text_hash(report.text)
    n_sentences = report.profile.n_sentences if report.profile is not None else None  # spaCy's count, as the profile's
    profile = _profile_values(report)
    when = analysed_at or datetime.now(timezone.utc).replace(tzinfo=None)
    article = (
        article_id,
        digest,
        source,
        meta.url,
        meta.outlet,
        _date(meta.published),
        meta.title,
        meta.author,
        meta.site,
        meta.format,
        len(report.text.split()),
        n_sentences,
        profile["voices"],
        profile["attributions"],
        profile["quoted_words"],
        float(profile["secondhand_share"]),
        float(profile["anonymous_share"]),
        float(profile["unattributed_share"]),
        len(report.unattributed),
        profile["nested"],
        profile["hedged"],
        profile["loaded_cues"],
        fast,
        report.model_dump_json(),
        when,
    )
    types = {s.id: s.type for s in report.speakers}
    attributions = [
        (
            article_id,
            a.id,
            a.speaker_id,
            a.speaker,
            types.get(a.speaker_id) if a.speaker_id is not None else None,
            a.kind,
            a.via,
            a.stance,
            a.secondhand,
            a.depth,
            a.quoted_words,
            _texts(a.source),
            _texts(a.cue),
            _texts(a.content),
            json.dumps({part: [[s.start, s.end] for s in getattr(a, part)] for part in ("source", "cue", "content")}),
            json.dumps([link.model_dump() for link in a.chain]),
        )
        for a in report.attributions
    ]
    speakers = [
        (
            article_id,
            s.id,
            s.name,
            s.type,
            s.role,
            s.affiliation,
            s.author,
            json.dumps(s.aliases),
            s.attributions,
            s.quoted_words,
            len(s.mentions),
            s.gender,
            s.gender_evidence.kind if s.gender_evidence else None,
            json.dumps([sp.model_dump() for sp in s.gender_evidence.spans]) if s.gender_evidence else None,
        )
        for s in report.speakers
    ]
    mentions = [
        (article_id, s.id, m.start, m.end, m.text, m.kind) for s in report.speakers for m in s.mentions
    ]
    dates = [
        (article_id, d.start, d.end, d.text, _date(d.date), _date(d.date_end), d.relative, d.note)
        for d in report.dates
    ]
    return ArticleRows(
        id=article_id,
        text_hash=digest,
        tables={
            "articles": [article],
            "attributions": attributions,
            "speakers": speakers,
            "mentions": mentions,
            "dates": dates,
        },
    )


# --- the store -----------------------------------------------------------------------------


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
            if not self._has_schema():
                others = self._tables()
                if others:  # another program's database: never add our tables to it
                    shown = ", ".join(sorted(others)[:5]) + (", …" if len(others) > 5 else "")
                    raise StoreError(
                        f"{self.path} is a DuckDB database of another program (tables: {shown}), not an accordingto"
                        " store: give --store a new file"
                    )
                self._create_schema()
            check_store(self.con, self.path)
            self._migrate()
        except Exception:
            self.con.close()
            raise

    def _tables(self) -> set[str]:
        return {row[0] for row in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}

    def _has_schema(self) -> bool:
        return set(TABLES) | {"store_info"} <= self._tables()

    def _create_schema(self) -> None:
        """Every table, in one transaction: a store is created whole or not at all."""
        con = self.con
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

    def _stored_version(self) -> int:
        row = self.con.execute("SELECT value FROM store_info WHERE key = 'store_schema'").fetchone()
        try:
            return int(row[0]) if row else 1
        except (TypeError, ValueError):
            return 1

    def _migrate(self) -> None:
        """Bring a store written by an older version up to :data:`STORE_SCHEMA_VERSION`.

        The columns of :data:`ADDED_COLUMNS` it lacks are added, and the
        articles already stored keep NULL there (their person voices count as
        ``unknown`` in the findings); the columns of :data:`CHANGED_COLUMNS`
        whose meaning changed since its version are set to NULL in the rows
        already stored. One transaction, all or nothing.
        """
        missing = [(t, c) for t, cols in ADDED_COLUMNS.items() for c in cols if c not in table_columns(self.con, t)]
        version = self._stored_version()
        changed = [tc for v, cols in CHANGED_COLUMNS.items() if version < v for tc in cols]
        if not missing and not changed:
            return
        types = {name: sql_type for name, sql_type, _ in SPEAKERS}
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            for table, column in missing:
                sql_type = {name: t for name, t, _ in TABLES[table]}.get(column, types.get(column, "VARCHAR"))
                con.execute(f"ALTER TABLE {table} ADD COLUMN {_q(column)} {sql_type}")
            for table, column in changed:
                con.execute(f"UPDATE {table} SET {_q(column)} = NULL")
            con.execute("INSERT OR REPLACE INTO store_info VALUES ('store_schema', ?)", [STORE_SCHEMA_VERSION])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
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
                    con.execute(_INSERT[table], [list(column) for column in zip(*table_rows)])
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
