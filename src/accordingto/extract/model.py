"""The default extractor: the trained tagger's spans, linked into attributions."""

from __future__ import annotations

from spacy.tokens import Doc

from ..nlp import doc_text
from .link import Linked, link
from .tagger import tag_spans


def extract_model(doc: Doc) -> list[Linked]:
    """Attributions (as character ranges) from the tagger over the whole article."""
    spans = tag_spans(doc_text(doc))
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    return link(spans, sentences, doc_text(doc))
