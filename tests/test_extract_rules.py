"""The rule-based extractor: each rule on made-up sentences, and the founding article."""

from __future__ import annotations


import pytest

from accordingto.extract.quotes import find_quotes
from accordingto.extract.rules import extract_rules
from accordingto.extract.spans import make_span, trim
from accordingto.pipeline import parse
from conftest import SHARED

SEED = SHARED / "examples" / "seed-portland-ice-union.txt"


@pytest.fixture(scope="module")
def nlp():
    return parse


def run(nlp, text):
    return extract_rules(nlp(text))


def texts(spans):
    return [s.text for s in spans]


def find(attrs, cue=None, source=None):
    """The attributions whose cue (and source) text contain the given words."""
    out = []
    for a in attrs:
        cue_text = " ".join(texts(a.cue))
        src_text = " ".join(texts(a.source))
        if cue is not None and cue_text.rstrip(":") != cue:
            continue
        if source is not None and source not in src_text:
            continue
        out.append(a)
    return out


def one(attrs, cue=None, source=None):
    found = find(attrs, cue, source)
    assert len(found) == 1, f"{cue!r}/{source!r}: {[(texts(a.source), texts(a.cue)) for a in attrs]}"
    return found[0]


def check_offsets(text, attrs):
    for k, a in enumerate(attrs):
        assert a.id == k
        for sp in a.source + a.cue + a.content:
            assert text[sp.start : sp.end] == sp.text
            assert sp.text == sp.text.strip()
    starts = [a.content[0].start for a in attrs]
    assert starts == sorted(starts)


# ---------------------------------------------------------------- quotes


def test_quotes_pair_curly_and_straight():
    text = 'He said "yes." She said “no,” and left.'
    assert [text[q.start : q.end] for q in find_quotes(text)] == ['"yes."', "“no,”"]


def test_apostrophes_do_not_pair_as_quotes():
    text = 'Agents\' Lives In Danger, the union says. "We are at risk," Smith said. Don\'t panic.'
    quotes = [text[q.start : q.end] for q in find_quotes(text)]
    assert quotes == ['"We are at risk,"']


def test_unbalanced_quote_stays_in_its_paragraph():
    text = 'He said "this never closes. And more.\n\nNext paragraph with a "real quote" here.'
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == ['"this never closes. And more.', '"real quote"']
    assert quotes[0].closed is False


def test_stray_marks_do_not_crash(nlp):
    for text in ['"', '” He said.', 'A " stray mark and “ another', "'''", 'He said: "', "“Open\n\n”"]:
        attrs = run(nlp, text)
        check_offsets(text, attrs)


# ---------------------------------------------------------------- spans


def test_trim_keeps_quotes_and_abbreviations():
    for raw, want in [
        ('  "Hello," ', '"Hello,"'),
        (", the U.S. ", "the U.S."),
        ("Sen. Bernie Sanders (I-Vt.),", "Sen. Bernie Sanders (I-Vt.)"),
        ("that he left.", "that he left"),
    ]:
        a, b = trim(raw, 0, len(raw))
        assert raw[a:b] == want
    assert make_span(" , ", 0, 3) is None


# ---------------------------------------------------------------- rules


def test_indirect(nlp):
    text = "Senator Jane Smith said on Tuesday that the plan would fail."
    a = one(run(nlp, text), cue="said")
    assert texts(a.source) == ["Senator Jane Smith"]
    assert texts(a.content) == ["that the plan would fail"]
    assert a.kind == "indirect" and a.quoted_words == 0 and a.via == "cue"


def test_direct_quote_before_cue(nlp):
    text = '"We will win this race," Smith said.'
    a = one(run(nlp, text), cue="said")
    assert texts(a.source) == ["Smith"]
    assert texts(a.content) == ['"We will win this race,"']
    assert a.kind == "direct" and a.quoted_words == 5


def test_mixed(nlp):
    text = 'Kerry said Bush was a "real gentleman" in every way.'
    a = one(run(nlp, text), cue="said")
    assert texts(a.source) == ["Kerry"]
    assert a.kind == "mixed"
    assert a.quoted_words == 2


def test_inverted_cue(nlp):
    text = '"The numbers are striking," said Tom Brown, a pollster at Gallup, in an interview.'
    a = one(run(nlp, text), cue="said")
    assert texts(a.source)[0].startswith("Tom Brown")
    assert texts(a.content) == ['"The numbers are striking,"']


def test_trailing_cue(nlp):
    text = "The offices closed on June 20, The Daily Caller reports."
    a = one(run(nlp, text), cue="reports")
    assert texts(a.source) == ["The Daily Caller"]
    assert texts(a.content) == ["The offices closed on June 20"]


def test_according_to(nlp):
    text = "The deal collapsed late on Friday, according to two senior officials."
    a = one(run(nlp, text), cue="according to")
    assert texts(a.source) == ["two senior officials"]
    assert texts(a.content) == ["The deal collapsed late on Friday"]
    assert a.via == "according_to"


def test_colon(nlp):
    text = 'The governor continued: "This is a disgrace and we will not stand for it."'
    a = one(run(nlp, text), cue="continued")
    assert texts(a.cue) == ["continued:"]
    assert texts(a.source) == ["The governor"]
    assert texts(a.content) == ['"This is a disgrace and we will not stand for it."']
    assert a.via == "colon" and a.kind == "direct"


def test_continuation(nlp):
    text = '"We are ready for this," she said. "The plan is finished and we will start now."'
    attrs = run(nlp, text)
    assert len(attrs) == 1
    a = attrs[0]
    assert texts(a.source) == ["she"]
    assert texts(a.content) == ['"We are ready for this,"', '"The plan is finished and we will start now."']


def test_apostrophe_then_quote(nlp):
    text = 'Agents\' Lives Are At Risk, the union warns. "Our members face threats every day," Smith said.'
    a = one(run(nlp, text), cue="said")
    assert texts(a.content) == ['"Our members face threats every day,"']
    check_offsets(text, run(nlp, text))


def test_parenthetical(nlp):
    text = "Among the protesters, TheDC notes, were members of the group."
    a = one(run(nlp, text), cue="notes")
    assert texts(a.source) == ["TheDC"]
    assert texts(a.content) == ["Among the protesters", "were members of the group"]


def test_headline_says(nlp):
    text = "Taxes Are Far Too High, Experts Say\n\nThe report came out on Monday."
    a = one(run(nlp, text), cue="Say")
    assert texts(a.source) == ["Experts"]
    assert texts(a.content) == ["Taxes Are Far Too High"]
    assert a.via == "headline"


def test_headline_colon(nlp):
    text = "Sanders: Clinton needs to change course\n\nThe senator spoke on Friday."
    a = one(run(nlp, text), source="Sanders")
    assert texts(a.cue) == [":"]
    assert texts(a.content) == ["Clinton needs to change course"]


def test_dash_signature(nlp):
    text = "“He does not speak for me and never will.” ― Maria Lopez\n\nMore reactions below."
    a = one(run(nlp, text), source="Maria Lopez")
    assert texts(a.cue) == ["―"]
    assert a.kind == "direct"


def test_block_quote(nlp):
    text = (
        "The letter ends with a request to the mayor:\n\n"
        "We ask that you end this policy now. Our members deserve protection.\n\n"
        "We are requesting a meeting with you next week.\n\n"
        "The mayor's office did not respond to a request for comment."
    )
    a = one(run(nlp, text), cue="ends")
    assert a.via == "block"
    assert texts(a.source) == ["The letter"]
    assert texts(a.content) == [
        # block paragraphs follow the span rules: no full stop at the end
        "We ask that you end this policy now. Our members deserve protection",
        "We are requesting a meeting with you next week",
    ]


def test_no_source_no_attribution(nlp):
    assert run(nlp, "The weather was fine and the roads were clear.") == []


# ---------------------------------------------------------------- the founding article


@pytest.fixture(scope="module")
def seed(nlp):
    if not SEED.exists():
        pytest.skip("shared/examples is not beside the repository")
    text = SEED.read_text(encoding="utf-8")
    return text, extract_rules(nlp(text))


def test_seed_offsets(seed):
    check_offsets(*seed)


def test_seed_headline(seed):
    _, attrs = seed
    a = one(attrs, cue="Says")
    assert a.via == "headline"
    assert texts(a.source) == ["Union"]
    assert texts(a.content) == ["Portland's Anti-ICE Policies Just Put Agents' Lives In Danger"]


def test_seed_reports_and_notes(seed):
    _, attrs = seed
    a = one(attrs, cue="reports")
    assert texts(a.source) == ["The Daily Caller"]
    assert "shut down the offices on June 20" in " ".join(texts(a.content))
    a = one(attrs, cue="notes")
    assert texts(a.source) == ["TheDC"]
    assert "were members of the violence-embracing Antifa" in " ".join(texts(a.content))


def test_seed_agents_describe_they_say(seed):
    _, attrs = seed
    assert texts(one(attrs, cue="describe").source) == ["agents"]
    assert texts(one(attrs, cue="say", source="they").source) == ["they"]


def test_seed_letter_reads_with_continuation(seed):
    _, attrs = seed
    a = one(attrs, cue="reads")
    assert texts(a.source) == ["the letter"]
    assert a.kind == "direct"
    assert len(a.content) == 2
    assert a.content[0].text.startswith('"Your current policy forbidding')
    assert a.content[1].text.startswith('"As you are aware, the 14th Amendment')


def test_seed_colon_and_writes(seed):
    _, attrs = seed
    a = one(attrs, cue="continues")
    assert texts(a.source) == ["Riddell"] and texts(a.cue) == ["continues:"]
    assert a.content[0].text.startswith('"Your policy of not providing police services')
    a = one(attrs, cue="writes")
    assert texts(a.source) == ["Riddell"]
    assert a.content[0].text.startswith('"We understand that you have a difference')
    assert a.content[-1].text == '"Your policy has created a zone of terror and lawlessness."'


def test_seed_yelled_read_according_to(seed):
    _, attrs = seed
    a = one(attrs, cue="yelled")
    assert texts(a.source) == ["Several people"] and texts(a.content) == ["“Off with his head!”"]
    a = one(attrs, cue="read", source="sign")
    assert texts(a.source) == ["A sign in front of the guillotine"]
    assert a.content[0].text.startswith("“Brick by brick")
    a = one(attrs, cue="according to")
    assert texts(a.source) == ["video footage posted by Abolish I.C.E PDX"]
    assert texts(a.content) == ["One protester threw the president’s head toward the crowd"]


def test_seed_blocks(seed):
    text, attrs = seed
    blocks = [a for a in attrs if a.via == "block"]
    assert len(blocks) == 2
    letter, scene = blocks
    assert texts(letter.source) == ["The cease-and-desist letter"]
    assert len(letter.content) == 2
    assert letter.content[0].text.startswith("We ask that you end your policy")
    assert letter.content[1].text.startswith("We are requesting a meeting")
    assert texts(scene.source) == ["The Daily Caller"] and texts(scene.cue) == ["described"]
    assert len(scene.content) == 3
    assert scene.content[0].text.startswith("Occupy ICE protesters")
    assert scene.content[2].text.endswith("according to video footage posted by Abolish I.C.E PDX")
    assert "Related" not in " ".join(texts(scene.content))
