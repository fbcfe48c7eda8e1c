"""The hostile-input audit (issue 12), kept as tests: nothing breaks, nothing hangs, nothing is lost.

One test (or a few) per item of the issue, each on made-up input generated
here (no publisher text). The analyses run in ``--fast`` mode (rules only)
where the item is not about the tagger, so that the whole file stays well
under a minute. Speed itself is shown by ``benchmarks/linear.py``; these tests
check behaviour, and count operations where cost is the point.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import random
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

import accordingto
from accordingto import pipeline
from accordingto.cli import app as cli
from accordingto.errors import EncodingError, InputError, InputTooLargeError
from accordingto.read import MAX_INPUT_BYTES, read_input, read_path

runner = CliRunner()

NAMES = ["Maria Okafor", "Tomas Lindqvist", "Priya Ramirez", "Omar Haddad", "Greta Whitmore"]
TOPICS = ["the bridge", "the library budget", "the bus routes", "the harbor plan", "the school merger"]


def prose(paragraphs: int, seed: int = 12) -> str:
    """Made-up news prose: each paragraph a direct quote, an indirect one and a plain sentence."""
    rng = random.Random(seed)
    out = ["Council weighs the town's projects", ""]
    for i in range(paragraphs):
        name, topic = rng.choice(NAMES), rng.choice(TOPICS)
        out.append(
            f'"We will not give up on {topic}," said {name}, a member of the council. '
            f"{rng.choice(NAMES)} told reporters on Monday that {topic} would cost more than planned. "
            f"The vote on {topic} took place in the evening, after a long debate number {i}."
        )
        out.append("")
    return "\n".join(out)


def one_line(result) -> str:
    """The single line a refused CLI run printed (never a traceback)."""
    text = (result.stderr if hasattr(result, "stderr") else result.output).strip()
    assert "Traceback" not in (result.output or "") and result.exception is None or isinstance(result.exception, SystemExit)
    assert len(text.splitlines()) == 1, text
    return text


def all_spans(report) -> list:
    spans = [s for a in report.attributions for s in (*a.source, *a.cue, *a.content)]
    spans += [m for sp in report.speakers for m in sp.mentions]
    spans += [*report.unattributed, *report.hedges, *report.scare_quotes, *report.dates]
    spans += [e.sentence for e in report.timeline]
    return spans


# --- 1. texts over spaCy's max_length --------------------------------------------------------


def test_1_text_over_spacy_max_length_is_analysed_in_pieces(monkeypatch):
    """Over nlp.max_length spaCy raised E088 (a bare ValueError); now the text is analysed in pieces."""
    from accordingto.pipeline import load_pipeline

    text = prose(40)
    monkeypatch.setattr(load_pipeline(), "max_length", 2500)  # the text is 7 times that
    report = accordingto.analyze(text, fast=True)
    assert report.text == text.strip()
    assert all(report.text[s.start : s.end] == s.text for s in all_spans(report))
    assert [a.id for a in report.attributions] == list(range(len(report.attributions)))
    # attributions all through the text, not only in its first piece
    assert max(a.content[0].start for a in report.attributions) > len(text) - 2500
    assert len(report.attributions) >= 60
    # a speaker quoted in several pieces is one speaker, with mentions in each
    names = [sp.name for sp in report.speakers]
    assert len(names) == len(set(names))
    okafor = next(sp for sp in report.speakers if sp.name == "Maria Okafor")
    assert okafor.mentions[0].start < 2500 < okafor.mentions[-1].start
    ids = {sp.id for sp in report.speakers}
    assert all(a.speaker_id in ids for a in report.attributions if a.speaker_id is not None)
    assert report.profile.attributions == len(report.attributions)


def test_1_split_text_cuts_at_paragraphs_then_sentences_then_spaces():
    text = "First paragraph here.\n\nSecond one is a little longer.\nThird line.\n" * 20
    pieces = pipeline.split_text(text, 200)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a == prev_b for (_, prev_b), (a, _) in zip(pieces, pieces[1:]))
    assert all(b - a <= 200 for a, b in pieces)
    assert all(text[b - 1] == "\n" for _, b in pieces[:-1])
    line = "One sentence ends here. " * 100  # no line break at all
    assert all(line[b - 2 : b] == ". " for _, b in pipeline.split_text(line, 300)[:-1])
    words = "word " * 200
    assert all(words[b - 1] == " " for _, b in pipeline.split_text(words, 90)[:-1])
    run = "x" * 1000
    assert pipeline.split_text(run, 300) == [(0, 300), (300, 600), (600, 900), (900, 1000)]


def test_1_over_the_5_mb_limit_is_one_clear_refusal(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"The mayor said the plan works. " * (MAX_INPUT_BYTES // 31 + 1))
    result = runner.invoke(cli, ["analyze", str(big), "--fast"])
    assert result.exit_code == 2
    assert "larger than the limit" in one_line(result)
    with pytest.raises(InputTooLargeError):
        read_input(big.read_bytes())
    assert issubclass(InputTooLargeError, InputError)


# --- 2. cost linear in the input -------------------------------------------------------------


def _rules_work(n: int) -> int:
    """Range comparisons and quotes looked at by the rules on '"He said," she said.' × n."""
    from accordingto.extract import rules
    from accordingto.extract.quotes import QuoteIndex
    from accordingto.extract.rules import conflicts, context, continuations
    from accordingto.pipeline import parse

    doc = parse('"He said," she said. ' * n)
    count = [0]
    # the range comparisons, where the rules call them
    patched = [(conflicts, "inside"), (continuations, "inside"), (context, "overlaps")]
    saved = [getattr(module, name) for module, name in patched]
    overlapping = QuoteIndex.overlapping

    def counted(fn, weight=lambda out: 1):
        def wrapper(*args, **kwargs):
            out = fn(*args, **kwargs)
            count[0] += weight(out)
            return out

        return wrapper

    for (module, name), fn in zip(patched, saved):
        setattr(module, name, counted(fn))
    QuoteIndex.overlapping = counted(overlapping, weight=lambda out: 1 + len(out))
    try:
        found = rules.extract_rules(doc)
    finally:
        for (module, name), fn in zip(patched, saved):
            setattr(module, name, fn)
        QuoteIndex.overlapping = overlapping
    assert len(found) == n
    return count[0]


def test_2_rules_work_grows_linearly_with_repeated_quotes():
    """Each quote look-up scanned every quote, each candidate every other one: 4× the work for 2× the text."""
    small, large = _rules_work(150), _rules_work(300)
    assert large < 2.3 * small, (small, large)


def test_2_long_runs_of_punctuation_are_few_tokens():
    """spaCy's tokenizer is quadratic in a run with no space; such a run is cut in 100-character tokens."""
    from accordingto.pipeline import load_pipeline

    nlp = load_pipeline()
    text = 'He said "' + '"' * 5000 + ' and left. See https://example.org/' + "a" * 250 + " today."
    doc = nlp.tokenizer(text)
    assert doc.text == text
    assert len(doc) < 80
    assert any(t.text == "https://example.org/" + "a" * 250 for t in doc)  # a long URL stays whole


def test_2_sentences_are_bounded_in_tokens():
    from accordingto.pipeline import parse
    from accordingto.pipeline.sentences import MAX_SENTENCE_TOKENS

    doc = parse("and then " * 1500)
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS


def test_2_hostile_repeats_analyse_whole():
    """Both inputs that hung the CLI, at a size the suite can afford: every attribution, no error."""
    report = accordingto.analyze('"He said," she said. ' * 400, fast=True)
    assert len(report.attributions) == 400
    report = accordingto.analyze('"' * 20_000, fast=True)
    assert report.attributions == []


def test_2_cli_timeout_cuts_off_with_one_line(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(prose(60), encoding="utf-8")
    result = runner.invoke(cli, ["analyze", str(article), "--fast", "--timeout", "0.05"])
    assert result.exit_code == 1
    assert "timed out after 0.05 s" in one_line(result)
    result = runner.invoke(cli, ["analyze", str(article), "--fast", "--timeout", "120", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["attributions"]


# --- 3. devices and pipes --------------------------------------------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_3_a_device_is_read_with_a_bound():
    result = runner.invoke(cli, ["analyze", "/dev/zero"])
    assert result.exit_code == 2
    assert "larger than the limit" in one_line(result)


def test_3_a_pipe_is_read_with_a_bound(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    import threading

    written = [0]

    def feed():  # 20 MB, unless the reader stops reading
        try:
            with open(fifo, "wb", buffering=0) as f:
                for _ in range(5000):
                    written[0] += f.write(b"a" * 4096)
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=feed)
    writer.start()
    with pytest.raises(InputTooLargeError):
        read_path(fifo, max_bytes=10_000)
    writer.join(30)
    assert written[0] < 1_000_000  # the reader stopped one byte past the limit (the pipe holds 64 KB)


def test_3_closed_stdin_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(InputError, match="standard input"):
        read_path("-")


# --- stores: one batched from a plain folder (no outlets), one with hostile outlet names ------

HOSTILE_OUTLETS = [
    "Save $5 or $10 Daily", "[bold red]Loud[/] [link=http://evil.example]News", "=HYPERLINK(1) Post", "Deals $^$ Weekly",
]


@pytest.fixture(scope="module")
def plain_store(tmp_path_factory):
    """A store batched from a plain folder of .txt files: no article has an outlet."""
    from accordingto.corpus.batch import run_batch

    folder = tmp_path_factory.mktemp("plain")
    for i in range(2):
        (folder / f"story-{i}.txt").write_text(prose(3, seed=i), encoding="utf-8")
    store = folder / "corpus.duckdb"
    summary = run_batch([folder], store, fast=True, progress=False, timeout=None)
    assert (summary.analysed, summary.failed) == (2, 0)
    return store


@pytest.fixture(scope="module")
def outlet_store(tmp_path_factory):
    """A store whose outlets and speakers have names that look like markup, math text or formulas."""
    from accordingto.corpus.batch import run_batch

    folder = tmp_path_factory.mktemp("outlets")
    records = []
    for i, outlet in enumerate(HOSTILE_OUTLETS):
        text = prose(2, seed=10 + i) + '\n\n"Prices must fall," said -Dr Mallory Vance, an analyst.'
        records.append({"id": f"s{i}", "text": text, "outlet": outlet, "published": f"2026-0{i + 1}-10"})
    feed = folder / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    store = folder / "corpus.duckdb"
    summary = run_batch([feed], store, fast=True, progress=False, timeout=None)
    assert (summary.analysed, summary.failed) == (4, 0)
    return store


@pytest.fixture(scope="module")
def client(plain_store):
    from fastapi.testclient import TestClient

    from accordingto.web.app import create_app

    with TestClient(create_app(plain_store, workers=1)) as c:
        yield c


# --- 4. speakers of a store without outlets --------------------------------------------------


def test_4_speakers_of_a_store_without_outlets(client):
    response = client.get("/api/speakers")
    assert response.status_code == 200, response.text
    speakers = response.json()["items"]
    assert speakers and all(s["outlets"] == [] for s in speakers)
    assert client.get("/corpus").status_code == 200


# --- 5. names that look like math text or markup ---------------------------------------------


def test_5_findings_html_draws_dollar_signs_as_they_are(outlet_store, tmp_path):
    result = runner.invoke(cli, ["findings", str(outlet_store), "--html", str(tmp_path / "f.html")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "f.html").read_text(encoding="utf-8")
    charts = "".join(part.split("</svg>")[0] for part in page.split("<svg")[1:])
    assert "Deals $^$ Weekly" in charts and "Save $5 or $10 Daily" in charts  # drawn as they are, not as math


def test_5_findings_in_the_terminal_print_markup_as_text(outlet_store):
    from rich.console import Console

    from accordingto.corpus.findings import findings, print_findings

    console = Console(record=True, width=400, force_terminal=True)
    print_findings(findings(outlet_store, by="outlet"), console=console)
    assert "[bold red]Loud[/] [link=http://evil.example]News" in console.export_text()
    assert "evil.example" not in "".join(str(s.style) for s in console._record_buffer if s.style)


# --- 6. the client's faults are 400/422, never 500 -------------------------------------------


def test_6_deep_json_is_400(client):
    body = '{"text": ' + "[" * 1000 + "]" * 1000 + "}"
    response = client.post("/api/analyze", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert "nested too deeply" in response.json()["detail"]


def test_6_lone_surrogate_is_422(client):
    for body in ({"text": "The mayor said \ud800 it works."}, {"text": "The mayor said it works.", "title": "\udfff"}):
        response = client.post(
            "/api/analyze", content=json.dumps(body), headers={"Content-Type": "application/json"}
        )
        assert response.status_code == 422, response.text
        assert "surrogate" in response.json()["detail"] or "unicode" in response.json()["detail"]
    with pytest.raises(EncodingError):
        read_input("The mayor said \ud800 it works.")


def test_6_huge_offset_is_422(client):
    response = client.get("/api/articles", params={"offset": "9223372036854775808"})
    assert response.status_code == 422
    assert client.get("/api/articles", params={"offset": "3"}).status_code == 200


# --- 7. a foreign DuckDB file, an unwritable --out -------------------------------------------


def test_7_batch_refuses_another_programs_duckdb_before_writing(tmp_path):
    foreign = tmp_path / "theirs.duckdb"
    con = duckdb.connect(str(foreign))
    con.execute("CREATE TABLE invoices (n INTEGER)")
    con.close()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(prose(2), encoding="utf-8")
    result = runner.invoke(cli, ["batch", str(tmp_path / "in"), "--store", str(foreign), "--fast", "-q"])
    assert result.exit_code == 1
    assert "another program" in one_line(result)
    con = duckdb.connect(str(foreign), read_only=True)
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    con.close()
    assert tables == {"invoices"}


def test_7_predict_to_an_unwritable_path_is_one_line(tmp_path):
    (tmp_path / "a.txt").write_text(prose(2), encoding="utf-8")
    result = runner.invoke(cli, ["predict", str(tmp_path), "--out", str(tmp_path / "no" / "such" / "p.jsonl"), "--fast"])
    assert result.exit_code == 1
    assert "cannot write" in one_line(result)


# --- 8. truncated WARC -----------------------------------------------------------------------


def _warc(gz: bool, n: int = 3) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for i in range(n):
        body = f"<html><body><article><p>{prose(2, seed=i)}</p></article></body></html>".encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
        record = writer.create_warc_record(f"http://example.org/{i}", "response", payload=io.BytesIO(body), http_headers=headers)
        writer.write_record(record)
    return buf.getvalue()


@pytest.mark.parametrize("gz", [False, True])
def test_8_a_cut_warc_is_a_failure_never_a_whole_article(gz):
    from accordingto.read.corpus import Failure, Record
    from accordingto.read.warc import iter_warc_stream

    data = _warc(gz)
    whole = list(iter_warc_stream(io.BytesIO(data), name="w"))
    assert [type(r) for r in whole] == [Record] * 3
    complete = {r.id: r.data for r in whole}
    for fraction in (0.3, 0.5, 0.8, 0.95):
        out = list(iter_warc_stream(io.BytesIO(data[: int(len(data) * fraction)]), name="w"))
        records = [r for r in out if isinstance(r, Record)]
        assert all(complete[r.id] == r.data for r in records), fraction  # never a cut page
        assert isinstance(out[-1], Failure) and "cut off" in out[-1].reason, (fraction, out)


# --- 12. CSV injection -----------------------------------------------------------------------


def test_12_csv_cells_that_look_like_formulas_are_neutralised(outlet_store, tmp_path):
    result = runner.invoke(cli, ["export", str(outlet_store), "--format", "csv", "--out", str(tmp_path / "x")])
    assert result.exit_code == 0, result.output
    with open(tmp_path / "x" / "articles.csv", newline="", encoding="utf-8") as f:
        outlets = {row["outlet"] for row in csv.DictReader(f)}
    assert "'=HYPERLINK(1) Post" in outlets and "Save $5 or $10 Daily" in outlets
    with open(tmp_path / "x" / "speakers.csv", newline="", encoding="utf-8") as f:
        cells = [c for row in csv.reader(f) for c in row]
    assert not any(c.startswith(("=", "+", "-", "@")) and not _number(c) for c in cells)
    result = runner.invoke(cli, ["findings", str(outlet_store), "--by", "outlet", "--csv", str(tmp_path / "f")])
    assert result.exit_code == 0, result.output
    with open(tmp_path / "f" / "by_outlet.csv", newline="", encoding="utf-8") as f:
        cells = [c for row in csv.reader(f) for c in row]
    assert "'=HYPERLINK(1) Post" in cells
    assert not any(c.startswith(("=", "+", "-", "@")) and not _number(c) for c in cells)


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


# --- 9. unreadable folders, changed articles -------------------------------------------------


def test_9_an_unreadable_subfolder_is_a_failure(tmp_path, monkeypatch):
    from accordingto.read.corpus import Failure, Record
    from accordingto.read.directory import iter_directory

    (tmp_path / "a.txt").write_text(prose(1), encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(prose(1), encoding="utf-8")
    real = os.scandir

    def scandir(path):  # as for a folder without read permission (the tests may run as root)
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    out = list(iter_directory(tmp_path))
    assert [type(r) for r in out] == [Record, Failure]
    assert "locked" in out[1].source and "cannot read folder: Permission denied" in out[1].reason


def test_9_a_changed_article_is_not_a_duplicate(tmp_path):
    from accordingto.corpus.batch import run_batch

    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "x", "text": prose(2, seed=1)}) + "\n", encoding="utf-8")
    store = tmp_path / "s.duckdb"
    assert run_batch([feed], store, fast=True, progress=False, timeout=None).analysed == 1
    same = run_batch([feed], store, fast=True, progress=False, timeout=None)
    assert (same.duplicates, same.changed) == (1, 0)
    feed.write_text(json.dumps({"id": "x", "text": prose(2, seed=2)}) + "\n", encoding="utf-8")
    changed = run_batch([feed], store, fast=True, progress=False, timeout=None)
    assert (changed.analysed, changed.duplicates, changed.changed) == (0, 0, 1)
    assert "1 changed" in str(changed)
    con = duckdb.connect(str(store), read_only=True)
    reasons = con.execute("SELECT reason FROM failures WHERE id = 'x'").fetchall()
    con.close()
    assert reasons and reasons[0][0].startswith("changed:")


# --- 10. mixed encodings, UTF-16 without a BOM, NUL bytes ------------------------------------


def test_10_utf8_mixed_with_latin1_is_decoded_per_line():
    utf8 = "Café owner José Núñez said the plan works.\n".encode("utf-8")
    latin = "The mayor, Zoë Brontë, said it was “too late”.\n".encode("cp1252")
    text = read_input(prose(2).encode() + b"\n" + utf8 + latin, format="text").text
    assert "Café owner José Núñez" in text and "Zoë Brontë" in text and "“too late”" in text
    assert "Ã" not in text


def test_10_utf16_without_bom_is_text():
    body = prose(2)
    for encoding in ("utf-16-le", "utf-16-be"):
        assert read_input(body.encode(encoding)).text.startswith("Council weighs")


def test_10_a_nul_byte_is_refused_wherever_it_is():
    from accordingto.errors import BinaryInputError

    body = prose(400).encode()
    assert len(body) > 70_000
    for offset in (500, 70_000):
        with pytest.raises(BinaryInputError, match="NUL"):
            read_input(body[:offset] + b"\x00" + body[offset:])
        with pytest.raises(BinaryInputError, match="NUL"):
            read_input(body[:offset].decode() + "\x00" + body[offset:].decode())


# --- 11. blank lines in JSON Lines -----------------------------------------------------------


def test_11_a_gzip_of_newlines_is_cheap_and_reported(tmp_path):
    from accordingto.read import jsonl
    from accordingto.read.corpus import Failure, Record

    lines = [b"\n" * 5000, json.dumps({"id": "a", "text": prose(1)}).encode() + b"\n", b"\n  \n" * 3]
    out = list(jsonl.iter_jsonl_stream(io.BufferedReader(io.BytesIO(b"".join(lines))), name="f"))
    assert [type(r) for r in out] == [Record] and out[0].source == "f#line 5001"
    big = tmp_path / "newlines.jsonl.gz"
    with gzip.open(big, "wb") as f:
        for _ in range(12):
            f.write(b"\n" * 1_000_000)
    calls = [0]
    with gzip.open(big, "rb") as stream:
        readline = stream.readline

        def counted(*args):
            calls[0] += 1
            return readline(*args)

        stream.readline = counted
        out = list(jsonl.iter_jsonl_stream(stream, name="g"))
    assert calls[0] < 100  # not one read per line
    assert len(out) == 1 and isinstance(out[0], Failure) and "blank lines" in out[0].reason


# --- 12. the server's timeouts and connection limit ------------------------------------------


@pytest.fixture()
def live_server():
    import socket
    import threading
    import time

    import uvicorn

    from accordingto.web.app import create_app
    from accordingto.web.server import server_config

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = server_config(create_app(), port=port, request_timeout=0.5, max_connections=3, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    yield port
    server.should_exit = True
    thread.join(10)


def test_12_half_sent_requests_are_closed(live_server):
    import socket
    import time

    with socket.create_connection(("127.0.0.1", live_server)) as s:
        s.sendall(b"GET /api/info HTTP/1.1\r\nHost: x\r\n")  # never finished
        s.settimeout(5)
        started = time.monotonic()
        assert s.recv(100) == b""  # closed by the server
        assert time.monotonic() - started < 4
    with socket.create_connection(("127.0.0.1", live_server)) as s:
        s.sendall(b"GET /api/info HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        s.settimeout(5)
        assert s.recv(100).startswith(b"HTTP/1.1 200")


def test_12_connections_over_the_limit_get_503(live_server):
    import socket

    held = [socket.create_connection(("127.0.0.1", live_server)) for _ in range(3)]
    try:
        for s in held:
            s.sendall(b"GET /api/info HTTP/1.1\r\n")
        with socket.create_connection(("127.0.0.1", live_server)) as s:
            s.sendall(b"GET /api/info HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            s.settimeout(5)
            assert s.recv(100).startswith(b"HTTP/1.1 503")
    finally:
        for s in held:
            s.close()


# --- 13. deeply nested HTML ------------------------------------------------------------------


def test_13_deeply_nested_html_keeps_its_article():
    body = "".join(f"<p>{p}</p>" for p in prose(3).split("\n\n")[1:])
    for depth in (300, 700):
        page = f"<html><head><title>Bridge</title></head><body>{'<div>' * depth}<article>{body}</article>{'</div>' * depth}</body></html>"
        assert "We will not give up" in read_input(page).text
    page = f"<html><body>{'<div>' * 3000}<article>{body}</article>{'</div>' * 3000}</body></html>"
    with pytest.raises(InputError, match="nested deeper than 2,048"):
        read_input(page)
