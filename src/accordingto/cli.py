"""The command line: ``accordingto analyze | predict | evaluate | train | schema | batch | findings | export``.

Every refusal is one line on stderr and a non-zero exit (2 for bad input,
3 for a broken model); never a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from .errors import AccordingtoError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="According to whom? Every attribution in a news article: who said what, and who they are.",
)


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"accordingto: {message}", err=True)
    raise typer.Exit(code)


@app.command()
def analyze(
    path: str = typer.Argument(..., help="article file (.txt or .html), or - for stdin"),
    json_out: bool = typer.Option(False, "--json", help="print the full report as JSON"),
    published: Optional[str] = typer.Option(None, help="publication date, YYYY-MM-DD"),
    fast: bool = typer.Option(False, "--fast", help="rules only, no transformer (faster, less accurate)"),
    format: str = typer.Option("auto", "--format", help="auto, text or html"),
    gender_overrides: Optional[Path] = typer.Option(
        None, "--gender-overrides", help="CSV of name,gender (woman/man/unknown) applied before any evidence"
    ),
) -> None:
    """Analyse one article and print its sourcing."""
    from .pipeline import _iso_date, analyze_article, load_overrides
    from .read import read_path

    try:
        overrides = load_overrides(gender_overrides)
        article = read_path(path, format=format)
        if published:
            article.meta.published = _iso_date(published)
        report = analyze_article(article, fast=fast, gender_overrides=overrides)
    except AccordingtoError as err:
        _fail(str(err), err.exit_code)
    if json_out:
        typer.echo(report.model_dump_json(indent=2))
    else:
        from .render.terminal import print_report

        print_report(report)


def _article_files(directory: Path) -> list[Path]:
    root = directory / "text" if (directory / "text").is_dir() else directory
    return sorted(root.glob("*.txt"))


@app.command()
def predict(
    directory: Path = typer.Argument(..., help="folder of .txt articles (or a PolNeAR split with text/)"),
    out: Path = typer.Option(..., "--out", "-o", help="where to write the predictions (JSON Lines)"),
    fast: bool = typer.Option(False, "--fast", help="rules only, no transformer"),
) -> None:
    """Predict attributions for every article, in the exchange format of PREDICTIONS.md."""
    from rich.progress import Progress

    from .exchange import to_prediction
    from .pipeline import analyze_article
    from .read import read_path

    if not directory.is_dir():
        _fail(f"{directory} is not a folder")
    files = _article_files(directory)
    if not files:
        _fail(f"no .txt files in {directory}")
    failed = 0
    with out.open("w", encoding="utf-8") as sink, Progress(transient=True) as progress:
        task = progress.add_task("predicting", total=len(files))
        for f in files:
            try:
                # offsets must point into the file as it is: no cleaning
                report = analyze_article(read_path(f, format="text", clean=False), fast=fast)
            except AccordingtoError as err:
                failed += 1
                progress.console.print(f"[red]skipped[/] {f.name}: {err}", highlight=False)
            else:
                sink.write(json.dumps(to_prediction(f.stem, report)) + "\n")
            progress.advance(task)
    typer.echo(f"{len(files) - failed} articles → {out}" + (f" ({failed} skipped)" if failed else ""), err=True)
    if failed:
        raise typer.Exit(1)


@app.command()
def evaluate(
    gold: Path = typer.Option(..., "--gold", help="PolNeAR-style folder: text/ and attributions/ (brat)"),
    pred: Path = typer.Option(..., "--pred", help="predictions (JSON Lines, PREDICTIONS.md)"),
    cofenet: Optional[Path] = typer.Option(
        None, help="CofeNet token file for the second protocol (default: cofenet_<split>.jsonl beside the split)"
    ),
    json_out: bool = typer.Option(False, "--json", help="print the scores as JSON"),
) -> None:
    """Score predictions: article level (PREDICTIONS.md) and the CofeNet token protocol."""
    from .evaluate import format_scores, read_predictions, score_cofenet, score_predictions
    from .read.polnear import text_files

    try:
        predictions = read_predictions(pred)
        scores = {"article": score_predictions(gold, predictions)}
        if cofenet is None:
            guess = gold.parent / f"cofenet_{gold.name}.jsonl"
            cofenet = guess if guess.exists() else None
        if cofenet is not None:
            texts = Path(next(iter(text_files(gold).values()))).parent
            scores["cofenet"] = score_cofenet(cofenet, texts, predictions)
    except AccordingtoError as err:
        _fail(str(err), err.exit_code)
    except (OSError, ValueError) as err:
        _fail(str(err))
    if json_out:
        typer.echo(json.dumps(scores, indent=1))
    else:
        for name, s in scores.items():
            typer.echo(format_scores(s))
            typer.echo("")


@app.command()
def train(
    polnear: Path = typer.Option(Path("../shared/data/polnear"), help="PolNeAR folder with train/ and dev/"),
    out: Path = typer.Option(Path("src/accordingto/models/tagger.onnx"), help="the int8 ONNX model to write"),
    work: Path = typer.Option(Path("runs/train"), help="folder for the encoded data, checkpoints and log"),
    epochs: int = typer.Option(12),
    batch_size: int = typer.Option(32),
    lr: float = typer.Option(1e-4),
    layers: int = typer.Option(6, help="encoder layers kept (of 6): fewer is faster"),
    threads: int = typer.Option(2, help="CPU threads for torch"),
) -> None:
    """Train the tagger on PolNeAR train (dev chooses the epoch) and export it to int8 ONNX."""
    from .train import export, fit, prepare

    try:
        work.mkdir(parents=True, exist_ok=True)
        log_file = (work / "train.log").open("a", encoding="utf-8")

        def log(message: str) -> None:
            typer.echo(message, err=True)
            log_file.write(message + "\n")
            log_file.flush()

        data = prepare(polnear, work / "polnear-windows.npz")
        log(f"encoded PolNeAR train and dev → {data}")
        info = fit(data, work / "weights", epochs=epochs, batch_size=batch_size, lr=lr, layers=layers, threads=threads, log=log)
        log(f"best dev span F1 (mean of roles): {info['best_mean_f1']}")
        log(f"exported → {export(work / 'weights', out)}")
    except AccordingtoError as err:
        _fail(str(err), err.exit_code)
    except ImportError as err:
        _fail(f"training needs the train extra ({err.name} is missing): run `make train`", 3)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the report."""
    from .schema import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))


@app.command("batch")
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
    from .corpus.batch import WorkerError, run_batch
    from .pipeline import load_overrides

    try:
        overrides = load_overrides(gender_overrides)
        summary = run_batch(
            inputs, store, workers=workers, fast=fast, progress=not quiet, timeout=timeout, gender_overrides=overrides
        )
    except AccordingtoError as err:
        _fail(str(err), err.exit_code)
    except WorkerError as err:
        _fail(str(err), 3)
    typer.echo(f"{summary} → {store}", err=True)


@app.command("findings")
def findings_command(
    store: Path = typer.Argument(..., help="a store written by accordingto batch"),
    by: str = typer.Option("outlet,month", "--by", help="outlet and/or one period: day, week, month, year"),
    html: Optional[Path] = typer.Option(None, "--html", help="also write the findings as an HTML page with charts"),
    csv: Optional[Path] = typer.Option(None, "--csv", help="also write each table as a CSV file into this folder"),
    top: int = typer.Option(20, "--top", min=1, help="how many of the most quoted speakers to list"),
) -> None:
    """The sourcing of the corpus per outlet, per period and overall: tables in the terminal, HTML, CSV."""
    from .corpus.findings import findings, print_findings, write_csv

    try:
        tables = findings(store, by=by, top=top)
        print_findings(tables)
        if csv is not None:
            written = write_csv(tables, csv)
            typer.echo(f"{len(written)} CSV files → {csv}", err=True)
        if html is not None:
            from .corpus.html import write_html

            write_html(tables, html, store=str(store))
            typer.echo(f"findings → {html}", err=True)
    except AccordingtoError as err:
        _fail(str(err), err.exit_code)
    except OSError as err:
        _fail(f"cannot write {err.filename or ''}: {err.strerror or err}".replace("  ", " "), 1)


@app.command("export")
def export_command(
    store: Path = typer.Argument(..., help="a store written by accordingto batch"),
    format: str = typer.Option("parquet", "--format", help="parquet or csv"),
    out: Path = typer.Option(..., "--out", "-o", help="the folder to write the tables into"),
) -> None:
    """Write the store's tables (articles, attributions, speakers, mentions, dates, failures) as Parquet or CSV."""
    from .corpus.export import export

    try:
        written = export(store, out, format=format)
    except AccordingtoError as err:
        _fail(str(err), err.exit_code)
    typer.echo(f"{len(written)} tables → {out}", err=True)


@app.command("spark")
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
        from .corpus.spark import main as spark_main
    except ImportError as err:  # pragma: no cover
        _fail(f"cannot load Spark support: {err}", 1)
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


@app.command("serve")
def serve_command(
    store: Optional[Path] = typer.Option(None, "--store", help="a store written by accordingto batch, for the Corpus page (opened read-only)"),
    host: str = typer.Option("127.0.0.1", "--host", help="address to listen on (the service has no authentication: keep it on loopback)"),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="port to listen on"),
    max_body_mb: float = typer.Option(10.0, "--max-body-mb", min=0.001, help="largest request body, in MB (10^6 bytes)"),
    timeout: float = typer.Option(60.0, "--timeout", min=0, help="seconds one analysis may take before it is cut off with 503 (0: no limit)"),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="analysis processes (each loads the pipeline, ~0.75 GB)"),
) -> None:
    """Serve the Analyse and Corpus pages and the JSON API (docs/API.md) over HTTP; nothing is fetched."""
    import uvicorn

    from .web.app import create_app

    try:
        web = create_app(store, max_body_bytes=int(max_body_mb * 1_000_000), timeout_s=timeout, workers=workers)
    except AccordingtoError as err:
        _fail(str(err), 2)
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"accordingto: warning: listening on {host}; the service has no authentication", err=True)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(
        f"accordingto: serving on http://{shown}:{port}/ ({workers} analysis worker{'s' if workers > 1 else ''}"
        f"{', store ' + str(store) if store else ', no store'}); Ctrl-C stops",
        err=True,
    )
    uvicorn.run(web, host=host, port=port, log_level="info", timeout_graceful_shutdown=5)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("accordingto: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
