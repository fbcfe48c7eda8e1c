"""The batch's progress bar on stderr: articles done, articles per second, and an ETA once the inputs are counted."""

from __future__ import annotations

import threading
import time


class BatchProgress:
    """A rich progress bar on stderr: articles done, articles/s, ETA once the inputs are counted.

    The total comes from a second pass over the inputs in a background thread
    (records are only counted, one at a time), so the run itself never waits
    for it; it is skipped for standard input, which can be read only once.
    """

    def __init__(self, inputs: list[str], corpus, *, enabled: bool):
        self.enabled = enabled
        self.inputs = inputs
        self.corpus = corpus
        self.progress = None
        self.task = None
        self._stop = threading.Event()

    def __enter__(self) -> BatchProgress:
        if not self.enabled:
            return self
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self.progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self.progress.start()
        self.task = self.progress.add_task("loading", total=None, rate="")
        self.analysed = 0
        self.t0 = time.perf_counter()
        if "-" not in self.inputs:
            threading.Thread(target=self._count, daemon=True).start()
        return self

    def _count(self) -> None:
        n = 0
        try:
            for _ in self.corpus.iter_records(self.inputs):
                n += 1
                if self._stop.is_set():
                    return
        except Exception:  # noqa: BLE001 - the bar just has no total
            return
        if self.progress is not None and not self._stop.is_set():
            self.progress.update(self.task, total=n)

    def start_timing(self) -> None:
        self.t0 = time.perf_counter()
        if self.progress is not None:
            self.progress.update(self.task, description="analysing")

    def advance(self, analysed: bool = False) -> None:
        if self.progress is None:
            return
        if analysed:
            self.analysed += 1
        elapsed = time.perf_counter() - self.t0
        rate = f"{self.analysed / elapsed:.1f} articles/s" if elapsed > 0 and self.analysed else ""
        self.progress.update(self.task, advance=1, rate=rate)

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self.progress is not None:
            self.progress.stop()
