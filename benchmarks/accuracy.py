"""Extraction accuracy on PolNeAR dev and on the held-out train slice, side by side.

    .venv/bin/python benchmarks/accuracy.py [--fast] [--polnear ../shared/data/polnear] [--out runs/accuracy]
                                            [--reuse] [--json]

Runs the same commands a user would (``accordingto predict`` then
``accordingto evaluate``) on dev and on the held-out slice of train
(docs/HELDOUT.md: 84 articles no rule, word list, threshold or epoch was
chosen on), keeps the predictions under ``--out`` (``--reuse`` scores the
files already there), and prints one table: the CofeNet protocol's
exact-match F1 per role (dev: CofeNet's own token file; the slice: CofeNet-
style instances built from the brat gold, see
``accordingto.evaluation.cofenet.gold_instances``; dev is scored both ways, so the two
can be compared) and the article-level scores (attribution F1, its P and R,
source exact, content overlap).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _run(args: list[str]) -> str:
    done = subprocess.run([str(BIN / "accordingto"), *args], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"accordingto {' '.join(args)} failed:\n{done.stderr}")
    return done.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", default=str(ROOT.parent / "shared" / "data" / "polnear"))
    ap.add_argument("--out", default=str(ROOT / "runs" / "accuracy"))
    ap.add_argument("--fast", action="store_true", help="rules only")
    ap.add_argument("--reuse", action="store_true", help="score the predictions already under --out")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    polnear, out = Path(args.polnear), Path(args.out)
    if not (polnear / "dev").is_dir():
        polnear = Path("/work/shared/data/polnear")
    out.mkdir(parents=True, exist_ok=True)
    mode = "fast" if args.fast else "default"
    sets = {"dev": (polnear / "dev", "all"), "heldout": (polnear / "train", "heldout")}
    scores = {}
    for name, (split, subset) in sets.items():
        pred = out / f"{name}_{mode}.jsonl"
        if not (args.reuse and pred.exists()):
            _run(["predict", str(split), "--subset", subset, "--out", str(pred)] + (["--fast"] if args.fast else []))
        scores[name] = json.loads(_run(["evaluate", "--gold", str(split), "--subset", subset, "--pred", str(pred), "--json"]))
    # dev under instances built the same way as the slice's: how far the two CofeNet protocols differ
    from accordingto.evaluation.cofenet import gold_instances, score_cofenet
    from accordingto.evaluation.predictions import read_predictions
    from accordingto.read.polnear import text_files

    dev_texts = Path(next(iter(text_files(polnear / "dev").values()))).parent
    scores["dev_like"] = {"cofenet": score_cofenet(gold_instances(polnear / "dev"), dev_texts,
                                                   read_predictions(out / f"dev_{mode}.jsonl"))}
    if args.json:
        print(json.dumps(scores, indent=1))
        return
    rows = [
        ("CofeNet exact F1 source", lambda s: s["cofenet"]["roles"]["source"]["exact"]["f1"]),
        ("CofeNet exact F1 cue", lambda s: s["cofenet"]["roles"]["cue"]["exact"]["f1"]),
        ("CofeNet exact F1 content", lambda s: s["cofenet"]["roles"]["content"]["exact"]["f1"]),
        ("attribution F1", lambda s: s["article"]["attribution"]["f1"]),
        ("attribution P", lambda s: s["article"]["attribution"]["p"]),
        ("attribution R", lambda s: s["article"]["attribution"]["r"]),
        ("source exact F1", lambda s: s["article"]["roles"]["source"]["exact"]["f1"]),
        ("cue exact F1", lambda s: s["article"]["roles"]["cue"]["exact"]["f1"]),
        ("content exact F1", lambda s: s["article"]["roles"]["content"]["exact"]["f1"]),
        ("content overlap F1", lambda s: s["article"]["roles"]["content"]["overlap"]["f1"]),
    ]
    print(f"{mode} pipeline | dev | dev (CofeNet-style) | held-out train slice (84)")
    print("---|---:|---:|---:")
    for label, get in rows:
        like = f"{get(scores['dev_like']):.1f}" if label.startswith("CofeNet") else ""
        print(f"{label} | {get(scores['dev']):.1f} | {like} | {get(scores['heldout']):.1f}")


if __name__ == "__main__":
    main()
