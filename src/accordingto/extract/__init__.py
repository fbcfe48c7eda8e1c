"""Extraction: find every attribution (source, cue, content) in a parsed Doc.

Two extractors share one output: the trained tagger (default, :mod:`.model`)
and syntax rules over spaCy's parse (``fast``, :mod:`.rules`, no transformer).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..schema import Attribution


def extract(doc: "Doc", *, fast: bool = False) -> "list[Attribution]":
    """Every attribution in ``doc``, in reading order, speakers not yet resolved."""
    if fast:
        from .rules import extract_rules

        return extract_rules(doc)
    from .build import build
    from .model import extract_model

    rows = [(a.source, [a.cue], a.content, "cue") for a in extract_model(doc)]
    return build(doc.text, rows)
