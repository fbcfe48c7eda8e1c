"""The command line: ``accordingto analyze | predict | evaluate | train | schema | batch | findings | export``.

Every refusal is one line on stderr and a non-zero exit (2 for bad input,
3 for a broken model); never a traceback.

The commands live by group: :mod:`.analyze` (one article), :mod:`.evaluation`
(predict, evaluate, train, schema), :mod:`.corpus` (batch, findings, export,
spark, serve); :mod:`.app` holds the Typer app, its ``-v`` logging option and
the one-line refusal. They are registered here, in the order ``--help`` lists them.
"""

from __future__ import annotations

import sys

import typer

from .analyze import analyze
from .app import app
from .corpus import batch_command, export_command, findings_command, serve_command, spark_command
from .evaluation import evaluate, predict, schema, train

# The commands in the order ``accordingto --help`` lists them.
app.command()(analyze)
app.command()(predict)
app.command()(evaluate)
app.command()(train)
app.command()(schema)
app.command("batch")(batch_command)
app.command("findings")(findings_command)
app.command("export")(export_command)
app.command("spark")(spark_command)
app.command("serve")(serve_command)

__all__ = ["app", "main"]


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("accordingto: interrupted", err=True)
        sys.exit(130)
