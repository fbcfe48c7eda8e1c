"""The store's ``n_sentences`` is the profile's count (spaCy's sentences), and older stores are migrated."""

from __future__ import annotations

import duckdb
import pytest

from accordingto.corpus.store import ARTICLES, STORE_SCHEMA_VERSION, Store, article_rows, count_sentences
from accordingto.pipeline import analyze
from accordingto.schema import ArticleMeta, Report

N_SENTENCES = [name for name, _, _ in ARTICLES].index("n_sentences")
# "Dr." ends no sentence for spaCy; the old regex count split there
TEXT = 'Dr. Jane Smith said the plan works. "It is fine," she said on Monday.\n\nThe council met on Tuesday.\n'


@pytest.fixture(scope="module")
def report() -> Report:
    r = analyze(TEXT, fast=True)
    r.article = ArticleMeta(id="a1")
    return r


def _stored(rows) -> int | None:
    (article,) = rows.tables["articles"]
    return article[N_SENTENCES]


def test_the_profile_carries_the_sentence_count(report):
    from accordingto.pipeline import parse

    assert report.profile.n_sentences == sum(1 for _ in parse(TEXT).sents)
    assert report.profile.unattributed_share == pytest.approx(len(report.unattributed) / report.profile.n_sentences, abs=5e-4)


def test_the_store_keeps_the_profiles_count(report):
    assert _stored(article_rows(report)) == report.profile.n_sentences
    assert count_sentences(TEXT) != report.profile.n_sentences  # what it stored before: another count


def test_a_report_without_a_profile_has_no_count(report):
    bare = report.model_copy(update={"profile": None})
    assert _stored(article_rows(bare)) is None


def test_an_older_store_loses_its_old_counts_when_migrated(report, tmp_path):
    path = tmp_path / "old.duckdb"
    with Store(path) as s:
        s.write(article_rows(report))
    con = duckdb.connect(str(path))
    con.execute("UPDATE articles SET n_sentences = 5")  # the regex count of store schema 2
    con.execute("UPDATE store_info SET value = '2' WHERE key = 'store_schema'")
    con.close()
    with Store(path) as s:
        assert s.con.execute("SELECT value FROM store_info WHERE key = 'store_schema'").fetchone()[0] == "3"
        assert s.con.execute("SELECT n_sentences FROM articles").fetchall() == [(None,)]
        new = report.model_copy(deep=True)
        new.article.id, new.text = "a2", new.text + "Again.\n"
        assert s.write(article_rows(new))
        assert s.con.execute("SELECT n_sentences FROM articles WHERE id = 'a2'").fetchone() == (report.profile.n_sentences,)
    with Store(path) as s:  # a current store is left alone
        assert s.con.execute("SELECT count(*) FROM articles WHERE n_sentences IS NULL").fetchone() == (1,)
    assert STORE_SCHEMA_VERSION == "3"
