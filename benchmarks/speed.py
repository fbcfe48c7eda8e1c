"""Speed and memory of the pipeline on PolNeAR dev, one process, one thread.

    .venv/bin/python benchmarks/speed.py [--polnear ../shared/data/polnear] [--repeat 1]

Measures, on the same texts in the same run, interleaved article by article
(so that other load on the machine weighs on all three alike): spaCy's
en_core_web_sm full pipeline alone (the yardstick), accordingto's default
pipeline (text to report: parse, rules, tagger, speakers, analysis) and its
fast mode (no tagger). Prints words per second, the ratios, and the peak
resident memory.
"""

from __future__ import annotations

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", default=str(Path(__file__).resolve().parents[2] / "shared/data/polnear"))
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    import spacy

    from accordingto.pipeline import SPACY_MODEL
    from accordingto.pipeline import analyze_article
    from accordingto.read import Article

    texts = sorted((Path(args.polnear) / "dev" / "text").glob("*.txt"))
    docs = [p.read_text(encoding="utf-8") for p in texts]
    words = sum(len(t.split()) for t in docs) * args.repeat

    plain = spacy.load(SPACY_MODEL)
    # warm up every path once (model loading is not what we measure)
    plain(docs[0])
    analyze_article(Article(text=docs[0]))
    analyze_article(Article(text=docs[0]), fast=True)

    # interleaved, article by article: the three see the same load from anything
    # else on the machine, so their ratios hold even when it is busy
    systems = {
        "spacy": plain,
        "default": lambda t: analyze_article(Article(text=t)),
        "fast": lambda t: analyze_article(Article(text=t), fast=True),
    }
    spent = dict.fromkeys(systems, 0.0)
    for _ in range(args.repeat):
        for t in docs:
            for name, fn in systems.items():
                t0 = time.perf_counter()
                fn(t)
                spent[name] += time.perf_counter() - t0
    t_spacy, t_default, t_fast = spent["spacy"], spent["default"], spent["fast"]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "articles": len(docs) * args.repeat,
        "words": words,
        "spacy_sm_words_per_s": round(words / t_spacy),
        "default_words_per_s": round(words / t_default),
        "fast_words_per_s": round(words / t_fast),
        "default_vs_spacy": round(t_spacy / t_default, 3),
        "fast_vs_spacy": round(t_spacy / t_fast, 3),
        "fast_vs_default": round(t_default / t_fast, 2),
        "peak_rss_mb": round(peak_mb),
    }
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        for k, v in result.items():
            print(f"{k:22s} {v}")


if __name__ == "__main__":
    main()
