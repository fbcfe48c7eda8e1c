"""Speaker resolution on a hand-made PolNeAR speaker set: accuracy, confusion, error categories.

    .venv/bin/python benchmarks/speakers.py [--gold tests/data/speakers/dev_speakers.jsonl]
                                            [--articles ../shared/data/polnear/dev] [--polnear ../shared/data/polnear]
                                            [--errors N] [--json]

Two sets (see their READMEs): the dev set ``tests/data/speakers/dev_speakers.jsonl``
(PolNeAR dev, the set the resolver was tuned on) and the blind set
``tests/data/speakers_blind/heldout_speakers.jsonl`` (PolNeAR train's held-out
slice, never used to choose a rule):

    .venv/bin/python benchmarks/speakers.py --gold tests/data/speakers_blind/heldout_speakers.jsonl \
        --articles ../shared/data/polnear/train

``--articles`` is the PolNeAR split folder that holds the set's articles; without
it, ``train`` for a set under ``speakers_blind/`` and ``dev`` for any other.

Rebuilds each article's gold attributions, resolves them with
``accordingto.resolve.resolve`` and compares every source span's speaker and
type with the set (see ``accordingto.evaluation.speakers`` and
``tests/data/speakers/README.md``). Prints the overall speaker and type
accuracy, both per gold type and per outlet, the type confusion table, and
the errors by category with a few examples of each.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def articles_dir(gold: str, articles: str | None, polnear: str) -> Path:
    """The PolNeAR split folder of a speaker set's articles."""
    if articles:
        return Path(articles)
    split = "train" if {"speakers_blind", "speakers_train"} & set(Path(gold).resolve().parts) else "dev"
    for base in (Path(polnear), Path("/work/shared/data/polnear")):
        if (base / split).is_dir():
            return base / split
    return Path(polnear) / split


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", default=str(ROOT.parent / "shared" / "data" / "polnear"))
    ap.add_argument("--gold", default=str(ROOT / "tests" / "data" / "speakers" / "dev_speakers.jsonl"))
    ap.add_argument("--articles", "--split", dest="articles", default=None,
                    help="the PolNeAR split folder with the set's articles (default: train for speakers_blind/, else dev)")
    ap.add_argument("--errors", type=int, default=3, help="examples shown per error category (0: none, -1: all)")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args()

    from accordingto.evaluation.speakers import NO_TYPE, TYPES, read_gold, score_speakers

    s = score_speakers(read_gold(args.gold), articles_dir(args.gold, args.articles, args.polnear))
    if args.json:
        print(json.dumps(s, indent=1, ensure_ascii=False))
        return

    print(f"{s['rows']} source spans in {s['articles']} articles")
    print(f"speaker accuracy  {s['speaker_accuracy']:.3f}")
    print(f"type accuracy     {s['type_accuracy']:.3f}  (rows with a gold type)")
    print()
    print(f"{'gold type':<14}{'rows':>6}{'speaker':>10}{'type':>8}")
    for t, v in sorted(s["per_type"].items(), key=lambda kv: -kv[1]["rows"]):
        print(f"{t:<14}{v['rows']:>6}{v['speaker_accuracy']:>10.3f}{v['type_accuracy']:>8.3f}")
    print()
    print(f"{'outlet':<14}{'rows':>6}{'speaker':>10}{'type':>8}")
    for o, v in s["per_outlet"].items():
        print(f"{o:<14}{v['rows']:>6}{v['speaker_accuracy']:>10.3f}{v['type_accuracy']:>8.3f}")
    print()
    cols = [t for t in (*TYPES, "unknown", NO_TYPE) if any(t in row for row in s["confusion"].values())]
    short = {t: t[:6] for t in cols}
    print("confusion (rows: gold type, columns: predicted type)")
    print(f"{'':<14}" + "".join(f"{short[c]:>8}" for c in cols))
    for g in TYPES:
        if g in s["confusion"]:
            row = s["confusion"][g]
            print(f"{g:<14}" + "".join(f"{row.get(c, 0) or '.':>8}" for c in cols))
    print()
    by_cat: dict[str, list[dict]] = defaultdict(list)
    for e in s["errors"]:
        by_cat[e["category"]].append(e)
    print(f"{len(s['errors'])} rows wrong (speaker or type); by category:")
    for cat, errs in sorted(by_cat.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(errs):>4}  {cat}")
    if args.errors:
        for cat, errs in sorted(by_cat.items(), key=lambda kv: -len(kv[1])):
            print(f"\n== {cat} ({len(errs)})")
            for e in errs if args.errors < 0 else errs[: args.errors]:
                print(
                    f"  {e['article']} {e['start']}-{e['end']} {e['text']!r}\n"
                    f"      gold {e['gold_speaker']!r} ({e['gold_type']})  predicted {e['pred_speaker']!r} ({e['pred_type']})"
                )


if __name__ == "__main__":
    main()
