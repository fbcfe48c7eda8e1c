"""Corpus inputs: directories, JSON Lines, WARC, RSS/Atom feeds, PolNeAR; gzipped; streaming."""

from __future__ import annotations

import gzip
import io
import itertools
import json
import shutil
import time
import tracemalloc
from pathlib import Path

import pytest
from conftest import SHARED

from accordingto.errors import EmptyInputError, InputError
from accordingto.read import Article
from accordingto.read.corpus import Failure, Record, detect_format, iter_records, to_article

DATA = Path(__file__).parent / "data" / "corpus"
POLNEAR = SHARED / "data" / "polnear"

PARAGRAPHS = [
    "The county water board voted on Wednesday to raise rates by four percent next year,"
    " the first increase since 2019.",
    '"We have put off pipe repairs for too long," said board chair Marta Ellison.'
    " She said the money would pay for new mains on the east side.",
    "Residents who spoke at the meeting were split, according to the board's minutes,"
    " with several asking for a smaller increase.",
]
TEXT = "Water Rates to Rise\n\n" + "\n\n".join(PARAGRAPHS) + "\n"


def html_page(title: str, *, date: str | None = None) -> str:
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{meta}</head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )


def records(inputs) -> list[Record | Failure]:
    return list(iter_records(inputs))


# --- directory ------------------------------------------------------------------------


def test_directory_of_text_and_html_files():
    out = records([DATA / "articles"])
    assert [r.id for r in out] == ["2025/council-budget", "harbor-ferry"]  # sorted, recursive, .md and hidden skipped
    assert all(isinstance(r, Record) for r in out)
    page, text = out
    assert page.format == "html" and text.format == "text"
    assert isinstance(text.data, bytes) and text.data.startswith(b"Harbor Ferry Service")
    assert page.source.endswith("council-budget.html")

    article = to_article(page)
    assert isinstance(article, Article)
    assert article.meta.id == "2025/council-budget"
    assert article.meta.published == "2025-02-03"
    assert article.meta.author == "Priya Anand"
    assert "Sunday hours matter" in article.text
    article = to_article(text)
    assert article.meta.id == "harbor-ferry"
    assert article.meta.title == "Harbor Ferry Service to Resume in May"


def test_directory_with_gzipped_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    with gzip.open(tmp_path / "b" / "story.html.gz", "wt", encoding="utf-8") as f:
        f.write(html_page("Gzipped Page"))
    with gzip.open(tmp_path / "b" / "note.txt.gz", "wt", encoding="utf-8") as f:
        f.write(TEXT)
    out = records([tmp_path])
    assert [(r.id, r.format) for r in out] == [("a", "text"), ("b/note", "text"), ("b/story", "html")]
    assert out[1].data == TEXT.encode()
    assert "Marta Ellison" in to_article(out[2]).text


def test_single_files_are_one_record_each(tmp_path):
    (tmp_path / "one.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "two.htm").write_text(html_page("Two"), encoding="utf-8")
    out = records([tmp_path / "one.txt", tmp_path / "two.htm"])
    assert [(r.id, r.format) for r in out] == [("one", "text"), ("two", "html")]


def test_missing_input_is_a_failure_and_iteration_goes_on(tmp_path):
    (tmp_path / "one.txt").write_text(TEXT, encoding="utf-8")
    it = iter_records([tmp_path / "nope.jsonl", tmp_path / "one.txt"])
    first = next(it)
    assert isinstance(first, Failure) and "no such file" in first.reason
    assert next(it).id == "one"


# --- JSON Lines --------------------------------------------------------------------------

JSONL_LINES = [
    json.dumps(
        {
            "id": "w-1",
            "text": TEXT,
            "url": "https://news.example.net/water-rates",
            "outlet": "Example Daily",
            "published": "2025-03-01T08:00:00Z",
            "title": "Water Rates to Rise",
            "author": ["Ann Lee", "Bo Park"],
        }
    ),
    '{"id": "broken", "text": "unterminated',  # corrupt
    "",  # blank: skipped
    "[1, 2, 3]",  # not an object
    json.dumps({"id": "no-body", "title": "Nothing to read"}),
    json.dumps(
        {"html": html_page("Water Rates Page", date="2025-03-02"), "outlet": "Example Weekly", "published": "3 March"}
    ),
    json.dumps({"id": 42, "text": TEXT, "published": "Mon, 03 Mar 2025 10:00:00 +0000"}),
]


def _check_jsonl(out: list[Record | Failure], name: str):
    kinds = [type(r).__name__ for r in out]
    assert kinds == ["Record", "Failure", "Failure", "Failure", "Record", "Record"]
    first, corrupt, not_object, no_body, page, numbered = out
    assert first.id == "w-1" and first.format == "text" and first.data == TEXT
    assert first.meta == {
        "url": "https://news.example.net/water-rates",
        "outlet": "Example Daily",
        "title": "Water Rates to Rise",
        "author": "Ann Lee, Bo Park",
        "published": "2025-03-01",
    }
    assert first.source == f"{name}#line 1"
    assert corrupt.source == f"{name}#line 2" and "invalid JSON" in corrupt.reason
    assert not_object.source == f"{name}#line 4" and "not a JSON object" in not_object.reason
    assert no_body.id == "no-body" and "text" in no_body.reason
    assert page.format == "html" and len(page.id) == 16 and int(page.id, 16) >= 0  # content hash
    assert "published" not in page.meta  # "3 March" is not a date
    assert numbered.id == "42" and numbered.meta == {"published": "2025-03-03"}


def test_jsonl_records_and_failures(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(JSONL_LINES) + "\n", encoding="utf-8")
    assert detect_format(path) == "jsonl"
    out = records([path])
    _check_jsonl(out, str(path))

    article = to_article(out[0])
    assert article.meta.id == "w-1"
    assert article.meta.outlet == "Example Daily"
    assert article.meta.published == "2025-03-01"
    assert article.meta.author == "Ann Lee, Bo Park"
    assert article.meta.url == "https://news.example.net/water-rates"
    page = to_article(out[4])
    assert page.meta.published == "2025-03-02"  # from the page itself
    assert page.meta.outlet == "Example Weekly"


def test_jsonl_gzipped_by_suffix_and_by_magic(tmp_path):
    payload = ("\n".join(JSONL_LINES) + "\n").encode()
    by_suffix = tmp_path / "corpus.ndjson.gz"
    by_suffix.write_bytes(gzip.compress(payload))
    _check_jsonl(records([by_suffix]), str(by_suffix))
    by_magic = tmp_path / "corpus.jsonl"  # gzipped, though the name does not say so
    by_magic.write_bytes(gzip.compress(payload))
    _check_jsonl(records([by_magic]), str(by_magic))
    sniffed = tmp_path / "dump.bin"  # neither name nor compression tell: the content does
    sniffed.write_bytes(gzip.compress(payload))
    assert detect_format(sniffed) == "jsonl"
    _check_jsonl(records([sniffed]), str(sniffed))


def test_to_article_raises_input_errors():
    record = Record(id="empty", data="   \n", format="text", source="x#line 1")
    with pytest.raises(EmptyInputError):
        to_article(record)
    with pytest.raises(InputError):
        to_article(Record(id="nobody", data="<html><body><p>Hi</p></body></html>", format="html"))


def test_jsonl_streams_the_first_record_without_reading_the_rest(tmp_path):
    path = tmp_path / "big.jsonl.gz"
    n = 50_000
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"a{i}", "text": f"Article {i}. " + PARAGRAPHS[i % 3] * 3}) + "\n")
    uncompressed = sum(1 for _ in gzip.open(path, "rb"))
    assert uncompressed == n

    tracemalloc.start()
    try:
        start = time.perf_counter()
        it = iter_records([path])
        first = next(it)
        elapsed = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(first, Record) and first.id == "a0"
    # The whole file is ~20 MB uncompressed; reading it would take far more memory and time.
    assert peak < 2_000_000, peak
    assert elapsed < 1.0, elapsed
    assert next(it).id == "a1"
    it.close()


# --- WARC ------------------------------------------------------------------------------------


def _write_warc(path: Path, *, gzipped: bool, garbage: bytes = b"") -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzipped)
        url = "https://news.example.net/2024/water"
        request = writer.create_warc_record(
            url,
            "request",
            payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders(
                "GET /2024/water HTTP/1.1", [("Host", "news.example.net")], is_http_request=True
            ),
        )
        writer.write_record(request)
        page = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(html_page("Water Rates Page", date="2024-05-01").encode()),
            http_headers=StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            ),
            warc_headers_dict={"WARC-Date": "2024-06-10T12:00:00Z"},
        )
        writer.write_record(page)
        image = writer.create_warc_record(
            "https://news.example.net/logo.png",
            "response",
            payload=io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1"),
        )
        writer.write_record(image)
        undated = writer.create_warc_record(
            "https://news.example.net/undated",
            "response",
            payload=io.BytesIO(html_page("Undated Page").encode()),
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"),
            warc_headers_dict={"WARC-Date": "2024-06-11T01:02:03Z"},
        )
        writer.write_record(undated)
        out.write(garbage)


@pytest.mark.parametrize("gzipped", [True, False])
def test_warc_html_responses_only(tmp_path, gzipped):
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    _write_warc(path, gzipped=gzipped)
    assert detect_format(path) == "warc"
    out = records([path])
    assert all(isinstance(r, Record) for r in out)
    assert [r.meta["url"] for r in out] == ["https://news.example.net/2024/water", "https://news.example.net/undated"]
    page, undated = out
    assert page.id.startswith("urn:uuid:") and page.format == "html"
    assert page.source == f"{path}#record 2"  # record 1 is the request
    assert undated.source == f"{path}#record 4"  # record 3, the PNG, is skipped
    assert page.meta["crawled"] == "2024-06-10"
    assert b"Marta Ellison" in page.data

    article = to_article(page)
    assert article.meta.published == "2024-05-01"  # the page's own date beats the crawl date
    assert article.meta.url == "https://news.example.net/2024/water"
    assert article.meta.id == page.id
    assert to_article(undated).meta.published == "2024-06-11"  # no date on the page: the crawl date


def test_warc_unreadable_tail_is_a_failure(tmp_path):
    path = tmp_path / "broken.warc"
    _write_warc(path, gzipped=False, garbage=b"\x00\x01binary garbage, not a WARC record\r\n" * 20)
    out = records([path, DATA / "feed.atom"])  # the next input is read all the same
    kinds = [type(r).__name__ for r in out]
    assert kinds == ["Record", "Record", "Failure", "Record"], [getattr(r, "reason", r.id) for r in out]
    failure = out[2]
    assert failure.source == f"{path}#record 5"
    assert failure.reason.startswith("unreadable WARC record") and failure.reason.isprintable()
    assert len(failure.reason) <= 200


def test_warc_corrupt_gzip_member_is_a_failure(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    _write_warc(path, gzipped=True)
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 40] = bytes(b ^ 0xFF for b in data[middle : middle + 40])
    path.write_bytes(bytes(data))
    out = records([path])
    assert isinstance(out[-1], Failure) and "WARC" in out[-1].reason


# --- feeds -----------------------------------------------------------------------------------


def test_rss_with_content_encoded():
    path = DATA / "feed.rss"
    assert detect_format(path) == "feed"
    out = records([path])
    assert len(out) == 1  # the summary-only item is skipped
    (entry,) = out
    assert entry.id == "gazette-2025-0412" and entry.format == "html"
    assert entry.meta == {
        "url": "https://gazette.example.org/2025/04/bridge-inspection",
        "outlet": "Riverside Gazette",
        "published": "2025-04-12",
        "title": "Bridge Inspection Finds Minor Cracks",
        "author": "Tomas Berg",
    }
    assert entry.source == f"{path}#entry 1"
    article = to_article(entry)
    assert article.text.startswith("Bridge Inspection Finds Minor Cracks\n\nState inspectors")
    assert article.text.count("Bridge Inspection Finds Minor Cracks") == 1
    assert "twelve thousand cars" in article.text
    assert article.meta.outlet == "Riverside Gazette"
    assert article.meta.published == "2025-04-12"
    assert article.meta.author == "Tomas Berg"


def test_atom_feed_and_gzipped_feed(tmp_path):
    gz = tmp_path / "courier.atom.gz"
    gz.write_bytes(gzip.compress((DATA / "feed.atom").read_bytes()))
    for path in (DATA / "feed.atom", gz):
        (entry,) = records([path])
        assert entry.id == "tag:courier.example.com,2025:school-board-start-time"
        assert entry.meta["url"] == "https://courier.example.com/2025/05/school-board-start-time"
        assert entry.meta["published"] == "2025-05-19"
        assert entry.meta["outlet"] == "Lakeview Courier"
        assert entry.meta["author"] == "Grace Okafor"
    article = to_article(entry)
    assert "get this right rather than get it fast" in article.text
    assert article.meta.title == "School Board Delays Start Time Vote"


def test_unreadable_feed_is_a_failure(tmp_path):
    path = tmp_path / "bad.rss"
    path.write_bytes(b"<rss><channel><item><title>oops")
    out = records([path])
    assert all(isinstance(r, Failure) for r in out)


# --- PolNeAR ----------------------------------------------------------------------------------

needs_polnear = pytest.mark.skipif(not (POLNEAR / "metadata.tsv").is_file(), reason="PolNeAR not available")


@needs_polnear
def test_polnear_layout_dev_first_with_metadata():
    assert detect_format(POLNEAR) == "polnear"
    first = list(itertools.islice(iter_records([POLNEAR]), 3))
    assert all(isinstance(r, Record) for r in first)
    dev_ids = sorted(p.stem for p in (POLNEAR / "dev" / "text").glob("*.txt"))
    assert [r.id for r in first] == dev_ids[:3]
    for record in first:
        assert record.format == "text" and isinstance(record.data, str)
        assert record.meta["split"] == "dev"
        assert record.meta["outlet"] and record.meta["title"]
        assert len(record.meta["published"]) == 10
        assert record.data == (POLNEAR / "dev" / "text" / f"{record.id}.txt").read_bytes().decode("utf-8")
    article = to_article(first[0])
    assert article.meta.id == first[0].id
    assert article.meta.outlet == first[0].meta["outlet"]
    assert article.meta.published == first[0].meta["published"]


@needs_polnear
def test_polnear_split_dir_and_test_split_never_read(tmp_path):
    (record,) = itertools.islice(iter_records([POLNEAR / "dev"]), 1)
    assert record.meta["outlet"] and record.meta["split"] == "dev"

    # A copy of the layout with a test split: the test split is never read.
    root = tmp_path / "polnear"
    dev_text = sorted((POLNEAR / "dev" / "text").glob("*.txt"))[:2]
    for split in ("dev", "test"):
        (root / split / "text").mkdir(parents=True)
        for path in dev_text:
            shutil.copy(path, root / split / "text" / path.name)
    (root / "test" / "text" / "secret.txt").write_text("held out", encoding="utf-8")
    shutil.copy(POLNEAR / "metadata.tsv", root / "metadata.tsv")
    out = records([root])
    assert [r.id for r in out] == [p.stem for p in dev_text]
    assert all(r.meta["split"] == "dev" and r.meta["outlet"] for r in out)
    # Named directly, the test split is refused, not read.
    (refused,) = records([root / "test"])
    assert isinstance(refused, Failure) and "held out" in refused.reason
    # Walked as a plain directory from above, its test split is skipped too.
    assert not any("secret" in r.id for r in records([tmp_path]))


def test_jsonl_overlong_line_and_truncated_gzip(tmp_path, monkeypatch):
    import accordingto.read.jsonl as jsonl

    monkeypatch.setattr(jsonl, "MAX_LINE_BYTES", 1000)
    monkeypatch.setattr(jsonl, "_SKIP_CHUNK", 100)
    path = tmp_path / "long.jsonl.gz"
    lines = [
        JSONL_LINES[0].replace(TEXT.replace("\n", "\\n")[:10], "x" * 2000, 1),
        json.dumps({"id": "ok", "text": "Short."}),
    ]
    payload = ("\n".join(lines) + "\n").encode()
    path.write_bytes(gzip.compress(payload))
    out = records([path])
    assert isinstance(out[0], Failure) and "longer than" in out[0].reason
    assert out[1].id == "ok" and out[1].source == f"{path}#line 2"

    truncated = tmp_path / "cut.jsonl.gz"
    truncated.write_bytes(gzip.compress(("\n".join(JSONL_LINES) + "\n").encode() * 50)[:-200])
    out = records([truncated])
    assert isinstance(out[-1], Failure) and out[-1].reason.startswith("cannot read")
    assert isinstance(out[0], Record) and out[0].id == "w-1"


def test_stdin_is_sniffed(tmp_path, monkeypatch):
    import sys

    payload = gzip.compress(("\n".join(JSONL_LINES) + "\n").encode())

    class Stdin:
        buffer = io.BufferedReader(io.BytesIO(payload))

    monkeypatch.setattr(sys, "stdin", Stdin())
    out = records(["-"])
    _check_jsonl(out, "-")
