"""The batch's worker processes, seen from the batch: started, given a record, timed, restarted, stopped.

What a worker does with its record, and the messages on its pipe, are :mod:`.worker`'s.
"""

from __future__ import annotations

import multiprocessing
import time

from .worker import worker_main


class WorkerError(RuntimeError):
    """A worker process could not start."""


def mp_context():
    """forkserver where there is one (safe with the threads of DuckDB and rich), else spawn."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


class WorkerProcess:
    """One worker process and the record it is analysing."""

    def __init__(self, ctx, to_article, fast: bool, gender_overrides: dict[str, str] | None = None):
        self.ctx = ctx
        self.to_article = to_article
        self.fast = fast
        self.gender_overrides = gender_overrides
        self._start()

    def _start(self) -> None:
        self.conn, child = self.ctx.Pipe(duplex=True)
        self.process = self.ctx.Process(target=worker_main, args=(child, self.to_article, self.fast, self.gender_overrides), daemon=True)
        self.process.start()
        child.close()
        self.ready = False
        self.record = None
        self.since = 0.0

    def assign(self, record) -> None:
        self.record = record
        self.since = time.monotonic()
        self.conn.send(("task", record))

    def deadline(self, timeout: float | None) -> float:
        return self.since + (timeout or float("inf"))

    def restart(self) -> None:
        self.kill()
        self._start()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()

    def stop(self) -> None:
        try:
            if self.process.is_alive() and self.record is None:
                self.conn.send(None)
                self.process.join(timeout=5)
        except OSError:
            pass
        self.kill()
