"""Load on the HTTP service: requests/s, latency and the server's memory under concurrent analyses.

    .venv/bin/python benchmarks/load.py [--seconds 60] [--concurrency 4] [--workers 1] [--fast] [--json]

Starts ``accordingto serve`` as a subprocess on a free loopback port, waits
for ``/api/info``, warms the analysis workers up (one request each: their
pipeline loads, not counted), then for ``--seconds`` keeps ``--concurrency``
requests in flight: ``POST /api/analyze`` with JSON ``{"text": …}``, the
texts taken in turn from the bundled example and PolNeAR dev
(``../shared/data/polnear/dev/text``, when it is there). Reports requests/s,
latency p50/p90/p99/max, errors (any answer but 200, or a failed request:
the exit status is 1 when there is one) and the peak resident memory of the
server's process tree (the server, its analysis workers and
multiprocessing's helpers), sampled every 0.2 s with psutil when it is
installed, else from /proc. The server is stopped with SIGINT at the end.

Numbers depend on the machine and on what else runs on it: compare runs
made the same day on the same machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "riverside-library-closure.txt"
POLNEAR_DEV = ROOT.parent / "shared" / "data" / "polnear" / "dev"


def texts(polnear: Path | None) -> list[tuple[str, str]]:
    """(name, text) pairs: the example, then PolNeAR dev's articles when there."""
    out = [(EXAMPLE.name, EXAMPLE.read_text(encoding="utf-8"))]
    if polnear is not None:
        folder = polnear / "text" if (polnear / "text").is_dir() else polnear
        out += [(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_command() -> list[str]:
    script = Path(sys.executable).parent / "accordingto"
    return [str(script)] if script.exists() else [sys.executable, "-m", "accordingto.cli"]


# --- memory of a process tree -------------------------------------------------------------------


def _tree_rss_proc(root: int) -> dict[int, int]:
    """pid → resident bytes for ``root`` and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    rss = {}
    todo = [root]
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        rss[pid] = int(line.split()[1]) * 1024
                        break
        except OSError:
            continue
        todo.extend(children.get(pid, ()))
    return rss


def tree_rss(root: int) -> dict[int, int]:
    try:
        import psutil
    except ImportError:
        return _tree_rss_proc(root)
    try:
        parent = psutil.Process(root)
        procs = [parent, *parent.children(recursive=True)]
    except psutil.Error:
        return {}
    rss = {}
    for p in procs:
        try:
            rss[p.pid] = p.memory_info().rss
        except psutil.Error:
            pass
    return rss


class MemorySampler(threading.Thread):
    """Peak total RSS of a process tree, and the peak of its largest process, sampled every ``every`` s."""

    def __init__(self, root: int, every: float = 0.2):
        super().__init__(daemon=True)
        self.root, self.every = root, every
        self.peak_total = 0
        self.peak_process = 0
        self.processes = 0
        self.stop_event = threading.Event()

    def run(self) -> None:
        while not self.stop_event.is_set():
            rss = tree_rss(self.root)
            if rss:
                self.peak_total = max(self.peak_total, sum(rss.values()))
                self.peak_process = max(self.peak_process, max(rss.values()))
                self.processes = max(self.processes, len(rss))
            self.stop_event.wait(self.every)

    def stop(self) -> None:
        self.stop_event.set()
        self.join()


# --- the load ----------------------------------------------------------------------------------


async def load(base: str, corpus: list[tuple[str, str]], *, seconds: float, concurrency: int, fast: bool, warm: int) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    counter = 0
    limits = httpx.Limits(max_connections=concurrency + warm, max_keepalive_connections=concurrency + warm)
    async with httpx.AsyncClient(base_url=base, timeout=300, limits=limits) as client:
        t0 = time.perf_counter()
        warmup = await asyncio.gather(
            *(client.post("/api/analyze", json={"text": corpus[0][1], "fast": fast}) for _ in range(warm))
        )
        warm_s = time.perf_counter() - t0
        for r in warmup:
            if r.status_code != 200:
                errors.append(f"warm-up: {r.status_code} {r.text[:200]}")

        deadline = time.perf_counter() + seconds

        async def one_client() -> None:
            nonlocal counter
            while time.perf_counter() < deadline:
                name, text = corpus[counter % len(corpus)]
                counter += 1
                start = time.perf_counter()
                try:
                    r = await client.post("/api/analyze", json={"text": text, "fast": fast})
                except httpx.HTTPError as error:
                    errors.append(f"{name}: {type(error).__name__}: {error}")
                    continue
                latencies.append(time.perf_counter() - start)
                if r.status_code != 200:
                    errors.append(f"{name}: {r.status_code} {r.text[:200]}")

        started = time.perf_counter()
        await asyncio.gather(*(one_client() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return {"latencies": latencies, "errors": errors, "elapsed": elapsed, "warm_s": warm_s}


def percentile(sorted_values: list[float], q: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    if not sorted_values:
        return float("nan")
    rank = max(1, min(len(sorted_values), round(q / 100 * len(sorted_values) + 0.5)))
    return sorted_values[rank - 1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to keep the load on (default 60)")
    parser.add_argument("--concurrency", type=int, default=4, help="requests in flight at once (default 4)")
    parser.add_argument("--workers", type=int, default=1, help="serve --workers: analysis processes (default 1)")
    parser.add_argument("--fast", action="store_true", help="send fast=true (rules only)")
    parser.add_argument("--timeout", type=float, default=60.0, help="serve --timeout (default 60)")
    parser.add_argument("--polnear", type=Path, default=POLNEAR_DEV, help="PolNeAR dev folder (skipped when missing)")
    parser.add_argument("--json", action="store_true", help="also print the results as one JSON object")
    args = parser.parse_args(argv)

    corpus = texts(args.polnear if args.polnear and args.polnear.is_dir() else None)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [*serve_command(), "serve", "--host", "127.0.0.1", "--port", str(port),
               "--workers", str(args.workers), "--timeout", str(args.timeout)]  # fmt: skip
    log = tempfile.TemporaryFile("w+")  # the server's output, shown if it fails
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, text=True)
    sampler = MemorySampler(server.pid)
    sampler.start()
    try:
        t0 = time.perf_counter()
        while True:
            if server.poll() is not None:
                log.seek(0)
                print(f"the server exited with {server.returncode}:\n{log.read()[-4000:]}", file=sys.stderr)
                return 1
            try:
                if httpx.get(f"{base}/api/info", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.perf_counter() - t0 > 60:
                print("the server did not answer /api/info within 60 s", file=sys.stderr)
                return 1
            time.sleep(0.1)
        up_s = time.perf_counter() - t0
        result = asyncio.run(
            load(base, corpus, seconds=args.seconds, concurrency=args.concurrency, fast=args.fast, warm=args.workers)
        )
    finally:
        sampler.stop()
        if server.poll() is None:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        log.close()

    lat = sorted(result["latencies"])
    n = len(lat)
    summary = {
        "command": " ".join(["benchmarks/load.py", *(argv if argv is not None else sys.argv[1:])]),
        "server": " ".join(["accordingto", *command[len(serve_command()):]]),
        "texts": len(corpus),
        "mode": "fast" if args.fast else "default",
        "workers": args.workers,
        "concurrency": args.concurrency,
        "seconds": round(result["elapsed"], 1),
        "requests": n,
        "requests_per_s": round(n / result["elapsed"], 2) if result["elapsed"] else 0.0,
        "latency_ms": {
            "p50": round(1000 * percentile(lat, 50)),
            "p90": round(1000 * percentile(lat, 90)),
            "p99": round(1000 * percentile(lat, 99)),
            "max": round(1000 * lat[-1]) if lat else None,
        },
        "errors": len(result["errors"]),
        "startup_s": round(up_s, 1),
        "warmup_s": round(result["warm_s"], 1),
        "peak_rss_mb": round(sampler.peak_total / 1e6),
        "peak_rss_largest_process_mb": round(sampler.peak_process / 1e6),
        "processes": sampler.processes,
    }
    rows = [
        ("server", summary["server"]),
        ("texts", f"{summary['texts']} (example + PolNeAR dev)" if summary["texts"] > 1 else "1 (the example)"),
        ("mode / workers / concurrency", f"{summary['mode']} / {args.workers} / {args.concurrency}"),
        ("start-up, warm-up", f"{summary['startup_s']} s to /api/info, {summary['warmup_s']} s for the first analysis"),
        ("requests", f"{n:,} in {summary['seconds']} s"),
        ("requests/s", f"{summary['requests_per_s']:.2f}"),
        ("latency p50 / p90 / p99 / max", " / ".join(f"{v} ms" for v in summary["latency_ms"].values())),
        ("errors", str(summary["errors"])),
        ("peak RSS, all processes", f"{summary['peak_rss_mb']:,} MB ({summary['processes']} processes)"),
        ("peak RSS, largest process", f"{summary['peak_rss_largest_process_mb']:,} MB"),
    ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")
    for error in result["errors"][:10]:
        print(f"error: {error}", file=sys.stderr)
    if args.json:
        print(json.dumps(summary))
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
