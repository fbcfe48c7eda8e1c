"""The command line's Typer app: its root options (-v for logging) and the one-line refusal every command uses."""

from __future__ import annotations

import logging
import sys

import typer

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


def fail(message: str, code: int = 2) -> None:
    """One line on stderr, ``accordingto: …``, and exit with ``code`` (never a traceback)."""
    typer.echo(f"accordingto: {message}", err=True)
    raise typer.Exit(code)
