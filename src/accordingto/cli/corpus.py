"""The commands of corpus mode: ``batch``, ``findings``, ``export``, ``spark`` and ``serve``."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..errors import AccordingtoError
from .app import fail


def batch_command(
    inputs: list[str] = typer.Argument(
        ..., help="folders, JSON Lines, WARC, RSS/Atom feeds, PolNeAR, single files (maybe .gz), or - for stdin"
    ),
    store: Path = typer.Option(Path("corpus.duckdb"), "--store", help="the DuckDB store to fill (created if missing)"),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="worker processes for the analysis (1: this process)"),
    fast: bool = typer.Option(False, "--fast", help="rules only, no transformer"),
    timeout: float = typer.Option(60.0, "--timeout", help="seconds one article may take before it counts as failed (0: no limit)"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar"),
    gender_overrides: Optional[Path] = typer.Option(
        None, "--gender-overrides", help="CSV of name,gender (woman/man/unknown) applied before any evidence"
    ),
) -> None:
    """Analyse every article of the inputs into a DuckDB store; run again to resume (nothing is done twice).

    Articles that cannot be analysed go to the store's failures table and the
    run goes on: the exit status is 0 when the run completes.
    """
    from ..corpus.batch import WorkerError, run_batch
    from ..analyse.gender import load_overrides

    try:
        overrides = load_overrides(gender_overrides)
        summary = run_batch(
            inputs, store, workers=workers, fast=fast, progress=not quiet, timeout=timeout, gender_overrides=overrides
        )
    except AccordingtoError as err:
        fail(str(err), err.exit_code)
    except WorkerError as err:
        fail(str(err), 3)
    typer.echo(f"{summary} → {store}", err=True)


def findings_command(
    store: Path = typer.Argument(..., help="a store written by accordingto batch"),
    by: str = typer.Option("outlet,month", "--by", help="outlet and/or one period: day, week, month, year"),
    html: Optional[Path] = typer.Option(None, "--html", help="also write the findings as an HTML page with charts"),
    csv: Optional[Path] = typer.Option(None, "--csv", help="also write each table as a CSV file into this folder"),
    top: int = typer.Option(20, "--top", min=1, help="how many of the most quoted speakers to list"),
) -> None:
    """The sourcing of the corpus per outlet, per period and overall: tables in the terminal, HTML, CSV."""
    from ..corpus.findings import findings, print_findings, write_csv

    try:
        tables = findings(store, by=by, top=top)
        print_findings(tables)
        if csv is not None:
            written = write_csv(tables, csv)
            typer.echo(f"{len(written)} CSV files → {csv}", err=True)
        if html is not None:
            from ..corpus.html import write_html

            write_html(tables, html, store=str(store))
            typer.echo(f"findings → {html}", err=True)
    except AccordingtoError as err:
        fail(str(err), err.exit_code)
    except OSError as err:
        fail(f"cannot write {err.filename or ''}: {err.strerror or err}".replace("  ", " "), 1)


def export_command(
    store: Path = typer.Argument(..., help="a store written by accordingto batch"),
    format: str = typer.Option("parquet", "--format", help="parquet or csv"),
    out: Path = typer.Option(..., "--out", "-o", help="the folder to write the tables into"),
) -> None:
    """Write the store's tables (articles, attributions, speakers, mentions, dates, failures) as Parquet or CSV."""
    from ..corpus.export import export

    try:
        written = export(store, out, format=format)
    except AccordingtoError as err:
        fail(str(err), err.exit_code)
    typer.echo(f"{len(written)} tables → {out}", err=True)


def spark_command(
    inputs: list[str] = typer.Argument(..., help="JSON Lines, Parquet (file or folder) or WARC; local paths or hdfs://, s3a://…"),
    out: str = typer.Option(..., "--out", "-o", help="the folder to write the Parquet tables into (overwritten)"),
    fast: bool = typer.Option(False, "--fast", help="rules only, no transformer"),
    master: Optional[str] = typer.Option(None, "--master", help="Spark master, e.g. local[4] (default: spark-submit's, else local[*])"),
    partitions: Optional[int] = typer.Option(None, "--partitions", min=1, help="repartition the records into this many tasks"),
    timeout: float = typer.Option(60.0, "--timeout", help="seconds one article may take before it counts as failed (0: no limit)"),
) -> None:
    """Analyse a corpus with Apache Spark into Parquet tables (those of export); findings reads the folder.

    Needs pyspark (pip install 'accordingto[spark]'). On a cluster, use
    spark-submit with python -m accordingto.corpus.spark (docs/SPARK.md).
    """
    try:
        from ..corpus.spark import main as spark_main
    except ImportError as err:  # pragma: no cover
        fail(f"cannot load Spark support: {err}", 1)
    args = [*inputs, "--out", out, "--timeout", str(timeout)]
    if fast:
        args.append("--fast")
    if master:
        args += ["--master", master]
    if partitions:
        args += ["--partitions", str(partitions)]
    code = spark_main(args)
    if code:
        raise typer.Exit(code)


def serve_command(
    store: Optional[Path] = typer.Option(None, "--store", help="a store written by accordingto batch, for the Corpus page (opened read-only)"),
    host: str = typer.Option("127.0.0.1", "--host", help="address to listen on (the service has no authentication: keep it on loopback)"),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="port to listen on"),
    max_body_mb: float = typer.Option(10.0, "--max-body-mb", min=0.001, help="largest request body, in MB (10^6 bytes)"),
    timeout: float = typer.Option(60.0, "--timeout", min=0, help="seconds one analysis may take before it is cut off with 503 (0: no limit)"),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="analysis processes (each loads the pipeline, ~0.75 GB)"),
    request_timeout: float = typer.Option(
        30.0, "--request-timeout", min=0, help="seconds a client has to send a whole request, headers and body (0: no limit)"
    ),
    max_connections: int = typer.Option(
        100, "--max-connections", min=1, help="open connections and requests in progress; past it, 503 at once"
    ),
    gender_overrides: Optional[Path] = typer.Option(
        None, "--gender-overrides", help="CSV of name,gender (woman/man/unknown) applied to every analysis"
    ),
) -> None:
    """Serve the Analyse and Corpus pages and the JSON API (docs/API.md) over HTTP; nothing is fetched."""
    import uvicorn

    from ..web.app import create_app
    from ..web.server import server_config

    try:
        web = create_app(store, max_body_bytes=int(max_body_mb * 1_000_000), timeout_s=timeout, workers=workers,
                         gender_overrides=gender_overrides)
    except AccordingtoError as err:
        fail(str(err), 2)
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"accordingto: warning: listening on {host}; the service has no authentication", err=True)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(
        f"accordingto: serving on http://{shown}:{port}/ ({workers} analysis worker{'s' if workers > 1 else ''}"
        f"{', store ' + str(store) if store else ', no store'}); Ctrl-C stops",
        err=True,
    )
    config = server_config(web, host=host, port=port, request_timeout=request_timeout, max_connections=max_connections)
    try:
        uvicorn.Server(config).run()
    except KeyboardInterrupt:  # as uvicorn.run does
        pass
