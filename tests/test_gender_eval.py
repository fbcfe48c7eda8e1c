"""Gender of person voices against the hand-made set tests/data/gender/train_gender.jsonl.

The set (its README says how it was made: 301 person voices of 70 PolNeAR
train articles, the first ten per outlet outside the held-out slice,
annotated blind by reading) gives, per voice, the gender the article itself
expresses and, separately, what the first name alone would tell. The targets:
precision of every label other than unknown ≥ 0.97, ≥ 0.99 for labels taken
from the text, and coverage (share of person voices labelled) ≥ 0.85. A
target not reached yet is marked xfail(strict=True) with the measured
number, so that the test turns red (XPASS) the day it is reached and the
mark must come off.

    .venv/bin/python benchmarks/gender.py    # the numbers and the errors
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from accordingto.evaluation.gender import GENDERS, NAME_ALONE, match_row, read_gold, truth
from conftest import SHARED

# ACCORDINGTO_GENDER_GOLD: the set from elsewhere (a checkout of the branch that holds it)
GOLD = Path(os.environ.get("ACCORDINGTO_GENDER_GOLD") or Path(__file__).resolve().parent / "data" / "gender" / "train_gender.jsonl")
POLNEAR_TRAIN = SHARED / "data" / "polnear" / "train"

PRECISION_TARGET = 0.97
TEXT_PRECISION_TARGET = 0.99
COVERAGE_TARGET = 0.85

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not GOLD.exists(), reason="the gender set (tests/data/gender) is not in this checkout"),
]


@pytest.fixture(scope="module")
def rows():
    return read_gold(GOLD)


@pytest.fixture(scope="module")
def scores(rows):
    if not POLNEAR_TRAIN.exists():
        pytest.skip("PolNeAR train not available")
    from accordingto.evaluation.gender import score_gender
    from accordingto.pipeline import parse

    return score_gender(rows, POLNEAR_TRAIN, nlp=parse)


def test_set_shape(rows):
    from accordingto.read.polnear import heldout_ids, text_files

    assert len(rows) >= 300
    articles = {r["article"] for r in rows}
    assert len(articles) >= 40
    for r in rows:
        assert r["gender"] in GENDERS and r["name_alone"] in NAME_ALONE, r
    if POLNEAR_TRAIN.exists():
        train = set(text_files(POLNEAR_TRAIN))
        assert articles <= train, "train articles only"
        assert not articles & heldout_ids(train), "none of the held-out slice"
    spans = Counter((r["article"], s, e) for r in rows for s, e in r["source_spans"])
    assert max(spans.values()) == 1, "a source span belongs to one voice"


def test_truth_and_matching():
    row = {"gender": "unknown", "name_alone": "woman", "source_spans": [[0, 3], [10, 12]]}
    assert truth(row) == "woman"
    assert truth({**row, "gender": "man"}) == "man"  # the text wins over the name
    assert truth({**row, "name_alone": "ambiguous"}) is None
    a = {"id": 0, "name": "A"}
    b = {"id": 1, "name": "B"}
    assert match_row(row, [((0, 3), a), ((10, 12), b), ((20, 25), b)]) == a  # a tie: the first span's
    assert match_row({**row, "source_spans": [[0, 3], [10, 12], [20, 25]]}, [((0, 3), a), ((10, 12), b), ((20, 25), b)]) == b
    assert match_row({**row, "source_spans": [[1, 2]]}, [((0, 3), a)]) == a  # overlap
    assert match_row({**row, "source_spans": [[5, 6]]}, [((0, 3), a)]) is None


def test_precision_of_each_label(scores):
    for label, p in scores["precision"].items():
        assert p is not None and p >= PRECISION_TARGET, (label, p, scores["predicted"])


# Measured 2026-12-01 (benchmarks/gender.py): text precision 0.980 (144/147; the three misses are the
# resolver's: two "he" sources given to the wrong man, one voice's sources given to another person).
@pytest.mark.xfail(strict=True, reason="text precision 0.980 < 0.99 (2026-12-01)")
def test_precision_of_text_labels(scores):
    assert scores["text_precision"] >= TEXT_PRECISION_TARGET, scores["text_precision"]


# Measured 2026-12-01: coverage 0.807 (243/301); 19 rows have nothing to go on (no gendered word,
# an ambiguous or no first name), so 0.937 is the ceiling.
@pytest.mark.xfail(strict=True, reason="coverage 0.807 < 0.85 (2026-12-01)")
def test_coverage(scores):
    assert scores["coverage"] >= COVERAGE_TARGET, scores["coverage"]


def test_scores_are_complete(scores, rows):
    assert scores["rows"] == len(rows) == len(scores["results"])
    assert sum(scores["predicted"].values()) == sum(scores["by_kind"].values())
