"""The HTTP service (accordingto serve): every route, every way of sending an article, every error.

The analyses are real: the service's worker processes run the pipeline on
the bundled example (examples/riverside-library-closure.txt) and on the
founding article, and what comes back is compared with what the library
itself returns for the same input. The corpus endpoints read a small store
built here with the batch code. One app (one worker process, loaded once)
serves most tests; the timeout test has an app of its own.
"""

from __future__ import annotations

import asyncio
import html
import json
from datetime import date, timedelta

import httpx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from accordingto.errors import InputError
from accordingto.exchange import to_prediction
from accordingto.read import read_input
from accordingto.web import app as web_app
from accordingto.web.app import NO_STORE, create_app
from accordingto.web.limits import BodyLimit

from conftest import EXAMPLE, FOUNDING

RIVERSIDE = EXAMPLE.read_text(encoding="utf-8")
RIVERSIDE_ID = "gazette/riverside-library"  # a slash, as batch ids from file paths have

TOWNS = ["Millbrook", "Riverside", "Oakdale", "Fairview", "Lakeside", "Brookfield", "Greenville", "Hillcrest"]
NAMES = ["Jane Smith", "Tom Brown", "Maria Lopez", "Ahmed Khan", "Linda Park", "Peter Novak", "Grace Okafor"]


def short_article(i: int) -> str:
    """A short made-up article: a direct quote, a paraphrase, an 'according to' source (as in test_corpus)."""
    town, name = TOWNS[i % len(TOWNS)], NAMES[i % len(NAMES)]
    return (
        f"{town} Council Backs Plan Number {i}\n\n"
        f"The {town} council voted on Tuesday to spend {10 + i} million dollars on roads, officials said.\n\n"
        f'"This is a good day for {town}," said {name}, the mayor. '
        f"{name.split()[-1]} said work would start in {2030 + i % 7}.\n\n"
        f"According to a report by the state transport agency, traffic in {town} has grown by {i + 3} percent.\n"
    )


def riverside_page() -> str:
    """The example article as a web page, with navigation and a footer around it."""
    paragraphs = [p for p in RIVERSIDE.split("\n\n") if p.strip()]
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[1:])
    return (
        f"<!doctype html><html><head><title>{html.escape(paragraphs[0])}</title></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/news'>News</a></nav>"
        f"<article><h1>{html.escape(paragraphs[0])}</h1>{body}</article>"
        "<footer>Copyright 2026 Millbrook Gazette</footer></body></html>"
    )


def speakers_of(report: dict) -> dict[str, dict]:
    return {s["name"]: s for s in report["speakers"]}


def reader_error(data) -> str:
    """The message the project's reader gives for this input (what the CLI prints)."""
    with pytest.raises(InputError) as caught:
        read_input(data)
    return str(caught.value)


# --- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    """A small store: the example and three short articles, two outlets, two months (default pipeline)."""
    from accordingto.corpus.batch import run_batch

    folder = tmp_path_factory.mktemp("web-store")
    records = [
        {"id": RIVERSIDE_ID, "text": RIVERSIDE, "outlet": "Millbrook Gazette", "published": "2026-03-14"},
        {"id": "valley/plan-0", "text": short_article(0), "outlet": "Valley Times", "published": "2026-02-03"},
        {"id": "valley/plan-7", "text": short_article(7), "outlet": "Valley Times", "published": "2026-03-02"},
        {"id": "gazette/plan-3", "text": short_article(3), "outlet": "Millbrook Gazette", "published": "2026-02-20"},
    ]
    feed = folder / "articles.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    store = folder / "corpus.duckdb"
    summary = run_batch([feed], store, progress=False)
    assert (summary.analysed, summary.failed) == (4, 0)
    return store


@pytest.fixture(scope="module")
def app(store_path):
    return create_app(store_path, workers=1)


@pytest.fixture(scope="module")
def client(app):
    with TestClient(app) as c:  # the lifespan closes the worker pool at the end
        yield c


@pytest.fixture(scope="module")
def bare():
    """No store, and no analysis ever asked of it (no worker process is started)."""
    with TestClient(create_app(max_body_bytes=1000)) as c:
        yield c


def analyze(client, **body):
    r = client.post("/api/analyze", json=body)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/json"
    return r.json()


# --- /api/info and the pages ----------------------------------------------------------------


def test_info_with_and_without_a_store(client, bare, store_path):
    import accordingto

    info = client.get("/api/info").json()
    assert info == {
        "version": accordingto.__version__,
        "store": True,
        "store_path": str(store_path.resolve()),
        "max_body_bytes": 10_000_000,
        "timeout_s": 60.0,
        "articles": 4,
    }
    assert bare.get("/api/info").json() == {
        "version": accordingto.__version__,
        "store": False,
        "store_path": None,
        "max_body_bytes": 1000,
        "timeout_s": 60.0,
        "articles": None,
    }


def test_pages_are_served_from_static(client, bare, tmp_path, monkeypatch):
    for path, name in (("/", "index.html"), ("/corpus", "corpus.html")):
        if not (web_app.STATIC_DIR / name).is_file():
            continue  # the pages are another part of the work; their serving is checked below
        for c in (client, bare):  # the Corpus page is served without a store too (it says "no store")
            r = c.get(path)
            assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
            assert r.content == (web_app.STATIC_DIR / name).read_bytes()
    (tmp_path / "index.html").write_text("<!doctype html><title>Analyse</title>", encoding="utf-8")
    (tmp_path / "corpus.html").write_text("<!doctype html><title>Corpus</title>", encoding="utf-8")
    (tmp_path / "app.js").write_text("console.log(1)", encoding="utf-8")
    monkeypatch.setattr(web_app, "STATIC_DIR", tmp_path)
    with TestClient(create_app()) as c:
        assert "<title>Analyse</title>" in c.get("/").text
        assert "<title>Corpus</title>" in c.get("/corpus").text
        r = c.get("/static/app.js")
        assert r.status_code == 200 and r.text == "console.log(1)"
        assert c.get("/static/nothing.js").status_code == 404
        assert "default-src 'self'" in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"


def test_docs_and_openapi_are_offline(client):
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    for path in ("/api/info", "/api/analyze", "/api/predict", "/api/articles", "/api/articles/{article_id}",
                 "/api/speakers", "/api/findings"):  # fmt: skip
        assert path in paths, path
        for op in paths[path].values():
            assert op.get("summary"), path
    body = paths["/api/analyze"]["post"]["requestBody"]["content"]
    assert set(body) == {"application/json", "text/plain", "text/html", "multipart/form-data"}
    assert body["application/json"]["schema"]["additionalProperties"] is False
    assert paths["/api/analyze"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/Report")
    docs = client.get("/docs")
    assert docs.status_code == 200 and docs.headers["content-type"].startswith("text/html")
    assert "/api/analyze" in docs.text and "http://" not in docs.text and "https://" not in docs.text
    assert client.get("/redoc").status_code == 404


# --- /api/analyze: every way in ---------------------------------------------------------------


def test_json_text_gives_the_report_of_the_command_line(client, example_report):
    report = analyze(client, text=RIVERSIDE, published="2026-03-14")
    # the CLI prints report.model_dump_json(): the same object
    assert report == example_report.model_dump(mode="json")
    speakers = speakers_of(report)
    assert speakers["Dana Whitfield"]["type"] == speakers["Marcus Oyelaran"]["type"] == "person"
    assert speakers["Millbrook Courier"]["type"] == "outlet"
    assert [a["speaker"] for a in report["attributions"] if a["content"][0]["text"].startswith('"My kids')] == ["Priya Raman"]


def test_json_metadata_reaches_the_report(client):
    report = analyze(
        client, text=RIVERSIDE, id="r-1", outlet="Millbrook Gazette", title="Library to close",
        url="https://example.org/never-fetched", fast=True,
    )  # fmt: skip
    meta = report["article"]
    assert (meta["id"], meta["outlet"], meta["title"], meta["url"]) == (
        "r-1", "Millbrook Gazette", "Library to close", "https://example.org/never-fetched",
    )  # fmt: skip


def test_json_html_reads_the_page(client):
    report = analyze(client, html=riverside_page(), published="2026-03-14")
    assert report["article"]["format"] == "html"
    assert report["article"]["title"].startswith("Riverside Library Branch Will Close")
    assert "Copyright" not in report["text"] and "Home | News" not in report["text"]
    assert {"Dana Whitfield", "Marcus Oyelaran", "Priya Raman", "Millbrook Courier"} <= set(speakers_of(report))


def test_raw_text_plain_is_the_same_as_json(client, example_report):
    r = client.post(
        "/api/analyze?published=2026-03-14",
        content=RIVERSIDE.encode("utf-8"),
        headers={"Content-Type": "text/plain; charset=utf-8"},
    )
    assert r.status_code == 200, r.text
    assert r.json() == example_report.model_dump(mode="json")


def test_raw_text_html(client):
    r = client.post("/api/analyze", params={"published": "2026-03-14"}, content=riverside_page(),
                    headers={"Content-Type": "text/html"})  # fmt: skip
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["article"]["format"] == "html" and report["article"]["published"] == "2026-03-14"
    assert "Dana Whitfield" in speakers_of(report)


def test_multipart_upload_with_a_published_field(client, example_report):
    r = client.post(
        "/api/analyze",
        files={"file": ("riverside.txt", RIVERSIDE.encode("utf-8"), "text/plain")},
        data={"published": "2026-03-14"},
    )
    assert r.status_code == 200, r.text
    assert r.json() == example_report.model_dump(mode="json")


def test_upload_is_decoded_like_a_file(client):
    latin = RIVERSIDE.replace("Oyelaran", "Oyélaran").encode("cp1252")
    r = client.post("/api/analyze", files={"file": ("old.txt", latin, "application/octet-stream")})
    assert r.status_code == 200, r.text
    assert "Marcus Oyélaran" in speakers_of(r.json())


def test_founding_article_as_bytes(client, founding_report):
    r = client.post("/api/analyze?published=2018-07-09", content=FOUNDING.read_bytes(),
                    headers={"Content-Type": "text/plain"})  # fmt: skip
    assert r.status_code == 200, r.text
    assert r.json() == founding_report.model_dump(mode="json")


def test_published_date_resolves_relative_dates(client):
    """The example's "announced Tuesday" resolves to the Tuesday before the publication date given."""
    for published in ("2026-03-14", "2026-04-02"):
        report = analyze(client, text=RIVERSIDE, published=published, fast=True)
        assert report["article"]["published"] == published
        tuesday = next(d for d in report["dates"] if d["text"] == "Tuesday")
        day = date.fromisoformat(tuesday["date"])
        assert tuesday["relative"] and day.weekday() == 1
        assert timedelta(0) < date.fromisoformat(published) - day <= timedelta(days=7)
    undated = analyze(client, text=RIVERSIDE, fast=True)
    assert next(d for d in undated["dates"] if d["text"] == "Tuesday")["date"] is None


def test_fast_mode(client):
    import accordingto

    expected = accordingto.analyze(RIVERSIDE, published="2026-03-14", fast=True).model_dump(mode="json")
    assert analyze(client, text=RIVERSIDE, published="2026-03-14", fast=True) == expected
    r = client.post("/api/analyze?fast=true&published=2026-03-14", content=RIVERSIDE,
                    headers={"Content-Type": "text/plain"})  # fmt: skip
    assert r.json() == expected


def test_predict_gives_the_exchange_record(client):
    from accordingto.pipeline import analyze_article

    r = client.post("/api/predict", json={"text": RIVERSIDE, "id": "riverside"})
    assert r.status_code == 200, r.text
    record = r.json()
    assert set(record) == {"id", "attributions"} and record["id"] == "riverside"
    # as `accordingto predict` computes it: offsets into the text exactly as sent
    expected = to_prediction("riverside", analyze_article(read_input(RIVERSIDE, format="text", clean=False)))
    assert record == expected
    for a in record["attributions"]:
        assert set(a) == {"source", "cue", "content", "speaker"}
        for start, end in a["content"]:
            assert 0 <= start < end <= len(RIVERSIDE)
    said = next(a for a in record["attributions"] if a["speaker"] == "Priya Raman")
    assert RIVERSIDE[slice(*said["content"][0])].startswith('"My kids learned to read here')
    default_id = client.post("/api/predict", content=RIVERSIDE, headers={"Content-Type": "text/plain"}).json()
    assert default_id["id"] == "article"


def test_predict_founding_article_offsets_point_into_the_raw_file(client):
    if not FOUNDING.exists():
        pytest.skip("../shared/examples is not beside this checkout")
    raw = FOUNDING.read_bytes()
    r = client.post("/api/predict?id=seed", content=raw, headers={"Content-Type": "text/plain"})
    assert r.status_code == 200, r.text
    text = raw.decode("utf-8-sig")
    for a in r.json()["attributions"]:
        for start, end in a["cue"]:
            assert text[start:end].strip(), (start, end)


def test_hostile_markup_comes_back_as_plain_data(client):
    text = (
        "Council Votes on Budget\n\n"
        'Mayor Jane Smith said "<script>alert(document.cookie)</script> is not a budget line," '
        "and the council agreed to vote again on Friday.\n\n"
        'The treasurer, Tom Brown, said the plan was "<img src=x onerror=alert(1)> fine."\n'
    )
    r = client.post("/api/analyze", json={"text": text, "fast": True})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/json"
    assert r.headers["x-content-type-options"] == "nosniff"
    report = r.json()
    assert "<script>alert(document.cookie)</script>" in report["text"]
    contents = [c["text"] for a in report["attributions"] for c in a["content"]]
    assert any("<script>alert(document.cookie)</script>" in c for c in contents)
    assert b"<script>" in r.content  # as JSON string data, not rendered


def test_requests_beyond_the_workers_wait_their_turn(app, client):
    """Five at once on one worker process: all answered, none refused."""

    async def many():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test", timeout=120) as c:
            bodies = [{"text": short_article(i), "fast": True} for i in range(5)]
            return await asyncio.gather(*(c.post("/api/analyze", json=b) for b in bodies))

    responses = asyncio.run(many())
    assert [r.status_code for r in responses] == [200] * 5
    assert [r.json()["article"]["title"] for r in responses] == [f"{TOWNS[i]} Council Backs Plan Number {i}" for i in range(5)]


# --- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content, status, detail",
    [
        (b'{"text": "unterminated', 400, "the body is not valid JSON"),
        (b'{"text": "caf\xe9"}', 400, "the JSON body is not valid UTF-8"),
        (b'["a list"]', 422, "the JSON body must be an object"),
        (b'{"text": "x", "source": "y"}', 422, "unknown field 'source'"),
        (b'{"text": "x", "html": "<p>y</p>"}', 422, "send exactly one of text and html"),
        (b'{"published": "2026-03-14"}', 422, "send exactly one of text and html"),
        (b'{"text": 42}', 422, "text: Input should be a valid string"),
        (b'{"text": "x", "published": "last Tuesday"}', 422, "publication date 'last Tuesday' is not a date"),
    ],
)
def test_malformed_requests(bare, content, status, detail):
    r = bare.post("/api/analyze", content=content, headers={"Content-Type": "application/json"})
    assert r.status_code == status, r.text
    assert set(r.json()) == {"detail"} and detail in r.json()["detail"]
    assert "\n" not in r.json()["detail"]


def test_unsupported_content_types(bare):
    r = bare.post("/api/analyze", data={"text": "x"})  # a plain HTML form post
    assert r.status_code == 415
    assert "application/x-www-form-urlencoded" in r.json()["detail"]
    r = bare.post("/api/predict", content=b"%PDF-1.4", headers={"Content-Type": "application/pdf"})
    assert r.status_code == 415
    r = bare.post("/api/analyze", content=b"x")  # no Content-Type at all
    assert r.status_code == 415 and "no Content-Type" in r.json()["detail"]


def test_bad_multipart_fields(bare):
    r = bare.post("/api/analyze", files={"file": ("a.txt", b"x")}, data={"colour": "red"})
    assert r.status_code == 422 and "unknown form field 'colour'" in r.json()["detail"]
    r = bare.post("/api/analyze", files={"other": ("a.txt", b"x")})
    assert r.status_code == 422
    r = bare.post("/api/analyze", files={"file": (None, "text, but not as a file")})
    assert r.status_code == 422 and "must be a file upload" in r.json()["detail"]
    r = bare.post("/api/analyze", files={"file": ("a.txt", b"x")}, data={"fast": "maybe"})
    assert r.status_code == 422 and "fast" in r.json()["detail"]


def test_bad_query_parameters(client):
    r = client.post("/api/analyze?fast=perhaps", json={"text": "x"})
    assert r.status_code == 422 and r.json()["detail"].startswith("query parameter fast:")
    assert client.get("/api/articles?limit=0").status_code == 422
    assert client.get("/api/articles?limit=501").status_code == 422
    r = client.get("/api/speakers?type=wizard")
    assert r.status_code == 422 and isinstance(r.json()["detail"], str)


SPANISH = (
    "El alcalde de la ciudad anunció el martes que la biblioteca cerrará sus puertas en junio. Los vecinos "
    "dijeron que la decisión es injusta y que seguirán protestando frente al ayuntamiento hasta que el consejo "
    "cambie de opinión sobre el cierre."
)


@pytest.mark.parametrize(
    "data, content_type",
    [
        (b"", "text/plain"),
        (b"  \n\t  ", "text/plain"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10binary", "text/plain"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00archive", "text/plain"),
        (SPANISH.encode("utf-8"), "text/plain"),
        (b"<html><head><script>var x = 1;</script></head><body><nav>Home</nav></body></html>", "text/html"),
    ],
    ids=["empty", "white-space", "png", "zip", "spanish", "no-article"],
)
def test_input_the_reader_refuses(client, data, content_type):
    r = client.post("/api/analyze", content=data, headers={"Content-Type": content_type})
    assert r.status_code == 422, r.text
    if content_type == "text/plain":
        assert r.json() == {"detail": reader_error(data)}
    else:
        assert r.json() == {"detail": reader_error(data.decode())}


def test_empty_json_text_and_upload(client):
    r = client.post("/api/analyze", json={"text": ""})
    assert r.status_code == 422 and r.json()["detail"] == reader_error("")
    r = client.post("/api/analyze", files={"file": ("blank.txt", b"")})
    assert r.status_code == 422 and r.json()["detail"] == reader_error(b"")
    r = client.post("/api/analyze", json={"text": SPANISH})
    assert r.status_code == 422 and "not in English" in r.json()["detail"]


def test_413_by_content_length(bare):
    r = bare.post("/api/analyze", content=b"a" * 1001, headers={"Content-Type": "text/plain"})
    assert r.status_code == 413
    assert r.json() == {"detail": "request body of 1,001 bytes is larger than the limit of 1,000 bytes"}
    r = bare.post("/api/analyze", json={"text": "b" * 2000})
    assert r.status_code == 413


def test_413_by_chunked_streaming(bare):
    def chunks():  # no length: httpx sends it chunked
        for _ in range(20):
            yield b"c" * 100

    r = bare.post("/api/analyze", content=chunks(), headers={"Content-Type": "text/plain"})
    assert r.status_code == 413
    assert r.json() == {"detail": "request body is larger than the limit of 1,000 bytes"}


def test_the_limit_stops_reading_a_streamed_body():
    """At the ASGI level: the body is pulled no further than the limit, and the app's own answer is dropped."""
    pulled = 0
    sent = []

    async def receive():
        nonlocal pulled
        pulled += 1
        return {"type": "http.request", "body": b"x" * 100, "more_body": pulled < 1000}

    async def send(message):
        sent.append(message)

    async def app(scope, receive, send):  # reads the whole body, then answers 200
        while True:
            message = await receive()
            if message["type"] == "http.disconnect" or not message.get("more_body"):
                break
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"read it all"})

    scope = {"type": "http", "method": "POST", "path": "/", "headers": [(b"content-type", b"text/plain")]}
    asyncio.run(BodyLimit(app, max_body_bytes=550)(scope, receive, send))
    assert pulled == 6  # 600 bytes: one chunk past the limit, not the 100,000 on offer
    assert [m.get("status") for m in sent if m["type"] == "http.response.start"] == [413]
    assert b"read it all" not in b"".join(m.get("body", b"") for m in sent)


def test_timeout_cuts_the_analysis_off_and_the_server_goes_on():
    long_text = "\n\n".join([RIVERSIDE] * 30)  # several seconds of analysis
    with TestClient(create_app(timeout_s=1.0, workers=1)) as c:
        pool = c.app.state.pool
        r = c.post("/api/analyze", json={"text": long_text})
        assert r.status_code == 503
        assert r.json() == {"detail": "analysis took longer than 1 s; cut off"}
        assert pool.timeouts == 1
        # the worker was killed and replaced: the next request is answered
        r = c.post("/api/analyze", json={"text": short_article(2), "fast": True})
        assert r.status_code == 200, r.text
        assert r.json()["article"]["title"] == "Oakdale Council Backs Plan Number 2"
        assert pool.started == 2


# --- the store ----------------------------------------------------------------------------------


def test_articles_list_search_and_pages(client):
    listing = client.get("/api/articles").json()
    assert listing["total"] == 4
    assert [a["id"] for a in listing["items"]] == [RIVERSIDE_ID, "valley/plan-7", "gazette/plan-3", "valley/plan-0"]
    first = listing["items"][0]
    assert set(first) == {"id", "title", "outlet", "published", "attributions", "voices", "n_words"}
    riverside = client.get(f"/api/articles/{RIVERSIDE_ID}").json()["report"]
    assert first["attributions"] == len(riverside["attributions"]) and first["voices"] == riverside["profile"]["voices"]
    assert first["published"] == "2026-03-14" and first["n_words"] == len(riverside["text"].split())

    assert client.get("/api/articles?q=LIBRARY").json()["total"] == 1  # title, case-insensitive
    assert client.get("/api/articles?q=valley").json()["total"] == 2  # id and outlet
    by_outlet = client.get("/api/articles", params={"outlet": "millbrook gazette"}).json()
    assert {a["id"] for a in by_outlet["items"]} == {RIVERSIDE_ID, "gazette/plan-3"}
    page = client.get("/api/articles?limit=2&offset=2").json()
    assert page["total"] == 4 and [a["id"] for a in page["items"]] == ["gazette/plan-3", "valley/plan-0"]
    assert client.get("/api/articles?offset=10").json() == {"total": 4, "items": []}
    assert client.get("/api/articles?q=nothing-like-this").json() == {"total": 0, "items": []}


def test_one_article_and_its_report(client, example_report):
    r = client.get(f"/api/articles/{RIVERSIDE_ID}")
    assert r.status_code == 200
    article = r.json()
    assert (article["id"], article["outlet"], article["published"]) == (RIVERSIDE_ID, "Millbrook Gazette", "2026-03-14")
    assert article["title"].startswith("Riverside Library Branch")
    assert set(article) == {"id", "title", "outlet", "published", "url", "report"}
    stored = article["report"]
    assert stored["text"] == example_report.text
    assert [a["speaker"] for a in stored["attributions"]] == [a.speaker for a in example_report.attributions]
    encoded = client.get("/api/articles/gazette%2Friverside-library")
    assert encoded.status_code == 200 and encoded.json()["id"] == RIVERSIDE_ID
    missing = client.get("/api/articles/no/such/article")
    assert missing.status_code == 404 and missing.json() == {"detail": "no article 'no/such/article' in the store"}


def test_speakers_across_articles(client, example_report):
    listing = client.get("/api/speakers?limit=500").json()
    items = {(s["name"], s["type"]): s for s in listing["items"]}
    assert listing["total"] == len(items)
    counts = [s["attributions"] for s in listing["items"]]
    assert counts == sorted(counts, reverse=True)
    # the example's voices, with the numbers its report gives them
    for speaker in example_report.speakers:
        if speaker.attributions:
            item = items[(speaker.name, speaker.type)]
            assert (item["attributions"], item["quoted_words"]) == (speaker.attributions, speaker.quoted_words)
            assert item["outlets"] == ["Millbrook Gazette"] and item["article_ids"] == [RIVERSIDE_ID]
    # Jane Smith is quoted in two articles of one outlet
    jane = items[("Jane Smith", "person")]
    assert jane["articles"] == 2 and jane["outlets"] == ["Valley Times"]
    assert jane["article_ids"] == ["valley/plan-0", "valley/plan-7"]
    per_article = [
        s["attributions"]
        for id in jane["article_ids"]
        for s in client.get(f"/api/articles/{id}").json()["report"]["speakers"]
        if s["name"] == "Jane Smith"
    ]
    assert jane["attributions"] == sum(per_article)

    found = client.get("/api/speakers?q=oyelaran").json()
    assert [s["name"] for s in found["items"]] == ["Marcus Oyelaran"] and found["total"] == 1
    outlets = client.get("/api/speakers?type=outlet").json()["items"]
    assert outlets and all(s["type"] == "outlet" for s in outlets)
    assert "Millbrook Courier" in {s["name"] for s in outlets}
    assert len(client.get("/api/speakers?limit=2").json()["items"]) == 2
    assert client.get("/api/speakers?q=&type=").json()["total"] == listing["total"]  # empty is absent


def test_findings(client, store_path):
    from accordingto.corpus.findings import findings

    r = client.get("/api/findings?by=outlet,month&top=10")
    assert r.status_code == 200
    got = r.json()
    assert got["by"] == ["outlet", "month"]
    expected = findings(store_path, by="outlet,month", top=10)
    assert list(got["tables"]) == list(expected)
    for name, table in expected.items():
        assert got["tables"][name]["title"] == table.title
        assert got["tables"][name]["columns"] == table.columns
        assert len(got["tables"][name]["rows"]) == len(table.rows)
    corpus = dict(zip(got["tables"]["corpus"]["columns"], got["tables"]["corpus"]["rows"][0]))
    assert corpus["articles"] == 4 and corpus["outlets"] == 2 and corpus["first_published"] == "2026-02-03"
    months = got["tables"]["by_month"]
    assert [row[0] for row in months["rows"]] == ["2026-02", "2026-03"]
    default = client.get("/api/findings").json()
    assert default["by"] == ["outlet", "month"]
    r = client.get("/api/findings?by=colour")
    assert r.status_code == 400 and "cannot group by 'colour'" in r.json()["detail"]


def test_store_endpoints_without_a_store(bare):
    for path in ("/api/articles", "/api/articles/anything", "/api/speakers", "/api/findings"):
        r = bare.get(path)
        assert r.status_code == 404, path
        assert r.json() == {"detail": NO_STORE}


def test_serve_refuses_a_bad_store_in_one_line(tmp_path):
    from accordingto.cli import app as cli

    runner = CliRunner()
    result = runner.invoke(cli, ["serve", "--store", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 2
    assert result.output.strip() == f"accordingto: no store at {tmp_path / 'missing.duckdb'}"
    not_a_store = tmp_path / "notes.duckdb"
    not_a_store.write_text("not a database", encoding="utf-8")
    result = runner.invoke(cli, ["serve", "--store", str(not_a_store)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
