"""Extraction: find every attribution (source, cue, content) in a parsed Doc."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..schema import Attribution


def extract(doc: "Doc", *, fast: bool = False) -> "list[Attribution]":
    """Every attribution in ``doc``, in reading order, speakers not yet resolved."""
    from .rules import extract_rules

    return extract_rules(doc)
