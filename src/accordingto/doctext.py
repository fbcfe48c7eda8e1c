"""A Doc's text, read once: the one helper every stage that reads a parsed Doc shares.

It lives apart from :mod:`accordingto.pipeline` (which loads the pipeline and whose
component calls extraction and resolution) so that those stages import it
without importing the component: no import circle.
"""

from __future__ import annotations

from spacy.tokens import Doc

_TEXT_KEY = "accordingto.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once per Doc: spaCy's ``Doc.text`` joins every token again on each access."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text
