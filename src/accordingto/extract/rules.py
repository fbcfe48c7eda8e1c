"""Rule-based extraction over spaCy's parse (placeholder, being written)."""

from spacy.tokens import Doc

from ..schema import Attribution


def extract_rules(doc: Doc) -> list[Attribution]:
    return []
