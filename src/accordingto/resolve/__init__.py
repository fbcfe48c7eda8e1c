"""Resolution: which real speaker each source is."""

from __future__ import annotations

from spacy.tokens import Doc

from ..schema import Attribution, Speaker


def resolve(doc: Doc, attributions: list[Attribution]) -> tuple[list[Attribution], list[Speaker]]:
    """Attach a speaker to every attribution with a source; return the attributions and the speakers."""
    return attributions, []
