"""Corpus mode: many articles analysed into one DuckDB store, then read across.

- :mod:`.store`: the store's schema and the one-transaction-per-article writer;
- :mod:`.batch`: :func:`~.batch.run_batch`, resumable, in one process or several;
- :mod:`.worker`: what is done for each article (read, dedup, analyse, rows);
- :mod:`.findings`: :func:`~.findings.findings`, per outlet, per period and overall, as DuckDB SQL;
- :mod:`.charts`: the findings' charts, drawn with matplotlib as SVG (the HTML page's and the web app's);
- :mod:`.html`: the findings as an HTML page with charts that open offline;
- :mod:`.export`: :func:`~.export.export`, the tables as Parquet or CSV files.

    >>> from accordingto.corpus.batch import run_batch
    >>> from accordingto.corpus.findings import findings
    >>> run_batch(["articles/"], "corpus.duckdb", workers=2)
    >>> tables = findings("corpus.duckdb", by=("outlet", "month"))

Nothing heavy happens at import: DuckDB, rich and matplotlib load on first use.
"""
