"""Corpus mode: the DuckDB store, batch runs (resumable, deduplicated, failures), findings, export.

The batches run in fast mode on short made-up articles. The resumability
test runs the real command in a subprocess and SIGKILLs it three times at
random points (fixed seed), then checks that a last run leaves every
article stored exactly once.
"""

from __future__ import annotations

import csv
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from accordingto.cli import app
from accordingto.corpus.batch import Summary, run_batch
from accordingto.corpus.export import export
from accordingto.corpus.findings import findings, parse_by
from accordingto.corpus.store import Store, StoreError, article_rows, text_hash
from accordingto.read.corpus import to_article as real_to_article
from accordingto.schema import ArticleMeta, Attribution, Hedge, Mention, Profile, Report, Sentence, Span, Speaker

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner(env={"COLUMNS": "200", "NO_COLOR": "1"})

TOWNS = ["Millbrook", "Riverside", "Oakdale", "Fairview", "Lakeside", "Brookfield", "Greenville", "Hillcrest"]
NAMES = ["Jane Smith", "Tom Brown", "Maria Lopez", "Ahmed Khan", "Linda Park", "Peter Novak", "Grace Okafor"]
THINGS = ["roads", "schools", "the library", "bus lanes", "the harbor", "parks", "water mains"]


def make_article(i: int) -> str:
    """A short, distinct news article with a direct quote, a paraphrase and an anonymous source."""
    town, name, thing = TOWNS[i % len(TOWNS)], NAMES[i % len(NAMES)], THINGS[i % len(THINGS)]
    return (
        f"{town} Council Backs Plan Number {i}\n\n"
        f"The {town} council voted on Tuesday to spend {10 + i} million dollars on {thing}, officials said.\n\n"
        f'"This is a good day for {town}," said {name}, the mayor. '
        f"{name.split()[-1]} said work would start in {2030 + i % 7}.\n\n"
        f"According to a report by the state transport agency, traffic in {town} has grown by {i + 3} percent. "
        f"Critics claimed the plan would raise taxes.\n"
    )


def write_corpus(directory: Path, n: int, *, start: int = 0) -> list[str]:
    directory.mkdir(parents=True, exist_ok=True)
    ids = []
    for i in range(start, start + n):
        (directory / f"story-{i:03d}.txt").write_text(make_article(i), encoding="utf-8")
        ids.append(f"story-{i:03d}")
    return ids


def table(con, sql: str, params=None):
    return con.execute(sql, params or []).fetchall()


def scalar(con, sql: str, params=None):
    return con.execute(sql, params or []).fetchone()[0]


def check_consistent(con) -> None:
    """Every article's rows in the other tables match its report, and nothing is stored twice."""
    assert scalar(con, "SELECT count(*) - count(DISTINCT id) FROM articles") == 0
    assert scalar(con, "SELECT count(*) - count(DISTINCT text_hash) FROM articles") == 0
    mismatched = table(
        con,
        """
        SELECT a.id FROM articles a
        LEFT JOIN (SELECT article_id, count(*) AS n FROM attributions GROUP BY ALL) t ON t.article_id = a.id
        LEFT JOIN (SELECT article_id, count(*) AS n FROM speakers GROUP BY ALL) s ON s.article_id = a.id
        LEFT JOIN (SELECT article_id, count(*) AS n FROM mentions GROUP BY ALL) m ON m.article_id = a.id
        WHERE coalesce(t.n, 0) != json_array_length(a.report->'attributions')
           OR coalesce(s.n, 0) != json_array_length(a.report->'speakers')
           OR coalesce(m.n, 0) != (SELECT coalesce(sum(n_mentions), 0) FROM speakers WHERE article_id = a.id)
        """,
    )
    assert mismatched == []
    for name in ("attributions", "speakers", "mentions", "dates"):
        assert scalar(con, f"SELECT count(*) FROM {name} WHERE article_id NOT IN (SELECT id FROM articles)") == 0


@pytest.fixture()
def small_corpus(tmp_path):
    folder = tmp_path / "articles"
    ids = write_corpus(folder, 5)
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10binary")
    (folder / "blank.txt").write_bytes(b"")
    return folder, ids


# --- batch ------------------------------------------------------------------------------------


def test_batch_fills_the_store_and_reruns_add_nothing(small_corpus, tmp_path):
    folder, ids = small_corpus
    store = tmp_path / "corpus.duckdb"

    first = run_batch([folder], store, fast=True, progress=False)
    assert isinstance(first, Summary)
    assert (first.analysed, first.duplicates, first.failed) == (5, 0, 2)
    assert first.seconds > 0

    with duckdb.connect(str(store), read_only=True) as con:
        assert sorted(r[0] for r in table(con, "SELECT id FROM articles")) == ids
        assert scalar(con, "SELECT count(*) FROM attributions") >= 5 * 3
        assert scalar(con, "SELECT min(attributions) FROM articles") >= 2
        assert scalar(con, "SELECT count(*) FROM speakers WHERE name = 'Jane Smith' AND type = 'person'") == 1
        assert scalar(con, "SELECT count(*) FROM attributions WHERE kind = 'direct' AND quoted_words > 0") >= 5
        assert scalar(con, "SELECT count(*) FROM attributions WHERE stance = 'loaded'") >= 5  # "Critics claimed"
        check_consistent(con)
        # offsets point into the analysed text
        assert table(
            con,
            """SELECT m.text FROM mentions m JOIN articles a ON a.id = m.article_id
               WHERE substr(a.report->>'text', m.start + 1, m."end" - m.start) != m.text""",
        ) == []
        row = table(con, "SELECT source, format, fast, n_words, published, report->>'$.article.id' FROM articles WHERE id = 'story-000'")[0]
        assert row[0].endswith("story-000.txt") and row[1] == "text" and row[2] is True and row[3] > 40
        assert row[4] is None and row[5] == "story-000"
        failures = dict(table(con, "SELECT id, reason FROM failures"))
        assert set(failures) == {"photo", "blank"}
        assert "binary" in failures["photo"] and "empty" in failures["blank"]
        counts = {t: scalar(con, f"SELECT count(*) FROM {t}") for t in ("articles", "attributions", "speakers", "mentions", "dates")}

    again = run_batch([folder], store, fast=True, progress=False)
    assert (again.analysed, again.duplicates, again.failed) == (0, 5, 2)

    # the same text under another id is a duplicate too
    (folder / "syndicated-copy.txt").write_text(make_article(2), encoding="utf-8")
    third = run_batch([folder], store, fast=True, progress=False)
    assert (third.analysed, third.duplicates, third.failed) == (0, 6, 2)

    with duckdb.connect(str(store), read_only=True) as con:
        assert {t: scalar(con, f"SELECT count(*) FROM {t}") for t in counts} == counts
        assert scalar(con, "SELECT count(*) FROM failures") == 2  # failures are replaced, not piled up
        assert scalar(con, "SELECT count(*) FROM articles WHERE id = 'syndicated-copy'") == 0


def test_failure_cleared_once_the_article_is_read(tmp_path):
    folder = tmp_path / "in"
    write_corpus(folder, 1)
    (folder / "late.txt").write_bytes(b"")
    store = tmp_path / "s.duckdb"
    assert run_batch([folder], store, fast=True, progress=False).failed == 1
    (folder / "late.txt").write_text(make_article(7), encoding="utf-8")
    summary = run_batch([folder], store, fast=True, progress=False)
    assert (summary.analysed, summary.duplicates, summary.failed) == (1, 1, 0)
    with duckdb.connect(str(store), read_only=True) as con:
        assert scalar(con, "SELECT count(*) FROM failures") == 0
        assert scalar(con, "SELECT count(*) FROM articles") == 2


def test_jsonl_metadata_reaches_the_store(tmp_path):
    lines = [
        {"id": "a", "text": make_article(0), "outlet": "Daily", "published": "2024-01-05", "url": "https://x.test/a"},
        {"id": "b", "text": make_article(1), "outlet": "Herald", "published": "2024-02-10T08:00:00Z"},
        {"id": "c", "html": "<p>nothing</p>"},
        "not an object",
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n{broken\n", encoding="utf-8")
    store = tmp_path / "s.duckdb"
    summary = run_batch([path], store, fast=True, progress=False)
    assert (summary.analysed, summary.failed) == (2, 3)
    with duckdb.connect(str(store), read_only=True) as con:
        rows = table(con, "SELECT id, outlet, published::VARCHAR, url FROM articles ORDER BY id")
        assert rows == [("a", "Daily", "2024-01-05", "https://x.test/a"), ("b", "Herald", "2024-02-10", None)]
        assert scalar(con, "SELECT count(*) FROM failures WHERE source LIKE '%feed.jsonl#line%'") == 3


# Picklable by reference (test_corpus.flaky_to_article): runs in the worker processes too.
def flaky_to_article(record):
    data = record.data if isinstance(record.data, bytes) else record.data.encode()
    if b"SLOWDOWN" in data:
        time.sleep(60)
    if b"BOOM" in data:
        raise RuntimeError("boom in the reader")
    return real_to_article(record)


@pytest.mark.slow
def test_workers_timeout_and_exceptions_do_not_stop_the_run(tmp_path, monkeypatch):
    import accordingto.read.corpus as corpus

    folder = tmp_path / "in"
    ids = write_corpus(folder, 4)
    (folder / "b-slow.txt").write_text("SLOWDOWN\n" + make_article(20), encoding="utf-8")
    (folder / "c-boom.txt").write_text("BOOM\n" + make_article(21), encoding="utf-8")
    (folder / "zz-copy-of-002.txt").write_text(make_article(2), encoding="utf-8")
    monkeypatch.setattr(corpus, "to_article", flaky_to_article)
    store = tmp_path / "s.duckdb"

    summary = run_batch([folder], store, workers=2, fast=True, progress=False, timeout=3)
    assert (summary.analysed, summary.duplicates, summary.failed) == (4, 1, 2)
    with duckdb.connect(str(store), read_only=True) as con:
        assert sorted(r[0] for r in table(con, "SELECT id FROM articles")) == ids
        failures = dict(table(con, "SELECT id, reason FROM failures"))
        assert failures == {"b-slow": "timed out after 3 s", "c-boom": "RuntimeError: boom in the reader"}
        check_consistent(con)


def test_inline_timeout(tmp_path, monkeypatch):
    import accordingto.read.corpus as corpus

    folder = tmp_path / "in"
    write_corpus(folder, 1)
    (folder / "slow.txt").write_text("SLOWDOWN\n" + make_article(20), encoding="utf-8")
    monkeypatch.setattr(corpus, "to_article", flaky_to_article)
    summary = run_batch([folder], tmp_path / "s.duckdb", fast=True, progress=False, timeout=0.5)
    assert (summary.analysed, summary.failed) == (1, 1)
    with duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True) as con:
        assert table(con, "SELECT id, reason FROM failures") == [("slow", "timed out after 0.5 s")]


@pytest.mark.slow
def test_resumable_after_sigkill(tmp_path):
    """SIGKILL the batch three times at random moments (seeded), run it again: every article exactly once."""
    folder = tmp_path / "corpus"
    ids = write_corpus(folder, 30)
    store = tmp_path / "corpus.duckdb"
    wal = Path(f"{store}.wal")
    command = [sys.executable, "-m", "accordingto.cli", "batch", str(folder), "--store", str(store), "--fast", "-q"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    rng = random.Random(20260314)
    killed = 0
    for attempt, workers in enumerate((1, 2, 1)):
        commits = rng.randint(3, 8)  # kill after this many commits (changes of the write-ahead log)…
        extra = rng.uniform(0.0, 0.03)  # …and a little later: mid-transaction, mid-analysis
        process = subprocess.Popen(
            [*command, "--workers", str(workers)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        seen, last, deadline = 0, None, time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline:
            size = wal.stat().st_size if wal.exists() else None
            if size != last and size:
                seen += 1
                last = size
            if seen >= commits:
                time.sleep(extra)
                break
            time.sleep(0.003)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            killed += 1
        process.wait(timeout=30)
    assert killed == 3

    # the killed store opens (its log replayed) and holds only whole articles
    with duckdb.connect(str(store), read_only=True) as con:
        partial = scalar(con, "SELECT count(*) FROM articles")
        assert 0 < partial < len(ids)
        check_consistent(con)

    done = subprocess.run([*command], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"{len(ids) - partial} analysed, {partial} duplicates, 0 failed" in done.stderr
    with duckdb.connect(str(store), read_only=True) as con:
        assert sorted(r[0] for r in table(con, "SELECT id FROM articles")) == ids
        check_consistent(con)
        assert scalar(con, "SELECT count(*) FROM failures") == 0


# --- the store directly --------------------------------------------------------------------------


def _span(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(start=start, end=start + len(part), text=part)


def _attribution(text: str, i: int, speaker: Speaker | None, content: str, **kw) -> Attribution:
    cue = kw.pop("cue", "said")
    return Attribution(
        id=i,
        source=[_span(text, speaker.name)] if speaker else [],
        cue=[_span(text, cue)],
        content=[_span(text, content)],
        kind=kw.pop("kind", "indirect"),
        speaker_id=speaker.id if speaker else None,
        speaker=speaker.name if speaker else None,
        **kw,
    )


def known_reports() -> list[Report]:
    """Four articles whose findings are worked out by hand in test_findings_known_corpus."""
    t1 = 'Jane Smith said the plan works. "It is ready," Jane Smith claimed. Officials said it cost more. It rained. Roads allegedly closed.'
    jane = Speaker(id=0, name="Jane Smith", type="person", attributions=2, quoted_words=3,
                   mentions=[Mention(start=0, end=10, text="Jane Smith", kind="name")])
    officials = Speaker(id=1, name="Officials", type="anonymous", attributions=1,
                        mentions=[Mention(start=t1.index("Officials"), end=t1.index("Officials") + 9, text="Officials", kind="nominal")])
    a1 = Report(
        article=ArticleMeta(id="a1", outlet="Daily", published="2024-01-05"),
        text=t1,
        attributions=[
            _attribution(t1, 0, jane, "the plan works"),
            _attribution(t1, 1, jane, '"It is ready,"', cue="claimed", kind="direct", quoted_words=3, stance="loaded"),
            _attribution(t1, 2, officials, "it cost more"),
        ],
        speakers=[jane, officials],
        unattributed=[Sentence(start=t1.index("It rained"), end=t1.index("It rained") + 10, text="It rained.")],
        hedges=[Hedge(start=t1.index("allegedly"), end=t1.index("allegedly") + 9, text="allegedly", attributed=False)],
        profile=Profile(voices=2, attributions=3, quoted_words=3, secondhand_share=0.0, anonymous_share=1 / 3,
                        nested=0, hedged=1, loaded_cues=1, unattributed_share=0.25),
    )
    t2 = "Reuters said the port reopened. Ships are waiting."
    reuters = Speaker(id=0, name="Reuters", type="outlet", attributions=1,
                      mentions=[Mention(start=0, end=7, text="Reuters", kind="name")])
    a2 = Report(
        article=ArticleMeta(id="a2", outlet="Daily", published="2024-02-10"),
        text=t2,
        attributions=[_attribution(t2, 0, reuters, "the port reopened", secondhand=True)],
        speakers=[reuters],
    )
    t3 = "It was said that the bridge is unsafe. The bridge is old."
    a3 = Report(
        article=ArticleMeta(id="a3", outlet="Herald", published="2024-02-20"),
        text=t3,
        attributions=[_attribution(t3, 0, None, "the bridge is unsafe")],
        speakers=[],
        unattributed=[Sentence(start=t3.index("The bridge"), end=len(t3), text="The bridge is old.")],
    )
    a4 = Report(article=ArticleMeta(id="a4"), text="Nothing was reported today.", attributions=[], speakers=[])
    return [a1, a2, a3, a4]


@pytest.fixture()
def known_store(tmp_path):
    path = tmp_path / "known.duckdb"
    with Store(path) as store:
        for report in known_reports():
            assert store.write(article_rows(report, fast=True))
    return path


def test_store_writes_each_article_once(known_store):
    a1 = known_reports()[0]
    with Store(known_store) as store:
        assert store.write(article_rows(a1)) is False  # same id
        copy = a1.model_copy(deep=True)
        copy.article.id = "a1-again"
        assert store.write(article_rows(copy)) is False  # same text
        assert store.has_id("a1") and store.has_hash(text_hash(a1.text)) and not store.has_id("a1-again")
        store.add_failure("x", "x.txt", "first")
        store.add_failure("x", "x.txt", "second")
        counts = store.counts()
    assert counts == {"articles": 4, "attributions": 5, "speakers": 3, "mentions": 3, "dates": 0, "failures": 1}
    with duckdb.connect(str(known_store), read_only=True) as con:
        assert scalar(con, "SELECT reason FROM failures") == "second"
        # profile columns: from the report's profile (a1), else counted (a2, a3)
        rows = table(con, "SELECT id, voices, attributions, secondhand_share, anonymous_share, unattributed_share, hedged, loaded_cues, published::VARCHAR FROM articles ORDER BY id")
        assert rows[0] == ("a1", 2, 3, 0.0, pytest.approx(1 / 3), 0.25, 1, 1, "2024-01-05")
        assert rows[1] == ("a2", 1, 1, 1.0, 0.0, 0.0, 0, 0, "2024-02-10")
        assert rows[2] == ("a3", 0, 1, 0.0, 0.0, 0.5, 0, 0, "2024-02-20")
        assert table(con, "SELECT offsets, speaker_type FROM attributions WHERE article_id = 'a2'") == [
            ('{"source": [[0, 7]], "cue": [[8, 12]], "content": [[13, 30]]}', "outlet")
        ]


def test_store_transaction_is_all_or_nothing(tmp_path):
    """An insert that fails half way leaves none of the article's rows."""
    path = tmp_path / "s.duckdb"
    a1 = known_reports()[0]
    rows = article_rows(a1)
    bad = list(rows.tables["speakers"][0])
    bad[1] = "not a number"  # speakers.id is an INTEGER: the insert fails after articles and attributions
    rows.tables["speakers"][0] = tuple(bad)
    with Store(path) as store:
        with pytest.raises(StoreError, match="cannot store article a1"):
            store.write(rows)
        assert store.counts()["articles"] == 0 and store.counts()["attributions"] == 0
        assert store.write(article_rows(a1)) is True


def test_not_a_store_is_refused(tmp_path):
    bogus = tmp_path / "bogus.duckdb"
    bogus.write_text("not a database")
    with pytest.raises(StoreError, match="cannot open the store"):
        Store(bogus)
    with pytest.raises(StoreError, match="no store at"):
        findings(tmp_path / "missing.duckdb")
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE t (x INT)").close()
    with pytest.raises(StoreError, match="not an accordingto store"):
        findings(other)


# --- findings ------------------------------------------------------------------------------------


def test_findings_known_corpus(known_store):
    tables = findings(known_store, by=("outlet", "month"))
    assert list(tables) == [
        "corpus", "overall", "by_outlet", "by_month", "by_outlet_month",
        "source_types", "source_types_by_outlet", "source_types_by_month",
        "gender", "gender_by_outlet", "gender_by_month", "gender_by_outlet_month",
        "top_speakers", "top_speakers_by_outlet",
    ]
    corpus = tables["corpus"].to_dicts()[0]
    assert corpus == {"articles": 4, "outlets": 2, "first_published": "2024-01-05", "last_published": "2024-02-20",
                      "undated": 1, "attributions": 5, "speakers": 3, "failures": 0}

    overall = tables["overall"].to_dicts()[0]
    assert overall["articles"] == 4 and overall["attributions"] == 5
    assert overall["attributions_per_article"] == pytest.approx(5 / 4)
    assert overall["voices_per_article"] == pytest.approx((2 + 1 + 0 + 0) / 4)
    assert overall["quoted_words_per_article"] == pytest.approx(3 / 4)
    assert overall["secondhand_share"] == pytest.approx(1 / 5)
    assert overall["anonymous_share"] == pytest.approx(1 / 5)
    assert overall["loaded_cues"] == 1 and overall["loaded_share"] == pytest.approx(1 / 5)
    assert overall["hedged"] == 1 and overall["hedged_per_article"] == pytest.approx(1 / 4)
    assert overall["unattributed_share"] == pytest.approx((0.25 + 0.0 + 0.5 + 0.0) / 4)

    by_outlet = tables["by_outlet"]
    assert by_outlet.column("outlet") == ["(unknown)", "Daily", "Herald"]
    daily = by_outlet.row(outlet="Daily")
    assert (daily["articles"], daily["attributions"]) == (2, 4)
    assert daily["voices_per_article"] == pytest.approx(1.5)
    assert daily["secondhand_share"] == pytest.approx(0.25) and daily["anonymous_share"] == pytest.approx(0.25)
    herald = by_outlet.row(outlet="Herald")
    assert (herald["attributions"], herald["voices_per_article"], herald["secondhand_share"]) == (1, 0, 0)
    assert herald["unattributed_share"] == pytest.approx(0.5)
    unknown = by_outlet.row(outlet="(unknown)")
    assert unknown["attributions"] == 0 and unknown["secondhand_share"] is None  # no attributions: no share

    by_month = tables["by_month"]
    assert by_month.column("month") == ["(undated)", "2024-01", "2024-02"]
    feb = by_month.row(month="2024-02")
    assert (feb["articles"], feb["attributions"], feb["secondhand_share"]) == (2, 2, 0.5)
    assert len(tables["by_outlet_month"].rows) == 4

    types = {r["speaker_type"]: (r["attributions"], r["share"]) for r in tables["source_types"].to_dicts()}
    assert types == {"person": (2, 0.4), "anonymous": (1, 0.2), "outlet": (1, 0.2), "(none)": (1, 0.2)}
    herald_types = [r for r in tables["source_types_by_outlet"].to_dicts() if r["outlet"] == "Herald"]
    assert herald_types == [{"outlet": "Herald", "speaker_type": "(none)", "attributions": 1, "share": 1.0}]

    top = tables["top_speakers"].to_dicts()
    assert top[0] == {"speaker": "Jane Smith", "type": "person", "articles": 1, "attributions": 2, "quoted_words": 3}
    assert [r["speaker"] for r in top] == ["Jane Smith", "Officials", "Reuters"]
    assert {r["outlet"] for r in tables["top_speakers_by_outlet"].to_dicts()} == {"Daily"}

    weekly = findings(known_store, by="week")
    assert weekly["by_week"].column("week") == ["(undated)", "2024-W01", "2024-W06", "2024-W08"]


def test_findings_grouping_is_checked():
    assert parse_by("outlet, month") == ("outlet", "month")
    assert parse_by("month,outlet") == ("outlet", "month")
    assert parse_by(["day"]) == ("day",)
    with pytest.raises(StoreError, match="cannot group by 'topic'"):
        parse_by("outlet,topic")
    with pytest.raises(StoreError, match="one period at most"):
        parse_by("month,week")


def test_findings_command_prints_and_writes_html_and_csv(known_store, tmp_path):
    page, folder = tmp_path / "report" / "findings.html", tmp_path / "csv"
    result = runner.invoke(app, ["findings", str(known_store), "--by", "outlet,month", "--html", str(page), "--csv", str(folder)])
    assert result.exit_code == 0, result.output
    assert "Most quoted speakers" in result.output and "Jane Smith" in result.output and "20.0%" in result.output

    html = page.read_text(encoding="utf-8")
    assert html.count("<svg") >= 5
    assert "<script" not in html and 'src="http' not in html and 'href="http' not in html  # opens offline
    assert "Jane Smith" in html and "Sourcing findings" in html

    with (folder / "by_outlet.csv").open(encoding="utf-8") as f:
        rows = {r["outlet"]: r for r in csv.DictReader(f)}
    assert float(rows["Daily"]["secondhand_share"]) == pytest.approx(0.25)
    assert rows["(unknown)"]["secondhand_share"] == ""
    assert {p.name for p in folder.iterdir()} >= {"overall.csv", "top_speakers.csv", "source_types.csv"}


def test_findings_and_export_errors_are_one_line(tmp_path, known_store):
    result = runner.invoke(app, ["findings", str(tmp_path / "nope.duckdb")])
    assert result.exit_code == 1 and result.output.strip() == f"accordingto: no store at {tmp_path / 'nope.duckdb'}"
    result = runner.invoke(app, ["findings", str(known_store), "--by", "month,day"])
    assert result.exit_code == 1 and result.output.count("\n") == 1
    result = runner.invoke(app, ["export", str(known_store), "--format", "xlsx", "--out", str(tmp_path / "x")])
    assert result.exit_code == 1 and "unknown export format 'xlsx'" in result.output


def test_store_in_use_is_reported(known_store):
    with Store(known_store):
        # DuckDB locks the file across processes; in this process a second open of the same file is refused too
        result = subprocess.run(
            [sys.executable, "-m", "accordingto.cli", "findings", str(known_store)],
            capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, timeout=60,
        )
    assert result.returncode == 1
    assert result.stderr.strip().endswith("is in use by another process (is a batch still running?)")
    assert result.stderr.count("\n") == 1


# --- export --------------------------------------------------------------------------------------


def test_export_parquet_and_csv(known_store, tmp_path):
    written = export(known_store, tmp_path / "parquet")
    assert [p.name for p in written] == [f"{t}.parquet" for t in ("articles", "attributions", "speakers", "mentions", "dates", "failures")]
    con = duckdb.connect()
    assert scalar(con, f"SELECT count(*) FROM read_parquet('{tmp_path / 'parquet' / 'articles.parquet'}')") == 4
    assert table(con, f"SELECT article_id, id, speaker FROM read_parquet('{tmp_path / 'parquet' / 'attributions.parquet'}')") == [
        ("a1", 0, "Jane Smith"), ("a1", 1, "Jane Smith"), ("a1", 2, "Officials"), ("a2", 0, "Reuters"), ("a3", 0, None)
    ]
    report = scalar(con, f"SELECT report FROM read_parquet('{tmp_path / 'parquet' / 'articles.parquet'}') WHERE id = 'a2'")
    assert Report.model_validate_json(report).attributions[0].speaker == "Reuters"

    result = runner.invoke(app, ["export", str(known_store), "--format", "csv", "--out", str(tmp_path / "csv")])
    assert result.exit_code == 0, result.output
    with (tmp_path / "csv" / "speakers.csv").open(encoding="utf-8") as f:
        assert [r["name"] for r in csv.DictReader(f)] == ["Jane Smith", "Officials", "Reuters"]


# --- the command ---------------------------------------------------------------------------------


def test_batch_command(small_corpus, tmp_path):
    folder, ids = small_corpus
    store = tmp_path / "cli.duckdb"
    result = runner.invoke(app, ["batch", str(folder), "--store", str(store), "--fast", "--quiet"])
    assert result.exit_code == 0, result.output
    assert "5 analysed, 0 duplicates, 2 failed" in result.output and str(store) in result.output
    result = runner.invoke(app, ["batch", str(folder), "--store", str(store), "--fast"])
    assert result.exit_code == 0 and "0 analysed, 5 duplicates, 2 failed" in result.output

    bogus = tmp_path / "bogus.duckdb"
    bogus.write_text("not a database")
    result = runner.invoke(app, ["batch", str(folder), "--store", str(bogus), "--fast"])
    assert result.exit_code == 1
    assert result.output.startswith("accordingto: cannot open the store") and result.output.count("\n") == 1


def _voice_report(article_id: str, name: str, type: str = "person", n: int = 1) -> Report:
    text = " ".join(f"{name} said point {i} matters." for i in range(n)) + f" Story {article_id}."
    speaker = Speaker(id=0, name=name, type=type, attributions=n,
                      mentions=[Mention(start=0, end=len(name), text=name, kind="name")])
    atts = []
    after = 0
    for i in range(n):
        content = f"point {i} matters"
        start = text.index(content, after)
        after = start + 1
        atts.append(Attribution(id=i, source=[_span(text, name, text.rfind(name, 0, start))], cue=[_span(text, "said", text.rfind("said", 0, start))],
                                content=[Span(start=start, end=start + len(content), text=content)], kind="indirect",
                                speaker_id=0, speaker=name))
    return Report(article=ArticleMeta(id=article_id, outlet="Daily"), text=text, attributions=atts, speakers=[speaker])


def test_top_speakers_merge_one_voice_across_articles(tmp_path):
    """"Donald J. Trump", "Donald Trump", "President Trump" and a lone "Trump" are one voice; Eric Trump stays
    apart, and so does a lone "Clinton" when two Clintons are quoted about as often."""
    reports = [
        _voice_report("t1", "Donald J. Trump", n=2),
        _voice_report("t2", "Donald Trump"),
        _voice_report("t3", "Donald Trump"),
        _voice_report("t4", "Trump"),
        _voice_report("t5", "Donald Trump"),
        _voice_report("t6", "Eric Trump"),
        _voice_report("c1", "Hillary Clinton"),
        _voice_report("c2", "Bill Clinton"),
        _voice_report("c3", "Clinton"),
        _voice_report("p1", "The Associated Press", type="outlet"),
        _voice_report("p2", "Associated Press", type="outlet"),
    ]
    path = tmp_path / "voices.duckdb"
    with Store(path) as store:
        for report in reports:
            assert store.write(article_rows(report, fast=True))
    top = {r["speaker"]: (r["articles"], r["attributions"]) for r in findings(path, by="outlet")["top_speakers"].to_dicts()}
    assert top["Donald Trump"] == (5, 6)  # t1 (2) + t2 + t3 + t4 (the lone last name) + t5
    assert top["Eric Trump"] == (1, 1)
    assert top["Clinton"] == (1, 1) and top["Hillary Clinton"] == (1, 1) and top["Bill Clinton"] == (1, 1)
    ap = {name: v for name, v in top.items() if name.endswith("Associated Press")}
    assert list(ap.values()) == [(2, 2)]  # one row, under either form (one article each)
    assert "Trump" not in top and "Donald J. Trump" not in top
