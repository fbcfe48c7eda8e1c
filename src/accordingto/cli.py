"""The command line: ``accordingto analyze | predict | evaluate | train | schema | batch | findings | export``.

Every refusal is one line on stderr and a non-zero exit (2 for bad input,
3 for a broken model); never a traceback.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Optional

import typer

from .errors import AccordingtoError
from .training import defaults

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="According to whom? Every attribution in a news article: who said what, and who they are.",
)


class _Stderr(logging.StreamHandler):
    """A log handler writing to whatever ``sys.stderr`` is when a record comes (a progress bar's, a test runner's)."""

    stream = property(lambda self: sys.stderr, lambda self, value: None)


@app.callback()
def _root(
    verbose: int = typer.Option(0, "--verbose", "-v", count=True, help="log to stderr: -v for INFO, -vv for DEBUG"),
) -> None:
    logging.basicConfig(
        level=max(logging.DEBUG, logging.WARNING - 10 * verbose),
        format="%(levelname)s %(name)s: %(message)s",
        handlers=[_Stderr()],
        force=True,
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
    timeout: float = typer.Option(0.0, "--timeout", min=0, help="seconds the analysis may take before it is cut off (0: no limit)"),
    gender_overrides: Optional[Path] = typer.Option(
        None, "--gender-overrides", help="CSV of name,gender (woman/man/unknown) applied before any evidence"
    ),
) -> None:
    """Analyse one article and print its sourcing."""
    from .corpus.worker import ArticleTimeout, deadline, timeout_reason
    from .analyse.gender import load_overrides
    from .pipeline import analyze_article, iso_date
    from .read import read_path

    try:
        overrides = load_overrides(gender_overrides)
        with deadline(timeout):
            article = read_path(path, format=format)
            if published:
                article.meta.published = iso_date(published)
            report = analyze_article(article, fast=fast, gender_overrides=overrides)
    except AccordingtoError as err:
        _fail(str(err), err.exit_code)
    except ArticleTimeout:
        _fail(f"the analysis {timeout_reason(timeout)}: the input is too long or too unusual for that limit", 1)
    if json_out:
        typer.echo(report.model_dump_json(indent=2))
    else:
        from .render.terminal import print_report

        print_report(report)


def _article_files(directory: Path) -> list[Path]:
    from .read.walk import files

    root = directory / "text" if (directory / "text").is_dir() else directory
    try:
        return files(root, ".txt")
    except AccordingtoError as err:
        _fail(str(err), err.exit_code)


def _subset(files: list[Path], subset: str) -> list[Path]:
    from .read.polnear import SUBSETS, select

    if subset not in SUBSETS:
        _fail(f"--subset must be one of {', '.join(SUBSETS)}, not {subset!r}")
    keep = select([f.stem for f in files], subset)
    return [f for f in files if f.stem in keep]


@app.command()
def predict(
    directory: Path = typer.Argument(..., help="folder of .txt articles (or a PolNeAR split with text/)"),
    out: Path = typer.Option(..., "--out", "-o", help="where to write the predictions (JSON Lines)"),
    fast: bool = typer.Option(False, "--fast", help="rules only, no transformer"),
    subset: str = typer.Option(
        "all", "--subset", help="all, heldout (the held-out slice of PolNeAR train, docs/HELDOUT.md) or rest"
    ),
    timeout: float = typer.Option(0.0, "--timeout", min=0, help="seconds one article may take before it is skipped (0: no limit)"),
) -> None:
    """Predict attributions for every article, in the exchange format of PREDICTIONS.md."""
    from rich.markup import escape
    from rich.progress import Progress

    from .corpus.worker import ArticleTimeout, deadline, timeout_reason

    from .exchange import to_prediction
    from .pipeline import analyze_article
    from .read import read_path

    if not directory.is_dir():
        _fail(f"{directory} is not a folder")
    files = _article_files(directory)
    if not files:
        _fail(f"no .txt files in {directory}")
    files = _subset(files, subset)
    failed = 0
    try:
        sink = out.open("w", encoding="utf-8")
    except OSError as err:
        _fail(f"cannot write {out}: {err.strerror or err}", 1)
    with sink, Progress(transient=True) as progress:
        task = progress.add_task("predicting", total=len(files))
        for f in files:
            try:
                # offsets must point into the file as it is: no cleaning
                with deadline(timeout):
                    report = analyze_article(read_path(f, format="text", clean=False), fast=fast)
            except (AccordingtoError, ArticleTimeout) as err:
                failed += 1
                reason = timeout_reason(timeout) if isinstance(err, ArticleTimeout) else str(err)
                progress.console.print(f"[red]skipped[/] {escape(f.name)}: {escape(reason)}", highlight=False)
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
    subset: str = typer.Option(
        "all", "--subset", help="all, heldout (the held-out slice of PolNeAR train, docs/HELDOUT.md) or rest"
    ),
) -> None:
    """Score predictions: article level (PREDICTIONS.md) and the CofeNet token protocol.

    Where no CofeNet file exists for the split (train and its held-out slice),
    the CofeNet-style scores use instances built from the brat gold
    (``accordingto.evaluation.cofenet.gold_instances``: paragraphs, every annotator).
    """
    from .evaluation.cofenet import gold_instances, score_cofenet
    from .evaluation.extraction import score_predictions
    from .evaluation.predictions import read_predictions
    from .evaluation.scores import format_scores
    from .read.polnear import SUBSETS, select, text_files

    if subset not in SUBSETS:
        _fail(f"--subset must be one of {', '.join(SUBSETS)}, not {subset!r}")
    try:
        predictions = read_predictions(pred)
        ids = None if subset == "all" else select(text_files(gold), subset)
        scores = {"article": score_predictions(gold, predictions, ids=ids)}
        if cofenet is None:
            guess = gold.parent / f"cofenet_{gold.name}.jsonl"
            cofenet = guess if guess.exists() and ids is None else None
        found = text_files(gold)
        texts = Path(next(iter(found.values()))).parent if found else gold
        if cofenet is not None:
            scores["cofenet"] = score_cofenet(cofenet, texts, predictions)
        elif found:
            scores["cofenet"] = score_cofenet(gold_instances(gold, ids=ids), texts, predictions)
            scores["cofenet"]["instances_from"] = "brat gold (paragraphs, spaCy tokens)"
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
    epochs: int = typer.Option(defaults.EPOCHS),
    batch_size: int = typer.Option(defaults.BATCH_SIZE),
    lr: float = typer.Option(defaults.LR),
    layers: int = typer.Option(defaults.LAYERS, help="encoder layers kept (of 6): fewer is faster"),
    threads: int = typer.Option(defaults.THREADS, help="CPU threads for torch"),
    weights: Optional[Path] = typer.Option(
        None, "--weights", help="export these trained weights (e.g. the distilled student from a GPU run) instead of training"
    ),
) -> None:
    """Train the tagger on PolNeAR train less its held-out slice (dev chooses the epoch); export int8 ONNX."""
    from .training.fit import export, fit, prepare

    if weights is not None:
        if not (weights / "fit.json").is_file():
            _fail(f"{weights} holds no trained weights (fit.json is missing)")
        try:
            typer.echo(f"exported → {export(weights, out)}", err=True)
        except AccordingtoError as err:
            _fail(str(err), err.exit_code)
        except ImportError as err:
            _fail(f"exporting needs the train extra ({err.name} is missing): run `make train`", 3)
        return

    try:
        work.mkdir(parents=True, exist_ok=True)
        log_file = (work / "train.log").open("a", encoding="utf-8")

        def log(message: str) -> None:
            typer.echo(message, err=True)
            log_file.write(message + "\n")
            log_file.flush()

        data = prepare(polnear, work / "polnear-windows.npz")
        log(f"encoded PolNeAR train (less the held-out slice) and dev → {data}")
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
    from .analyse.gender import load_overrides

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

    from .web.app import create_app
    from .web.server import server_config

    try:
        web = create_app(store, max_body_bytes=int(max_body_mb * 1_000_000), timeout_s=timeout, workers=workers,
                         gender_overrides=gender_overrides)
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
    config = server_config(web, host=host, port=port, request_timeout=request_timeout, max_connections=max_connections)
    try:
        uvicorn.Server(config).run()
    except KeyboardInterrupt:  # as uvicorn.run does
        pass


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("accordingto: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
