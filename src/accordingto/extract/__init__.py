"""Extraction: find every attribution (source, cue, content) in a parsed Doc.

Two extractors: syntax rules over spaCy's parse (:mod:`.rules`) and the
trained tagger (:mod:`.model`). The default combines them (:mod:`.combine`);
``fast`` runs the rules alone, with no transformer. Either way, deeds and
purposes that look like cues ("refused to respond to emergency calls",
"met to discuss") are dropped (:mod:`.acts`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .spans import overlaps

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..schema import Attribution


def extract(doc: "Doc", *, fast: bool = False) -> "list[Attribution]":
    """Every attribution in ``doc``, in reading order, speakers not yet resolved."""
    from .acts import drop_acts
    from .rules import extract_rules

    rules = extract_rules(doc)
    if fast:
        return _tidy(drop_acts(doc, rules))
    from .build import build
    from .combine import combine
    from .model import extract_model

    tagged = build(doc, [(a.source, [a.cue], a.content, "cue") for a in extract_model(doc) if _nominal(doc, a.source)])
    return _tidy(drop_acts(doc, combine(rules, tagged)))


def _tidy(attributions: "list[Attribution]") -> "list[Attribution]":
    """No content fragment that is also the attribution's source or cue (the tagger can mark the
    subject of "police allegedly refused to …" both ways): it is the source, not what was said."""
    out = []
    for a in attributions:
        taken = a.source + a.cue
        content = [c for c in a.content if not overlaps([c], taken)]
        if content and len(content) < len(a.content):
            a = a.model_copy(update={"content": content})
        out.append(a)
    return out


def _nominal(doc: "Doc", source: list[tuple[int, int]]) -> bool:
    """A source is a noun phrase: some noun, proper noun or pronoun in it ("Not" is no source)."""
    for start, end in source:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in span):
            return True
    return not source
