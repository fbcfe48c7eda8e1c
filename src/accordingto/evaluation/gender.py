"""Score the gender of person voices against a hand-made set (``tests/data/gender/train_gender.jsonl``).

Each row of the set is one person voice of one PolNeAR **train** article::

    {"article": "...", "speaker": "Jane Doe", "source_spans": [[s, e], ...],
     "gender": "woman" | "man" | "unknown",        # what the article itself expresses
     "evidence": [...], "first_name": "Jane" | null,
     "name_alone": "woman" | "man" | "ambiguous" | "none"}   # what the first name alone would tell

How a row meets its prediction (:func:`predict_article`): the article is run
with its **gold** attributions (gold source, cue and content, as
:mod:`accordingto.evaluation.speakers` builds them), so what is measured is
gender, not extraction: spaCy, :func:`accordingto.resolve.resolve` and
:func:`accordingto.analyse.gender.assign_genders`. Each of the row's source
spans is matched to the gold attribution whose source it is (the same first
and last offsets, else the gold source that overlaps it most); the row's
predicted speaker is the speaker most of its spans resolve to (the first on
a tie). A row whose spans resolve to no speaker, or to one that is not of
type ``person``, is predicted ``unknown``.

What counts as right (:func:`truth`): the gender the article expresses
(``gender``) when it expresses one; where it expresses none (``unknown``),
what the first name alone tells (``name_alone``, when ``woman`` or ``man``).
A label with no truth behind it (the article says nothing and the name is
ambiguous or absent) is wrong.

Scores (:func:`score_gender`):

- ``precision[label]``: of the rows predicted ``woman`` (``man``), the share
  whose truth is that label;
- ``text_precision``: of the rows labelled from the text (evidence kind
  ``text``), the share whose *article* gender (``gender``, not the name) is
  that label; ``first_name_precision`` likewise for evidence ``first name``
  against :func:`truth`;
- ``coverage``: the share of rows (person voices) with a label other than
  ``unknown``;
- ``text_recall``: of the rows whose article expresses a gender, the share
  labelled right from the text.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from ..extract.spans import overlap_length
from ..read.polnear import GoldAttribution

GENDERS = ("woman", "man", "unknown")
NAME_ALONE = ("woman", "man", "ambiguous", "none")
LABELS = ("woman", "man")


def read_gold(path: str | Path) -> list[dict]:
    """The rows of a gender JSONL file, checked for their keys and values."""
    rows = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        for key in ("article", "speaker", "source_spans", "gender", "name_alone"):
            if key not in row:
                raise ValueError(f"{path}:{n}: no {key!r}")
        if row["gender"] not in GENDERS:
            raise ValueError(f"{path}:{n}: gender {row['gender']!r}")
        if row["name_alone"] not in NAME_ALONE:
            raise ValueError(f"{path}:{n}: name_alone {row['name_alone']!r}")
        if not row["source_spans"]:
            raise ValueError(f"{path}:{n}: no source spans")
        rows.append(row)
    return rows


def truth(row: dict) -> str | None:
    """What a label is right against: the article's gender, else the first name's, else None."""
    if row["gender"] in LABELS:
        return row["gender"]
    if row["name_alone"] in LABELS:
        return row["name_alone"]
    return None


def predict_article(nlp, text: str, gold: list[GoldAttribution]) -> tuple[list[tuple[tuple[int, int], dict | None]], list]:
    """Resolve and gender an article's gold attributions.

    Returns ``(sources, speakers)``: for each gold attribution with a source,
    its (first start, last end) and the predicted speaker (a dict of the
    :class:`~accordingto.schema.Speaker`, or None); and all the speakers.
    """
    from ..analyse.gender import assign_genders
    from .speakers import _attributions
    from ..resolve import resolve

    doc = nlp(text)
    out, speakers = resolve(doc, _attributions(text, gold))
    speakers = assign_genders(speakers, text, doc)
    sources = []
    for g, a in zip(gold, out):
        if not g.source:
            continue
        sp = speakers[a.speaker_id] if a.speaker_id is not None else None
        sources.append(((g.source[0][0], g.source[-1][1]), sp.model_dump() if sp else None))
    return sources, speakers


def match_row(row: dict, sources: list[tuple[tuple[int, int], dict | None]]) -> dict | None:
    """The predicted speaker of a gold row (see the module's docstring), or None."""
    votes: Counter = Counter()
    first: dict[int, dict] = {}
    order: dict[int, int] = {}
    for s, e in row["source_spans"]:
        exact = [sp for key, sp in sources if key == (s, e)]
        if exact:
            sp = exact[0]
        else:
            best = max(sources, key=lambda kv: overlap_length(kv[0], (s, e)), default=None)
            sp = best[1] if best is not None and overlap_length(best[0], (s, e)) > 0 else None
        if sp is None:
            continue
        votes[sp["id"]] += 1
        first.setdefault(sp["id"], sp)
        order.setdefault(sp["id"], len(order))
    if not votes:
        return None
    top = max(votes.values())
    return first[min((i for i, v in votes.items() if v == top), key=order.get)]


def predict(polnear_dir: str | Path, articles, nlp=None) -> dict[str, dict]:
    """article id → {"text", "sources", "speakers"} for the given articles of a PolNeAR split."""
    if nlp is None:
        from ..pipeline import parse

        nlp = parse
    from .speakers import gold_articles

    found: dict[str, dict] = {}
    for article, text, gold in gold_articles(polnear_dir, articles):
        sources, speakers = predict_article(nlp, text, gold)
        found[article] = {"text": text, "sources": sources, "speakers": speakers}
    return found


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def score_gender(gold_rows: list[dict], polnear_dir: str | Path, nlp=None) -> dict[str, Any]:
    """The scores of the module's docstring, the per-row predictions and the errors."""
    by_article: dict[str, list[dict]] = defaultdict(list)
    for row in gold_rows:
        by_article[row["article"]].append(row)
    preds = predict(polnear_dir, by_article, nlp=nlp)
    predicted: Counter = Counter()
    right: Counter = Counter()
    kinds: Counter = Counter()
    kinds_right: Counter = Counter()
    text_gold = text_right = 0
    confusion: dict[str, Counter] = defaultdict(Counter)
    results, errors = [], []
    for article, rows in by_article.items():
        for row in rows:
            sp = match_row(row, preds[article]["sources"])
            label, kind = "unknown", "none"
            if sp is not None and sp["type"] == "person" and sp.get("gender"):
                label = sp["gender"]
                kind = (sp.get("gender_evidence") or {}).get("kind", "none")
            t = truth(row)
            confusion[row["gender"]][label] += 1
            result = {
                "article": article,
                "speaker": row["speaker"],
                "gold": row["gender"],
                "name_alone": row["name_alone"],
                "predicted_speaker": sp["name"] if sp else None,
                "predicted_type": sp["type"] if sp else None,
                "label": label,
                "kind": kind,
                "evidence": [s["text"] for s in ((sp or {}).get("gender_evidence") or {}).get("spans", [])],
                "note": ((sp or {}).get("gender_evidence") or {}).get("note"),
            }
            results.append(result)
            if row["gender"] in LABELS:
                text_gold += 1
                text_right += kind == "text" and label == row["gender"]
            if label in LABELS:
                predicted[label] += 1
                ok = label == t
                right[label] += ok
                kinds[kind] += 1
                if kind == "text":
                    kinds_right[kind] += label == row["gender"]
                else:
                    kinds_right[kind] += ok
                if not ok or (kind == "text" and label != row["gender"]):
                    errors.append(result)
    n = len(gold_rows)
    labelled = sum(predicted.values())
    return {
        "rows": n,
        "articles": len(by_article),
        "coverage": _ratio(labelled, n),
        "precision": {g: _ratio(right[g], predicted[g]) for g in LABELS},
        "predicted": dict(predicted),
        "precision_all": _ratio(sum(right.values()), labelled),
        "text_precision": _ratio(kinds_right["text"], kinds["text"]),
        "first_name_precision": _ratio(kinds_right["first name"], kinds["first name"]),
        "by_kind": dict(kinds),
        "text_recall": _ratio(text_right, text_gold),
        "gold": dict(Counter(r["gender"] for r in gold_rows)),
        "confusion": {g: dict(c) for g, c in sorted(confusion.items())},
        "results": results,
        "errors": errors,
    }
