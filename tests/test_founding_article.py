"""The founding article, end to end with the default pipeline (rules + tagger + resolution)."""

from __future__ import annotations


def _find(report, cue: str, content_has: str):
    for a in report.attributions:
        if any(c.text == cue for c in a.cue) and any(content_has in c.text for c in a.content):
            return a
    listing = [(a.speaker, [c.text for c in a.cue], [c.text[:40] for c in a.content]) for a in report.attributions]
    raise AssertionError(f"no attribution with cue {cue!r} and content {content_has!r}: {listing}")


def test_furniture_is_not_analysed(founding_report):
    text = founding_report.text
    assert "Related:" not in text and "What's Your Reaction?" not in text
    assert text.rstrip().endswith("according to video footage posted by Abolish I.C.E PDX.")
    assert any(r.startswith("Related: WATCH") for r in founding_report.article.removed)


def test_daily_caller_reports_the_shutdown(founding_report):
    a = _find(founding_report, "reports", "shut down the offices on June 20")
    assert [s.text for s in a.source] == ["The Daily Caller"]
    assert a.speaker == "The Daily Caller"


def test_thedc_notes_is_the_daily_caller(founding_report):
    a = _find(founding_report, "notes", "violence-embracing Antifa")
    assert [s.text for s in a.source] == ["TheDC"]
    assert a.speaker == "The Daily Caller"
    caller = next(s for s in founding_report.speakers if s.name == "The Daily Caller")
    assert {"TheDC", "The Daily Caller"} <= {m.text for m in caller.mentions}
    assert caller.type == "outlet"


def test_riddell_continues_and_writes(founding_report):
    continues = _find(founding_report, "continues:", "creates a class of people")
    writes = _find(founding_report, "writes", "difference of opinion")
    assert continues.speaker == writes.speaker == "Sean J. Riddell"
    assert continues.kind == writes.kind == "direct"
    riddell = next(s for s in founding_report.speakers if s.name == "Sean J. Riddell")
    assert riddell.type == "person"
    assert riddell.quoted_words > 50


def test_off_with_his_head_is_the_crowd(founding_report):
    a = _find(founding_report, "yelled", "Off with his head!")
    assert [s.text for s in a.source] == ["Several people"]
    assert a.kind == "direct"


def test_head_thrown_according_to_video(founding_report):
    a = _find(founding_report, "according to", "One protester threw the president")
    assert [s.text for s in a.source] == ["video footage posted by Abolish I.C.E PDX"]
    assert a.via == "according_to"


def test_letter_block_quote_belongs_to_the_letter(founding_report):
    a = _find(founding_report, "ends", "We ask that you end your policy")
    assert a.via == "block"
    assert any("federal litigation" in c.text for c in a.content)


def test_headline_says_union(founding_report):
    a = _find(founding_report, "Says", "Portland's Anti-ICE Policies")
    assert a.via == "headline"
    assert [s.text for s in a.source] == ["Union"]


def test_apostrophe_does_not_derail_quotes(founding_report):
    # "Agents' Lives" in the headline must not pair with a later quotation mark
    for a in founding_report.attributions:
        if a.kind == "direct":
            assert all("Agents' Lives" not in c.text for c in a.content)
    a = _find(founding_report, "reads", "Your current policy")
    assert a.kind == "direct"


def test_no_content_is_its_own_source(founding_report):
    for a in founding_report.attributions:
        for c in a.content:
            assert not any(c.start < s.end and s.start < c.end for s in a.source + a.cue), (a.speaker, c.text)


def test_refusing_to_respond_is_a_deed_not_an_attribution(founding_report):
    """"Portland police refused to respond to ICE agents" and "police allegedly refused to
    respond to emergency calls" report what the police did, not what anyone said (issue 10)."""
    text = founding_report.text
    for at in (text.index("refused to respond to ICE"), text.index("refused to respond to emergency")):
        for a in founding_report.attributions:
            assert not any(c.start <= at < c.end for c in a.cue), [c.text for c in a.cue]
    # the claim is still the union's: the headline's and the letter's attributions stay
    assert _find(founding_report, "Says", "Agents' Lives In Danger")
    assert _find(founding_report, "reads", "Your current policy forbidding")
