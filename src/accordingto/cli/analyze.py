"""``accordingto analyze``: one article, its sourcing in the terminal or as JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..errors import AccordingtoError
from .app import fail


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
    from ..corpus.worker import ArticleTimeout, deadline, timeout_reason
    from ..analyse.gender import load_overrides
    from ..pipeline import analyze_article, iso_date
    from ..read import read_path

    try:
        overrides = load_overrides(gender_overrides)
        with deadline(timeout):
            article = read_path(path, format=format)
            if published:
                article.meta.published = iso_date(published)
            report = analyze_article(article, fast=fast, gender_overrides=overrides)
    except AccordingtoError as err:
        fail(str(err), err.exit_code)
    except ArticleTimeout:
        fail(f"the analysis {timeout_reason(timeout)}: the input is too long or too unusual for that limit", 1)
    if json_out:
        typer.echo(report.model_dump_json(indent=2))
    else:
        from ..render.terminal import print_report

        print_report(report)
