"""The command line, end to end: analyze, predict, evaluate, schema.

Most cases run in-process through typer's CliRunner (spaCy and the tagger
load once for the whole file); a few run the installed ``accordingto``
script in a subprocess, to check what a user really sees on stderr (one
line, no traceback) and that real standard input works.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from accordingto.cli import app
from accordingto.schema import json_schema
from conftest import SHARED

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
RIVERSIDE = ROOT / "examples" / "riverside-library-closure.txt"
SEED = SHARED / "examples" / "seed-portland-ice-union.txt"
SCRIPT = Path(sys.executable).parent / "accordingto"
if not SCRIPT.exists():  # tests run by a python outside the virtualenv
    SCRIPT = ROOT / ".venv" / "bin" / "accordingto"

# Wide enough that rich never wraps a name inside a table cell.
runner = CliRunner(env={"COLUMNS": "200", "NO_COLOR": "1"})

NO_ATTRIBUTIONS = (
    "Riverside Library Turns Sixty\n\n"
    "The Riverside branch of the Millbrook Public Library opened in 1962 on Elm Street. "
    "The building has three floors, a reading garden and a small auditorium. "
    "It was renovated in 2004 and again in 2019. "
    "The branch holds about 40,000 books and lends around 9,000 of them every month.\n"
)

# An opening quotation mark that is never closed, apostrophes of plural possessives.
UNBALANCED = (
    "Council Cuts Parks Budget, Mayor's Critics Say\n\n"
    "The city council voted on Monday to cut the parks budget by a third. "
    '"We had no choice, said council member Ana Ruiz, who voted for the cut.\n\n'
    'Parks director Tom Baker said the cut would close four pools. "Children will have nowhere to swim '
    'this summer," Baker said.\n\n'
    "The agents' union and the teachers' association said they would fight the decision. "
    '"This is a disgrace," said union president Lee Chan.\n'
)

SPANISH = (
    "La biblioteca de Riverside cerrará este verano\n\n"
    "El ayuntamiento de Millbrook anunció el martes que la sucursal de Riverside de la biblioteca pública "
    "cerrará sus puertas el 30 de junio, después de 62 años de servicio en el barrio. "
    "\"No podemos mantener abierto un edificio que cuesta más en calefacción que lo que gasta en libros\", "
    "dijo la concejala Dana Whitfield, que preside la comisión de presupuestos. Los vecinos se mostraron "
    "muy molestos por la decisión y anunciaron que recogerán firmas para evitar el cierre.\n"
)


def _invoke(*args: str, input: bytes | str | None = None):
    return runner.invoke(app, list(args), input=input)


def _assert_clean_refusal(stdout: str, stderr: str, exit_code: int) -> None:
    """Non-zero exit, exactly one line on stderr starting 'accordingto:', no traceback."""
    assert exit_code != 0
    assert "Traceback" not in stdout + stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got {stderr!r}"
    assert lines[0].startswith("accordingto: "), lines[0]
    assert len(lines[0]) > len("accordingto: ") + 5
    assert stdout.strip() == ""


def _report_json(*args: str, input: bytes | None = None) -> dict:
    result = _invoke("analyze", *args, "--json", input=input)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return json.loads(result.stdout)


def _check_spans(report: dict) -> None:
    text = report["text"]
    for a in report["attributions"]:
        for role in ("source", "cue", "content"):
            for s in a[role]:
                assert 0 <= s["start"] < s["end"] <= len(text)
                assert text[s["start"] : s["end"]] == s["text"]
    for sp in report["speakers"]:
        for m in sp["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    for s in report["unattributed"]:
        assert text[s["start"] : s["end"]] == s["text"]


@pytest.fixture(scope="module")
def schema() -> dict:
    result = _invoke("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema == json_schema()
    jsonschema.validators.validator_for(schema).check_schema(schema)
    return schema


def _validate(report: dict, schema: dict) -> None:
    jsonschema.validators.validator_for(schema)(schema).validate(report)


# --- analyze: good input ---------------------------------------------------


def test_analyze_prints_voices_and_attributions():
    result = _invoke("analyze", str(RIVERSIDE))
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    out = result.stdout
    assert "Voices" in out and "Attributions, in reading order" in out
    for name in ("Dana Whitfield", "Marcus Oyelaran", "Priya Raman"):
        assert name in out
    assert "We simply cannot keep a building open" in out  # a quote, in the attribution table


def test_analyze_json_validates_against_the_schema(schema):
    report = _report_json(str(RIVERSIDE), "--published", "2018-07-09")
    _validate(report, schema)
    _check_spans(report)
    assert report["article"]["published"] == "2018-07-09"
    assert report["article"]["format"] == "text"
    speakers = {s["name"] for s in report["speakers"]}
    assert {"Dana Whitfield", "Marcus Oyelaran", "Priya Raman"} <= speakers
    quoted = {a["speaker"] for a in report["attributions"] if a["kind"] == "direct"}
    assert {"Dana Whitfield", "Marcus Oyelaran", "Priya Raman"} <= quoted


def test_analyze_stdin_equals_the_file(schema):
    data = RIVERSIDE.read_bytes()
    assert _report_json("-", input=data) == _report_json(str(RIVERSIDE))


def test_analyze_html_page(schema):
    report = _report_json(str(DATA / "news_page.html"))
    _validate(report, schema)
    _check_spans(report)
    meta = report["article"]
    assert meta["format"] == "html"
    assert meta["title"] == "Harbor Town Council Approves Seawall Plan"
    assert meta["published"] == "2023-04-18"
    assert "<p>" not in report["text"] and "Subscribe to our newsletter" not in report["text"]
    assert "Rosa Delgado" in {s["name"] for s in report["speakers"]}
    assert any("cannot keep pumping water" in c["text"] for a in report["attributions"] for c in a["content"])


def test_text_with_no_attributions(tmp_path, schema):
    path = tmp_path / "plain.txt"
    path.write_text(NO_ATTRIBUTIONS, encoding="utf-8")
    result = _invoke("analyze", str(path))
    assert result.exit_code == 0, result.output
    assert "0 attributions" in result.stdout
    report = _report_json(str(path))
    _validate(report, schema)
    assert report["attributions"] == [] and report["speakers"] == []
    assert len(report["unattributed"]) == 4


def test_unbalanced_quotes_and_plural_apostrophes(tmp_path, schema):
    path = tmp_path / "unbalanced.txt"
    path.write_text(UNBALANCED, encoding="utf-8")
    report = _report_json(str(path))
    _validate(report, schema)
    _check_spans(report)
    text = report["text"]
    for a in report["attributions"]:
        for c in a["content"]:
            # the stray quotation mark and the apostrophes do not open a quote that runs on
            assert "\n\n" not in text[c["start"] : c["end"]], c["text"]
    by = {(a["speaker"], a["kind"]): " ".join(c["text"] for c in a["content"]) for a in report["attributions"]}
    assert "Children will have nowhere to swim this summer" in by.get(("Tom Baker", "direct"), "")
    assert "This is a disgrace" in by.get(("Lee Chan", "direct"), "")
    assert "close four pools" in by.get(("Tom Baker", "indirect"), "")


@pytest.mark.skipif(not SEED.exists(), reason="founding article not available")
def test_founding_article_apostrophe_in_headline(schema):
    report = _report_json(str(SEED), "--published", "2018-07-09")
    _validate(report, schema)
    _check_spans(report)
    text = report["text"]
    headline = text.split("\n", 1)[0]
    assert "Agents' Lives" in headline
    heads = [a for a in report["attributions"] if a["content"] and a["content"][0]["start"] < len(headline)]
    assert heads, "the headline attribution ('…, Says Union') is missing"
    assert all(c["end"] <= len(headline) for a in heads for c in a["content"])
    assert any("Agents' Lives In Danger" in c["text"] for a in heads for c in a["content"])
    assert len([a for a in report["attributions"] if a["speaker"] == "Sean J. Riddell"]) >= 2  # continues:, writes


# --- analyze: bad input ----------------------------------------------------


def _spanish(tmp_path: Path) -> Path:
    path = tmp_path / "es.txt"
    path.write_text(SPANISH, encoding="utf-8")
    return path


def _undecodable(tmp_path: Path) -> Path:
    import random

    rng = random.Random(11)
    path = tmp_path / "latin.txt"
    path.write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(2000)))  # no encoding fits
    return path


BAD_INPUTS = {
    "empty": lambda d: _write(d / "empty.txt", b""),
    "whitespace": lambda d: _write(d / "blank.txt", b"  \n\t\r\n   \n"),
    "png": lambda d: _write(d / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"),
    "png_named_txt": lambda d: _write(d / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"),
    "not_utf8": _undecodable,
    "too_large": lambda d: _write(d / "big.txt", (b"The mayor said the budget was fine. " * 560_000)[:20_000_000]),  # 20 MB
    "html_no_body": lambda d: DATA / "no_body.html",
    "spanish": _spanish,
    "nonexistent": lambda d: d / "does-not-exist.txt",
    "directory": lambda d: d,
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_is_refused_in_one_line(case, tmp_path):
    path = BAD_INPUTS[case](tmp_path)
    result = _invoke("analyze", str(path))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    _assert_clean_refusal(result.stdout, result.stderr, result.exit_code)
    assert result.exit_code == 2


def test_bad_input_on_stdin_is_refused_in_one_line():
    for data in (b"", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", SPANISH.encode()):
        result = _invoke("analyze", "-", input=data)
        _assert_clean_refusal(result.stdout, result.stderr, result.exit_code)


@pytest.mark.parametrize("date", ["2018-13-45", "yesterday", "09/07/2018"])
def test_bad_published_date_is_refused(date):
    result = _invoke("analyze", str(RIVERSIDE), "--published", date)
    _assert_clean_refusal(result.stdout, result.stderr, result.exit_code)
    assert "date" in result.stderr


def test_unknown_format_is_refused():
    result = _invoke("analyze", str(RIVERSIDE), "--format", "pdf")
    _assert_clean_refusal(result.stdout, result.stderr, result.exit_code)


# --- the real script, in a subprocess ---------------------------------------


def _run_script(*args: str, input: bytes | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run(
        [str(SCRIPT), *args], input=input, capture_output=True, timeout=timeout, env=env, check=False
    )


@pytest.mark.parametrize("case", ["png", "not_utf8", "too_large", "nonexistent"])
def test_script_refuses_bad_input_in_one_line(case, tmp_path):
    path = BAD_INPUTS[case](tmp_path)
    proc = _run_script("analyze", str(path))
    _assert_clean_refusal(proc.stdout.decode(), proc.stderr.decode(), proc.returncode)
    assert proc.returncode == 2


def test_script_bad_date_and_stdin():
    proc = _run_script("analyze", "-", "--published", "2018-02-30", input=RIVERSIDE.read_bytes())
    _assert_clean_refusal(proc.stdout.decode(), proc.stderr.decode(), proc.returncode)


def test_script_reads_stdin():
    proc = _run_script("analyze", "-", "--json", input=RIVERSIDE.read_bytes())
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stderr == b""
    report = json.loads(proc.stdout)
    assert {"Dana Whitfield", "Marcus Oyelaran", "Priya Raman"} <= {s["name"] for s in report["speakers"]}


# --- predict ----------------------------------------------------------------


def test_predict_writes_one_json_line_per_article(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    texts = {
        "riverside": RIVERSIDE.read_text(encoding="utf-8"),
        # CRLF line endings and surrounding space: offsets must still point into the raw file
        "parks": "  " + UNBALANCED.replace("\n", "\r\n"),
    }
    for stem, text in texts.items():
        (articles / f"{stem}.txt").write_bytes(text.encode("utf-8"))
    (articles / "notes.md").write_text("not an article", encoding="utf-8")
    out = tmp_path / "pred.jsonl"

    result = _invoke("predict", str(articles), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "2 articles" in result.stderr

    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    rows = [json.loads(line) for line in lines]
    assert sorted(r["id"] for r in rows) == ["parks", "riverside"]
    for row in rows:
        assert set(row) == {"id", "attributions"}
        text = texts[row["id"]]
        assert row["attributions"], row["id"]
        for a in row["attributions"]:
            assert set(a) == {"source", "cue", "content", "speaker"}
            assert a["speaker"] is None or isinstance(a["speaker"], str)
            assert a["cue"] and a["content"]
            for role in ("source", "cue", "content"):
                for frag in a[role]:
                    assert isinstance(frag, list) and len(frag) == 2
                    start, end = frag
                    assert 0 <= start < end <= len(text)
                    assert text[start:end].strip()
    riverside = next(r for r in rows if r["id"] == "riverside")
    assert "Priya Raman" in {a["speaker"] for a in riverside["attributions"]}
    # the text as read from the file, quotes included: "My kids learned to read here,"
    assert any(
        texts["riverside"][s:e].startswith('"My kids learned')
        for a in riverside["attributions"]
        for s, e in a["content"]
    )
    # and the scorer accepts the file
    from accordingto.evaluation.predictions import read_predictions

    assert set(read_predictions(out)) == {"parks", "riverside"}


def test_predict_refuses_a_missing_folder_and_an_empty_one(tmp_path):
    result = _invoke("predict", str(tmp_path / "nowhere"), "--out", str(tmp_path / "p.jsonl"))
    _assert_clean_refusal(result.stdout, result.stderr, result.exit_code)
    (tmp_path / "empty").mkdir()
    result = _invoke("predict", str(tmp_path / "empty"), "--out", str(tmp_path / "p.jsonl"))
    _assert_clean_refusal(result.stdout, result.stderr, result.exit_code)


# --- evaluate ---------------------------------------------------------------

GOLD_TEXT = 'The mayor said the budget was "balanced and fair." Critics disagreed, according to a report.\n'


def _at(sub: str) -> list[int]:
    start = GOLD_TEXT.index(sub)
    return [start, start + len(sub)]


def _gold_dir(root: Path) -> Path:
    gold = root / "gold"
    (gold / "text").mkdir(parents=True)
    (gold / "attributions").mkdir()
    (gold / "text" / "art1.txt").write_text(GOLD_TEXT, encoding="utf-8", newline="")

    def t(n: int, role: str, sub: str) -> str:
        s, e = _at(sub)
        return f"T{n}\t{role} {s} {e}\t{sub}"

    ann = [
        t(1, "Source", "The mayor"),
        t(2, "Cue", "said"),
        t(3, "Content", 'the budget was "balanced and fair."'),
        t(4, "Attribution", "said"),
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        t(5, "Source", "a report"),
        t(6, "Cue", "according to"),
        t(7, "Content", "Critics disagreed"),
        t(8, "Attribution", "according to"),
        "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7",
    ]
    (gold / "attributions" / "art1_ann1.ann").write_text("\n".join(ann) + "\n", encoding="utf-8")
    return gold


def test_evaluate_prints_the_article_level_table(tmp_path):
    gold = _gold_dir(tmp_path)
    pred = tmp_path / "pred.jsonl"
    perfect = {
        "id": "art1",
        "attributions": [
            {"source": [_at("The mayor")], "cue": [_at("said")], "content": [_at('the budget was "balanced and fair."')], "speaker": None},
            {"source": [_at("a report")], "cue": [_at("according to")], "content": [_at("Critics disagreed")]},
        ],
    }
    pred.write_text(json.dumps(perfect) + "\n", encoding="utf-8")

    result = _invoke("evaluate", "--gold", str(gold), "--pred", str(pred))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Article-level protocol: 1 articles" in out
    # no CofeNet token file beside this folder: the CofeNet-style scores come from the brat gold
    assert "CofeNet protocol (" not in out and "CofeNet-style protocol, instances from the brat gold" in out
    article_table = out.split("CofeNet-style")[0]
    rows = {line[:22].strip(): line[22:].split() for line in article_table.splitlines() if line[:1].isalpha()}
    for name in ("source exact", "cue exact", "content exact", "attribution overlap", "attribution exact"):
        assert name in rows, out
        p, r, f1, found, predicted, gold_n = rows[name]
        assert (p, r, f1) == ("100.0", "100.0", "100.0")
        assert (found, predicted, gold_n) == ("2", "2", "2")

    result = _invoke("evaluate", "--gold", str(gold), "--pred", str(pred), "--json")
    assert result.exit_code == 0
    scores = json.loads(result.stdout)
    assert scores["article"]["attribution"]["f1"] == 100.0


def test_evaluate_predict_output(tmp_path):
    """predict then evaluate, on the same tiny gold split: the two commands fit together."""
    gold = _gold_dir(tmp_path)
    pred = tmp_path / "pred.jsonl"
    assert _invoke("predict", str(gold), "--out", str(pred)).exit_code == 0
    result = _invoke("evaluate", "--gold", str(gold), "--pred", str(pred), "--json")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)["article"]
    assert scores["articles"] == 1 and scores["missing"] == []
    assert scores["attribution"]["tp"] >= 1


def test_evaluate_refuses_a_broken_prediction_file(tmp_path):
    gold = _gold_dir(tmp_path)
    pred = tmp_path / "pred.jsonl"
    pred.write_text('{"id": "art1", "attributions": [{"source": [], "cue": [[5, 999]], "content": [[0, 3]]}]}\n')
    result = _invoke("evaluate", "--gold", str(gold), "--pred", str(pred))
    _assert_clean_refusal(result.stdout, result.stderr, result.exit_code)
    pred.write_text("not json\n")
    result = _invoke("evaluate", "--gold", str(gold), "--pred", str(pred))
    _assert_clean_refusal(result.stdout, result.stderr, result.exit_code)
