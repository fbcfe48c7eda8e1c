"""Sentences the article asserts with no source.

A sentence of ``doc.sents`` (split again at line breaks, so that a headline
never runs into the first paragraph even in a pipeline without
``paragraph_breaks``) counts as unattributed when

- at most half of its non-space characters lie in the source, cue or
  content of some attribution (the union of all of them);
- it is not the headline (the first line of the text, when that line has no
  final period), not a question, and does not introduce an attribution
  ("Riddell continues:", "Here's how X described the scene:");
- it is prose that asserts: at least :data:`MIN_WORDS` words and a finite
  verb, a line that ends like a sentence, and not page furniture (bylines,
  datelines, "Photo: …", "Related: …", captions in brackets).

Offsets point into ``doc.text``; each sentence is trimmed of white space. A
leading dateline ("PORTLAND, Ore. (AP) — …") is left out of the sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc, Span

from ..doctext import doc_text
from ..extract.spans import overlaps
from ..schema import Attribution, Sentence

__all__ = ["MIN_WORDS", "MAX_COVERED", "unattributed_sentences"]

MIN_WORDS = 5  # fewer words is not an assertion (a label, a fragment, a lone quote mark)
MAX_COVERED = 0.5  # above this share of non-space characters in attributions, a sentence is attributed

_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
_CLOSERS = "\"'\u201d\u2019\u00bb)]}*_ \t"  # closing quotes and brackets after the final punctuation
_SENTENCE_END = ".!?\u2026"

# A line that is page furniture rather than prose (matched against the stripped line).
_FURNITURE = re.compile(
    r"""(?ix)
    (?:by|written\s+by|reporting\s+by|story\s+by|words\s+by|posted\s+by)\s+(?-i:[A-Z])[\w.'\u2019-]*(?:\s|,|$).*  # bylines
    | (?:photo|image|picture|video|graphic|illustration|caption|credit|source|related|read\s+more|read\s+also|
         also\s+read|see\s+also|watch|listen|published|posted|last\s+updated|filed\s+under|
         tags?|topics?|editor['\u2019]?s\s+note|advertisement|sponsored|share|follow|subscribe|sign\s+up|
         click\s+here|copyright)
      (?:\s+(?:credit|credits|by|courtesy|caption|stories|articles|coverage|on|at))?\s*[:|\u2013\u2014>\u00bb].*
    | (?:photo|image|picture|video)s?\s+(?:by|courtesy\s+of)\b.*
    | (?:\u00a9|\(c\)|copyright\s+\d{4}).*
    | .*\ball\s+rights\s+reserved\.?
    | [(\[].*[)\]]  # a caption or credit in brackets
    """
)
# "PORTLAND, Ore. (AP) — ", "WASHINGTON (Reuters) - ", "LONDON — ": a dateline opening the first paragraph.
_DATELINE = re.compile(
    r"""(?x)
    [A-Z][A-Z.'\u2019-]+(?:\s+[A-Z][A-Z.'\u2019-]+)*       # PLACE in capitals
    (?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)*)?     # , State / Country
    (?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?  # , July 9, 2018
    \s*(?:\([A-Za-z .&-]+\))?                          # (AP)
    \s*[\u2014\u2013-]{1,2}\s+
    """
)


def unattributed_sentences(doc: Doc, attributions: list[Attribution]) -> list[Sentence]:
    """The sentences of ``doc`` that assert something with no source, in reading order."""
    text = doc_text(doc)
    covered = _merge(
        (span.start, span.end)
        for a in attributions
        for span in (*a.source, *a.cue, *a.content)
        if span.end > span.start
    )
    cue_spans = sorted(
        (span.start, span.end) for a in attributions for span in (*a.cue, *a.source) if span.end > span.start
    )
    headline = _headline(text)
    out: list[Sentence] = []
    for sent in doc.sents:
        for start, end in _pieces(text, sent.start_char, sent.end_char):
            if headline and overlaps([(start, end)], [headline]):
                continue
            start = _skip_dateline(text, start, end)
            if start >= end:
                continue
            if not _asserts(text, doc, sent, start, end):
                continue
            if text[end - 1] == ":" and overlaps(cue_spans, [(start, end)]):
                continue  # introduces a quote: the attribution's frame, not an assertion of its own
            if _covered_share(text, covered, start, end) > MAX_COVERED:
                continue
            out.append(Sentence(start=start, end=end, text=text[start:end]))
    return out


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretch ``[start, end)`` cut at line breaks, each piece trimmed of white space."""
    pieces = []
    pos = start
    for part in text[start:end].split("\n"):
        a, b = pos, pos + len(part)
        pos = b + 1
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            pieces.append((a, b))
    return pieces


_MAX_FURNITURE = 2000  # characters: no byline, caption or "Related:" line is longer
_NON_SPACE = re.compile(r"\S")


def _line_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The line (without its line break) around ``[start, end)``."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


def _headline(text: str) -> tuple[int, int] | None:
    """The first non-blank line when it has no final period (a headline), else None."""
    pos = 0
    while pos < len(text):
        nl = text.find("\n", pos)
        nl = len(text) if nl < 0 else nl
        line = text[pos:nl]
        if line.strip():
            if line.rstrip().rstrip(_CLOSERS).endswith("."):
                return None
            return pos, nl
        pos = nl + 1
    return None


def _skip_dateline(text: str, start: int, end: int) -> int:
    """``start`` moved past a dateline that opens its line, if there is one."""
    if text.rfind("\n", 0, start) + 1 != start:
        return start
    m = _DATELINE.match(text, start, end)
    if not m or sum(c.isupper() for c in m.group()) < 3:
        return start
    return m.end()


def _asserts(text: str, doc: Doc, sent: Span, start: int, end: int) -> bool:
    """Prose that asserts: enough words, a finite verb, not a question, not furniture."""
    body = text[start:end]
    if body.rstrip(_CLOSERS).endswith("?"):
        return False
    line_start, line_end = _line_of(text, start, end)
    # furniture is a short line; a long one is never copied or matched whole (once per sentence, that is quadratic)
    if line_end - line_start <= _MAX_FURNITURE and _FURNITURE.fullmatch(text[line_start:line_end].strip()):
        return False
    ends_line = _NON_SPACE.search(text, end, line_end) is None
    if ends_line and body.rstrip(_CLOSERS)[-1:] not in (*_SENTENCE_END, ":"):
        return False  # a heading, a caption, a label: a line that does not end like a sentence
    tokens = [t for t in sent if t.idx >= start and t.idx + len(t.text) <= end]
    words = [t for t in tokens if not t.is_punct and not t.is_space and any(c.isalnum() for c in t.text)]
    if len(words) < MIN_WORDS:
        return False
    return any(t.tag_ in _FINITE_TAGS or "Fin" in t.morph.get("VerbForm") for t in tokens)


def _merge(spans) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def _non_space(s: str) -> int:
    return sum(1 for c in s if not c.isspace())


def _covered_share(text: str, covered: list[tuple[int, int]], start: int, end: int) -> float:
    """Share of the non-space characters of ``[start, end)`` inside the merged spans ``covered``."""
    total = _non_space(text[start:end])
    if not total:
        return 1.0
    inside = 0
    i = max(bisect_left(covered, (start, start)) - 1, 0)
    while i < len(covered) and covered[i][0] < end:
        a, b = covered[i]
        if b > start:
            inside += _non_space(text[max(a, start) : min(b, end)])
        i += 1
    return inside / total
