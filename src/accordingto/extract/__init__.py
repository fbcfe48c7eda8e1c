"""Extraction: find every attribution (source, cue, content) in a parsed Doc.

Two extractors: syntax rules over spaCy's parse (:mod:`.rules`) and the
trained tagger (:mod:`.model`). The default combines them (:mod:`.combine`);
``fast`` runs the rules alone, with no transformer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..schema import Attribution


def extract(doc: "Doc", *, fast: bool = False) -> "list[Attribution]":
    """Every attribution in ``doc``, in reading order, speakers not yet resolved."""
    from .rules import extract_rules

    rules = extract_rules(doc)
    if fast:
        return rules
    from .build import build
    from .combine import combine
    from .model import extract_model

    tagged = build(doc.text, [(a.source, [a.cue], a.content, "cue") for a in extract_model(doc) if _nominal(doc, a.source)])
    return combine(rules, tagged)


def _nominal(doc: "Doc", source: list[tuple[int, int]]) -> bool:
    """A source is a noun phrase: some noun, proper noun or pronoun in it ("Not" is no source)."""
    for start, end in source:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in span):
            return True
    return not source
