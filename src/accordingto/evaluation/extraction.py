"""Score attribution predictions against PolNeAR gold.

Two protocols, both defined in ``shared/eval/PREDICTIONS.md``:

- :func:`score_predictions`, the article-level protocol: character spans per
  role (exact and overlap) and whole attributions, micro-averaged over
  articles;
- :func:`.cofenet.score_cofenet`, the CofeNet protocol: predictions projected onto the
  CofeNet paper's token instances, a span found when its first and last
  token match a gold span of the same role in the same instance.

Predictions are in the exchange format (``{"id": ..., "attributions": [...]}``
per JSON line, each role a list of ``[start, end]`` fragments); read them with
:func:`.predictions.read_predictions`. Scores are dicts; precision, recall and F1 are in
percent (0-100), as the published figures are. :func:`.scores.format_scores` renders
them as a plain table.

Choices the protocol text leaves open, made here:

- Role spans are compared as sets of non-space character positions: a span's
  fragments are each stripped of surrounding white space, and fragments that
  only white space separates count as one (PolNeAR often splits a
  multi-sentence content at the space between sentences; a prediction of the
  whole stretch is the same span). Identical spans of one role in one
  article count once, on either side (two attributions sharing a source
  yield one source span).
- Overlap matching is one-to-one and greedy, largest overlap (in non-space
  characters) first; attribution matching likewise, by the sum of the three
  roles' overlaps. Empty sources are not source spans.
- CofeNet protocol: each role is projected and scored on its own, so a token
  may take several roles; a predicted fragment that runs over several
  instances makes one span in each.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..read.polnear import GoldAttribution, iter_articles
from .predictions import ROLES, Fragment, Span, normalise, check_bounds
from .scores import Count


# --------------------------------------------------------------------------
# Spans


def _canonical(text: str, frags: Iterable[Fragment]) -> Span:
    """Fragments stripped, sorted, merged where only white space separates them."""
    parts = []
    for s, e in sorted(frags):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            parts.append((s, e))
    merged: list[Fragment] = []
    for s, e in parts:
        if merged and (s <= merged[-1][1] or not text[merged[-1][1] : s].strip()):
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return tuple(merged)


class _Chars:
    """Counts non-space characters of a text in O(1) per interval."""

    def __init__(self, text: str):
        self.prefix = [0]
        total = 0
        for ch in text:
            total += not ch.isspace()
            self.prefix.append(total)

    def overlap(self, a: Span, b: Span) -> int:
        i = j = total = 0
        while i < len(a) and j < len(b):
            s, e = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
            if s < e:
                total += self.prefix[e] - self.prefix[s]
            if a[i][1] < b[j][1]:
                i += 1
            else:
                j += 1
        return total


def _greedy(weights: dict[tuple[int, int], float]) -> int:
    """Size of a one-to-one matching taking the heaviest pairs first."""
    used_p, used_g = set(), set()
    for (p, g), _ in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0])):
        if p not in used_p and g not in used_g:
            used_p.add(p)
            used_g.add(g)
    return len(used_p)


@dataclass
class _Tally:
    exact: dict[str, Count] = field(default_factory=lambda: {r: Count() for r in ROLES})
    overlap: dict[str, Count] = field(default_factory=lambda: {r: Count() for r in ROLES})
    attribution: Count = field(default_factory=Count)
    attribution_exact: Count = field(default_factory=Count)


def _score_article(text: str, gold: list[dict[str, list[Fragment]]], pred: list[dict[str, list[Fragment]]],
                   chars: _Chars, tally: _Tally) -> None:
    gold_c = [{r: _canonical(text, a[r]) for r in ROLES} for a in gold]
    pred_c = [{r: _canonical(text, a[r]) for r in ROLES} for a in pred]

    for role in ROLES:
        g_spans = list(dict.fromkeys(a[role] for a in gold_c if a[role]))
        p_spans = list(dict.fromkeys(a[role] for a in pred_c if a[role]))
        exact = len(set(g_spans) & set(p_spans))
        tally.exact[role].add(exact, len(p_spans), len(g_spans))
        weights = {}
        for i, p in enumerate(p_spans):
            for j, g in enumerate(g_spans):
                w = chars.overlap(p, g)
                if w:
                    weights[i, j] = w
        tally.overlap[role].add(_greedy(weights), len(p_spans), len(g_spans))

    weights, weights_exact = {}, {}
    for i, p in enumerate(pred_c):
        for j, g in enumerate(gold_c):
            cue = chars.overlap(p["cue"], g["cue"])
            content = chars.overlap(p["content"], g["content"])
            source = chars.overlap(p["source"], g["source"])
            if cue and content and (source or (not p["source"] and not g["source"])):
                weights[i, j] = cue + content + source
                if all(p[r] == g[r] for r in ROLES):
                    weights_exact[i, j] = 1
    tally.attribution.add(_greedy(weights), len(pred_c), len(gold_c))
    tally.attribution_exact.add(_greedy(weights_exact), len(pred_c), len(gold_c))


def _as_fragments(gold: list[GoldAttribution]) -> list[dict[str, list[Fragment]]]:
    return [{"source": g.source, "cue": g.cue, "content": g.content} for g in gold]


def score_predictions(gold_dir: str | Path, predictions: Mapping[str, Iterable[Any]],
                      *, ids: set[str] | None = None) -> dict:
    """Score predictions against the gold of ``gold_dir`` (article-level protocol).

    ``gold_dir`` is a PolNeAR split dir (``text/``, ``attributions/``) or a
    flat dir of ``.txt`` and ``.ann``. ``predictions`` maps article id to a
    list of attributions (exchange-format dicts, or objects with ``source``,
    ``cue``, ``content`` lists of ``[start, end]`` or ``Span``-like items).
    Gold articles with no prediction count as predicting nothing
    (``missing``); predicted ids not in gold are ignored (``unknown``).

    Returns ``{"protocol": "article", "articles", "missing", "unknown",
    "roles": {role: {"exact": counts, "overlap": counts}}, "attribution":
    counts, "attribution_exact": counts}`` where counts is ``{"tp",
    "predicted", "gold", "p", "r", "f1"}`` (p, r, f1 in percent).
    ``ids``, when given, restricts the gold to those articles (a subset such
    as the held-out slice, :func:`accordingto.read.polnear.select`).
    Raises :class:`PredictionFormatError` on malformed or out-of-text spans.
    """
    preds = normalise(predictions)
    tally = _Tally()
    seen, missing = set(), []
    for aid, text, gold in iter_articles(gold_dir):
        if ids is not None and aid not in ids:
            continue
        seen.add(aid)
        pred = preds.get(aid)
        if pred is None:
            missing.append(aid)
            pred = []
        check_bounds(aid, pred, text)
        _score_article(text, _as_fragments(gold), pred, _Chars(text), tally)
    return {
        "protocol": "article",
        "articles": len(seen),
        "missing": missing,
        "unknown": sorted(set(preds) - seen),
        "roles": {
            r: {"exact": tally.exact[r].as_dict(), "overlap": tally.overlap[r].as_dict()} for r in ROLES
        },
        "attribution": tally.attribution.as_dict(),
        "attribution_exact": tally.attribution_exact.as_dict(),
    }
