"""The store's schema: its tables and their columns, and the SQL that creates and fills them.

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
"""

from __future__ import annotations

STORE_SCHEMA_VERSION = "3"  # 2: speakers.gender, gender_evidence, gender_spans; 3: articles.n_sentences is the profile's


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


def quote(name: str) -> str:
    """A column name quoted for SQL (``end`` is a reserved word)."""
    return f'"{name}"'


def schema_sql() -> list[str]:
    """The CREATE statements of the store (idempotent)."""
    statements = []
    for table, columns in TABLES.items():
        cols = [f"{quote(name)} {sql_type} {constraint}".rstrip() for name, sql_type, constraint in columns]
        if table in _PRIMARY_KEYS:
            cols.append(f"PRIMARY KEY ({_PRIMARY_KEYS[table]})")
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} (\n  " + ",\n  ".join(cols) + "\n)")
    statements.append("CREATE TABLE IF NOT EXISTS store_info (key VARCHAR PRIMARY KEY, value VARCHAR)")
    return statements


def insert_sql(table: str) -> str:
    """INSERT … SELECT UNNEST($1), UNNEST($2), …: one statement per table, one list per column.

    Far faster in DuckDB than executemany (one prepared execution per row).
    """
    columns = TABLES[table]
    names = ", ".join(quote(name) for name, _, _ in columns)
    values = ", ".join(f"UNNEST(${i}::{sql_type.replace('JSON', 'VARCHAR')}[])" for i, (_, sql_type, _) in enumerate(columns, 1))
    return f"INSERT INTO {table} ({names}) SELECT {values}"


INSERT = {table: insert_sql(table) for table in ARTICLE_TABLES}
