"""Counts of found, predicted and gold spans, as precision, recall and F1; the plain-text table of a score."""

from __future__ import annotations

from dataclasses import dataclass

from .predictions import ROLES


@dataclass
class Count:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, tp: int, predicted: int, gold: int) -> None:
        self.tp += tp
        self.predicted += predicted
        self.gold += gold

    def as_dict(self) -> dict:
        p = 100 * self.tp / self.predicted if self.predicted else 0.0
        r = 100 * self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"tp": self.tp, "predicted": self.predicted, "gold": self.gold, "p": p, "r": r, "f1": f}


def _row(name: str, c: dict) -> str:
    return f"{name:<22}{c['p']:>7.1f}{c['r']:>7.1f}{c['f1']:>7.1f}{c['tp']:>8}{c['predicted']:>8}{c['gold']:>8}"


def format_scores(scores: dict) -> str:
    """A plain-text table of the scores of :func:`score_predictions` or :func:`score_cofenet`."""
    head = f"{'':<22}{'P':>7}{'R':>7}{'F1':>7}{'found':>8}{'pred':>8}{'gold':>8}"
    lines = []
    if scores.get("protocol") == "cofenet":
        al = scores["alignment"]
        lines.append(
            ("CofeNet-style protocol, instances from the " + scores["instances_from"] + " "
             if scores.get("instances_from") else "CofeNet protocol ")
            + f"({scores['annotators']} annotators): {scores['instances']} instances, "
            f"{scores['tokens']} tokens, {scores['articles']} articles"
        )
        lines.append(
            f"alignment: {al['tokens_exact']} tokens exact, {al['tokens_approximate']} approximate, "
            f"{al['tokens_unaligned']} unaligned"
            + (f", {len(al['annotations_without_text'])} annotation files without text" if al["annotations_without_text"] else "")
        )
    else:
        lines.append(f"Article-level protocol: {scores['articles']} articles")
    if scores.get("missing"):
        lines.append(f"{len(scores['missing'])} articles with no prediction (scored as predicting nothing)")
    if scores.get("unknown"):
        lines.append(f"{len(scores['unknown'])} predicted ids not in gold (ignored)")
    lines.append(head)
    for role in ROLES:
        for kind, c in scores["roles"][role].items():
            lines.append(_row(f"{role} {kind}", c))
    if "attribution" in scores:
        lines.append(_row("attribution overlap", scores["attribution"]))
        lines.append(_row("attribution exact", scores["attribution_exact"]))
    return "\n".join(lines)
