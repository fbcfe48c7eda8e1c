"""One copy of each idea the stages share: quotes paired once per Doc, the rules' registry, the
range comparisons, one-line error messages."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import DocBin

from accordingto.extract import quotes as quotes_module
from accordingto.extract.quotes import find_quotes, paired_quotes, quote_index, quote_stretches
from accordingto.extract.rules import registry
from accordingto.extract.spans import inside, overlap_length, overlaps
from accordingto.read.records import one_line
from accordingto.schema import Span

TEXT = 'The mayor said: "We will reopen." Critics call it a \u2018stunt\u2019.\n"Not yet," she said'


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def test_paired_quotes_are_the_quotes_of_the_text_as_plain_ints(blank):
    doc = blank(TEXT)
    rows = paired_quotes(doc)
    assert rows == tuple((q.start, q.end, int(q.closed), int(q.single)) for q in find_quotes(TEXT))
    assert len(rows) == 3 and [r[3] for r in rows] == [0, 1, 0]  # the ‘stunt’ is a single quote
    assert all(type(x) is int for r in rows for x in r)
    index = quote_index(doc)
    assert index.quotes == find_quotes(TEXT)
    assert index.at(TEXT.index("reopen")) is not None and index.at(TEXT.index("Critics")) is None


def test_quotes_are_paired_once_per_doc(blank, monkeypatch):
    calls = []
    real = quotes_module.find_quotes
    monkeypatch.setattr(quotes_module, "find_quotes", lambda *a, **k: calls.append(1) or real(*a, **k))
    doc = blank(TEXT)
    first = quote_index(doc).quotes
    assert quote_index(doc).quotes == first and paired_quotes(doc) is paired_quotes(doc)
    assert len(calls) == 1


def test_every_stage_reads_the_one_pairing(monkeypatch):
    """Extraction (rules and tagger), speaker resolution and the scare quotes of one article pair
    its quotes once."""
    from accordingto.analyse import find_scare_quotes
    from accordingto.extract import extract
    from accordingto.pipeline import parse
    from accordingto.resolve import resolve

    calls = []
    real = quotes_module.find_quotes
    monkeypatch.setattr(quotes_module, "find_quotes", lambda *a, **k: calls.append(1) or real(*a, **k))
    doc = parse(TEXT)
    attributions, _ = resolve(doc, extract(doc, fast=True))
    find_scare_quotes(doc, attributions)
    assert attributions and len(calls) == 1


def test_paired_quotes_survive_a_docbin_round_trip(blank, monkeypatch):
    doc = blank(TEXT)
    rows = paired_quotes(doc)
    bin_ = DocBin(store_user_data=True)
    bin_.add(doc)
    (back,) = DocBin().from_bytes(bin_.to_bytes()).get_docs(blank.vocab)
    monkeypatch.setattr(quotes_module, "find_quotes", lambda *a, **k: pytest.fail("paired again"))
    assert paired_quotes(back) == rows


def test_the_resolver_reads_quote_stretches_once_per_doc(blank):
    """Its own reading (see quote_stretches): "…" and “…” only, an open quote ends at a blank line."""
    text = "He said ''no'' and \u201cyes\u201d.\n\"Open to\nthe next line\n\nNot quoted."
    doc = blank(text)
    assert quote_stretches(doc) == ((text.index("\u201c"), text.index("\u201d") + 1), (text.index('"'), text.index("\n\n")))
    assert quote_stretches(doc) is quote_stretches(doc)
    assert [text[q.start : q.end] for q in quote_index(doc).quotes][0] == "''no''"


def test_rules_run_in_their_registered_order():
    import accordingto.extract.rules  # noqa: F401  (registers them)

    names = [name for name, _ in registry.rules_in_order()]
    assert names == [
        "verbs", "according_to", "nouns", "parenthetical", "surface", "headline", "dash", "transcript", "block",
    ]


def test_a_rule_name_or_place_is_registered_once(monkeypatch):
    monkeypatch.setattr(registry, "_RULES", {})
    registry.rule("a", order=1)(lambda ctx: [])
    with pytest.raises(ValueError, match="named 'a'"):
        registry.rule("a", order=2)(lambda ctx: [])
    with pytest.raises(ValueError, match="order 1"):
        registry.rule("b", order=1)(lambda ctx: [])
    registry.rule("c", order=0)(lambda ctx: [])
    assert [n for n, _ in registry.rules_in_order()] == ["c", "a"]


def test_overlaps_on_ranges_and_spans_alike():
    assert overlaps([(0, 5)], [(4, 9)]) and not overlaps([(0, 5)], [(5, 9)])
    assert overlaps([(0, 2), (10, 12)], [(11, 20)]) and not overlaps([], [(0, 9)])
    span = Span(start=4, end=9, text="x" * 5)
    assert overlaps([(0, 5)], [span]) and overlaps([span], [Span(start=8, end=9, text="x")])
    assert not overlaps([span], [(9, 12)])
    assert overlap_length((0, 5), (3, 9)) == 2 and overlap_length((0, 5), (7, 9)) == 0
    assert overlap_length(span, (0, 6)) == 2
    assert inside([(2, 3)], [(0, 5)]) and not inside([(2, 6)], [(0, 5)]) and not inside([], [(0, 5)])


def test_one_line_errors():
    assert one_line("a\n  b\x00c\tc") == "a b c c"
    assert one_line(ValueError("")) == "ValueError"
    assert one_line("word " * 40, limit=300) == ("word " * 40).strip()
    cut = one_line("x" * 400, limit=300)
    assert len(cut) == 300 and cut.endswith("x…")
