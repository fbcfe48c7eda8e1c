"""Gender in the corpus: store columns, the migration of older stores, findings (tables, CSV, HTML), the API."""

from __future__ import annotations

import duckdb
import pytest

from accordingto.corpus.findings import findings, print_findings, write_csv
from accordingto.corpus.html import render_html
from accordingto.corpus.store import SPEAKERS, STORE_SCHEMA_VERSION, Store, article_rows, table_columns
from accordingto.schema import ArticleMeta, Attribution, GenderEvidence, GenderSpan, Mention, Report, Span, Speaker


def _person(i, name, gender, kind, attributions, words, text):
    start = text.index(name)
    spans = []
    if kind == "text":
        j = text.index(" she " if gender == "woman" else " he ") + 1
        w = "she" if gender == "woman" else "he"
        spans = [GenderSpan(start=j, end=j + len(w), text=w, cue="pronoun", gender=gender)]
    return Speaker(
        id=i, name=name, type="person", attributions=attributions, quoted_words=words, gender=gender,
        gender_evidence=GenderEvidence(kind=kind, spans=spans),
        mentions=[Mention(start=start, end=start + len(name), text=name, kind="name")],
    )


def _attr(text, i, sp, words=0):
    start = text.index(sp.name)
    return Attribution(
        id=i, source=[Span(start=start, end=start + len(sp.name), text=sp.name)], cue=[], content=[],
        kind="direct" if words else "indirect", speaker_id=sp.id, speaker=sp.name, quoted_words=words,
    )


def reports() -> list[Report]:
    """Daily: Ann (woman, 10 words, 2 attributions), Bob (man, 30 words); Herald: Kit (unknown, 20 words)
    and an organisation (not a person: never counted)."""
    t1 = "Ann Lee said it, she said. Bob Cho said it, he said."
    ann = _person(0, "Ann Lee", "woman", "text", 2, 10, t1)
    bob = _person(1, "Bob Cho", "man", "text", 1, 30, t1)
    a1 = Report(article=ArticleMeta(id="d1", outlet="Daily", published="2024-01-05"), text=t1,
                attributions=[_attr(t1, 0, ann, 4), _attr(t1, 1, ann, 6), _attr(t1, 2, bob, 30)], speakers=[ann, bob])
    t2 = "Kit Poe said so. The Council said so."
    kit = _person(0, "Kit Poe", "unknown", "none", 1, 20, t2)
    council = Speaker(id=1, name="The Council", type="organisation", attributions=1, quoted_words=5,
                      mentions=[Mention(start=17, end=28, text="The Council", kind="name")])
    a2 = Report(article=ArticleMeta(id="h1", outlet="Herald", published="2024-02-05"), text=t2,
                attributions=[_attr(t2, 0, kit, 20), _attr(t2, 1, council, 5)], speakers=[kit, council])
    return [a1, a2]


@pytest.fixture()
def store(tmp_path):
    path = tmp_path / "g.duckdb"
    with Store(path) as s:
        for r in reports():
            assert s.write(article_rows(r))
    return path


def test_speaker_rows_carry_gender(store):
    with duckdb.connect(str(store), read_only=True) as con:
        rows = con.execute("SELECT name, gender, gender_evidence, gender_spans::VARCHAR FROM speakers ORDER BY name").fetchall()
    assert rows[0][:3] == ("Ann Lee", "woman", "text") and '"cue": "pronoun"' in rows[0][3]
    assert rows[2][:3] == ("Kit Poe", "unknown", "none")
    assert rows[3][:3] == ("The Council", None, None)


def test_findings_gender(store, tmp_path):
    tables = findings(store, by="outlet")
    overall = tables["gender"].to_dicts()[0]
    assert (overall["people"], overall["women"], overall["men"], overall["unknown"]) == (3, 1, 1, 1)
    assert overall["women_share"] == pytest.approx(1 / 3) and overall["unknown_share"] == pytest.approx(1 / 3)
    assert overall["quoted_words"] == 60  # the organisation's 5 words are not a person's
    assert overall["women_words_share"] == pytest.approx(10 / 60)
    assert overall["men_words_share"] == pytest.approx(30 / 60)
    assert overall["unknown_words_share"] == pytest.approx(20 / 60)
    daily = tables["gender_by_outlet"].row(outlet="Daily")
    assert (daily["people"], daily["women_share"], daily["unknown_share"]) == (2, 0.5, 0.0)
    herald = tables["gender_by_outlet"].row(outlet="Herald")
    assert (herald["people"], herald["unknown_share"], herald["unknown_words_share"]) == (1, 1.0, 1.0)

    from rich.console import Console

    console = Console(record=True, width=160)
    print_findings(tables, console)
    out = console.export_text()
    flat = " ".join(out.split())
    assert "Quoted people by gender" in flat and "identity" in flat
    written = write_csv(tables, tmp_path / "csv")
    assert (tmp_path / "csv" / "gender_by_outlet.csv") in written
    assert (tmp_path / "csv" / "gender_by_outlet.csv").read_text().splitlines()[0].startswith(
        "outlet,people,women,men,unknown,women_share,men_share,unknown_share"
    )
    page = render_html(tables)
    assert "Women, men and unknown among quoted people per outlet" in page
    assert "never a person&#x27;s identity" in page or "never a person's identity" in page


def _old_store(path):
    """A store as store schema 1 wrote it: the speakers table without the gender columns."""
    with Store(path) as s:
        for r in reports():
            s.write(article_rows(r))
    con = duckdb.connect(str(path))
    for c in ("gender", "gender_evidence", "gender_spans"):
        con.execute(f'ALTER TABLE speakers DROP COLUMN "{c}"')
    con.execute("UPDATE store_info SET value = '1' WHERE key = 'store_schema'")
    con.close()


def test_an_older_store_reads_as_unknown_and_is_migrated_on_write(tmp_path):
    path = tmp_path / "old.duckdb"
    _old_store(path)
    # read-only (findings): no gender column, every person unknown
    overall = findings(path, by="outlet")["gender"].to_dicts()[0]
    assert (overall["people"], overall["unknown"], overall["unknown_share"]) == (3, 3, 1.0)
    # opened for writing: the columns are added, the old rows stay NULL (unknown), new rows carry gender
    with Store(path) as s:
        assert {"gender", "gender_evidence", "gender_spans"} <= table_columns(s.con, "speakers")
        assert s.con.execute("SELECT value FROM store_info WHERE key = 'store_schema'").fetchone()[0] == STORE_SCHEMA_VERSION
        new = reports()[0].model_copy(deep=True)
        new.article.id, new.text = "d2", new.text + " Again."
        assert s.write(article_rows(new))
    overall = findings(path, by="outlet")["gender"].to_dicts()[0]
    assert (overall["people"], overall["women"], overall["men"], overall["unknown"]) == (5, 1, 1, 3)
    assert [c for c, _, _ in SPEAKERS][-3:] == ["gender", "gender_evidence", "gender_spans"]


def test_api_findings_has_gender(store):
    from fastapi.testclient import TestClient

    from accordingto.web.app import create_app

    with TestClient(create_app(store, workers=1)) as client:
        data = client.get("/api/findings", params={"by": "outlet"}).json()
    t = data["tables"]["gender_by_outlet"]
    row = dict(zip(t["columns"], t["rows"][0]))
    assert row["outlet"] == "Daily" and row["women_share"] == 0.5 and row["unknown_share"] == 0.0
    assert "gender" in data["tables"]
