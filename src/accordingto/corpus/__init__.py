"""Corpus mode: many articles analysed into one DuckDB store, then read across.

- :mod:`.columns`: the store's schema, table by table, and the SQL that creates and fills it;
- :mod:`.rows`: one report as the rows it puts in every table;
- :mod:`.connection`: opening a store, and the checks that it is one;
- :mod:`.migrate`: a new store's schema created, an older store's brought up to date;
- :mod:`.store`: the one-transaction-per-article writer;
- :mod:`.batch`: :func:`~.batch.run_batch`, resumable, in one process or several;
- :mod:`.processes`: the batch's worker processes; :mod:`.progress`: its progress bar;
- :mod:`.worker`: what is done for each article (read, dedup, analyse, rows);
- :mod:`.queries`: the DuckDB SQL of every findings table;
- :mod:`.findings`: :func:`~.findings.findings`, those tables read from a store, per outlet, per period and overall;
- :mod:`.table`: one findings table; :mod:`.render`: the tables in the terminal and as CSV;
- :mod:`.charts`: the findings' charts, drawn with matplotlib as SVG (the HTML page's and the web app's);
- :mod:`.html`: the findings as an HTML page with charts that open offline;
- :mod:`.export`: :func:`~.export.export`, the tables as Parquet or CSV files;
- :mod:`.spark`: the same analysis with Apache Spark, into Parquet tables.

    >>> from accordingto.corpus.batch import run_batch
    >>> from accordingto.corpus.findings import findings
    >>> run_batch(["articles/"], "corpus.duckdb", workers=2)
    >>> tables = findings("corpus.duckdb", by=("outlet", "month"))

Nothing heavy happens at import: DuckDB, rich and matplotlib load on first use.
"""
