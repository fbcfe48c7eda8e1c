"""Analysis of the article as a whole: what is asserted with no source."""

from __future__ import annotations

from spacy.tokens import Doc

from ..schema import Attribution, Sentence


def unattributed_sentences(doc: Doc, attributions: list[Attribution]) -> list[Sentence]:
    return []
