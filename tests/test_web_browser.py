"""The web pages in a real browser: Chromium (Debian's, never a downloaded one) via Playwright,
against the real server (``accordingto.web.app.create_app``) and the real pipeline.

What a reader of the pages relies on: the article comes back with every
attribution marked (source, cue, content; direct told apart from indirect;
hedges, loaded cues, unattributed sentences), hovering or focusing a mark
says who speaks and what kind of source they are, a voice chosen in the
panel lights up everything it says and every place it is named, nested
attributions show who reports whom, an article's text can never run as code,
errors show the server's own message, the page works at phone width and
with the keyboard, its text is readable (contrast), and nothing is loaded
from anywhere but this server. The corpus page shows the findings as tables
and charts, finds speakers and articles, and opens an article in the
Analyse view.

Screenshots land in tests/artifacts/ (kept by CI as artefacts, ignored by git).
Chromium: /usr/bin/chromium (``apt-get install chromium``), or the path in
ACCORDINGTO_CHROMIUM; the module is skipped when it is missing.
"""

from __future__ import annotations

import csv
import json
import os
import re
import socket
import threading
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import EXAMPLE, FOUNDING, SHARED

pytestmark = pytest.mark.browser  # pytest -m "not browser" leaves them out

CHROMIUM = Path(os.environ.get("ACCORDINGTO_CHROMIUM", "/usr/bin/chromium"))
if not CHROMIUM.exists():
    pytest.skip(
        f"no Chromium at {CHROMIUM}: install it (apt-get install chromium) or set ACCORDINGTO_CHROMIUM",
        allow_module_level=True,
    )

import uvicorn  # noqa: E402
from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402

from accordingto.web.app import create_app  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
STATIC = REPO / "src" / "accordingto" / "web" / "static"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
POLNEAR = SHARED / "data" / "polnear"

# The machine that runs the tests may have no network: Chromium must not try to reach one.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ANALYSIS_TIMEOUT_MS = 90_000


# --- the server and the browser ------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(app):
    """The app on a free local port, run by uvicorn in a thread; its base URL."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def _corpus_records() -> list[dict]:
    """A small corpus: one short PolNeAR dev article per outlet, the founding article, our example."""
    records = []
    if POLNEAR.is_dir():
        with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as f:
            meta = {row["filename"]: row for row in csv.DictReader(f, delimiter="\t")}
        seen = set()
        for path in sorted((POLNEAR / "dev" / "text").glob("*.txt"), key=lambda p: (p.stat().st_size, p.name)):
            outlet = path.name.split("_")[0]
            if outlet in seen or path.stem not in meta:
                continue
            seen.add(outlet)
            m = meta[path.stem]
            records.append(
                {"id": path.stem, "text": path.read_text(encoding="utf-8"), "outlet": m["publisher"],
                 "published": m["publication_date"], "title": m["title"]}
            )
            if len(seen) == 4:
                break
    if FOUNDING.exists():
        records.append(
            {"id": "founding", "text": FOUNDING.read_text(encoding="utf-8"), "outlet": "daily-caller",
             "published": "2018-07-09"}
        )
    records.append(
        {"id": "riverside", "text": EXAMPLE.read_text(encoding="utf-8"), "outlet": "millbrook-courier",
         "published": "2026-03-14"}
    )
    return records


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    from accordingto.corpus.batch import run_batch

    folder = tmp_path_factory.mktemp("web-corpus")
    feed = folder / "articles.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in _corpus_records()), encoding="utf-8")
    path = folder / "corpus.duckdb"
    summary = run_batch([feed], path, fast=True, progress=False)
    assert summary.failed == 0 and summary.analysed >= 2
    return path


@pytest.fixture(scope="module")
def site(store):
    """The server with a store: the Analyse page, the Corpus page and every API route."""
    with serving(create_app(store, timeout_s=120)) as base:
        # the server draws the findings' charts with matplotlib (seconds), once: before the pages are timed
        with urllib.request.urlopen(base + "/api/findings/charts", timeout=120) as answer:
            assert answer.status == 200
        yield base


@pytest.fixture(scope="module")
def bare_site():
    """The server with no store."""
    with serving(create_app()) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


REQUESTS: list[str] = []  # every URL any page of this module asked for


@pytest.fixture(scope="module")
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    ctx.on("request", lambda request: REQUESTS.append(request.url))
    yield ctx
    ctx.close()


class PageErrors(list):
    def check(self):
        assert not self, f"errors in the page: {self}"


@pytest.fixture
def page(context):
    pg = context.new_page()
    errors = PageErrors()
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    pg.close()
    errors.check()


def analyse(page: Page, base: str, text: str, published: str | None = None) -> dict:
    """Paste ``text``, press Analyse; the report the server sent."""
    page.goto(base + "/")
    page.fill("#input-text", text)
    if published:
        page.fill("#input-published", published)
    with page.expect_response(lambda r: r.url.endswith("/api/analyze"), timeout=ANALYSIS_TIMEOUT_MS) as answer:
        page.click("#analyse-button")
    assert answer.value.status == 200, answer.value.text()
    report = answer.value.json()
    expect(page.locator("#result")).to_be_visible()
    return report


def spans_in(report: dict) -> set[str]:
    """The keys the page gives each non-empty source/cue/content span (as app.js does)."""
    n = len(report["text"])
    keys = set()
    for a in report["attributions"]:
        for role in ("source", "cue", "content"):
            for i, s in enumerate(a[role]):
                if min(n, s["end"]) > max(0, s["start"]):
                    keys.add(f"a{a['id']}-{role}-{i}")
    return keys


@pytest.fixture(scope="module")
def founding(context, site):
    """One page with the founding article analysed (the tests below undo what they change)."""
    if not FOUNDING.exists():
        pytest.skip("../shared/examples is not beside this checkout")
    pg = context.new_page()
    errors = PageErrors()
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    report = analyse(pg, site, FOUNDING.read_text(encoding="utf-8"), "2018-07-09")
    yield pg, report
    pg.close()
    errors.check()


def check_marks(page: Page, report: dict) -> None:
    """The page shows report.text exactly, and marks each source, cue and content span, over its own text."""
    assert page.eval_on_selector("#article-text", "e => e.textContent") == report["text"]
    shown = page.eval_on_selector_all(
        "#article-text .seg[data-keys]",
        """segs => { const out = {};
            for (const s of segs) for (const k of s.dataset.keys.split(' ')) out[k] = (out[k] || '') + s.textContent;
            return out; }""",
    )
    assert set(shown) == spans_in(report)
    for a in report["attributions"]:
        for role in ("source", "cue", "content"):
            for i, span in enumerate(a[role]):
                assert shown[f"a{a['id']}-{role}-{i}"] == span["text"], (a["id"], role, i)


def speaker_named(report: dict, name: str) -> dict:
    return next(s for s in report["speakers"] if s["name"] == name)


# --- the Analyse page ------------------------------------------------------------------------------


def test_founding_article_is_marked_up(founding):
    page, report = founding
    ARTIFACTS.mkdir(exist_ok=True)
    # The whole text, exactly, with every source, cue and content span of the report marked over its text.
    assert len(report["attributions"]) >= 20
    check_marks(page, report)
    assert page.locator("#article-title").inner_text() == report["article"]["title"]
    for role in ("source", "cue", "content"):
        assert page.locator(f"#article-text .seg.r-{role}").count() > 0, role
    # direct and indirect content look different (and the legend says how)
    direct = page.locator("#article-text .seg.r-content.k-direct").first
    indirect = page.locator("#article-text .seg.r-content.k-indirect").first
    style = "e => { const s = getComputedStyle(e); return [s.borderBottomStyle, s.fontStyle]; }"
    assert direct.evaluate(style) == ["solid", "normal"]
    assert indirect.evaluate(style) == ["dashed", "italic"]
    assert page.locator("#legend .k-direct").count() == 1 and page.locator("#legend .k-indirect").count() == 1
    # hedges ("allegedly"), unattributed sentences and scare quotes are marked
    hedged = page.eval_on_selector_all("#article-text .seg.hedge", "segs => segs.map(s => s.textContent).join('')")
    for hedge in report["hedges"]:
        assert hedge["text"] in hedged
    assert page.locator("#article-text .seg.hedge-end").count() == len(report["hedges"])
    shaded = page.eval_on_selector_all("#article-text .seg.unattr", "segs => segs.map(s => s.textContent).join('')")
    for sentence in report["unattributed"]:
        assert sentence["text"][:40] in shaded
    assert page.locator("#article-text .seg.scare").count() >= len(report["scare_quotes"]) > 0
    # the voices panel and the profile
    names = page.locator("#voices .voice-name").all_inner_texts()
    assert sorted(names) == sorted(s["name"] for s in report["speakers"])
    profile = dict(zip(page.locator("#profile dt").all_inner_texts(), page.locator("#profile dd").all_inner_texts()))
    assert profile["Voices"] == str(report["profile"]["voices"])
    assert profile["Attributions"] == str(report["profile"]["attributions"])
    assert profile["Nested"] == str(report["profile"]["nested"])
    assert profile["Secondhand"].endswith("%") and profile["Sentences with no source"].endswith("%")
    # gender: people only, with its evidence (Sean J. Riddell: his first name alone)
    badge = page.locator("#voices .voice", has_text="Sean J. Riddell").locator(".voice-gender")
    expect(badge).to_have_text("man · first name: Sean")
    assert badge.get_attribute("data-evidence") == "first name" and "nomquamgender" in badge.get_attribute("title")
    people = sum(1 for s in report["speakers"] if s["type"] == "person")
    assert page.locator("#voices .voice-gender").count() == people
    assert profile["Men (person voices)"].startswith("1 · ") and profile["Women (person voices)"].startswith("0 · ")
    assert profile["Gender unknown (person voices)"].startswith("0 · ")
    page.screenshot(path=str(ARTIFACTS / "founding.png"), full_page=True)


def test_choosing_a_voice_highlights_its_attributions_and_mentions(founding):
    page, report = founding
    riddell = speaker_named(report, "Sean J. Riddell")
    his = [a for a in report["attributions"] if a["speaker_id"] == riddell["id"]]
    assert his
    button = page.locator("#voices .voice", has_text="Sean J. Riddell")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#article-text")).to_have_class(re.compile(r"\bfocus-mode\b"))
    lit = page.eval_on_selector_all("#article-text .seg.sel", "segs => segs.map(s => s.textContent).join('')")
    for a in his:  # his words, whole
        for span in a["content"]:
            assert span["text"] in lit
    assert page.locator("#article-text .seg.sel.r-content").count() > 0
    for mention in riddell["mentions"]:  # "Sean J. Riddell" inside the letter's source, "Riddell" twice
        assert mention["text"] in lit
    lit_keys = page.eval_on_selector_all(
        "#article-text .seg.sel[data-keys]", "segs => segs.flatMap(s => s.dataset.keys.split(' '))"
    )
    assert {f"a{a['id']}-content-0" for a in his} <= set(lit_keys)
    # the rest is dimmed: another voice's quote, with no mention of him in it, is not lit
    his_spans = [(m["start"], m["end"]) for m in riddell["mentions"]] + [
        (s["start"], s["end"]) for a in his for role in ("source", "cue", "content") for s in a[role]
    ]
    other = next(
        a for a in report["attributions"]
        if a["speaker_id"] != riddell["id"] and a["kind"] == "direct"
        and not any(s["start"] < e and b < s["end"] for s in a["content"] for b, e in his_spans)
    )
    assert other["content"][0]["text"] not in lit
    dim = page.locator(f'#article-text .seg[data-primary="{other["id"]}"]').first
    assert "sel" not in dim.get_attribute("class").split()
    assert dim.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"
    expect(page.locator("#selection-status")).to_contain_text("Sean J. Riddell")
    page.screenshot(path=str(ARTIFACTS / "founding-riddell.png"), full_page=True)

    # pronouns: the voice named most often by a pronoun (the letter's "We") lights up there too
    by_pronoun = max(report["speakers"], key=lambda s: sum(m["kind"] == "pronoun" for m in s["mentions"]))
    pronouns = [m for m in by_pronoun["mentions"] if m["kind"] == "pronoun"]
    assert pronouns
    voice = page.locator(f'#voices .voice[data-speaker-id="{by_pronoun["id"]}"]')
    voice.click()
    expect(button).to_have_attribute("aria-pressed", "false")
    starts = page.eval_on_selector_all(
        "#article-text .seg.sel",
        """segs => { const text = document.getElementById('article-text');
            return segs.map(s => { const r = document.createRange(); r.setStart(text, 0); r.setEndBefore(s);
                                   return [r.toString().length, s.textContent]; }); }""",
    )
    lit_at = {start: t for start, t in starts}
    for m in pronouns:
        assert lit_at.get(m["start"], "").startswith(m["text"]), m
    # choosing it again clears the highlight
    voice.click()
    assert page.locator("#article-text .seg.sel").count() == 0
    expect(page.locator("#article-text")).not_to_have_class(re.compile(r"\bfocus-mode\b"))


def test_hovering_a_source_shows_speaker_and_type(founding):
    page, report = founding
    speaker = speaker_named(report, "Sean J. Riddell")
    attribution = next(a for a in report["attributions"] if a["speaker_id"] == speaker["id"] and a["source"])
    seg = page.locator(f'#article-text .seg.r-source[data-primary="{attribution["id"]}"]').first
    seg.hover()
    tooltip = page.locator("#tooltip")
    expect(tooltip).to_be_visible()
    expect(tooltip.locator(".tt-name")).to_have_text("Sean J. Riddell")
    expect(tooltip.locator(".tt-type")).to_contain_text(speaker["type"])  # person · lawyer
    expect(tooltip).to_contain_text("source")
    assert seg.get_attribute("aria-describedby") == "tooltip"
    # the whole attribution is outlined while hovered: its cue and content too
    linked = page.eval_on_selector_all("#article-text .seg.linked", "segs => segs.map(s => s.textContent).join('')")
    assert attribution["cue"][0]["text"] in linked
    page.mouse.move(0, 0)
    page.locator("#input-heading").hover()
    expect(tooltip).to_be_hidden()


def test_nested_attributions_show_who_reports_whom(founding):
    page, report = founding
    # the guillotine scene, as The Daily Caller described it: a sign read…, according to video footage…
    nested = [a for a in report["attributions"] if len(a["chain"]) > 1 and a["chain"][0]["speaker"] == "The Daily Caller"]
    assert len(nested) >= 2
    scene = {link["attribution_id"] for a in nested for link in a["chain"][:1]}
    assert any("guillotine" in s["text"] for a in report["attributions"] if a["id"] in scene for s in a["content"])
    assert any("video footage" in s["text"] for a in nested for s in a["source"])
    for a in nested:
        page.locator(f'#article-text .seg[data-primary="{a["id"]}"]').first.hover()
        crumbs = page.locator("#tooltip .breadcrumb li")
        expect(crumbs).to_have_text(["article", *[link["speaker"] or "unnamed source" for link in a["chain"]]])
    # clicking pins the same chain in the details panel
    a = nested[-1]
    page.locator(f'#article-text .seg[data-primary="{a["id"]}"]').first.click()
    expect(page.locator("#detail .breadcrumb li")).to_have_text(["article", "The Daily Caller", a["speaker"]])
    page.locator("#input-heading").hover()


def test_keyboard_reaches_voices_and_marks(founding):
    page, report = founding
    # Tab from the Voices heading through the voice buttons to Sean J. Riddell, Enter chooses him.
    page.locator("#voices-heading").click()
    for _ in range(len(report["speakers"]) + 2):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('voice')") and "Sean J. Riddell" in page.evaluate(
            "document.activeElement.textContent"
        ):
            break
    else:
        pytest.fail("Tab never reached Sean J. Riddell's button")
    focused = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
    )
    assert focused[0] == "solid" and focused[1] >= 2  # a visible focus ring
    page.keyboard.press("Enter")
    button = page.locator("#voices .voice", has_text="Sean J. Riddell")
    expect(button).to_have_attribute("aria-pressed", "true")
    assert page.locator("#article-text .seg.sel").count() > 0
    page.keyboard.press("Space")
    expect(button).to_have_attribute("aria-pressed", "false")
    assert page.locator("#article-text .seg.sel").count() == 0

    # The article is one Tab stop; the arrow keys walk its attributions, in reading order.
    stops = page.locator("#article-text [data-focus-attr]")
    assert stops.count() == len(report["attributions"])
    assert page.locator('#article-text .seg[tabindex="0"]').count() == 1
    page.locator("#article-hint").click()
    page.mouse.move(1, 1)  # out of the article: a pointer left over a mark would show that mark's tooltip
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.focusAttr") is not None
    expect(page.locator("#tooltip")).to_be_visible()
    page.keyboard.press("Home")
    first = page.evaluate("document.activeElement.dataset.focusAttr")
    assert first == stops.first.get_attribute("data-focus-attr")
    page.keyboard.press("ArrowRight")
    second = page.evaluate("document.activeElement.dataset.focusAttr")
    assert second is not None and second != first
    a = next(x for x in report["attributions"] if str(x["id"]) == second)
    expect(page.locator("#tooltip .tt-name")).to_have_text(a["speaker"] or "Unnamed source")
    page.keyboard.press("Enter")
    expect(page.locator("#detail .tt-name")).to_have_text(a["speaker"] or "Unnamed source")
    page.keyboard.press("Escape")
    expect(page.locator("#tooltip")).to_be_hidden()


def _contrast(page: Page, selector: str) -> list[tuple[str, float]]:
    """(text, contrast ratio) of each element: its colour against the first opaque background up the tree."""
    return page.eval_on_selector_all(
        selector,
        """els => {
          const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
          const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
                                              .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
          const bg = e => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor);
                                                             if (c.length === 3 || c[3] > 0) return c.slice(0, 3); }
                            return [255, 255, 255]; };
          return els.map(e => { const a = lum(rgb(getComputedStyle(e).color)), b = lum(bg(e));
                                return [e.textContent.slice(0, 30), (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)]; });
        }""",
    )


def test_text_contrast_is_at_least_4_5(founding):
    page, report = founding
    selectors = "#article-text .seg, #legend span, #voices .voice span, #profile dt, #profile dd, .hint, .meta, button.primary"
    low = [(t, round(r, 2)) for t, r in _contrast(page, selectors) if r < 4.5]
    assert not low, low
    # dimmed, while a voice is chosen
    page.locator("#voices .voice", has_text="Sean J. Riddell").click()
    low = [(t, round(r, 2)) for t, r in _contrast(page, "#article-text .seg") if r < 4.5]
    page.locator("#voices .voice", has_text="Sean J. Riddell").click()
    assert not low, low


def test_phone_width_stacks_without_horizontal_scroll(browser, site):
    if not FOUNDING.exists():
        pytest.skip("../shared/examples is not beside this checkout")
    ctx = browser.new_context(viewport={"width": 375, "height": 812}, device_scale_factor=1, is_mobile=True, has_touch=True)
    ctx.on("request", lambda request: REQUESTS.append(request.url))
    try:
        page = ctx.new_page()
        analyse(page, site, FOUNDING.read_text(encoding="utf-8"), "2018-07-09")
        width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert width[0] <= width[1] == 375, width
        article = page.locator("#article-text").bounding_box()
        voices = page.locator("#voices").bounding_box()
        assert voices["y"] >= article["y"] + article["height"]  # the panels stack under the article
        assert article["x"] >= 0 and article["x"] + article["width"] <= 375
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "founding-phone.png"), full_page=True)
        page.locator("#voices .voice", has_text="Sean J. Riddell").tap()
        assert page.locator("#article-text .seg.sel").count() > 0
        width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert width[0] <= width[1] == 375, width
    finally:
        ctx.close()


HOSTILE_HTML = """<!doctype html><html><head><title>Council &lt;script&gt;window.__pwned=1&lt;/script&gt; vote</title>
<script>window.__pwned = 1</script></head>
<body><article><h1>Council backs bus plan &lt;img src=x onerror="window.__pwned=1"&gt;</h1>
<p>The Millbrook council voted on Tuesday to spend 12 million dollars on bus lanes, officials said. The plan has been debated for two years.</p>
<p>"This is a good day for Millbrook," said Jane Smith, the mayor. Smith said work would start in 2027 and finish within three years.</p>
<p>A resident wrote &lt;script&gt;window.__pwned=1&lt;/script&gt; and &lt;img src=x onerror="window.__pwned=1"&gt; in a comment, the council's spokesman said.</p>
<img src="x" onerror="window.__pwned=1"><script>window.__pwned = 1</script>
<p>According to a report by the state transport agency, traffic in Millbrook has grown by 9 percent since 2020. Critics claimed the plan would raise taxes.</p>
</article></body></html>"""

HOSTILE_TEXT = (
    "Council Backs Bus Plan \U0001f68c\n\n"  # an emoji: two UTF-16 units in the browser, one character in the report
    "The Millbrook council voted on Tuesday to spend 12 million dollars on bus lanes, officials said.\n\n"
    '"We will not be scared off by <script>window.__pwned=1</script> or by anyone," said Jane Smith, the mayor. '
    'A resident posted <img src=x onerror="window.__pwned=1"> under the plan, the council\'s spokesman said.\n\n'
    "Smith said work would start in 2027.\n"
)


@pytest.mark.parametrize("kind", ["html", "text"])
def test_article_text_never_runs(page, site, kind):
    source = HOSTILE_HTML if kind == "html" else HOSTILE_TEXT
    page.goto(site + "/")
    scripts = page.locator("script").count()
    report = analyse(page, site, source)
    assert report["article"]["format"] == kind  # auto-detected: a page starts with a tag, this text does not
    check_marks(page, report)
    text = page.eval_on_selector("#article-text", "e => e.textContent")
    assert "<script>window.__pwned=1</script>" in text
    assert '<img src=x onerror="window.__pwned=1">' in text
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("#result script, #result img, #result iframe, #result [onerror]").count() == 0
    assert page.locator("#article-text *").evaluate_all("els => els.every(e => e.tagName === 'SPAN')")
    assert page.locator("script").count() == scripts  # the page's own, nothing new
    assert page.locator('#article-text .seg[data-keys]').count() > 0
    if kind == "html":
        ARTIFACTS.mkdir(exist_ok=True)
        title = page.locator("#article-title").inner_text()  # the page's headline, tags and all, as text
        assert title == report["article"]["title"] and "<img src=x" in title
        page.screenshot(path=str(ARTIFACTS / "hostile.png"), full_page=True)


def test_empty_submission_shows_the_servers_message(page, site):
    page.goto(site + "/")
    with page.expect_response(lambda r: r.url.endswith("/api/analyze")) as answer:
        page.click("#analyse-button")
    assert answer.value.status in (400, 422)
    detail = answer.value.json()["detail"]
    alert = page.get_by_role("alert")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text(detail)
    assert page.locator("#result").is_hidden()
    expect(page.locator("#analyse-button")).to_be_enabled()


def test_bad_date_shows_the_servers_message(page, site):
    page.goto(site + "/")
    page.fill("#input-text", EXAMPLE.read_text(encoding="utf-8"))
    page.evaluate("document.getElementById('input-published').type = 'text'")
    page.fill("#input-published", "14/03/2026")
    with page.expect_response(lambda r: r.url.endswith("/api/analyze")) as answer:
        page.click("#analyse-button")
    assert answer.value.status == 422
    expect(page.get_by_role("alert")).to_contain_text(answer.value.json()["detail"])


def test_file_upload(page, site, tmp_path):
    path = tmp_path / "riverside.txt"
    path.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    page.goto(site + "/")
    page.set_input_files("#input-file", str(path))
    page.fill("#input-published", "2026-03-14")
    page.check("#input-fast")
    with page.expect_request(lambda r: r.url.endswith("/api/analyze")) as sent:
        with page.expect_response(lambda r: r.url.endswith("/api/analyze"), timeout=ANALYSIS_TIMEOUT_MS) as answer:
            page.click("#analyse-button")
    assert sent.value.headers["content-type"].startswith("multipart/form-data")
    report = answer.value.json()
    assert report["article"]["published"] == "2026-03-14"
    expect(page.locator("#result")).to_be_visible()
    check_marks(page, report)
    expect(page.locator("#voices")).to_contain_text("Marcus Oyelaran")


# --- the Corpus page -------------------------------------------------------------------------------


def test_corpus_page_findings_tables_and_charts(page, site, store):
    from accordingto.corpus.charts import slug
    from accordingto.corpus.findings import findings

    expected = findings(store, "outlet,month", top=10)  # the page asks for the top 10
    page.goto(site + "/corpus")
    expect(page.locator("#charts figure svg").first).to_be_visible()
    by_outlet = expected["by_outlet"]
    table = page.locator('table[data-table="by_outlet"]')
    expect(table.locator("tbody tr")).to_have_count(len(by_outlet.rows))
    outlets = table.locator("tbody tr td:first-child").all_inner_texts()
    assert outlets == by_outlet.column("outlet")
    i = by_outlet.columns.index("attributions")
    cells = table.locator(f"tbody tr td:nth-child({i + 1})").all_inner_texts()
    assert [int(c.replace(",", "")) for c in cells] == by_outlet.column("attributions")
    assert page.locator('table[data-table="by_month"] tbody tr').count() == len(expected["by_month"].rows)
    assert page.locator('table[data-table="top_speakers"] tbody tr').count() == len(expected["top_speakers"].rows)
    # the charts: the server's (those of findings --html), accessible SVG, one bar per group and series
    charts = page.locator("#charts figure")
    assert charts.count() >= 5
    title = "Attributions and voices per article, per outlet"
    chart = charts.filter(has_text=title)
    expect(chart.locator("svg[role=img] > title")).to_have_text(title)
    rows = sorted(by_outlet.to_dicts(), key=lambda r: r["outlet"])  # the chart's order (15 outlets at most)
    bars = chart.locator(f'[id^="{slug(title)}-bar-attributions-per-article-"] path')
    assert bars.count() == len(by_outlet.rows)
    widths = bars.evaluate_all("ps => ps.map(p => p.getBBox().width)")
    values = [r["attributions_per_article"] for r in rows]
    assert widths.index(max(widths)) == values.index(max(values))
    expect(page.locator("#corpus-summary")).to_contain_text(str(expected["corpus"].rows[0][0]))
    # gender: the women's share per outlet, the unknown share beside it, and its table
    title = "Women, men and unknown among quoted people per outlet"
    women = charts.filter(has_text=title)
    g = expected["gender_by_outlet"]
    for who in ("women", "unknown"):
        assert women.locator(f'[id^="{slug(title)}-bar-{who}-"] path').count() == len(g.rows)
    first = min(g.to_dicts(), key=lambda r: r["outlet"])
    width = {who: women.locator(f'[id="{slug(title)}-bar-{who}-0"] path').evaluate("p => p.getBBox().width")
             for who in ("women", "men", "unknown")}  # fmt: skip
    if first["people"]:
        total = sum(width.values())
        assert width["women"] / total == pytest.approx(first["women_share"] or 0, abs=0.01)
        assert width["unknown"] / total == pytest.approx(first["unknown_share"] or 0, abs=0.01)
    expect(page.locator('table[data-table="gender_by_outlet"] tbody tr')).to_have_count(len(g.rows))
    # another grouping
    page.uncheck("#by-outlet")
    page.select_option("#by-period", "year")
    page.locator("#findings-form button").click()
    expect(page.locator('table[data-table="by_year"]')).to_be_visible()
    assert page.locator('table[data-table="by_outlet"]').count() == 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "corpus.png"), full_page=True)


def test_corpus_speakers_search_and_articles(page, site, store):
    if not FOUNDING.exists():
        pytest.skip("../shared/examples is not beside this checkout")
    page.goto(site + "/corpus")
    expect(page.locator("#speakers > li").first).to_be_visible()
    page.fill("#speaker-q", "riddell")
    expect(page.locator("#speakers > li")).to_have_count(1)
    entry = page.locator("#speakers > li").first
    expect(entry.locator(".name")).to_have_text("Sean J. Riddell")
    expect(entry).to_contain_text("person")
    link = entry.locator("a")
    assert link.get_attribute("href") == "/#article=founding"
    # the type filter
    page.fill("#speaker-q", "")
    page.select_option("#speaker-type", "outlet")
    expect(page.locator("#speakers > li .voice-type").first).to_have_text("outlet")
    assert set(page.locator("#speakers > li .voice-type").all_inner_texts()) == {"outlet"}
    # open Riddell's article from his entry: the Analyse view shows it highlighted
    page.select_option("#speaker-type", "")
    page.fill("#speaker-q", "riddell")
    expect(page.locator("#speakers > li")).to_have_count(1)
    page.locator("#speakers > li a").first.click()
    expect(page.locator("#result")).to_be_visible()
    assert page.url.endswith("/#article=founding")
    assert page.locator("#article-text .seg.r-source").count() > 0
    expect(page.locator("#voices")).to_contain_text("Sean J. Riddell")


def test_corpus_article_list_opens_an_article(page, site, store):
    import duckdb

    with duckdb.connect(str(store), read_only=True) as con:
        stored = json.loads(con.execute("SELECT report::VARCHAR FROM articles WHERE id = 'riverside'").fetchone()[0])
        total = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    page.goto(site + "/corpus")
    expect(page.locator("#articles tbody tr")).to_have_count(total)
    page.fill("#article-q", "riverside")
    expect(page.locator("#articles tbody tr")).to_have_count(1)
    page.select_option("#article-outlet", "millbrook-courier")
    expect(page.locator("#articles tbody tr")).to_have_count(1)
    page.locator("#articles tbody tr a").click()
    expect(page.locator("#result")).to_be_visible()
    assert page.url.endswith("/#article=riverside")
    check_marks(page, stored)
    expect(page.locator("#article-meta")).to_contain_text("millbrook-courier")


def test_corpus_page_without_a_store(page, bare_site):
    page.goto(bare_site + "/corpus")
    expect(page.locator("#no-store")).to_be_visible()
    expect(page.locator("#no-store")).to_contain_text("no corpus store")
    assert page.locator("#corpus-content").is_hidden()


def test_corpus_page_at_phone_width(browser, site):
    ctx = browser.new_context(viewport={"width": 375, "height": 812})
    ctx.on("request", lambda request: REQUESTS.append(request.url))
    try:
        page = ctx.new_page()
        page.goto(site + "/corpus")
        expect(page.locator("#charts figure svg").first).to_be_visible()
        expect(page.locator("#articles tbody tr").first).to_be_visible()
        width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert width[0] <= width[1] == 375, width
    finally:
        ctx.close()


# --- /docs ---------------------------------------------------------------------------------------------


def test_docs_page_is_swagger_ui_served_here(page, bare_site):
    """Swagger UI, from this server's files, runs under the pages' Content-Security-Policy."""
    console_errors = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    page.goto(bare_site + "/docs")
    expect(page.locator(".opblock", has_text="/api/analyze").first).to_be_visible()
    expect(page.locator(".opblock", has_text="/api/findings/charts")).to_have_count(1)
    assert not console_errors, console_errors  # a script refused by the policy would be one
    assert any(u.endswith("/docs/assets/swagger-ui-bundle.js") for u in seen) and any(u.endswith("/openapi.json") for u in seen)
    assert all(u.startswith((bare_site, "data:")) for u in seen), seen


# --- nothing leaves the server ------------------------------------------------------------------------


EXTERNAL = re.compile(r"""(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}|@import|url\(\s*['"]?(?!data:)[a-z]+:""", re.I)
ALLOWED = {"http://www.w3.org/2000/svg"}  # the SVG namespace name (a name, never fetched)


def test_static_files_name_no_external_url():
    files = sorted(p for p in STATIC.rglob("*") if p.is_file())
    assert {p.name for p in files} >= {"index.html", "corpus.html", "app.js", "corpus.js", "common.js", "style.css"}
    for path in files:
        text = path.read_text(encoding="utf-8")
        found = [m.group(0) for m in EXTERNAL.finditer(text) if not any(text.startswith(a, m.start()) for a in ALLOWED)]
        assert not found, f"{path.name}: {found}"
        # pages load only /static/ files, scripts and styles alike
        for ref in re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)""", text):
            assert ref.startswith(("/", "#", "data:")), f"{path.name}: {ref}"
    assert not re.search(r"\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=|document\.write", (STATIC / "app.js").read_text())


def test_every_request_stayed_on_the_local_server(page, site):
    # (the earlier tests' requests are in REQUESTS too; this one makes a few more of its own)
    page.goto(site + "/")
    page.goto(site + "/corpus")
    expect(page.locator("#charts figure svg").first).to_be_visible()
    page.goto(site + "/#article=riverside")
    expect(page.locator("#result")).to_be_visible()
    local = re.compile(r"^http://127\.0\.0\.1:\d+/")
    foreign = [u for u in REQUESTS if not local.match(u) and not u.startswith(("data:", "about:", "blob:"))]
    assert not foreign, foreign
    assert any(u.endswith("/static/app.js") for u in REQUESTS)
    assert any("/api/findings" in u for u in REQUESTS)


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory):
    """A store batched from a plain folder of .txt files (no article has an outlet), served (issue 12, item 4)."""
    from accordingto.corpus.batch import run_batch

    folder = tmp_path_factory.mktemp("web-plain")
    (folder / "articles").mkdir()
    for i in range(2):
        text = (
            f'Library hours cut in town number {i}\n\n"We will keep the doors open," said Maria Okafor, the head'
            " librarian. Tomas Lindqvist told reporters on Monday that the budget would cost more than planned."
        )
        (folder / "articles" / f"story-{i}.txt").write_text(text, encoding="utf-8")
    path = folder / "corpus.duckdb"
    summary = run_batch([folder / "articles"], path, fast=True, progress=False)
    assert (summary.analysed, summary.failed) == (2, 0)
    with serving(create_app(path)) as base:
        yield base


def test_corpus_page_speakers_without_outlets(page, plain_site):
    """Speakers only in articles with no outlet: the list shows them (the API answered 500 before)."""
    page.goto(plain_site + "/corpus")
    expect(page.locator("#speakers > li").first).to_be_visible()
    expect(page.locator("#speakers > li .name", has_text="Maria Okafor")).to_have_count(1)
    expect(page.locator("#speakers-count")).to_contain_text("speaker")
