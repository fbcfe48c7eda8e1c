"""Batch speed and memory: articles/s with 1 and 2 workers, peak memory for 1,000 vs 10,000 articles.

    .venv/bin/python benchmarks/batch.py speed  [--n 168] [--fast] [--polnear ../shared/data/polnear]
    .venv/bin/python benchmarks/batch.py memory [--sizes 1000,10000] [--workers 1] [--default]
    .venv/bin/python benchmarks/batch.py store  [--sizes 1000,10000]

The corpus is PolNeAR dev (84 articles, their outlet and date from
metadata.tsv) repeated to N articles as JSON Lines: every copy has a new id
and a closing line of its own ("Archive copy 3."), so that the store's text
hash does not take it for a duplicate. Each measurement runs ``run_batch``
in a fresh process into a fresh store, so model loading and peak memory are
those of a real ``accordingto batch`` run.

speed: the same N articles with ``--workers 1`` then ``--workers 2``:
articles/s over the whole run and with the pipeline loading left out (the
rate a long run settles at). Default mode (tagger) unless ``--fast``.

memory: fast mode (rules only) unless ``--default``; for each size, the peak
resident memory of the batch process (which writes the store; with one
worker it also analyses) and of its largest worker, and the store's size.
Memory that stays flat from 1,000 to 10,000 articles is the point: records
are streamed, at most one per worker is in flight, and DuckDB's buffer
memory is capped (128 MB, store.DEFAULT_MEMORY_LIMIT). What still grows is
the writer's transient peak while DuckDB checkpoints (every ~16 MB of
write-ahead log): it rises with the store's size and levels off at a few
thousand articles (``store --sizes 1000,10000,20000`` shows it).

store: the writing side alone, at sizes the pipeline takes too long to
reach here: PolNeAR dev is analysed once (fast), then a fresh process writes
N articles from those reports (new ids and hashes) into a fresh store, one
transaction each, and reports its peak memory and articles written per second.

Numbers depend on the machine and on what else runs on it: compare runs made
the same day on the same machine.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve()


def write_corpus(polnear: Path, n: int, path: Path) -> int:
    """N articles as JSON Lines: PolNeAR dev repeated, each copy with a new id and its own last line."""
    from accordingto.read.corpus import Failure, iter_records

    base = []
    for record in iter_records([polnear / "dev"]):
        if isinstance(record, Failure):
            continue
        text = record.data.decode("utf-8") if isinstance(record.data, bytes) else record.data
        base.append((record.id, text, record.meta))
    if not base:
        raise SystemExit(f"no PolNeAR dev texts under {polnear}")
    written = 0
    with path.open("w", encoding="utf-8") as f:
        while written < n:
            copy, i = divmod(written, len(base))
            rid, text, meta = base[i]
            line = {"id": f"{rid}#{copy}", "text": f"{text.rstrip()}\n\nArchive copy {copy}.\n", **meta}
            line.pop("split", None)
            f.write(json.dumps(line) + "\n")
            written += 1
    return written


def measure(corpus: Path, store: Path, workers: int, fast: bool) -> dict:
    """One batch in a fresh process; its summary and peak memory."""
    args = [sys.executable, str(HERE), "_run", str(corpus), str(store), str(workers)] + (["--fast"] if fast else [])
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"batch failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def peak_rss_mb() -> int:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss, not inherited from the parent over exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


class _TreeMemory:
    """Samples the memory of this process's descendants (the workers) from /proc (Linux)."""

    def __init__(self, interval: float = 0.25):
        import threading

        self.interval = interval
        self.worker_peak_kb = 0  # largest VmHWM of one descendant
        self.total_peak_kb = 0  # largest sum of VmRSS, this process and descendants
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    @staticmethod
    def _status(pid: int) -> dict[str, int]:
        out = {}
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith(("VmRSS:", "VmHWM:")):
                    out[line.split(":")[0]] = int(line.split()[1])
        except OSError:
            pass
        return out

    def _descendants(self) -> list[int]:
        parents = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                    parents[int(entry.name)] = int(fields[1])
                except (OSError, IndexError, ValueError):
                    continue
        found, frontier = [], [os.getpid()]
        while frontier:
            pid = frontier.pop()
            kids = [c for c, p in parents.items() if p == pid]
            found.extend(kids)
            frontier.extend(kids)
        return found

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            total = self._status(os.getpid()).get("VmRSS", 0)
            for pid in self._descendants():
                status = self._status(pid)
                total += status.get("VmRSS", 0)
                self.worker_peak_kb = max(self.worker_peak_kb, status.get("VmHWM", 0))
            self.total_peak_kb = max(self.total_peak_kb, total)


def _run(corpus: str, store: str, workers: int, fast: bool) -> None:
    from accordingto.corpus.batch import run_batch

    with _TreeMemory() as tree:
        summary = run_batch([corpus], store, workers=workers, fast=fast, progress=False)
    own = peak_rss_mb()
    print(
        json.dumps(
            {
                "workers": workers,
                "fast": fast,
                "analysed": summary.analysed,
                "duplicates": summary.duplicates,
                "failed": summary.failed,
                "seconds": round(summary.seconds, 1),
                "load_seconds": round(summary.load_seconds, 1),
                "articles_per_s": round(summary.analysed / summary.seconds, 2) if summary.seconds else 0,
                "articles_per_s_loaded": round(summary.per_second, 2),
                "peak_rss_batch_mb": round(own),
                "peak_rss_worker_mb": round(tree.worker_peak_kb / 1024) if workers > 1 else None,
                "peak_rss_total_mb": round(max(tree.total_peak_kb / 1024, own)),
                "store_mb": round(Path(store).stat().st_size / 2**20, 1),
            }
        )
    )


def _store(reports_path: str, store: str, n: int) -> None:
    from accordingto.corpus.store import Store, article_rows
    from accordingto.schema import Report

    reports = [Report.model_validate_json(line) for line in Path(reports_path).read_text(encoding="utf-8").splitlines()]
    t0 = time.perf_counter()
    with Store(store) as s:
        for i in range(n):
            s.write(article_rows(reports[i % len(reports)], id=f"a{i}", hash=f"{i:064x}", fast=True))
    seconds = time.perf_counter() - t0
    print(
        json.dumps(
            {
                "articles": n,
                "seconds": round(seconds, 1),
                "written_per_s": round(n / seconds, 1),
                "peak_rss_mb": peak_rss_mb(),
                "store_mb": round(Path(store).stat().st_size / 2**20, 1),
            }
        )
    )


def analysed_reports(polnear: Path, path: Path) -> None:
    """PolNeAR dev analysed once in fast mode, one report (JSON) a line."""
    from accordingto.pipeline import analyze_article
    from accordingto.read.corpus import Failure, iter_records, to_article

    with path.open("w", encoding="utf-8") as f:
        for record in iter_records([polnear / "dev"]):
            if not isinstance(record, Failure):
                f.write(analyze_article(to_article(record), fast=True).model_dump_json() + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    speed = sub.add_parser("speed", help="articles/s with 1 and 2 workers")
    speed.add_argument("--n", type=int, default=168, help="articles (default: PolNeAR dev twice)")
    speed.add_argument("--fast", action="store_true", help="rules only, no tagger")
    memory = sub.add_parser("memory", help="peak memory for several corpus sizes")
    memory.add_argument("--sizes", default="1000,10000", help="comma-separated numbers of articles")
    memory.add_argument("--workers", type=int, default=1)
    memory.add_argument("--default", action="store_true", help="default mode (tagger) instead of fast")
    for p in (speed, memory):
        p.add_argument("--polnear", type=Path, default=HERE.parents[2] / "shared" / "data" / "polnear")
        p.add_argument("--json", action="store_true", help="print the results as JSON")
    store = sub.add_parser("store", help="the writer alone: peak memory and speed for several store sizes")
    store.add_argument("--sizes", default="1000,10000", help="comma-separated numbers of articles")
    store.add_argument("--polnear", type=Path, default=HERE.parents[2] / "shared" / "data" / "polnear")
    store.add_argument("--json", action="store_true", help="print the results as JSON")
    internal = sub.add_parser("_store")  # internal: one measured writer
    internal.add_argument("reports")
    internal.add_argument("store")
    internal.add_argument("n", type=int)
    run = sub.add_parser("_run")  # internal: one measured batch
    run.add_argument("corpus")
    run.add_argument("store")
    run.add_argument("workers", type=int)
    run.add_argument("--fast", action="store_true")
    args = ap.parse_args()

    if args.command == "_run":
        _run(args.corpus, args.store, args.workers, args.fast)
        return
    if args.command == "_store":
        _store(args.reports, args.store, args.n)
        return

    results = []
    with tempfile.TemporaryDirectory(prefix="accordingto-bench-") as tmp:
        tmp = Path(tmp)
        if args.command == "speed":
            corpus = tmp / "corpus.jsonl"
            write_corpus(args.polnear, args.n, corpus)
            for workers in (1, 2):
                results.append(measure(corpus, tmp / f"w{workers}.duckdb", workers, args.fast))
        elif args.command == "store":
            reports = tmp / "reports.jsonl"
            analysed_reports(args.polnear, reports)
            for size in (int(s) for s in args.sizes.split(",")):
                done = subprocess.run(
                    [sys.executable, str(HERE), "_store", str(reports), str(tmp / f"s{size}.duckdb"), str(size)],
                    capture_output=True, text=True, check=False,
                )
                if done.returncode != 0:
                    raise SystemExit(f"store benchmark failed:\n{done.stderr}")
                results.append(json.loads(done.stdout.strip().splitlines()[-1]))
        else:
            for size in (int(s) for s in args.sizes.split(",")):
                corpus = tmp / f"corpus-{size}.jsonl"
                write_corpus(args.polnear, size, corpus)
                t0 = time.perf_counter()
                result = measure(corpus, tmp / f"n{size}.duckdb", args.workers, not args.default)
                result["wall_seconds"] = round(time.perf_counter() - t0, 1)
                results.append(result)
                corpus.unlink()
    if args.json:
        print(json.dumps(results, indent=1))
        return
    keys = list(results[0])
    print("  ".join(f"{k:>12.12s}" for k in keys))
    for r in results:
        print("  ".join(f"{str(r[k]):>12.12s}" for k in keys))


if __name__ == "__main__":
    main()
