"""Gender of person voices on the hand-made PolNeAR train set: precision, coverage, errors.

    .venv/bin/python benchmarks/gender.py [--gold tests/data/gender/train_gender.jsonl]
                                          [--polnear ../shared/data/polnear] [--errors N] [--json]

Runs each article of the set with its gold attributions through spaCy, the
resolver and ``accordingto.analyse.gender`` and compares every row's label
with the gender the article expresses, else what the first name alone tells
(see ``accordingto.evaluation.gender``). Targets: precision of every label
other than unknown ≥ 0.97, ≥ 0.99 for labels from the text; coverage ≥ 0.85.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _f(x) -> str:
    return "—" if x is None else f"{x:.3f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(ROOT / "tests" / "data" / "gender" / "train_gender.jsonl"))
    ap.add_argument("--polnear", default=str(ROOT.parent / "shared" / "data" / "polnear"))
    ap.add_argument("--errors", type=int, default=10, help="errors listed (-1: all)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--max-uncertainty", type=float, default=None,
                    help="first names: the largest 0.5 - |0.5 - p(woman)| gendered (default: the module's)")
    args = ap.parse_args()
    if args.max_uncertainty is not None:
        from accordingto.analyse.gender import names

        names.MAX_UNCERTAINTY = args.max_uncertainty

    from accordingto.evaluation.gender import read_gold, score_gender

    train = Path(args.polnear) / "train"
    if not train.is_dir():
        train = Path("/work/shared/data/polnear/train")
    s = score_gender(read_gold(args.gold), train)
    if args.json:
        print(json.dumps({k: v for k, v in s.items() if k != "results"}, indent=1, ensure_ascii=False))
        return
    print(f"{s['rows']} person voices in {s['articles']} PolNeAR train articles (gold: {s['gold']})")
    print(f"coverage              {_f(s['coverage'])}   (target 0.85)")
    for g, p in s["precision"].items():
        print(f"precision {g:<11} {_f(p)}   ({s['predicted'].get(g, 0)} labelled; target 0.97)")
    print(f"precision, text       {_f(s['text_precision'])}   ({s['by_kind'].get('text', 0)} labelled; target 0.99)")
    print(f"precision, first name {_f(s['first_name_precision'])}   ({s['by_kind'].get('first name', 0)} labelled)")
    print(f"text recall           {_f(s['text_recall'])}   (rows whose article expresses a gender, labelled from the text)")
    print("confusion (rows: gold gender, columns: label)")
    for g, row in s["confusion"].items():
        print(f"  {g:<8} " + "  ".join(f"{k} {v}" for k, v in sorted(row.items())))
    errors = s["errors"] if args.errors < 0 else s["errors"][: args.errors]
    if errors:
        print(f"errors ({len(s['errors'])}):")
        for e in errors:
            print(f"  {e['article']}  {e['speaker']!r} gold {e['gold']} (name alone {e['name_alone']}) → "
                  f"{e['label']} by {e['kind']} {e['evidence']} [{e['predicted_speaker']}]")


if __name__ == "__main__":
    main()
