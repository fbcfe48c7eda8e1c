"""Batch analysis: every article of some inputs into the store, resumably.

:func:`run_batch` streams records from :func:`accordingto.read.corpus.iter_records`
(never the whole corpus in memory), skips those already stored, analyses the
rest and writes each article in one transaction. Killed at any moment
(SIGKILL included), the same command run again finishes the job with every
article stored exactly once: stored ids are skipped, and a half-written
article was never committed.

With ``workers > 1`` the analysis runs in worker processes (each loads the
pipeline once) and only this process writes. Each worker holds one task at a
time, so at most ``workers`` records are in flight and memory stays flat
whatever the size of the corpus. An article that fails (unreadable, not
English, an exception in the pipeline, a worker that dies, or a timeout) is
written to ``failures`` with its reason and the run goes on; failures are
tried again by the next run.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import wait
from pathlib import Path

from .connection import StoreError
from .processes import WorkerError, WorkerProcess
from .processes import mp_context as _mp_context  # the web's analysis pool starts its processes alike
from .progress import BatchProgress
from .rows import text_hash
from .store import Store
from .worker import load_pipeline, process_record, timeout_reason

log = logging.getLogger(__name__)

__all__ = ["CHANGED_REASON", "DEFAULT_TIMEOUT", "Summary", "WorkerError", "run_batch"]

DEFAULT_TIMEOUT = 60.0
CHANGED_REASON = (
    "changed: an article with this id is already stored with a different text; the stored one is kept"
    " (analyse the new text under another id, or into a new store)"
)


@dataclass
class Summary:
    """What a batch did."""

    analysed: int = 0
    duplicates: int = 0
    failed: int = 0
    changed: int = 0  # an id already stored, with another text: the stored article is kept
    seconds: float = 0.0
    load_seconds: float = 0.0  # of ``seconds``: loading the pipeline / starting the workers

    @property
    def per_second(self) -> float:
        """Articles analysed per second, pipeline loading left out."""
        busy = self.seconds - self.load_seconds
        return self.analysed / busy if busy > 0 else 0.0

    def __str__(self) -> str:
        changed = (
            f", {self.changed:,} changed (id already stored with another text; the stored article kept, see failures)"
            if self.changed
            else ""
        )
        return (
            f"{self.analysed:,} analysed, {self.duplicates:,} duplicates, {self.failed:,} failed{changed}"
            f" in {self.seconds:.1f} s ({self.per_second:.1f} articles/s)"
        )


def _corpus():
    from ..read import corpus

    return corpus


def run_batch(
    inputs: Iterable[str | Path],
    store_path: str | Path,
    *,
    workers: int = 1,
    fast: bool = False,
    progress: bool = True,
    timeout: float | None = DEFAULT_TIMEOUT,
    gender_overrides: dict[str, str] | None = None,
) -> Summary:
    """Analyse every article of ``inputs`` into the store at ``store_path`` (created if missing).

    ``inputs``: paths (folders, JSON Lines, WARC, feeds, files, ``-``) as
    :func:`~accordingto.read.corpus.iter_records` reads them. ``workers``: 1
    analyses in this process; more start that many worker processes.
    ``timeout``: seconds one article may take (None: no limit). ``progress``
    shows a bar on stderr. Articles whose id or text is already stored count
    as duplicates. ``gender_overrides``: as
    :func:`accordingto.analyse.gender.load_overrides` returns them.
    """
    inputs = [str(i) for i in inputs]
    corpus = _corpus()
    started = time.perf_counter()
    summary = Summary()
    with Store(store_path) as store, BatchProgress(inputs, corpus, enabled=progress) as bar:
        runner = _Runner(
            store, summary, bar, corpus.to_article, fast=fast, timeout=timeout, gender_overrides=gender_overrides
        )
        records = corpus.iter_records(inputs)
        try:
            if workers <= 1:
                runner.run_inline(records, started)
            else:
                runner.run_pool(records, workers, started)
        finally:
            summary.seconds = time.perf_counter() - started
    return summary


class _Runner:
    def __init__(
        self,
        store: Store,
        summary: Summary,
        bar: BatchProgress,
        to_article,
        *,
        fast: bool,
        timeout: float | None,
        gender_overrides: dict[str, str] | None = None,
    ):
        self.store = store
        self.gender_overrides = gender_overrides
        self.summary = summary
        self.bar = bar
        self.to_article = to_article
        self.fast = fast
        self.timeout = timeout if timeout and timeout > 0 else None
        self.in_flight_ids: set[str] = set()
        self.in_flight_hashes: dict[str, str] = {}  # record id → text hash claimed by it

    # --- what every record goes through, inline or not --------------------------------------

    def next_record(self, records: Iterator):
        """The next record to analyse; failures and already stored ids are dealt with on the way."""
        corpus_failure = _corpus().Failure
        for item in records:
            if isinstance(item, corpus_failure):
                self.fail(item.id, item.source, item.reason)
                continue
            if item.id in self.in_flight_ids or self.store.has_id(item.id):
                if item.id not in self.in_flight_ids and self.changed(item):
                    continue
                self.summary.duplicates += 1
                self.bar.advance()
                continue
            return item
        return None

    def changed(self, record) -> bool:
        """An id already stored whose text is not the stored one: recorded in failures (and counted), never dropped as a duplicate."""
        try:
            article = self.to_article(record)
        except Exception:  # noqa: BLE001 - unreadable now: the stored article stands, as a duplicate would
            return False
        stored = self.store.hash_of(record.id)
        if stored is None or stored == text_hash(article.text):
            return False
        self.record_failure(record.id, record.source, CHANGED_REASON)
        self.summary.changed += 1
        self.bar.advance()
        return True

    def record_failure(self, id: str | None, source: str | None, reason: str) -> None:
        """Into the store's failures, and a warning in the log."""
        log.warning("article %s (%s) failed: %s", id, source, reason)
        self.store.add_failure(id, source, reason)

    def fail(self, id: str | None, source: str | None, reason: str) -> None:
        self.record_failure(id, source, reason)
        self.summary.failed += 1
        self.bar.advance()

    def finish(self, record, outcome) -> None:
        status, value = outcome
        if status == "done":
            try:
                written = self.store.write(value)
            except StoreError as error:
                status, value = "failed", str(error)
            else:
                self.summary.analysed += written
                self.summary.duplicates += not written
        if status == "duplicate":
            self.summary.duplicates += 1
        elif status == "failed":
            self.record_failure(record.id, record.source, value)
            self.summary.failed += 1
        self.bar.advance(analysed=status == "done")

    def is_known(self, record_id: str, digest: str) -> bool:
        if digest in self.in_flight_hashes.values() or self.store.has_hash(digest):
            return True
        self.in_flight_hashes[record_id] = digest
        return False

    # --- one process ---------------------------------------------------------------------

    def run_inline(self, records: Iterator, started: float) -> None:
        first = self.next_record(records)
        if first is None:
            return
        records = itertools.chain([first], records)
        load_pipeline(self.fast)  # a broken model stops the batch here, not as a failure per article
        self.summary.load_seconds = time.perf_counter() - started
        self.bar.start_timing()
        while (record := self.next_record(records)) is not None:
            outcome = process_record(
                record,
                self.to_article,
                fast=self.fast,
                is_known=lambda digest: self.store.has_hash(digest),
                timeout=self.timeout,
                gender_overrides=self.gender_overrides,
            )
            self.finish(record, outcome)

    # --- worker processes -----------------------------------------------------------------

    def run_pool(self, records: Iterator, n_workers: int, started: float) -> None:
        first = self.next_record(records)
        if first is None:  # everything stored already (a finished run, run again): no worker needed
            return
        records = itertools.chain([first], records)
        ctx = _mp_context()
        pool = [WorkerProcess(ctx, self.to_article, self.fast, self.gender_overrides) for _ in range(n_workers)]
        exhausted = False
        loading = True
        try:
            while True:
                if loading and any(w.ready for w in pool):
                    loading = False
                    self.summary.load_seconds = time.perf_counter() - started
                    self.bar.start_timing()
                exhausted = self._feed(pool, records, exhausted)
                if exhausted and all(w.record is None for w in pool):
                    break
                deadlines = [w.deadline(self.timeout) for w in pool if w.record is not None]
                wait_for = min(deadlines) - time.monotonic() if deadlines and self.timeout else 1.0
                ready = wait([c for w in pool for c in (w.conn, w.process.sentinel)], timeout=max(0.0, min(wait_for, 1.0)))
                to_write = []
                for w in pool:
                    if w.conn in ready or w.process.sentinel in ready:
                        to_write.extend(self._serve(w, pool))
                for w in pool:
                    if w.record is not None and self.timeout and time.monotonic() > w.deadline(self.timeout):
                        record = w.record
                        w.restart()
                        to_write.append((record, ("failed", timeout_reason(self.timeout))))
                exhausted = self._feed(pool, records, exhausted)  # keep the workers busy while writing
                for record, outcome in to_write:
                    self.finish(record, outcome)
                    self.in_flight_ids.discard(record.id)
                    self.in_flight_hashes.pop(record.id, None)
        finally:
            for w in pool:
                w.stop()

    def _feed(self, pool: list[WorkerProcess], records: Iterator, exhausted: bool) -> bool:
        """Give every idle worker a record; True once the records have run out."""
        for w in pool:
            if exhausted:
                break
            if w.ready and w.record is None:
                record = self.next_record(records)
                if record is None:
                    return True
                w.assign(record)
                self.in_flight_ids.add(record.id)
        return exhausted

    def _serve(self, w: WorkerProcess, pool: list[WorkerProcess]) -> list:
        """Read what a worker said; the finished (record, outcome) pairs."""
        done = []
        while True:
            try:
                if not w.conn.poll():
                    if not w.process.is_alive():
                        raise EOFError
                    break
                message = w.conn.recv()
            except (EOFError, OSError):
                code = w.process.exitcode
                record = w.record
                if not w.ready:
                    raise WorkerError("a worker process died while loading the pipeline") from None
                w.restart()
                if record is not None:
                    done.append((record, ("failed", f"the worker process died (exit code {code})")))
                return done
            kind = message[0]
            if kind == "ready":
                w.ready = True
            elif kind == "fatal":
                raise WorkerError(f"a worker could not load the pipeline: {message[1]}")
            elif kind == "hash":
                try:
                    w.conn.send(("known", self.is_known(w.record.id, message[1])))
                except OSError:  # it died: the next poll finds out
                    pass
            elif kind == "result":
                done.append((w.record, message[1]))
                w.record = None
        return done
