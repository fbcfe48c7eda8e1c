"""Does spaCy's nlp.pipe batching make the one pipeline faster than one article at a time?

    .venv/bin/python benchmarks/pipe.py [--n 40] [--batch 16] [--repeat 3]

CPU seconds (this process, one thread) for the first ``--n`` PolNeAR dev texts,
parse only (spaCy and paragraph breaks) and the whole fast analysis, one call
per article versus ``nlp.pipe(texts, batch_size=…)``; the best of ``--repeat``
runs of each. Batch and the server analyse one article per call unless this
shows batching is clearly faster (docs/SPEED.md records the last result).
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", default=str(ROOT.parent / "shared" / "data" / "polnear"))
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    from accordingto.pipeline import load_pipeline
    from accordingto.pipeline.components import COMPONENTS

    texts = [p.read_text(encoding="utf-8") for p in sorted((Path(args.polnear) / "dev" / "text").glob("*.txt"))[: args.n]]
    words = sum(len(t.split()) for t in texts)
    nlp = load_pipeline()
    list(nlp.pipe(texts[:2], disable=list(COMPONENTS)))  # warm up
    # fresh settings for every call: nlp.pipe writes its batch_size into the component_cfg it is given
    cases = {
        "parse only": lambda: dict(disable=list(COMPONENTS)),
        "fast analysis": lambda: dict(component_cfg={"accordingto_attributions": {"mode": "fast"}}),
    }
    print(f"{len(texts)} PolNeAR dev texts, {words:,} words; CPU seconds, best of {args.repeat}")
    print(f"{'':16}{'one by one':>12}{'nlp.pipe':>12}{'ratio':>8}")
    for name, kw in cases.items():
        one, many = [], []
        for _ in range(args.repeat):
            t = time.process_time()
            for text in texts:
                nlp(text, **kw())
            one.append(time.process_time() - t)
            t = time.process_time()
            for _doc in nlp.pipe(texts, batch_size=args.batch, **kw()):
                pass
            many.append(time.process_time() - t)
        print(f"{name:16}{min(one):12.2f}{min(many):12.2f}{min(one) / min(many):8.2f}")


if __name__ == "__main__":
    main()
