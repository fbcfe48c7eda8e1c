"""The analyses of the HTTP service, in worker processes that can be killed.

The server process never runs the pipeline itself: reading (decoding,
HTML extraction, the language check) and the analysis run in worker
processes, each of which loads the pipeline once (as the batch workers of
:mod:`accordingto.corpus.worker` do, with the same warm-up). An analysis that
takes longer than the timeout has its worker killed and a fresh one started,
so a pathological input costs one worker restart, never the server.

:class:`AnalysisPool` has one thread per worker process, started on first
use; requests beyond the workers queue (up to ``max_waiting`` of them) for
the next free one, and the timeout counts from when the worker takes the
task. Protocol over each worker's pipe::

    server → worker   ("task", Task) | None (stop)
    worker → server   ("ready",) | ("fatal", message)
                      ("ok", json_text) | ("error", http_status, message)
"""

from __future__ import annotations

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

# How long a fresh worker may take to load the pipeline before requests give up on it.
LOAD_TIMEOUT_S = 300.0


@dataclass
class Task:
    """One analysis: the input and what to do with it (picklable, sent to a worker)."""

    data: str | bytes
    format: str = "auto"  # auto, text or html: as read_input takes it
    mode: str = "report"  # report: Report JSON; predict: exchange record
    fast: bool = False
    clean: bool = True
    url: str | None = None
    published: str | None = None  # ISO date, already checked
    meta: dict[str, str] = field(default_factory=dict)  # id, title, outlet: set on ArticleMeta after reading
    gender_overrides: dict[str, str] | None = None  # the server's --gender-overrides, as load_overrides gives them


class AnalysisError(Exception):
    """An analysis that did not give a report: the HTTP status to answer with and a one-line message."""

    def __init__(self, status: int, detail: str):
        super().__init__(detail)
        self.status = status
        self.detail = detail


# --- the worker process ---------------------------------------------------------------------


def run_task(task: Task) -> tuple:
    """Read and analyse one task in this process: ``("ok", json)`` or ``("error", status, message)``."""
    import json

    from ..corpus.worker import failure_reason
    from ..errors import AccordingtoError, InputError, InputTooLargeError, ModelError
    from ..exchange import to_prediction
    from ..pipeline import analyze_article
    from ..read import read_input

    try:
        article = read_input(task.data, format=task.format, url=task.url, clean=task.clean)
        if task.published:
            article.meta.published = task.published
        for key, value in task.meta.items():
            if value is not None:
                setattr(article.meta, key, value)
        report = analyze_article(article, fast=task.fast, gender_overrides=task.gender_overrides)
        if task.mode == "predict":
            return ("ok", json.dumps(to_prediction(task.meta.get("id") or "article", report), ensure_ascii=False))
        return ("ok", report.model_dump_json())
    except InputTooLargeError as error:
        return ("error", 413, failure_reason(error))
    except InputError as error:
        return ("error", 422, failure_reason(error))
    except ModelError as error:
        return ("error", 500, failure_reason(error))
    except AccordingtoError as error:
        return ("error", 422, failure_reason(error))
    except Exception as error:  # noqa: BLE001 - one line back to the server, never a traceback
        return ("error", 500, f"analysis failed: {failure_reason(error)}")


def worker_main(conn) -> None:
    """A worker process: load the pipeline once (the tagger too: default and fast requests share
    the worker), then analyse tasks until told to stop."""
    from ..corpus.worker import serve_tasks

    serve_tasks(conn, False, run_task)


# --- the server side ----------------------------------------------------------------------


def _mp_context():
    from ..corpus.batch import _mp_context as batch_context

    return batch_context()


class _Worker:
    """One worker process, used by one thread of the pool at a time."""

    def __init__(self, pool: AnalysisPool):
        self.pool = pool
        self.process = None
        self.conn = None
        self.ready = False

    def start(self) -> None:
        ctx = self.pool.context
        self.conn, child = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=worker_main, args=(child,), daemon=True, name="accordingto-analysis")
        self.process.start()
        child.close()
        self.ready = False
        self.pool.started += 1

    def kill(self) -> None:
        if self.process is None:
            return
        try:
            if self.process.is_alive():
                self.process.kill()
            self.process.join(timeout=10)
        except (AssertionError, ValueError, OSError):  # never started, or already closed
            pass
        try:
            self.conn.close()
        except OSError:
            pass
        self.process = None
        self.ready = False

    def restart(self) -> None:
        self.kill()
        if not self.pool.closed:
            self.start()  # loads while the slot waits for its next task

    def stop(self) -> None:
        """Ask an idle worker to exit, then make sure it has."""
        if self.process is not None and self.process.is_alive() and self.ready:
            try:
                self.conn.send(None)
                self.process.join(timeout=2)
            except OSError:
                pass
        self.kill()

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + LOAD_TIMEOUT_S
        while not self.ready:
            remaining = deadline - time.monotonic()
            try:
                if remaining <= 0 or not self.conn.poll(remaining):
                    self.kill()
                    raise AnalysisError(503, f"the analysis process did not load within {LOAD_TIMEOUT_S:g} s")
                message = self.conn.recv()
            except (EOFError, OSError):
                code = self.process.exitcode if self.process is not None else None
                self.kill()
                if self.pool.closed:
                    raise AnalysisError(503, "the server is shutting down") from None
                raise AnalysisError(500, f"the analysis process died while loading (exit code {code})") from None
            if message[0] == "ready":
                self.ready = True
            elif message[0] == "fatal":
                self.kill()
                raise AnalysisError(500, f"the analysis pipeline cannot be loaded: {message[1]}")

    def run(self, task: Task, timeout_s: float) -> str:
        """The task's JSON, or :class:`AnalysisError`; on timeout the worker is killed and replaced."""
        if self.pool.closed:
            raise AnalysisError(503, "the server is shutting down")
        if self.process is None or not self.process.is_alive():
            self.kill()
            self.start()
        self._wait_ready()
        try:
            self.conn.send(("task", task))
            if not self.conn.poll(timeout_s if timeout_s > 0 else None):
                self.pool.timeouts += 1
                self.restart()
                raise AnalysisError(503, f"analysis took longer than {timeout_s:g} s; cut off")
            message = self.conn.recv()
        except (EOFError, OSError):
            code = self.process.exitcode if self.process is not None else None
            if self.pool.closed:
                self.kill()
                raise AnalysisError(503, "the server is shutting down") from None
            self.restart()
            raise AnalysisError(500, f"the analysis process died (exit code {code})") from None
        if message[0] == "ok":
            return message[1]
        raise AnalysisError(message[1], message[2])


class AnalysisPool:
    """``workers`` analysis processes behind a queue; started on first use, closed by :meth:`close`."""

    def __init__(self, workers: int = 1, timeout_s: float = 60.0, *, max_waiting: int | None = None):
        self.workers = max(1, int(workers))
        self.timeout_s = float(timeout_s)
        self.max_waiting = max_waiting if max_waiting is not None else max(64, 16 * self.workers)
        self.closed = False
        self.started = 0  # worker processes started (restarts included)
        self.timeouts = 0
        self._context = None
        self._executor: ThreadPoolExecutor | None = None
        self._local = threading.local()
        self._slots: list[_Worker] = []
        self._lock = threading.Lock()
        self._pending = 0

    @property
    def context(self):
        if self._context is None:
            self._context = _mp_context()
        return self._context

    @property
    def pending(self) -> int:
        """Tasks running or waiting."""
        return self._pending

    def _slot(self) -> _Worker:
        slot = getattr(self._local, "slot", None)
        if slot is None:
            slot = self._local.slot = _Worker(self)
            with self._lock:
                self._slots.append(slot)
        return slot

    def _run(self, task: Task) -> str:
        return self._slot().run(task, self.timeout_s)

    def _done(self, _future) -> None:
        with self._lock:
            self._pending -= 1

    async def analyse(self, task: Task) -> str:
        """Run ``task`` in a worker when one is free: its JSON, or :class:`AnalysisError`."""
        with self._lock:
            if self.closed:
                raise AnalysisError(503, "the server is shutting down")
            if self._pending >= self.workers + self.max_waiting:
                raise AnalysisError(503, f"the server is busy ({self._pending} analyses running or waiting); try again later")
            if self._executor is None:
                self._executor = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="accordingto-analysis")
            self._pending += 1
            future = self._executor.submit(self._run, task)
        future.add_done_callback(self._done)
        # Cancelling the request (the client went away) drops a task still waiting;
        # a running one finishes (or times out) in its thread and frees its worker then.
        return await asyncio.wrap_future(future)

    def close(self) -> None:
        """Stop every worker process; tasks still waiting are dropped."""
        with self._lock:
            self.closed = True
            executor, self._executor = self._executor, None
            slots = list(self._slots)
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)
        for slot in slots:
            slot.stop()
