"""The commands of evaluation and training: ``predict``, ``evaluate``, ``train`` and ``schema``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from ..errors import AccordingtoError
from ..training import defaults
from .app import fail


def _article_files(directory: Path) -> list[Path]:
    from ..read.walk import files

    root = directory / "text" if (directory / "text").is_dir() else directory
    try:
        return files(root, ".txt")
    except AccordingtoError as err:
        fail(str(err), err.exit_code)


def _subset(files: list[Path], subset: str) -> list[Path]:
    from ..read.polnear import SUBSETS, select

    if subset not in SUBSETS:
        fail(f"--subset must be one of {', '.join(SUBSETS)}, not {subset!r}")
    keep = select([f.stem for f in files], subset)
    return [f for f in files if f.stem in keep]


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

    from ..corpus.worker import ArticleTimeout, deadline, timeout_reason

    from ..exchange import to_prediction
    from ..pipeline import analyze_article
    from ..read import read_path

    if not directory.is_dir():
        fail(f"{directory} is not a folder")
    files = _article_files(directory)
    if not files:
        fail(f"no .txt files in {directory}")
    files = _subset(files, subset)
    failed = 0
    try:
        sink = out.open("w", encoding="utf-8")
    except OSError as err:
        fail(f"cannot write {out}: {err.strerror or err}", 1)
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
    from ..evaluation.cofenet import gold_instances, score_cofenet
    from ..evaluation.extraction import score_predictions
    from ..evaluation.predictions import read_predictions
    from ..evaluation.scores import format_scores
    from ..read.polnear import SUBSETS, select, text_files

    if subset not in SUBSETS:
        fail(f"--subset must be one of {', '.join(SUBSETS)}, not {subset!r}")
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
        fail(str(err), err.exit_code)
    except (OSError, ValueError) as err:
        fail(str(err))
    if json_out:
        typer.echo(json.dumps(scores, indent=1))
    else:
        for name, s in scores.items():
            typer.echo(format_scores(s))
            typer.echo("")


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
    from ..training.fit import export, fit, prepare

    if weights is not None:
        if not (weights / "fit.json").is_file():
            fail(f"{weights} holds no trained weights (fit.json is missing)")
        try:
            typer.echo(f"exported → {export(weights, out)}", err=True)
        except AccordingtoError as err:
            fail(str(err), err.exit_code)
        except ImportError as err:
            fail(f"exporting needs the train extra ({err.name} is missing): run `make train`", 3)
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
        fail(str(err), err.exit_code)
    except ImportError as err:
        fail(f"training needs the train extra ({err.name} is missing): run `make train`", 3)


def schema() -> None:
    """Print the JSON Schema of the report."""
    from ..schema import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))
