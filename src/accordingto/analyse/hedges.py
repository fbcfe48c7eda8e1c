"""Hedges ("allegedly", "reportedly") and scare quotes. (being written)"""

from __future__ import annotations

from spacy.tokens import Doc

from ..schema import Attribution, Hedge, Span


def find_hedges(doc: Doc, attributions: list[Attribution]) -> list[Hedge]:
    return []


def find_scare_quotes(doc: Doc, attributions: list[Attribution]) -> list[Span]:
    return []
