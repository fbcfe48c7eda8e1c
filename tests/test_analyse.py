"""The sourcing structure: chains and secondhand sources, stance, hedges, scare quotes, the profile.

Three kinds of test: each function alone on hand-built attributions (so the
extractor's mistakes do not matter), made-up sentences through the whole
pipeline, and the founding article (read from ../shared, never copied into
the repo) through ``accordingto.analyze(text, published="2018-07-09")``.
"""

from __future__ import annotations

import pytest

import accordingto
from accordingto.analyse import build_profile, find_hedges, find_scare_quotes, mark_chains, mark_stance
from accordingto.analyse.stance import LOADED_FORMS, cue_stance
from accordingto.pipeline import parse
from accordingto.schema import Attribution, Hedge, Sentence, Span, Speaker

# --- helpers ----------------------------------------------------------------


def _span(text: str, sub: str, after: int = 0) -> Span:
    start = text.index(sub, after)
    return Span(start=start, end=start + len(sub), text=sub)


def _attr(
    text: str,
    i: int,
    source: str | None,
    cue: str,
    content: str,
    speaker_id: int | None = None,
    speaker: str | None = None,
    via: str = "cue",
) -> Attribution:
    return Attribution(
        id=i,
        source=[_span(text, source)] if source else [],
        cue=[_span(text, cue)],
        content=[_span(text, content)],
        kind="indirect",
        via=via,
        speaker_id=speaker_id,
        speaker=speaker,
    )


def _find(report, cue: str, source_has: str = "") -> Attribution:
    found = [
        a
        for a in report.attributions
        if any(c.text.strip().rstrip(":").lower() == cue.lower() for c in a.cue)
        and source_has.lower() in " ".join(s.text for s in a.source).lower()
    ]
    assert found, f"no attribution with cue {cue!r} and source {source_has!r}"
    return found[0]


def _speaker(report, a: Attribution) -> Speaker | None:
    return next((s for s in report.speakers if s.id == a.speaker_id), None)


# --- chains: mark_chains alone --------------------------------------------

NESTED = "The Courier reported that the minister told aides that the general said the war was lost."


def _nested_attributions() -> tuple[list[Attribution], list[Speaker]]:
    t = NESTED
    outer = _attr(t, 0, "The Courier", "reported", "that the minister told aides that the general said the war was lost", 0, "The Courier")
    middle = _attr(t, 1, "the minister", "told", "that the general said the war was lost", 1, "the minister")
    inner = _attr(t, 2, "the general", "said", "the war was lost", 2, "the general")
    speakers = [
        Speaker(id=0, name="The Courier", type="outlet"),
        Speaker(id=1, name="the minister", type="person"),
        Speaker(id=2, name="the general", type="person"),
    ]
    return [outer, middle, inner], speakers


def test_three_levels_of_nesting():
    attributions, speakers = _nested_attributions()
    got = mark_chains(attributions, speakers)
    assert [a.depth for a in got] == [0, 1, 2]
    assert [[link.speaker for link in a.chain] for a in got] == [
        ["The Courier"],
        ["The Courier", "the minister"],
        ["The Courier", "the minister", "the general"],
    ]
    assert [link.attribution_id for link in got[2].chain] == [0, 1, 2]
    # the outlet's own attribution is secondhand, and so is everything it relays
    assert [a.secondhand for a in got] == [True, True, True]
    # new objects: the input is left as it was
    assert all(a.depth == 0 and a.chain == [] for a in attributions)


def test_nesting_in_reading_order_does_not_matter():
    attributions, speakers = _nested_attributions()
    got = {a.id: a for a in mark_chains(list(reversed(attributions)), speakers)}
    assert [link.attribution_id for link in got[2].chain] == [0, 1, 2]


def test_person_reporting_a_person_is_not_secondhand():
    attributions, speakers = _nested_attributions()
    speakers[0] = Speaker(id=0, name="The Courier", type="person")
    got = mark_chains(attributions, speakers)
    assert [a.secondhand for a in got] == [False, False, False]
    assert got[2].depth == 2


def test_document_speaker_is_secondhand_and_unknown_speaker_is_not():
    t = "The report says crime fell. Someone said it rose."
    report = _attr(t, 0, "The report", "says", "crime fell", 0, "report")
    anon = _attr(t, 1, "Someone", "said", "it rose")
    got = mark_chains([report, anon], [Speaker(id=0, name="report", type="document")])
    assert got[0].secondhand and not got[1].secondhand
    assert got[1].chain[0].speaker is None and got[1].depth == 0


def test_same_voice_inside_its_own_quote_is_no_step():
    t = 'The letter reads: "We ask that you end the policy."'
    letter = _attr(t, 0, "The letter", "reads:", '"We ask that you end the policy."', 0, "letter", via="colon")
    we = _attr(t, 1, "We", "ask", "that you end the policy", 0, "letter")
    you = Attribution(
        id=2, source=[_span(t, "you")], cue=[_span(t, "end")], content=[_span(t, "the policy")], kind="indirect"
    )
    got = mark_chains([letter, we, you], [Speaker(id=0, name="letter", type="document")])
    assert got[1].depth == 0 and [link.speaker for link in got[1].chain] == ["letter"]
    assert got[1].secondhand  # a document's own words
    # a different (unresolved) voice inside the letter is nested, and reaches us through the letter
    assert got[2].depth == 1 and [link.attribution_id for link in got[2].chain] == [0, 2]
    assert got[2].secondhand


def test_cue_outside_the_content_is_not_nested():
    t = "The mayor said the plan works, and critics disagree."
    a = _attr(t, 0, "The mayor", "said", "the plan works", 0, "mayor")
    b = _attr(t, 1, "critics", "disagree", "the plan works", 1, "critics")  # same content, own cue outside it
    got = mark_chains([a, b], [Speaker(id=0, name="mayor", type="person"), Speaker(id=1, name="critics", type="group")])
    assert [x.depth for x in got] == [0, 0]


def test_attributions_inside_each_other_are_not_nested():
    t = "Smith said Jones said it."
    a = Attribution(id=0, source=[_span(t, "Smith")], cue=[_span(t, "said")], content=[Span(start=0, end=len(t), text=t)], kind="indirect")
    b = Attribution(id=1, source=[_span(t, "Jones")], cue=[_span(t, "said", 8)], content=[Span(start=0, end=len(t), text=t)], kind="indirect")
    got = mark_chains([a, b], [])
    assert [x.depth for x in got] == [0, 0]


def test_no_attributions():
    assert mark_chains([], []) == []


# --- stance ---------------------------------------------------------------


@pytest.mark.parametrize(
    "cue",
    ["claimed", "claims", "is claiming", "claim", "admitted", "admits", "insisted", "conceded", "alleged",
     "confessed", "boasted", "asserted", "purports", "allegation", "Admitted"],
)
def test_loaded_cues(cue):
    assert cue_stance(cue) == "loaded"


@pytest.mark.parametrize(
    "cue",
    ["said", "says", "told", "wrote", "according to", "continues:", "reads", "underscores", "notes", "reports",
     "denied", "acknowledged", "argued", "contends", "maintained", "complained", "warned", "described",
     "allegedly refused", "is calling on", ""],
)
def test_neutral_cues(cue):
    assert cue_stance(cue) == "neutral"


def test_every_loaded_form_is_a_lowercase_word():
    assert all(form.isalpha() and form.islower() for form in LOADED_FORMS)


def test_mark_stance_sets_each_attribution():
    t = "The senator claimed it. The aide said it."
    a = _attr(t, 0, "The senator", "claimed", "it")
    b = _attr(t, 1, "The aide", "said", "it.")
    got = mark_stance([a, b])
    assert [x.stance for x in got] == ["loaded", "neutral"]
    assert a.stance == "neutral"  # new objects


def test_loaded_cues_through_the_pipeline():
    report = accordingto.analyze(
        "The senator claimed that the bill would fail. Later she admitted that she had not read it. "
        "Her spokesman said the senator would vote against it."
    )
    stances = {" ".join(c.text for c in a.cue): a.stance for a in report.attributions}
    assert stances.get("claimed") == "loaded"
    assert stances.get("admitted") == "loaded"
    assert stances.get("said") == "neutral"
    assert report.profile.loaded_cues == 2


# --- hedges: find_hedges ---------------------------------------------------


def _hedges(text: str, attributions: list[Attribution] | None = None) -> list[Hedge]:
    return find_hedges(parse(text), attributions or [])


def test_hedge_with_no_source():
    text = "The suspect allegedly stole a car from the lot on Monday."
    got = _hedges(text)
    assert [(h.text, h.attributed) for h in got] == [("allegedly", False)]
    assert got[0].sentence.text == text
    assert text[got[0].start : got[0].end] == "allegedly"


def test_hedge_inside_a_named_source_content_is_attributed():
    text = "Police said the suspect allegedly stole a car."
    named = _attr(text, 0, "Police", "said", "the suspect allegedly stole a car", 0, "Police")
    unnamed = named.model_copy(update={"speaker_id": None, "speaker": None})
    assert [h.attributed for h in _hedges(text, [named])] == [True]
    assert [h.attributed for h in _hedges(text, [unnamed])] == [False]


def test_hedge_inside_a_cue_is_not_attributed():
    # the extractor may read "allegedly refused" as police's cue: police are not the ones alleging
    text = "The union wrote to the mayor after police allegedly refused to respond to calls."
    a = _attr(text, 0, "police", "allegedly refused", "to respond to calls", 0, "police")
    assert [(h.text, h.attributed) for h in _hedges(text, [a])] == [("allegedly", False)]


def test_hedge_through_the_pipeline_with_no_source():
    report = accordingto.analyze("The suspect allegedly stole a car from the lot on Monday.")
    assert [(h.text, h.attributed) for h in report.hedges] == [("allegedly", False)]
    assert report.profile.hedged == 1


@pytest.mark.parametrize(
    "text, hedge",
    [
        ("The gunman is believed to have fled across the border.", "is believed to"),
        ("The minister is said to be furious about the leak.", "is said to"),
        ("The two were reportedly seen together in Paris.", "reportedly"),
        ("The company was apparently unaware of the flaw.", "apparently"),
        ("The alleged theft took place on Monday night.", "alleged"),
        ("Police arrested the suspected gunman on Friday.", "suspected"),
        ("The mayor's apparent disregard for the rules angered the council.", "apparent"),
        ("He is suspected of stealing three cars.", "is suspected of"),
        ("It is believed that the fire started in the kitchen.", "It is believed that"),
        ("The letter was purportedly signed by the governor.", "purportedly"),
        ("The band is rumoured to be splitting up.", "is rumoured to"),
    ],
)
def test_hedge_expressions(text, hedge):
    assert [h.text for h in _hedges(text)] == [hedge]


@pytest.mark.parametrize(
    "text",
    [
        "The theft was reported to police on Monday.",
        "Where are we supposed to go now?",
        "It became apparent that the plan had failed.",
        "Police suspected that the man had lied.",
        "The plan will possibly be delayed until spring.",
        "The results are expected to be announced on Friday.",
    ],
)
def test_not_hedges(text):
    assert _hedges(text) == []


# --- scare quotes: find_scare_quotes ---------------------------------------


def _scare(text: str, attributions: list[Attribution] | None = None) -> list[str]:
    got = find_scare_quotes(parse(text), attributions or [])
    for s in got:
        assert text[s.start : s.end] == s.text
    return [s.text for s in got]


def test_scare_quote_with_no_speaker():
    assert _scare('The city\'s "temporary" closure of the bridge has now lasted three years.') == ["temporary"]
    assert _scare("The city\u2019s \u201ctemporary\u201d closure of the bridge has lasted three years.") == ["temporary"]


def test_trailing_punctuation_inside_the_marks_is_left_out():
    assert _scare('The council hired two "experts," both of them friends of the mayor.') == ["experts"]


def test_quote_that_is_a_source_content_is_no_scare_quote():
    text = 'The mayor called the plan "a disaster" on Monday.'
    a = _attr(text, 0, "The mayor", "called", 'the plan "a disaster"', 0, "mayor")
    assert _scare(text, [a]) == []
    # with a speech cue in the sentence, a quote just outside the content is still the speaker's
    b = _attr(text, 0, "The mayor", "called", "the plan", 0, "mayor")
    assert _scare(text, [b]) == []


def test_quote_in_the_content_of_a_non_verbal_cue_is_a_scare_quote():
    text = 'Police refused to respond to agents "trapped inside" the building.'
    a = _attr(text, 0, "Police", "refused", 'to respond to agents "trapped inside" the building', 0, "Police")
    assert _scare(text, [a]) == ["trapped inside"]


@pytest.mark.parametrize(
    "text",
    [
        'Several people yelled, "Off with his head!" as the crowd cheered.',  # an exclamation
        '"The plan is dead." That was all the note on the door had to say.',  # a sentence
        'The sign read "we will not leave this building until the council votes".',  # too long
        "Portland's Anti-ICE Policies Just Put Agents' Lives In Danger, Says Union.",  # apostrophes
        'The union wrote "we are',  # never closed
    ],
)
def test_not_scare_quotes(text):
    assert _scare(text) == []


# --- profile: build_profile --------------------------------------------------


def test_profile_of_an_article_with_no_attributions():
    report = accordingto.analyze("The river rose two feet overnight. Schools across the county were closed on Tuesday.")
    p = report.profile
    assert p is not None
    assert (p.voices, p.attributions, p.quoted_words, p.nested, p.hedged, p.loaded_cues) == (0, 0, 0, 0, 0, 0)
    assert p.by_voice == [] and p.share_by_type == {}
    assert p.secondhand_share == p.anonymous_share == 0.0
    assert p.unattributed_share == 1.0


def test_profile_of_nothing():
    p = build_profile([], [], [], [], 0)
    assert p.attributions == 0 and p.unattributed_share == 0.0


def test_profile_counts():
    attributions, speakers = _nested_attributions()
    attributions = mark_chains(attributions, speakers)
    t = NESTED
    extra = _attr(t, 3, None, "said", "the war was lost").model_copy(update={"quoted_words": 4})
    anon = _attr(t, 4, "aides", "told", "the war", 3, "aides").model_copy(update={"stance": "loaded"})
    speakers = [*speakers, Speaker(id=3, name="aides", type="anonymous"), Speaker(id=9, name="silent", type="person")]
    hedges = [
        Hedge(start=0, end=1, text="T", attributed=False),
        Hedge(start=1, end=2, text="h", attributed=True),
    ]
    unattributed = [Sentence(start=0, end=3, text="The")]
    p = build_profile([*attributions, extra, anon], speakers, unattributed, hedges, 3)
    assert p.voices == 4  # the silent speaker has no attribution
    assert p.attributions == 5
    assert p.quoted_words == 4
    assert p.share_by_type == {"person": 0.4, "anonymous": 0.2, "outlet": 0.2, "unknown": 0.2}
    assert p.secondhand_share == 0.6
    assert p.anonymous_share == 0.2
    assert p.nested == 2
    assert p.hedged == 1
    assert p.loaded_cues == 1
    assert p.unattributed_share == 0.333
    assert [v.speaker for v in p.by_voice][:1] == ["The Courier"]
    assert sorted(v.attributions for v in p.by_voice) == [1, 1, 1, 1]


def test_profile_orders_voices_by_attributions():
    t = "A said x. B said y. B said z."
    a = _attr(t, 0, "A", "said", "x", 0, "A")
    b1 = _attr(t, 1, "B", "said", "y", 1, "B")
    b2 = _attr(t, 2, "B", "said", "z", 1, "B")
    speakers = [Speaker(id=0, name="A", type="person"), Speaker(id=1, name="B", type="organisation")]
    p = build_profile([a, b1, b2], speakers, [], [], 3)
    assert [(v.speaker, v.attributions) for v in p.by_voice] == [("B", 2), ("A", 1)]
    assert p.share_by_type == {"organisation": 0.667, "person": 0.333}


# --- the founding article ------------------------------------------------------


@pytest.mark.parametrize(
    "cue, source_has",
    [("yelled", "Several people"), ("read", "sign"), ("according to", "video footage")],
)
def test_guillotine_scene_is_nested_in_the_daily_caller(founding_report, cue, source_has):
    a = _find(founding_report, cue, source_has)
    assert a.depth == 1
    assert [link.speaker for link in a.chain] == ["The Daily Caller", a.speaker]
    assert a.chain[-1].attribution_id == a.id
    outer = founding_report.attributions[a.chain[0].attribution_id]
    assert outer.id == a.chain[0].attribution_id
    assert outer.via == "block"  # "Here's how The Daily Caller described the scene …:"
    assert any(c.text == "described" for c in outer.cue)
    assert a.secondhand  # inside an outlet's account


def test_the_daily_caller_reports_is_secondhand(founding_report):
    a = _find(founding_report, "reports", "The Daily Caller")
    assert a.secondhand and a.depth == 0 and [link.speaker for link in a.chain] == ["The Daily Caller"]
    notes = _find(founding_report, "notes", "TheDC")
    assert notes.secondhand and notes.speaker == "The Daily Caller"


def test_the_letter_is_secondhand(founding_report):
    reads = _find(founding_report, "reads", "letter")
    assert _speaker(founding_report, reads).type == "document" and reads.secondhand
    for cue in ("continues", "writes"):
        a = _find(founding_report, cue, "Riddell")
        speaker = _speaker(founding_report, a)
        # Riddell's quotes are resolved to Riddell himself (a person) or to the letter (a document)
        assert a.secondhand == (speaker.type in ("outlet", "document"))
    documents = [a for a in founding_report.attributions if (sp := _speaker(founding_report, a)) and sp.type == "document"]
    assert len(documents) >= 3 and all(a.secondhand for a in documents)


def test_chains_are_consistent(founding_report):
    ids = {a.id for a in founding_report.attributions}
    for a in founding_report.attributions:
        assert len(a.chain) == a.depth + 1
        assert a.chain[-1].attribution_id == a.id and a.chain[-1].speaker == a.speaker
        assert all(link.attribution_id in ids for link in a.chain)
        sp = _speaker(founding_report, a)
        if sp is not None and sp.type in ("outlet", "document"):
            assert a.secondhand


def test_founding_hedges(founding_report):
    hedges = founding_report.hedges
    alleged = [h for h in hedges if h.text == "allegedly"]
    assert len(alleged) == 1
    assert "after police allegedly refused" in alleged[0].sentence.text
    # the extractor reads "allegedly refused" as police's cue; who alleges it goes unnamed
    assert alleged[0].attributed is False
    apparent = [h for h in hedges if h.text == "apparent"]
    assert len(apparent) == 1 and "the mayor's apparent disregard" in apparent[0].sentence.text
    # inside what "The letter underscores": the letter (a named source) hedges, not the article
    assert apparent[0].attributed is True
    assert [h.start for h in hedges] == sorted(h.start for h in hedges)
    for h in hedges:
        assert founding_report.text[h.start : h.end] == h.text


def test_founding_scare_quotes(founding_report):
    quotes = founding_report.scare_quotes
    assert [s.text for s in quotes] == ["trapped inside", "trapped inside"]
    text = founding_report.text
    subhead = text.index("Portland police refused")
    first_paragraph = text.index("A union representing")
    assert subhead < quotes[0].start < first_paragraph < quotes[1].start < text.index("Weeks-long")
    assert all("Off with his head" not in s.text for s in quotes)


def test_founding_stance_is_neutral(founding_report):
    assert all(a.stance == "neutral" for a in founding_report.attributions)
    assert _find(founding_report, "underscores", "letter").stance == "neutral"
    assert founding_report.profile.loaded_cues == 0


def test_founding_profile_is_consistent(founding_report):
    r = founding_report
    p = r.profile
    assert p is not None
    assert p.attributions == len(r.attributions)
    assert p.voices == sum(1 for s in r.speakers if s.attributions) == len(p.by_voice)
    assert abs(sum(p.share_by_type.values()) - 1) < 0.01
    assert p.share_by_type.get("outlet", 0) > 0 and p.share_by_type.get("document", 0) > 0
    assert p.nested == sum(1 for a in r.attributions if a.depth >= 1) >= 3
    assert p.secondhand_share == round(sum(a.secondhand for a in r.attributions) / len(r.attributions), 3)
    assert p.secondhand_share > 0.3  # The Daily Caller and the letter carry much of this article
    assert p.anonymous_share == 0.0
    assert p.hedged == 1  # "allegedly"
    assert p.quoted_words == sum(a.quoted_words for a in r.attributions) > 0
    counts = [v.attributions for v in p.by_voice]
    assert counts == sorted(counts, reverse=True)
    assert 0 < p.unattributed_share < 1
