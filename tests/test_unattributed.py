"""What the article asserts with no source: accordingto.analyse.unattributed_sentences.

Two kinds of test: the function alone, on made-up text parsed by the real
spaCy pipeline with hand-made attributions (so the extractor's mistakes do
not matter), and the whole pipeline on the founding article.
"""

from __future__ import annotations


import pytest

import accordingto
from accordingto.analyse import unattributed_sentences
from accordingto.pipeline import parse
from accordingto.schema import Attribution, Sentence, Span
from conftest import SHARED

SEED = SHARED / "examples" / "seed-portland-ice-union.txt"


def _span(text: str, sub: str) -> Span:
    start = text.index(sub)
    return Span(start=start, end=start + len(sub), text=sub)


def _attr(text: str, source: str | None, cue: str, content: str, i: int = 0) -> Attribution:
    return Attribution(
        id=i,
        source=[_span(text, source)] if source else [],
        cue=[_span(text, cue)],
        content=[_span(text, content)],
        kind="indirect",
    )


def _run(text: str, attributions: list[Attribution] | None = None) -> list[Sentence]:
    return unattributed_sentences(parse(text), attributions or [])


def _texts(sentences: list[Sentence]) -> list[str]:
    return [s.text for s in sentences]


def _check_offsets(text: str, sentences: list[Sentence]) -> None:
    for s in sentences:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
    assert [s.start for s in sentences] == sorted(s.start for s in sentences)


# --- the function alone ---------------------------------------------------

MADE_UP = (
    "Harbor Town Approves Seawall Plan After Stormy Debate\n"
    "\n"
    "By Jane Okafor\n"
    "\n"
    "HARBOR TOWN, Maine (AP) \u2014 The town council approved a $12 million seawall on Tuesday night.\n"
    "\n"
    "Photo: Waves break over the old harbor wall during the storm of January 2023.\n"
    "\n"
    "Construction is expected to start in the autumn and last two years. Why now? "
    "The old wall was built in 1911.\n"
    "\n"
    "Too little, too late.\n"
    "\n"
    "What Comes Next For The Harbor\n"
    "\n"
    "The state will pay for half of the project under a coastal resilience grant.\n"
)


def test_made_up_article_without_attributions():
    got = _run(MADE_UP)
    _check_offsets(MADE_UP, got)
    assert _texts(got) == [
        # the dateline is left out of the sentence
        "The town council approved a $12 million seawall on Tuesday night.",
        "Construction is expected to start in the autumn and last two years.",
        "The old wall was built in 1911.",
        "The state will pay for half of the project under a coastal resilience grant.",
    ]
    # left out: the headline, the byline, the photo caption, the question,
    # a verbless fragment, a subheading with no final period


def test_first_line_with_a_final_period_is_not_a_headline():
    text = "The mayor resigned on Friday after ten years in office.\n\nHer deputy will take over until the election.\n"
    assert _texts(_run(text)) == [
        "The mayor resigned on Friday after ten years in office.",
        "Her deputy will take over until the election.",
    ]


def test_headline_ending_in_a_question_or_exclamation_is_still_a_headline():
    for headline in ("Is The City Ready For The Next Storm?", "The City Is Not Ready For The Next Storm!"):
        text = f"{headline}\n\nThe city has no plan for a storm of that size.\n"
        assert _texts(_run(text)) == ["The city has no plan for a storm of that size."]


def test_sentence_mostly_inside_an_attribution_is_not_unattributed():
    text = (
        "Budget Vote\n\n"
        "The mayor said the budget for next year was balanced and fair to every district. "
        "The council meets again on Thursday to vote on the final budget.\n"
    )
    attribution = _attr(text, "The mayor", "said", "the budget for next year was balanced and fair to every district")
    assert _texts(_run(text, [attribution])) == ["The council meets again on Thursday to vote on the final budget."]


def test_sentence_only_partly_inside_an_attribution_still_counts():
    # the attribution ("police refused to respond") covers well under half the sentence
    text = (
        "Union Letter\n\n"
        "A union representing federal agents has sent a cease-and-desist letter to the mayor "
        "after police refused to respond to emergency calls.\n"
    )
    attribution = _attr(text, "police", "refused", "to respond")
    got = _run(text, [attribution])
    assert len(got) == 1 and got[0].text.startswith("A union representing federal agents")


def test_content_spread_over_several_attributions_is_covered():
    # no single attribution covers half, together they do: the union counts
    text = (
        "Storm Damage\n\n"
        "The roads were closed, the schools were shut and the power was out across the county.\n"
    )
    first = _attr(text, None, "were closed", "The roads", 0)
    second = _attr(text, None, "were shut", "the schools", 1)
    third = _attr(text, None, "was out", "the power", 2)
    assert _texts(_run(text, [first])) == ["The roads were closed, the schools were shut and the power was out across the county."]
    assert _run(text, [first, second, third]) == []


def test_sentence_introducing_a_quote_is_not_unattributed():
    text = (
        "Letter To The Mayor\n\n"
        "Here is how the union described the scene outside the building two weeks ago:\n\n"
        "Protesters blocked the entrance to the building for most of the afternoon.\n"
    )
    block = _attr(text, "the union", "described", "Protesters blocked the entrance to the building for most of the afternoon.")
    assert _run(text, [block]) == []
    # with no attribution found, the introducing sentence is an assertion like any other
    assert len(_run(text)) == 2


@pytest.mark.parametrize(
    "line",
    [
        "Photo: Protesters gather outside the federal building in Portland on June 20.",
        "Related: The city council has voted to close three more libraries.",
        "Photo by John Smith/Getty Images shows the crowd outside the building.",
        "(Protesters gather outside the federal building in Portland on June 20.)",
        "Copyright 2018 The Daily Caller. All rights reserved.",
        "By Sarah Jones, who covers the city council for the paper.",
    ],
)
def test_furniture_lines_are_not_unattributed(line):
    text = f"City News\n\n{line}\n\nThe council voted to close the branch in June.\n"
    assert _texts(_run(text)) == ["The council voted to close the branch in June."]


@pytest.mark.parametrize(
    "line",
    [
        "Update: The branch will now close in August instead of June.",
        "More than 200 people attended the hearing on Tuesday night.",
        "Sources of funding for the new branch have not been found yet.",
    ],
)
def test_prose_that_starts_like_a_label_is_kept(line):
    text = f"City News\n\n{line}\n"
    assert _texts(_run(text)) == [line]


def test_a_sentence_starting_with_by_is_not_a_byline():
    text = "City News\n\nBy the end of the day, the council had voted to close the branch.\n"
    assert _texts(_run(text)) == ["By the end of the day, the council had voted to close the branch."]


def test_short_sentences_and_lines_without_a_verb_are_not_assertions():
    text = (
        "Notes\n\n"
        "It rained.\n\n"  # a finite verb, but fewer than five words
        "July 9, 2018, at the Portland city hall.\n\n"  # five words, no finite verb
        "The hearing lasted for more than four hours.\n"
    )
    assert _texts(_run(text)) == ["The hearing lasted for more than four hours."]


def test_empty_and_blank_documents():
    assert _run("") == []
    assert _run("\n\n   \n") == []


def test_offsets_with_windows_line_endings_and_leading_space():
    text = "Headline Here\r\n\r\n   The council voted on Tuesday to close the branch.  \r\n"
    got = _run(text)
    _check_offsets(text, got)
    assert _texts(got) == ["The council voted on Tuesday to close the branch."]


# --- the founding article, through the whole pipeline --------------------


@pytest.fixture(scope="module")
def seed_report():
    if not SEED.exists():
        pytest.skip(f"{SEED} not available")
    return accordingto.analyze(SEED.read_text(encoding="utf-8"), published="2018-07-09")


def test_seed_offsets(seed_report):
    _check_offsets(seed_report.text, seed_report.unattributed)


def test_seed_asserted_with_no_source(seed_report):
    got = _texts(seed_report.unattributed)
    assert "After two weeks, ICE employees were finally able to return to their jobs." in got
    assert any(s.startswith("The union's references to threats and harassment have been backed up") for s in got)


def test_seed_attributed_sentences_are_left_out(seed_report):
    got = " ".join(_texts(seed_report.unattributed))
    for attributed in (
        "Riddell continues:",  # 'Riddell continues: "Your policy …"'
        "Your policy of not providing police services",
        "You have failed to articulate",
        "writes Riddell",
        "reads the letter",
        "The Daily Caller reports",
        "TheDC notes",
        # sentences that introduce a block quote
        "The cease-and-desist letter ends by calling on Mayor Wheeler",
        "Here's how The Daily Caller described the scene",
        # the letter's block-quote paragraphs
        "We ask that you end your policy",
        "Our membership has been the subjected to threats",
        "We are requesting a meeting with you",
        "Please feel free to contact me",
        "We would like to avoid federal litigation",
        # the quoted Daily Caller report
        "rolled out a makeshift guillotine",
        "according to video footage",
    ):
        assert attributed not in got, attributed


def test_seed_headline_question_and_furniture_are_left_out(seed_report):
    got = " ".join(_texts(seed_report.unattributed))
    assert "Says Union" not in got and "Agents' Lives" not in got
    assert "What's Your Reaction" not in got
    assert "Related:" not in got


def test_seed_raw_text_with_furniture_lines():
    """The same article as ``predict`` reads it: uncleaned, furniture lines still in."""
    if not SEED.exists():
        pytest.skip(f"{SEED} not available")
    text = SEED.read_text(encoding="utf-8")
    got = _texts(_run(text))
    assert "After two weeks, ICE employees were finally able to return to their jobs." in got
    for line in got:
        assert not line.startswith(("Related", "ICE Official Has To Explain", "What's Your Reaction", "Portland's Anti-ICE"))
