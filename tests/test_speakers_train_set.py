"""The blind tuning set on PolNeAR train (tests/data/speakers_train/): its rule and its format."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from accordingto.read.polnear import heldout_ids

DATA = Path(__file__).parent / "data" / "speakers_train"
POLNEAR_TRAIN = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "train"
TYPES = {"person", "organisation", "outlet", "document", "anonymous", "group", "artefact", None}


def rows() -> list[dict]:
    return [json.loads(line) for line in (DATA / "train_speakers.jsonl").read_text(encoding="utf-8").splitlines()]


def test_the_set_is_its_two_parts_unchanged():
    parts = [(DATA / f"train_speakers_{x}.jsonl").read_text(encoding="utf-8") for x in "abcd"]
    assert (DATA / "train_speakers.jsonl").read_text(encoding="utf-8") == "".join(parts)


@pytest.mark.skipif(not POLNEAR_TRAIN.is_dir(), reason="PolNeAR train not in ../shared")
def test_articles_are_positions_11_to_16_per_outlet_outside_the_slice():
    ids = sorted(p.stem for p in (POLNEAR_TRAIN / "text").glob("*.txt"))
    held = set(heldout_ids(ids))
    by_outlet = defaultdict(list)
    for i in ids:
        if i not in held:
            by_outlet[i.split("_")[0]].append(i)
    expected = {i for outlet in by_outlet.values() for i in outlet[10:16]}
    got = {r["article"] for r in rows()}
    assert got == expected and not got & held


@pytest.mark.skipif(not POLNEAR_TRAIN.is_dir(), reason="PolNeAR train not in ../shared")
def test_rows_point_into_their_articles():
    texts = {}
    for r in rows():
        text = texts.setdefault(r["article"], (POLNEAR_TRAIN / "text" / f"{r['article']}.txt").read_text(encoding="utf-8"))
        assert text[r["start"] : r["end"]] == r["text"]
        assert r["type"] in TYPES and (r["speaker"] is None or r["speaker"].strip())


# Measured on this set (the resolver is tuned on it), all 787 rows: before the second round of
# issue 11's work speaker 0.814, type 0.911; after it 0.842, 0.926. The floors keep what was reached.
TRAIN_SPEAKER_FLOOR = 0.84
TRAIN_TYPE_FLOOR = 0.92


@pytest.mark.slow
@pytest.mark.skipif(not POLNEAR_TRAIN.is_dir(), reason="PolNeAR train not in ../shared")
def test_resolver_accuracy_on_the_set_does_not_fall():
    from accordingto.evaluation.speakers import read_gold, score_speakers
    from accordingto.pipeline import parse

    scores = score_speakers(read_gold(DATA / "train_speakers.jsonl"), POLNEAR_TRAIN, nlp=parse)
    assert scores["speaker_accuracy"] >= TRAIN_SPEAKER_FLOOR, scores["speaker_accuracy"]
    assert scores["type_accuracy"] >= TRAIN_TYPE_FLOOR, scores["type_accuracy"]
