"""Block quotes: paragraphs quoted without quotation marks.

A paragraph that ends with a colon and names who speaks ("The letter ends by
calling on … in person:", "Here's how The Daily Caller described the scene:")
introduces the paragraphs after it. They are its content until one resumes
the reporter's voice: a paragraph that introduces something of its own
(ends with a colon), a title-like line ("Related: …"), or the end of the
text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..doctext import doc_text
from . import cues
from .quotes import QuoteIndex

MAX_PARAGRAPHS = 6  # of a letter or speech in the first or second person
MAX_NARRATIVE = 3  # of quoted reporting in the third person
_PERSONAL = re.compile(r"\b(?:I|me|my|we|us|our|you|your)\b", re.IGNORECASE)
_BLOCK_VERBS = cues.SPEECH | cues.QUOTE_ONLY | frozenset("put describe end conclude close open".split())

Range = tuple[int, int]


def _paragraphs(text: str) -> list[Range]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]


def _trim(text: str, a: int, b: int) -> Range:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _prose(text: str) -> bool:
    """A paragraph of running prose, not a title, label or link line."""
    words = text.split()
    if len(words) < 6:
        return False
    if re.match(r"(?i)(related|read more|watch|see also|click|follow|share|advertisement)\b", text):
        return False
    return bool(re.search(r"[.!?][\"”’']*\s*$", text))


def _subject(v: Token) -> Token | None:
    for _ in range(3):
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in cues.DUMMY_SUBJECTS:
                return c
        if v.dep_ in ("conj", "advcl", "xcomp", "ccomp") and v.head is not v:
            v = v.head
        else:
            return None
    return None


def _intro(doc: Doc, start: int, end: int) -> tuple[Token, Token | None] | None:
    """The cue verb (and its subject) of the sentence that ends at the colon."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    sent = doc[span.end - 1].sent
    verbs = [t for t in sent if t.idx >= start and t.pos_ in ("VERB",) and t.lemma_.lower() in _BLOCK_VERBS]
    for v in verbs:
        s = _subject(v)
        if s is not None:
            return v, s
    return None


def find_blocks(doc: Doc, quotes: QuoteIndex) -> Iterator[tuple[int, list[Range], list[Range], list[Range]]]:
    """(cue token index, cue ranges, source ranges, content ranges) of each block quote."""
    text = doc_text(doc)
    paras = _paragraphs(text)
    for k, (a, b) in enumerate(paras):
        a, b = _trim(text, a, b)
        if not text[a:b].endswith(":") or k + 1 >= len(paras):
            continue
        found = _intro(doc, a, b)
        if found is None:
            continue
        verb, subj = found
        content: list[Range] = []
        personal = None
        for a2, b2 in paras[k + 1 : k + 1 + MAX_PARAGRAPHS]:
            a2, b2 = _trim(text, a2, b2)
            para = text[a2:b2]
            if para.endswith(":") or not _prose(para):
                break
            # a letter quoted in the first or second person goes on while its
            # paragraphs do; quoted reporting stops after a few paragraphs
            has_person = bool(_PERSONAL.search(para))
            if personal is None:
                personal = has_person
            elif personal and not has_person:
                break
            elif not personal and len(content) >= MAX_NARRATIVE:
                break
            content.append((a2, b2))
            # a paragraph in quotation marks is one quoted paragraph, not a block
            if para[:1] in "\"“" and not content[:-1]:
                q = quotes.at(a2)
                if q is not None and q.end >= b2 - 1:
                    break
        if not content:
            continue
        cue = [(verb.idx, verb.idx + len(verb.text))]
        src_toks = [t for t in subj.subtree if t.i < verb.i or subj.i > verb.i]
        src = [(min(t.idx for t in src_toks), max(t.idx + len(t.text) for t in src_toks))] if src_toks else []
        yield verb.i, cue, src, content
