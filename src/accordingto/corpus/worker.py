"""One record → the rows of one article: the work done for each article of a batch.

:func:`process_record` runs in the batch's own process (one worker) or in
worker processes (:func:`worker_main`, several workers); either way the
writing stays with the batch process. A worker loads the pipeline once, then
answers one task at a time over its pipe::

    batch → worker   ("task", record) | ("known", bool) | None (stop)
    worker → batch   ("ready",) | ("fatal", message)
                     ("hash", digest)      is this text already stored?
                     ("result", outcome)   see process_record
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from collections.abc import Callable
from contextlib import contextmanager
from typing import Any

from ..errors import InputError
from .rows import ArticleRows, article_rows, text_hash

# Outcomes: ("done", ArticleRows) | ("duplicate", None) | ("failed", reason)
Outcome = tuple[str, Any]

log = logging.getLogger(__name__)

WARMUP_TEXT = 'The mayor said the plan works. "It is ready," she told reporters on Tuesday.'


class ArticleTimeout(Exception):
    """The analysis of one article took longer than the batch allows."""


def timeout_reason(seconds: float) -> str:
    return f"timed out after {seconds:g} s"


def failure_reason(error: BaseException) -> str:
    """One line saying why an article failed."""
    from ..read.records import one_line

    if isinstance(error, InputError):
        return one_line(error)
    return one_line(f"{type(error).__name__}: {error}")


def load_pipeline(fast: bool) -> None:
    """Load spaCy (and the tagger, unless ``fast``) now rather than on the first article."""
    from ..pipeline import analyze_article
    from ..read import Article

    log.info("loading the pipeline (%s)", "rules only" if fast else "rules and the tagger")
    analyze_article(Article(text=WARMUP_TEXT), fast=fast)


def process_record(
    record,
    to_article: Callable,
    *,
    fast: bool = False,
    is_known: Callable[[str], bool] | None = None,
    timeout: float | None = None,
    gender_overrides: dict[str, str] | None = None,
) -> Outcome:
    """Read, check, analyse one record and build its rows; never raises for a bad article.

    ``is_known(text_hash)`` says whether the same text is already stored (or
    being analysed): the article is then a duplicate and is not analysed.
    ``timeout`` (seconds) is enforced here with SIGALRM when this is the main
    thread of a Unix process; worker processes are timed by the batch instead.
    """
    from ..pipeline import analyze_article

    try:
        with deadline(timeout):
            article = to_article(record)
            if article.meta.id is None:
                article.meta.id = record.id
            digest = text_hash(article.text)
            if is_known is not None and is_known(digest):
                return ("duplicate", None)
            report = analyze_article(article, fast=fast, gender_overrides=gender_overrides)
            rows: ArticleRows = article_rows(report, id=record.id, source=record.source, fast=fast, hash=digest)
    except ArticleTimeout:
        return ("failed", timeout_reason(timeout or 0))
    except Exception as error:  # noqa: BLE001 - a failing article must not stop the batch
        log.debug("record %s failed", record.id, exc_info=True)
        return ("failed", failure_reason(error))
    return ("done", rows)


@contextmanager
def deadline(seconds: float | None):
    """Raise :class:`ArticleTimeout` in the block after ``seconds`` (main thread on Unix only; else no limit)."""
    usable = (
        seconds
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def on_alarm(signum, frame):
        raise ArticleTimeout

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def serve_tasks(conn, fast: bool, handle: Callable) -> None:
    """The life of a worker process (batch or server): load the pipeline once, say "ready", then
    answer each message with ``handle(payload)`` until told to stop (``None``) or the other end is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    try:
        load_pipeline(fast)
    except Exception as error:  # noqa: BLE001 - reported to the parent, which stops
        _send(conn, ("fatal", failure_reason(error)))
        return
    if not _send(conn, ("ready",)):
        return
    while True:
        try:
            message = conn.recv()
            if message is None:
                return
            reply = handle(message[1])
        except (EOFError, OSError):
            return  # the parent is gone
        if not _send(conn, reply):
            return


def worker_main(conn, to_article: Callable, fast: bool, gender_overrides: dict[str, str] | None = None) -> None:
    """A batch worker process: analyse records until told to stop."""

    def is_known(digest: str) -> bool:
        if not _send(conn, ("hash", digest)):
            raise SystemExit(0)
        reply = conn.recv()
        return bool(reply and reply[1])

    serve_tasks(conn, fast, lambda record: ("result", process_record(record, to_article, fast=fast, is_known=is_known, gender_overrides=gender_overrides)))


def _send(conn, message) -> bool:
    try:
        conn.send(message)
    except (OSError, EOFError):  # BrokenPipeError: the batch is gone
        return False
    return True
