"""Hedges ("allegedly", "reportedly") and scare quotes.

**Hedges** are the words with which a text passes on a claim without
vouching for it, pointing at a source it does not name (evidential hedges).
Three kinds are found, case-insensitively:

- adverbs (:data:`HEDGE_ADVERBS`): *allegedly, reportedly, apparently,
  purportedly, supposedly, reputedly, ostensibly, seemingly*;
- adjectives (:data:`HEDGE_ADJECTIVES`), only attributive, before their noun
  ("the mayor's apparent disregard", "the alleged theft", "the suspected
  gunman"): *alleged, apparent, purported, supposed, reputed, ostensible,
  suspected* ("it became apparent that", "he suspected that" and "we are
  supposed to" are not hedges);
- reportative passives (:data:`HEDGE_PASSIVES`): a form of *be* with
  *said, believed, reported, thought, alleged, rumoured, understood, reputed,
  claimed, purported, suspected* and *to* + a verb ("is said to have",
  "are believed to be"; "was reported to police" is not one), "is suspected
  of", and "it is said / believed / reported … that".

Left out: epistemic modals and adverbs of the writer's own uncertainty
(*possibly, perhaps, probably, may, might, could*): they hedge without
pointing at a source, are everywhere in ordinary prose, and would drown the
sourcing signal; *so-called* (a label, close to a scare quote); *expected
to* (a forecast); *known to* (factive, not a hedge).

Each hedge carries its sentence (the spaCy sentence, cut at line breaks and
trimmed) and ``attributed``: whether the hedge word lies inside the
*content* of an attribution whose speaker is resolved (``speaker`` not
None) - then someone named is hedging ("Police said the man allegedly …").
A hedge inside a *cue* does not count: in "police allegedly refused to
respond" the extractor may read "refused" as police's (non-verbal) cue, but
the one alleging is not named, and police are the subject of the claim, not
its source.

**Scare quotes** are short quoted phrases nobody is said to have said: the
text puts distance between itself and the words ("agents 'trapped inside'
building"). A quote (from :func:`~accordingto.extract.quotes.quote_index`,
so apostrophes never open one) is a scare quote when

- it is closed and holds 1 to :data:`MAX_SCARE_WORDS` words;
- it is not a sentence or an exclamation of its own (ends in "!" or "?", or
  starts with a capital and ends with a period);
- it overlaps the content of no attribution that reports words, and its
  sentence holds the cue of no such attribution. An attribution reports
  words unless its cue is only a verb of intention or action
  (:data:`NON_VERBAL_CUES`: "refused", "decided", "wants", "sent"), which says what
  a source did or wanted, never what it said - so words quoted in its
  content are nobody's.

Titles of works in quotation marks ("the film 'Jaws'") are found too: they
are just as unattributed; telling them apart is left to the reader. The
span returned is the phrase inside the marks, without trailing "," "." ";"
":" (American style puts them inside the closing mark).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Token

from ..doctext import doc_text
from ..extract.quotes import quote_index
from ..extract.spanindex import RangeIndex
from ..schema import Attribution, Hedge, Sentence, Span

__all__ = [
    "HEDGE_ADVERBS",
    "HEDGE_ADJECTIVES",
    "HEDGE_PASSIVES",
    "MAX_SCARE_WORDS",
    "NON_VERBAL_CUES",
    "find_hedges",
    "find_scare_quotes",
]

HEDGE_ADVERBS = (
    "allegedly reportedly apparently purportedly supposedly reputedly ostensibly seemingly".split()
)
HEDGE_ADJECTIVES = "alleged apparent purported supposed reputed ostensible suspected".split()
HEDGE_PASSIVES = "said believed reported thought alleged rumored rumoured understood reputed claimed purported suspected".split()

MAX_SCARE_WORDS = 6

# verbs of intention or action that the extractor may take as cues (PolNeAR annotates them)
# but that report no words: a quote in their content is not the source's
NON_VERBAL_CUES = frozenset(
    "refuse decline decide seek plan intend aim choose resolve offer need want wish desire crave prefer try attempt"
    " send file submit".split()
)

_ADVERB = re.compile(r"\b(?:" + "|".join(HEDGE_ADVERBS) + r")\b", re.I)
_ADJECTIVE = re.compile(r"\b(?:" + "|".join(HEDGE_ADJECTIVES) + r")\b", re.I)
_PASSIVE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|am)\s+"
    r"(?:(?:also|widely|now|still|not|generally|further|long|often|already)\s+)?"
    r"(?P<verb>" + "|".join(HEDGE_PASSIVES) + r")\s+(?P<prep>to|of)\b",
    re.I,
)
_IMPERSONAL = re.compile(
    r"\bit\s+(?:is|was|has\s+been|had\s+been)\s+(?:(?:widely|also|now|generally)\s+)?"
    r"(?:" + "|".join(HEDGE_PASSIVES) + r")\s+that\b",
    re.I,
)

_MARKS = "\"'`\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019"
_WORDS = re.compile(r"[\w'\u2019-]+")


class _Tokens:
    """Token look-up by character offset."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc_text(doc)  # Doc.text joins every token on each access: read it once
        self.starts = [t.idx for t in doc]
        self.sents = [(s.start_char, s.end_char) for s in doc.sents] if len(doc) else []
        self.sent_starts = [a for a, _ in self.sents]

    def sent_at(self, offset: int) -> tuple[int, int]:
        """The sentence (start, end) around ``offset`` (Token.sent walks the whole doc: too slow here)."""
        k = bisect_right(self.sent_starts, offset) - 1
        return self.sents[k] if k >= 0 else (0, len(self.text))

    def at(self, offset: int) -> Token | None:
        k = bisect_right(self.starts, offset) - 1
        if k < 0:
            return None
        tok = self.doc[k]
        return tok if offset < tok.idx + len(tok.text) else None

    def between(self, start: int, end: int) -> list[Token]:
        k = max(bisect_right(self.starts, start) - 1, 0)
        out = []
        while k < len(self.doc) and self.doc[k].idx < end:
            tok = self.doc[k]
            if tok.idx + len(tok.text) > start and not tok.is_space:
                out.append(tok)
            k += 1
        return out


def _sentence(doc: Doc, tokens: _Tokens, offset: int) -> tuple[int, int]:
    """The sentence around ``offset``, cut at line breaks and trimmed of white space."""
    text = tokens.text
    start, end = tokens.sent_at(offset)
    start = max(start, text.rfind("\n", 0, offset) + 1)
    nl = text.find("\n", offset)
    end = min(end, len(text) if nl < 0 else nl)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _attributive(tok: Token | None) -> bool:
    """An adjective or participle before the noun it modifies ("the alleged theft")."""
    if tok is None or tok.dep_ not in ("amod", "compound", "nmod") or tok.head.i <= tok.i:
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is None or nxt.lower_ != "to"  # "we are supposed to go" is no hedge


def _hedge_spans(doc: Doc, tokens: _Tokens) -> list[tuple[int, int]]:
    text = tokens.text
    found: list[tuple[int, int]] = []
    for m in _ADVERB.finditer(text):
        found.append(m.span())
    for m in _ADJECTIVE.finditer(text):
        if _attributive(tokens.at(m.start())):
            found.append(m.span())
    for m in _PASSIVE.finditer(text):
        if m.group("prep").lower() == "of":
            if m.group("verb").lower() == "suspected":
                found.append(m.span())
            continue
        after = tokens.at(_skip_space(text, m.end()))
        if after is not None and after.tag_ == "VB":  # "is said to have", not "was reported to police"
            found.append(m.span())
    for m in _IMPERSONAL.finditer(text):
        found.append(m.span())
    found.sort(key=lambda s: (s[0], -s[1]))
    out: list[tuple[int, int]] = []
    for s, e in found:
        if out and s < out[-1][1]:
            continue  # inside a longer hedge already taken
        out.append((s, e))
    return out


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def find_hedges(doc: Doc, attributions: list[Attribution]) -> list[Hedge]:
    """Every hedging expression in ``doc``, in reading order."""
    tokens = _Tokens(doc)
    text = tokens.text
    named = [span for a in attributions if a.speaker is not None for span in a.content]
    hedges = []
    for s, e in _hedge_spans(doc, tokens):
        a, b = _sentence(doc, tokens, s)
        hedges.append(
            Hedge(
                start=s,
                end=e,
                text=text[s:e],
                sentence=Sentence(start=a, end=b, text=text[a:b]) if b > a else None,
                attributed=any(c.start <= s and e <= c.end for c in named),
            )
        )
    return hedges


def _reports_words(tokens: _Tokens, a: Attribution) -> bool:
    """Whether the attribution's cue reports words (not only an intention or an action)."""
    if a.via != "cue":
        return True
    heads = [
        t
        for span in a.cue
        for t in tokens.between(span.start, span.end)
        if t.pos_ in ("VERB", "NOUN", "PROPN", "ADJ")
    ]
    return not heads or not all(t.lemma_.lower() in NON_VERBAL_CUES for t in heads)


def _phrase(text: str, start: int, end: int) -> tuple[int, int]:
    """The words between the quotation marks of the quote ``[start, end)``, trailing , . ; : left out."""
    while start < end and (text[start] in _MARKS or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _MARKS or text[end - 1].isspace()):
        end -= 1
    while end > start and text[end - 1] in ",.;:":
        end -= 1
    return start, end


def _is_sentence(inner: str) -> bool:
    inner = inner.strip().rstrip(_MARKS)
    if inner.endswith(("!", "?")):
        return True
    return inner[:1].isupper() and inner.endswith((".", "\u2026")) and len(_WORDS.findall(inner)) >= 3


def find_scare_quotes(doc: Doc, attributions: list[Attribution]) -> list[Span]:
    """Short quoted phrases that no attribution gives a speaker, in reading order."""
    tokens = _Tokens(doc)
    text = tokens.text
    verbal = [a for a in attributions if _reports_words(tokens, a)]
    # indexed, not scanned for each quote: the cost stays linear in the text
    contents = RangeIndex([(span.start, span.end, True) for a in verbal for span in a.content])
    cues = RangeIndex([(span.start, span.end, True) for a in verbal for span in a.cue])
    out: list[Span] = []
    for q in quote_index(doc).quotes:
        if not q.closed:
            continue
        s, e = _phrase(text, q.start, q.end)
        if s >= e:
            continue
        inner = text[q.start : q.end].strip(_MARKS + " ")
        n_words = len(_WORDS.findall(text[s:e]))
        if not 1 <= n_words <= MAX_SCARE_WORDS or _is_sentence(inner):
            continue
        if any(contents.overlapping(q.start, q.end)):
            continue
        a, b = _sentence(doc, tokens, q.start)
        if b > a and any(cues.overlapping(a, b)):
            continue
        out.append(Span(start=s, end=e, text=text[s:e]))
    return out
