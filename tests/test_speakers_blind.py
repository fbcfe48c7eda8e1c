"""Speaker resolution on the blind set tests/data/speakers_blind/heldout_speakers.jsonl (issue 11).

The set gives the real speaker and type of every gold source span of the first
five articles per outlet of PolNeAR train's held-out slice (docs/HELDOUT.md),
annotated without the tool's output and never used to choose a rule, a word
list or a threshold. The targets are the issue's: canonical speaker ≥ 0.92 and
type ≥ 0.93. The tests skip while the set (or PolNeAR train) is not there.

    .venv/bin/python benchmarks/speakers.py --gold tests/data/speakers_blind/heldout_speakers.jsonl \\
        --articles ../shared/data/polnear/train
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accordingto.evaluation.speakers import TYPES, read_gold, score_speakers
from conftest import SHARED

BLIND = Path(__file__).resolve().parent / "data" / "speakers_blind" / "heldout_speakers.jsonl"
POLNEAR_TRAIN = SHARED / "data" / "polnear" / "train"

SPEAKER_TARGET = 0.92
TYPE_TARGET = 0.93
# Measured once at the end of each round of issue 11's work (never to choose a rule): before it
# 0.773 / 0.864; first round (096fece) speaker 0.792, type 0.883; second round, tuned on the blind
# train set tests/data/speakers_train/ (2026-12-02), speaker 0.799, type 0.896.
# The floors keep what was reached; the targets are xfail(strict) until reached.
SPEAKER_FLOOR = 0.795
TYPE_FLOOR = 0.89

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (BLIND.exists() and POLNEAR_TRAIN.exists()), reason="blind speaker set or PolNeAR train not here"
    ),
]


@pytest.fixture(scope="module")
def rows():
    return read_gold(BLIND)


@pytest.fixture(scope="module")
def scores(rows):
    from accordingto.pipeline import parse

    return score_speakers(rows, POLNEAR_TRAIN, nlp=parse)


def test_blind_set_is_the_heldout_rule(rows):
    """The first five articles per outlet of the held-out slice, by file name."""
    from accordingto.read.polnear import gold_files, heldout_ids

    ids = sorted(heldout_ids(gold_files(POLNEAR_TRAIN)))
    outlets = sorted({i.split("_")[0] for i in ids})
    first = {a for o in outlets for a in [i for i in ids if i.split("_")[0] == o][:5]}
    assert {r["article"] for r in rows} == first
    for r in rows:
        assert r["type"] in TYPES or r["type"] is None, r


def test_blind_accuracy_does_not_fall(scores):
    assert scores["speaker_accuracy"] >= SPEAKER_FLOOR, scores["speaker_accuracy"]
    assert scores["type_accuracy"] >= TYPE_FLOOR, scores["type_accuracy"]


@pytest.mark.xfail(strict=True, reason="measured 0.799 on the blind set (issue 11); target 0.92")
def test_blind_speaker_accuracy(scores):
    assert scores["speaker_accuracy"] >= SPEAKER_TARGET, json.dumps(
        {k: scores[k] for k in ("speaker_accuracy", "type_accuracy")}
    )


@pytest.mark.xfail(strict=True, reason="measured 0.896 on the blind set (issue 11); target 0.93")
def test_blind_type_accuracy(scores):
    assert scores["type_accuracy"] >= TYPE_TARGET, scores["type_accuracy"]
