"""Dates: every date or time expression, resolved against the publication date; the timeline. (being written)"""

from __future__ import annotations

from spacy.tokens import Doc

from ..schema import Attribution, DateMention, TimelineEvent


def find_dates(doc: Doc, published: str | None) -> list[DateMention]:
    return []


def build_timeline(doc: Doc, dates: list[DateMention], attributions: list[Attribution]) -> list[TimelineEvent]:
    return []
