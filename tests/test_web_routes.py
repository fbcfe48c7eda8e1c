"""The web app's assembly: the routers, the offline /docs, the findings' charts, the log lines.

create_app() builds the app from the routers of accordingto.web.routes, with
what they share on app.state (so two apps never share a setting); /docs is
Swagger UI served from this server (fastapi-offline's copy), with no inline
script and no URL elsewhere; /api/findings/charts serves exactly the charts
``accordingto findings --html`` draws.
"""

from __future__ import annotations

import json
import logging
import re

import pytest
from fastapi.testclient import TestClient

from accordingto.corpus.charts import charts as draw_charts
from accordingto.corpus.charts import slug
from accordingto.corpus.findings import findings
from accordingto.web.app import NO_STORE, create_app
from accordingto.web.routes import ROUTERS

CDN = re.compile(r"https?://[^\s\"'()]*(?:cdn|jsdelivr|unpkg|googleapis|cloudflare)", re.IGNORECASE)
ANY_URL = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)""")


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    """Three short articles, two outlets, analysed with the rules only (fast)."""
    from accordingto.corpus.batch import run_batch

    folder = tmp_path_factory.mktemp("web-routes")
    text = (
        "Council Backs Road Plan {i}\n\nThe council voted on Tuesday to spend money on roads, officials said.\n\n"
        '"This is a good day," said Jane Smith, the mayor. Tom Brown said work would start in {year}.\n'
    )
    records = [
        {"id": f"a{i}", "text": text.format(i=i, year=2030 + i), "outlet": outlet, "published": f"2026-0{i + 1}-10"}
        for i, outlet in enumerate(["Valley Times", "Millbrook Gazette", "Valley Times"])
    ]
    feed = folder / "articles.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    path = folder / "corpus.duckdb"
    summary = run_batch([feed], path, fast=True, progress=False)
    assert (summary.analysed, summary.failed) == (3, 0)
    return path


@pytest.fixture(scope="module")
def client(store_path):
    with TestClient(create_app(store_path, workers=1)) as c:
        yield c


@pytest.fixture(scope="module")
def bare():
    with TestClient(create_app(max_body_bytes=1000)) as c:
        yield c


# --- the routers ------------------------------------------------------------------------------------


def test_the_app_is_its_routers(bare):
    routed = {(m, r.path) for router in ROUTERS for r in router.routes for m in r.methods}
    documented = {(m.upper(), p) for p, ops in bare.app.openapi()["paths"].items() for m in ops}
    pages = {("GET", "/"), ("GET", "/corpus"), ("GET", "/docs")}
    assert documented == {(m, p.replace(":path", "")) for m, p in routed - pages}
    assert pages <= routed and ("GET", "/api/findings/charts") in routed
    for _, path in pages:  # the pages' router, included: each page answers
        assert bare.get(path).status_code == 200, path


def test_two_apps_share_no_setting(store_path):
    with TestClient(create_app(max_body_bytes=1000)) as small, TestClient(create_app(store_path, max_body_bytes=2000, timeout_s=5)) as big:
        assert (small.get("/api/info").json()["max_body_bytes"], big.get("/api/info").json()["max_body_bytes"]) == (1000, 2000)
        assert big.get("/api/info").json()["timeout_s"] == 5
        assert small.get("/api/articles").json() == {"detail": NO_STORE}
        assert big.get("/api/articles").json()["total"] == 3


def test_a_bad_query_is_422_with_or_without_a_store(client, bare):
    for c in (client, bare):
        r = c.get("/api/articles", params={"limit": 0})
        assert r.status_code == 422 and "limit" in r.json()["detail"]
    assert bare.get("/api/findings/charts").status_code == 404


# --- /docs: Swagger UI, offline ------------------------------------------------------------------------


def test_docs_is_swagger_ui_served_from_here(bare):
    page = bare.get("/docs")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    text = page.text
    refs = ANY_URL.findall(text)
    assert refs and all(ref.startswith("/") for ref in refs), refs
    assert "/docs/assets/swagger-ui-bundle.js" in refs and "/docs/assets/swagger-ui.css" in refs
    # no inline script (the page's policy would refuse it): every script is a file from this server
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", text, flags=re.DOTALL)
    assert scripts and all("src=" in attrs and not body.strip() for attrs, body in scripts)
    assert 'data-openapi="/openapi.json"' in text
    for ref in refs:
        asset = bare.get(ref)
        assert asset.status_code == 200, ref
        if ref.endswith((".js", ".css")):
            assert not CDN.search(asset.text), (ref, CDN.search(asset.text))
    assert bare.get("/docs/assets/swagger-ui-bundle.js").headers["content-type"].startswith(("text/javascript", "application/javascript"))
    assert "validatorUrl: null" in bare.get("/static/docs.js").text  # no badge fetched from swagger.io
    assert not CDN.search(text)


# --- the findings' charts ------------------------------------------------------------------------------------


def test_charts_are_those_of_findings_html(client, store_path):
    answer = client.get("/api/findings/charts", params={"by": "outlet", "top": 5})
    assert answer.status_code == 200, answer.text
    data = answer.json()
    expected = draw_charts(findings(store_path, "outlet", top=5))
    assert data["by"] == ["outlet"]
    assert [(c["id"], c["title"], c["svg"]) for c in data["charts"]] == [(slug(c.title), c.title, c.svg) for c in expected]
    first = data["charts"][0]
    assert first["title"] == "Attributions and voices per article, per outlet"
    assert first["svg"].startswith("<svg") and first["svg"].count(f'id="{first["id"]}-bar-attributions-per-article-') == 2
    assert client.get("/api/findings/charts", params={"by": "outlet", "top": 5}).json() == data  # drawn once, kept


def test_charts_refuse_what_findings_refuses(client):
    r = client.get("/api/findings/charts", params={"by": "topic"})
    assert r.status_code == 400 and "cannot group by 'topic'" in r.json()["detail"]
    assert client.get("/api/findings/charts", params={"top": 0}).status_code == 422


# --- the log ------------------------------------------------------------------------------------------------


def test_every_refusal_is_a_log_line(bare, caplog):
    with caplog.at_level(logging.WARNING, logger="accordingto.web"):
        assert bare.post("/api/analyze", content=b"x").status_code == 415
        assert bare.get("/api/articles").status_code == 404
        assert bare.post("/api/analyze", json={"txt": "x"}).status_code == 422
        assert bare.post("/api/analyze", content=b"x" * 2000, headers={"content-type": "text/plain"}).status_code == 413
    lines = [r.getMessage() for r in caplog.records if r.name.startswith("accordingto.web")]
    assert any("POST /api/analyze → 415: no Content-Type" in line for line in lines), lines
    assert any(f"GET /api/articles → 404: {NO_STORE}" in line for line in lines), lines
    assert any("POST /api/analyze → 422: unknown field 'txt'" in line for line in lines), lines
    assert any("POST /api/analyze → 413: request body of 2,000 bytes is larger" in line for line in lines), lines
