"""Cost grows linearly with the input: time and peak memory at 10, 100 and 1,000 KB of made-up prose.

    .venv/bin/python benchmarks/linear.py [--sizes 10,100,1000] [--fast] [--json]

Each size runs in a fresh process (so that peak memory is that size's own):
the article is ordinary news-like prose made up here from templates (names,
reporting verbs, quotations, dates, hedges; paragraphs of two to five
sentences), never publisher text. Prints, per size, wall-clock and CPU
seconds (CPU time moves less with the load of other jobs on the machine),
peak resident memory, and seconds per KB: linear cost keeps seconds per KB
flat.
"""

from __future__ import annotations

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

FIRST = "Maria Jonas Priya Tomas Alice Omar Greta Samuel Lena Victor Hana Diego Ruth Felix Nadia Arthur".split()
LAST = "Okafor Lindqvist Ramirez Castell Whitmore Nakamura Dubois Haddad Brennan Kowalski Osei Marchetti".split()
ROLES = [
    "the mayor of Eastfield", "a spokeswoman for the county", "the council's finance chair",
    "a retired engineer", "the head of the teachers' union", "a local shop owner", "the state auditor",
]
GROUPS = ["Residents", "City officials", "Several parents", "Union members", "Critics", "Supporters of the plan"]
VERBS = ["said", "told reporters", "added", "argued", "warned", "noted", "explained"]
TOPICS = [
    "the new bridge", "the library budget", "the bus routes", "the harbor project",
    "the school merger", "the water rates", "the park renovation", "the housing plan",
]
CLAIMS = [
    "will cost far more than planned", "was approved without a public hearing",
    "should be delayed until next spring", "has the support of most residents",
    "could close two branches", "needs another review", "would help small businesses",
]
DAYS = ["on Monday", "last week", "on March 3", "in 2024", "yesterday", "earlier this month", "on Friday"]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _sentence(rng: random.Random) -> str:
    topic, claim, day = rng.choice(TOPICS), rng.choice(CLAIMS), rng.choice(DAYS)
    k = rng.randrange(7)
    if k == 0:
        return f"{_person(rng)}, {rng.choice(ROLES)}, {rng.choice(VERBS)} {day} that {topic} {claim}."
    if k == 1:
        return f'"We think {topic} {claim}," {rng.choice(VERBS[:1])} {_person(rng)}.'
    if k == 2:
        return f"According to {rng.choice(ROLES)}, {topic} {claim}."
    if k == 3:
        return f"{rng.choice(GROUPS)} say {topic} probably {claim.split(' ', 1)[1] if ' ' in claim else claim}."
    if k == 4:
        return f"The vote on {topic} took place {day}, and the results were published in the evening."
    if k == 5:
        return f'{_person(rng)} put it bluntly: "This is not what we were promised."'
    return f"It is unclear whether {topic} {claim}, officials said."


def make_prose(kb: int, seed: int = 12) -> str:
    """About ``kb`` thousand characters of made-up news prose, in paragraphs."""
    rng = random.Random(seed)
    out: list[str] = ["Council weighs the future of the town's projects", ""]
    size = len(out[0])
    while size < kb * 1000:
        para = " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))
        out.append(para)
        out.append("")
        size += len(para) + 2
    return "\n".join(out)[: kb * 1000].rstrip() + "\n"


def _one(kb: int, fast: bool) -> dict:
    from accordingto.pipeline import analyze_article
    from accordingto.read import read_input

    analyze_article(read_input(make_prose(2, seed=1)), fast=fast)  # load the models first
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    text = make_prose(kb)
    t0, c0 = time.perf_counter(), time.process_time()
    report = analyze_article(read_input(text), fast=fast)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "kb": kb, "chars": len(text), "words": len(text.split()), "seconds": round(seconds, 2),
        "s_per_kb": round(seconds / kb, 4), "cpu_seconds": round(cpu, 2), "cpu_s_per_kb": round(cpu / kb, 4), "peak_mb": round(peak), "peak_after_load_mb": round(base),
        "attributions": len(report.attributions), "speakers": len(report.speakers),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10,100,1000", help="sizes in KB (thousands of characters)")
    ap.add_argument("--fast", action="store_true", help="rules only, no tagger")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # run one size in this process
    args = ap.parse_args()
    if args.one:
        print(json.dumps(_one(args.one, args.fast)))
        return
    rows = []
    for kb in (int(s) for s in args.sizes.split(",")):
        cmd = [sys.executable, __file__, "--one", str(kb)] + (["--fast"] if args.fast else [])
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode:
            sys.exit(f"{kb} KB failed:\n{done.stderr[-2000:]}")
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        if not args.json:
            r = rows[-1]
            print(
                f"{r['kb']:>6} KB  {r['words']:>8,} words  {r['seconds']:>8.1f} s  {r['s_per_kb']:.4f} s/KB"
                f"  CPU {r['cpu_seconds']:.1f} s ({r['cpu_s_per_kb']:.4f} s/KB)"
                f"  peak {r['peak_mb']:,} MB (after loading {r['peak_after_load_mb']:,})"
                f"  {r['attributions']:,} attributions",
                flush=True,
            )
    if args.json:
        print(json.dumps(rows, indent=1))
    elif len(rows) > 1:
        ratio = rows[-1]["s_per_kb"] / rows[0]["s_per_kb"]
        cpu_ratio = rows[-1]["cpu_s_per_kb"] / rows[0]["cpu_s_per_kb"]
        print(f"seconds per KB, largest / smallest: {ratio:.2f} wall, {cpu_ratio:.2f} CPU (1.00 is linear)")


if __name__ == "__main__":
    main()
