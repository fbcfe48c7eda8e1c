"""Simple cases other tools' test suites hold, written as our own made-up articles (issue 10).

Each is run through both pipelines (default and --fast): a direct quote introduced after a
question with a colon, whose cue follows it with a manner phrase; a pronoun-cued quote
right after a sentence that ends with two spaces; verbs of decision or action that are
not attributions, beside the ones that are.
"""

from __future__ import annotations

import pytest

import accordingto

QUESTION = (
    "Harbor Plant Will Reopen\n\n"
    "Dana Whitfield has run the harbor plant for a decade. At Tuesday's meeting she had one question "
    'for the board: would the plant reopen before winter? "It will reopen on the first of May," she said '
    'with visible relief. "Why would we wait any longer?"'
)
TWO_SPACES = (
    "Harbor Plant Will Close\n\n"
    "Tom Baker, the plant's owner, spoke after the council met on Tuesday to discuss the plant.  "
    '"We have no choice but to close it," he said.  "Nobody wants this."'
)
DEEDS = (
    "Harbor Plant Will Close\n\n"
    "The school board decided to close the Elm Street school in June. Police refused to respond to "
    "emergency calls from the plant. The company declined to renew its lease, and the union chose to "
    "strike. Owner Dana Kim declined to comment. The mayor refused to say whether the plant would reopen."
)

modes = pytest.mark.parametrize("fast", [False, True], ids=["default", "fast"])


def _texts(spans):
    return [s.text for s in spans]


@modes
def test_quote_after_a_question_with_a_manner_phrase(fast):
    report = accordingto.analyze(QUESTION, fast=fast)
    said = [a for a in report.attributions if any(c.text.startswith("said") for c in a.cue)]
    assert len(said) == 1
    a = said[0]
    assert _texts(a.source) == ["she"] and a.speaker == "Dana Whitfield"
    # the quotation and its continuation, not the question before it
    assert _texts(a.content) == ['"It will reopen on the first of May,"', '"Why would we wait any longer?"']
    assert a.kind == "direct"


@modes
def test_pronoun_quote_after_two_spaces(fast):
    report = accordingto.analyze(TWO_SPACES, fast=fast)
    a = next(a for a in report.attributions if _texts(a.source) == ["he"])
    assert a.speaker == "Tom Baker"
    assert _texts(a.cue) == ["said"]
    assert _texts(a.content) == ['"We have no choice but to close it,"', '"Nobody wants this."']
    # meeting to discuss something is no attribution: nothing said is reported
    assert not any("discuss" in c.text for b in report.attributions for c in b.cue)


@modes
def test_decisions_and_deeds_are_not_attributions(fast):
    report = accordingto.analyze(DEEDS, fast=fast)
    cues = [" ".join(_texts(a.cue)) for a in report.attributions]
    starts = {x.start for a in report.attributions for x in a.cue}
    for deed in ("decided to close", "refused to respond", "declined to renew", "chose to strike"):
        assert report.text.index(deed) not in starts, (deed, cues)
    # what was said, or refused to be said, stays
    comment = next(a for a in report.attributions if any("comment" in c.text for c in a.content))
    assert comment.speaker == "Dana Kim" and _texts(comment.cue) == ["declined"]
    say = next(a for a in report.attributions if any("whether the plant would reopen" in c.text for c in a.content))
    assert _texts(say.source) == ["The mayor"]
    # what is left is numbered in reading order, as chains and the web page refer to it
    assert [a.id for a in report.attributions] == list(range(len(report.attributions)))


PARAGRAPHS = (
    "Ferry Tool Launched\n\n"
    '"Safety," said Rosa Grimm, a supporter of the new ferry line. "Safety for the whole harbor, everybody."\n\n'
    "Harborlink created the tool to help in times of storms, a spokeswoman, Ana Diaz, said on Saturday.\n\n"
    '"It is not the position that everything is fine," Gene Park, an adviser to the port, said at a forum.'
)


def test_paragraph_starts_parse_as_part_of_their_sentence():
    """A paragraph's first token (a quotation mark, a name) is never a sentence of its own,
    nor is the closing mark that ends a paragraph."""
    from accordingto.pipeline import parse

    doc = parse(PARAGRAPHS + '\n\nShe said: "We will see."\n\nThe end.')
    lone = [s.text for s in doc.sents if len([t for t in s if not t.is_space]) == 1]
    assert lone == []
    starts = [s.text.split()[0] for s in doc.sents]
    assert starts == ["Ferry", '"Safety,"', '"Safety', "Harborlink", '"It', "She", "The"]


@modes
def test_quotes_that_open_a_paragraph_and_appositive_speakers(fast):
    report = accordingto.analyze(PARAGRAPHS, fast=fast)
    grimm = next(a for a in report.attributions if a.speaker == "Rosa Grimm")
    assert _texts(grimm.source) == ["Rosa Grimm, a supporter of the new ferry line"]
    assert _texts(grimm.content) == ['"Safety,"', '"Safety for the whole harbor, everybody."']
    diaz = next(a for a in report.attributions if a.speaker == "Ana Diaz")
    assert diaz.content[0].text.startswith("Harborlink created the tool")
    park = next(a for a in report.attributions if a.speaker == "Gene Park")
    assert park.source[0].text.startswith("Gene Park")  # not the quote's closing mark


SAID_TWICE = (
    "Harbor Budget Passes\n\n"
    'Mayor Lena Ortiz said the plan was drafted by the harbor board and said, "Who else would draft it?"\n\n'
    "Tom Baker, meanwhile, who has led the union since 2019, said that the budget speaks for itself."
)


@modes
def test_parse_slips_around_speech_verbs(fast):
    """A second "said" the parser hangs on the reported clause is the first speaker's own
    attribution; "X, who …, said" keeps X as the speaker when the parser gives the relative
    clause both subjects."""
    report = accordingto.analyze(SAID_TWICE, fast=fast)
    ortiz = [a for a in report.attributions if a.speaker == "Lena Ortiz"]
    assert [_texts(a.content) for a in ortiz] == [["the plan was drafted by the harbor board"],
                                                   ['"Who else would draft it?"']]
    baker = next(a for a in report.attributions if a.speaker == "Tom Baker")
    assert baker.content[0].text.endswith("the budget speaks for itself")
