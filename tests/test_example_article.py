"""The bundled example (examples/riverside-library-closure.txt, written by us): its expected attributions.

It carries every kind of sourcing the report must tell apart: a headline
attribution, direct, indirect and mixed quotes, pronoun speakers, a quote
continued after its cue, an anonymous source, a secondhand report
("according to" another outlet) with a hedge, and sentences with no source.
"""

from __future__ import annotations

import pytest

# (speaker, cue, start of content, kind) in reading order
EXPECTED = [
    ("Says", "Riverside Library Branch Will Close", "indirect"),
    ("announced", "The Riverside branch of the Millbrook Public Library will close", "indirect"),
    ("said", '"We simply cannot keep a building open', "direct"),
    ("added", "that the branch's collection would move", "indirect"),
    ("said", 'the decision had been "painful but unavoidable."', "mixed"),
    ("told", "that three of the branch's five staff members", "indirect"),
    ("said", '"Nobody wants to close a library,"', "direct"),
    ("said", "the council had been planning the closure", "indirect"),
    ("According to", "the building was appraised at $1.4 million", "indirect"),
    ("said", '"My kids learned to read here,"', "direct"),
]


def test_every_expected_attribution_in_order(example_report):
    got = [(a.cue[0].text, a.content[0].text, a.kind) for a in example_report.attributions]
    assert len(got) == len(EXPECTED), got
    for (cue, content, kind), (gcue, gcontent, gkind) in zip(EXPECTED, got):
        assert gcue.startswith(cue) or gcue.endswith(cue), (cue, gcue)
        assert gcontent.startswith(content), (content, gcontent)
        assert gkind == kind, (content, kind, gkind)


@pytest.mark.parametrize(
    "content, speaker",
    [
        ('"We simply cannot keep', "Dana Whitfield"),
        ("that the branch's collection", "Dana Whitfield"),  # "She added"
        ("that three of the branch's", "Marcus Oyelaran"),  # "He told reporters"
        ('"Nobody wants to close', "Marcus Oyelaran"),  # "Oyelaran said"
        ('"My kids learned', "Priya Raman"),
    ],
)
def test_pronouns_and_last_names_resolve(example_report, content, speaker):
    a = next(a for a in example_report.attributions if a.content[0].text.startswith(content))
    assert a.speaker == speaker


def test_quote_continued_after_the_cue(example_report):
    a = next(a for a in example_report.attributions if a.content[0].text.startswith('"Nobody wants'))
    assert len(a.content) == 2 and a.content[1].text.startswith('"But the roof is failing')


def test_source_types(example_report):
    types = {s.name: s.type for s in example_report.speakers}
    assert types["Dana Whitfield"] == types["Marcus Oyelaran"] == types["Priya Raman"] == "person"
    assert types["Millbrook Courier"] == "outlet"
    anonymous = next(a for a in example_report.attributions if a.content[0].text.startswith("the council had been"))
    assert types[anonymous.speaker] == "anonymous"


def test_secondhand_report_is_attributed_to_the_outlet(example_report):
    a = next(a for a in example_report.attributions if a.via == "according_to")
    assert a.speaker == "Millbrook Courier"
    assert "allegedly" in a.content[0].text


def test_voices_count_their_words(example_report):
    whitfield = next(s for s in example_report.speakers if s.name == "Dana Whitfield")
    assert whitfield.attributions == 2
    assert whitfield.quoted_words == 17  # "We simply cannot … on books"


def test_no_false_attribution_from_plain_assertions(example_report):
    cues = [c.text for a in example_report.attributions for c in a.cue]
    assert "accepts" not in cues and "asked" not in cues
