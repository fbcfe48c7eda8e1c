"""The blind speaker set (tests/data/speakers_blind/): one row for every gold source span, its text as the article has it.

(The article rule itself: tests/test_speakers_blind.py.)
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accordingto.read.polnear import gold_files, load_ann, read_text, text_files
from conftest import SHARED

BLIND = Path(__file__).resolve().parent / "data" / "speakers_blind" / "heldout_speakers.jsonl"
TRAIN = SHARED / "data" / "polnear" / "train"
TYPES = {"person", "organisation", "outlet", "document", "anonymous", "group", "artefact", None}

needs_train = pytest.mark.skipif(not TRAIN.is_dir(), reason="PolNeAR train is not in ../shared")


@pytest.fixture(scope="module")
def rows():
    return [json.loads(line) for line in BLIND.read_text(encoding="utf-8").splitlines() if line.strip()]


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
