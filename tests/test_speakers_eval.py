"""Speaker resolution against the hand-made set tests/data/speakers/dev_speakers.jsonl.

The set (see tests/data/speakers/README.md) gives the real speaker and its type
for every gold source span of 35 PolNeAR dev articles. The targets are a
speaker accuracy of 0.90 and a type accuracy of 0.85; a target the resolver
does not reach yet is marked xfail(strict=True) with the measured number, so
that the test turns red (XPASS) the day the resolver reaches it and the mark
must come off.

    .venv/bin/python benchmarks/speakers.py    # the numbers and the errors
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from accordingto.evaluation.speakers import TYPES, normalise_name, read_gold, same_speaker, score_speakers
from conftest import SHARED

GOLD = Path(__file__).resolve().parent / "data" / "speakers" / "dev_speakers.jsonl"
POLNEAR_DEV = SHARED / "data" / "polnear" / "dev"
OUTLETS = ("breitbart", "huff-post", "nyt", "politico", "usa-today", "wash-post", "west-journal")

SPEAKER_TARGET = 0.90
TYPE_TARGET = 0.85

needs_polnear = pytest.mark.skipif(not POLNEAR_DEV.exists(), reason="PolNeAR dev not available")


@pytest.fixture(scope="module")
def rows():
    return read_gold(GOLD)


@pytest.fixture(scope="module")
def scores(rows):
    if not POLNEAR_DEV.exists():
        pytest.skip("PolNeAR dev not available")
    from accordingto.pipeline import parse

    return score_speakers(rows, POLNEAR_DEV, nlp=parse)


# ---- the set itself ---------------------------------------------------------------------


def test_set_shape(rows):
    articles = {r["article"] for r in rows}
    assert len(articles) >= 30
    per_outlet = Counter(a.split("_")[0] for a in articles)
    assert set(per_outlet) == set(OUTLETS) and min(per_outlet.values()) >= 4, per_outlet
    for r in rows:
        assert r["type"] in TYPES or r["type"] is None, r
        assert r["speaker"] is None or r["speaker"].strip() == r["speaker"] != "", r
        assert r["speaker"] is not None or r["type"] is None, r  # no type without a speaker
    keys = [(r["article"], r["start"], r["end"]) for r in rows]
    assert len(keys) == len(set(keys)), "one row per source span"
    # most rows have a type: null types are the rare non-speaker sources
    assert sum(r["type"] is None for r in rows) <= 0.05 * len(rows)


@needs_polnear
def test_rows_are_the_articles_gold_sources(rows):
    from accordingto.read.polnear import iter_articles

    by_article: dict[str, list[dict]] = {}
    for r in rows:
        by_article.setdefault(r["article"], []).append(r)
    seen = set()
    for article, text, gold in iter_articles(POLNEAR_DEV):
        if article not in by_article:
            continue
        seen.add(article)
        for r in by_article[article]:
            assert text[r["start"] : r["end"]] == r["text"], (article, r)
        spans = {(g.source[0][0], g.source[-1][1]) for g in gold if g.source}
        assert spans == {(r["start"], r["end"]) for r in by_article[article]}, article
    assert seen == set(by_article)


def test_articles_are_the_first_per_outlet(rows):
    """The choice rule: the first five articles of each outlet in sorted order."""
    if not POLNEAR_DEV.exists():
        pytest.skip("PolNeAR dev not available")
    from accordingto.read.polnear import gold_files

    ids = sorted(gold_files(POLNEAR_DEV))
    first = {a for o in OUTLETS for a in [i for i in ids if i.split("_")[0] == o][:5]}
    assert {r["article"] for r in rows} == first


# ---- the comparison ---------------------------------------------------------------------


def test_name_matching():
    assert normalise_name("The Washington Post") == normalise_name("Washington Post")
    assert normalise_name("Clinton’s") == "clinton"
    assert same_speaker("Donald Trump", "Donald J. Trump")
    assert same_speaker("Hillary Rodham Clinton", "Hillary Clinton")
    assert same_speaker("Sen. Elizabeth Warren", "Elizabeth Warren")
    assert same_speaker("Bobby Scott", 'Robert C. "Bobby" Scott')
    assert same_speaker("James O'Neill", "James O’Neill")
    assert same_speaker(None, None)
    assert not same_speaker("Trump", "Donald Trump")
    assert not same_speaker("de Blasio", "Bill de Blasio")
    assert not same_speaker("Michelle Obama", "Barack Obama")
    assert not same_speaker(None, "Donald Trump") and not same_speaker("Donald Trump", None)
    assert same_speaker("source", "a source", "anonymous")
    assert same_speaker("Democrats", "Many Democrats", "group")
    assert same_speaker("Republicans on the panel, who", "Republicans on the panel", "group")
    assert not same_speaker("Republicans", "Republicans on the panel", "group")


# ---- the resolver -----------------------------------------------------------------------


@pytest.mark.slow
# Measured with the resolver (benchmarks/speakers.py): speaker accuracy 0.916 (702/766), type accuracy 0.969;
# it was 0.800 (613/766) on 2026-11-27, when this test was marked xfail.
def test_speaker_accuracy(scores):
    assert scores["rows"] == len(read_gold(GOLD))
    assert scores["speaker_accuracy"] >= SPEAKER_TARGET, json.dumps(
        {k: scores[k] for k in ("speaker_accuracy", "type_accuracy")}
    )


def test_type_accuracy(scores):
    assert scores["type_accuracy"] >= TYPE_TARGET, scores["type_accuracy"]


def test_scores_are_complete(scores):
    assert scores["articles"] >= 30
    assert sum(v["rows"] for v in scores["per_type"].values()) == sum(
        sum(c.values()) for c in scores["confusion"].values()
    )
    wrong = {(e["article"], e["start"]) for e in scores["errors"]}
    assert len(wrong) == len(scores["errors"])
    assert all(e["category"] for e in scores["errors"])
