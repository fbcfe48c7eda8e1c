"""The blind speaker set (tests/data/speakers_blind/): its articles follow the written rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accordingto.read.polnear import gold_files, heldout_ids, load_ann, outlet_of, read_text, text_files
from conftest import SHARED

BLIND = Path(__file__).resolve().parent / "data" / "speakers_blind" / "heldout_speakers.jsonl"
TRAIN = SHARED / "data" / "polnear" / "train"
TYPES = {"person", "organisation", "outlet", "document", "anonymous", "group", "artefact", None}

needs_train = pytest.mark.skipif(not TRAIN.is_dir(), reason="PolNeAR train is not in ../shared")


@pytest.fixture(scope="module")
def rows():
    return [json.loads(line) for line in BLIND.read_text(encoding="utf-8").splitlines() if line.strip()]


@needs_train
def test_blind_articles_are_the_first_five_per_outlet_of_the_slice(rows):
    held = sorted(heldout_ids(text_files(TRAIN)))
    expected = [a for o in sorted({outlet_of(a) for a in held}) for a in [x for x in held if outlet_of(x) == o][:5]]
    assert sorted({r["article"] for r in rows}) == sorted(expected)


@needs_train
def test_every_gold_source_span_has_one_row_with_its_text(rows):
    texts, golds = text_files(TRAIN), gold_files(TRAIN)
    by_article: dict[str, set] = {}
    for r in rows:
        by_article.setdefault(r["article"], set()).add((r["start"], r["end"]))
        assert r["type"] in TYPES
    for article, spans in by_article.items():
        text = read_text(texts[article])
        gold = {(g.source[0][0], g.source[-1][1]) for g in load_ann(golds[article]) if g.source}
        assert spans == gold, article
        for r in (r for r in rows if r["article"] == article):
            assert text[r["start"] : r["end"]] == r["text"]
    assert len(rows) == len({(r["article"], r["start"], r["end"]) for r in rows}) == 696
