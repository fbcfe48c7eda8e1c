"""Sourcing structure: nested attributions, their chains and depth; secondhand sources. (being written)"""

from __future__ import annotations

from ..schema import Attribution, Speaker


def mark_chains(attributions: list[Attribution], speakers: list[Speaker]) -> list[Attribution]:
    return attributions
