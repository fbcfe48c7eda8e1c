"""The stance of each cue: neutral or loaded, from a documented word list. (being written)"""

from __future__ import annotations

from ..schema import Attribution


def mark_stance(attributions: list[Attribution]) -> list[Attribution]:
    return attributions
