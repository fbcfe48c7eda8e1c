"""The store behind the corpus endpoints: read-only, one DuckDB cursor per request.

The store is opened once, read-only, with :func:`accordingto.corpus.store.connect`
(so a batch cannot write to it while the server runs, and the server cannot
change it). A DuckDB connection must not be used by two threads at once:
every request takes its own cursor (a connection of its own to the same
database), made under a lock. The findings' charts take seconds to draw and
the store does not change: they are drawn once per grouping and kept.
"""

from __future__ import annotations

import json
import logging
import threading
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..corpus.findings import Table, has_gender, parse_by, queries, voices_cte
from ..corpus.store import StoreError, check_store, connect

log = logging.getLogger(__name__)

ARTICLE_IDS_PER_SPEAKER = 20
CHARTS_KEPT = 16  # groupings whose charts are kept drawn


def _plain(value: Any) -> Any:
    """A DuckDB value as JSON can hold it."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


class CorpusStore:
    """A store opened read-only for the server's lifetime."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a folder, not a store file (accordingto batch --store FILE)")
        # memory_limit=None: the configuration findings.open_tables uses, should both open it in one process
        self.con = connect(self.path, read_only=True, memory_limit=None)
        try:
            check_store(self.con, self.path)
        except BaseException:
            self.con.close()
            raise
        self._lock = threading.Lock()
        self._charts: dict[tuple, list[dict]] = {}
        self._charts_lock = threading.Lock()

    def close(self) -> None:
        with self._lock:
            self.con.close()

    @contextmanager
    def cursor(self):
        with self._lock:
            cur = self.con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    # --- queries ------------------------------------------------------------------------

    def count_articles(self) -> int:
        with self.cursor() as cur:
            return cur.execute("SELECT count(*) FROM articles").fetchone()[0]

    def articles(self, q: str | None, outlet: str | None, limit: int, offset: int) -> dict:
        where = ["TRUE"]
        if q:
            where.append(
                "(contains(lower(coalesce(title, '')), $q) OR contains(lower(id), $q)"
                " OR contains(lower(coalesce(outlet, '')), $q))"
            )
        if outlet:
            where.append("lower(outlet) = $outlet")
        params = {k: v for k, v in (("q", q.lower() if q else None), ("outlet", outlet.lower() if outlet else None)) if v}
        condition = " AND ".join(where)
        with self.cursor() as cur:
            total = cur.execute(f"SELECT count(*) FROM articles WHERE {condition}", params).fetchone()[0]
            rows = cur.execute(
                f"""SELECT id, title, outlet, published::VARCHAR, attributions, voices, n_words
                    FROM articles WHERE {condition}
                    ORDER BY published DESC NULLS LAST, id
                    LIMIT {int(limit)} OFFSET {int(offset)}""",
                params,
            ).fetchall()
        columns = ("id", "title", "outlet", "published", "attributions", "voices", "n_words")
        return {"total": total, "items": [dict(zip(columns, row)) for row in rows]}

    def article(self, article_id: str) -> dict | None:
        with self.cursor() as cur:
            row = cur.execute(
                "SELECT id, title, outlet, published::VARCHAR, url, report::VARCHAR FROM articles WHERE id = ?",
                [article_id],
            ).fetchone()
        if row is None:
            return None
        return {
            "id": row[0],
            "title": row[1],
            "outlet": row[2],
            "published": row[3],
            "url": row[4],
            "report": json.loads(row[5]) if row[5] else None,
        }

    def speakers(self, q: str | None, type: str | None, limit: int, offset: int) -> dict:
        """Speakers with an attribution, one row per voice across articles (names merged as in findings)."""
        params: dict[str, Any] = {}
        where = "TRUE"
        if type:
            where = "s.type = $type"
            params["type"] = type
        having = ""
        if q:
            having = "HAVING bool_or(contains(lower(name), $q))"
            params["q"] = q.lower()
        grouped = f"""
            WITH {voices_cte(where)}
            SELECT any_value(v.voice_name) AS name,
                   mode(v.type ORDER BY v.type) AS type,
                   count(DISTINCT v.article_id) AS articles,
                   sum(v.n_attributions)::BIGINT AS attributions,
                   sum(v.quoted_words)::BIGINT AS quoted_words,
                   coalesce(list_sort(list(DISTINCT a.outlet) FILTER (WHERE a.outlet IS NOT NULL)), []::VARCHAR[]) AS outlets,
                   list_sort(list(DISTINCT v.article_id))[1:{ARTICLE_IDS_PER_SPEAKER}] AS article_ids
            FROM voices v JOIN articles a ON a.id = v.article_id
            GROUP BY v.voice {having}"""
        with self.cursor() as cur:
            total = cur.execute(f"SELECT count(*) FROM ({grouped})", params).fetchone()[0]
            rows = cur.execute(
                f"""SELECT * FROM ({grouped})
                    ORDER BY attributions DESC, quoted_words DESC, name, type
                    LIMIT {int(limit)} OFFSET {int(offset)}""",
                params,
            ).fetchall()
        columns = ("name", "type", "articles", "attributions", "quoted_words", "outlets", "article_ids")
        return {"total": total, "items": [{c: _plain(v) for c, v in zip(columns, row)} for row in rows]}

    def tables(self, by: str, top: int) -> dict[str, Table]:
        """The tables of :func:`accordingto.corpus.findings.findings`, run on this connection."""
        dims = parse_by(by)  # StoreError: the caller's 400
        tables = {}
        with self.cursor() as cur:
            specs = queries(dims, top=top, gender_column=has_gender(cur))
            for name, (title, sql) in specs.items():
                result = cur.execute(sql)
                columns = [d[0] for d in result.description]
                tables[name] = Table(name=name, title=title, columns=columns, rows=result.fetchall())
        return tables

    def findings(self, by: str, top: int) -> dict:
        """:meth:`tables` as JSON can hold them, with the dimensions grouped by."""
        tables = self.tables(by, top)
        return {
            "by": list(parse_by(by)),
            "tables": {
                name: {"title": t.title, "columns": t.columns, "rows": [[_plain(v) for v in row] for row in t.rows]}
                for name, t in tables.items()
            },
        }

    def charts(self, by: str, top: int) -> dict:
        """The findings' charts (:func:`accordingto.corpus.charts.charts`, as ``findings --html`` draws them).

        Drawing takes seconds and the store does not change while it is open: each grouping's charts
        are drawn once and kept (the last :data:`CHARTS_KEPT` of them).
        """
        from ..corpus.charts import charts, slug

        key = (parse_by(by), top)  # StoreError: the caller's 400
        with self._charts_lock:  # one drawing at a time; a second request for it waits for the first
            if key not in self._charts:
                drawn = charts(self.tables(by, top))
                if len(self._charts) >= CHARTS_KEPT:
                    self._charts.pop(next(iter(self._charts)))
                self._charts[key] = [{"id": slug(c.title), "title": c.title, "svg": c.svg} for c in drawn]
            return {"by": list(key[0]), "charts": self._charts[key]}

    def draw_ahead(self, by: str, top: int) -> None:
        """Draw one grouping's charts now (in a thread at start-up), so the Corpus page need not wait."""
        try:
            self.charts(by, top)
        except Exception as error:  # noqa: BLE001 - the page's own request draws them, or says why not
            log.info("the charts for by=%s were not drawn ahead: %s: %s", by, type(error).__name__, error)


__all__ = ["CorpusStore", "StoreError"]
