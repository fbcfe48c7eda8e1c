"""The default extractor: the trained tagger's spans, linked into attributions.

A tagger with an entity head also gives the Doc its named entities when no
spaCy NER ran on it (the default pipeline leaves spaCy's ``ner`` out then:
half of spaCy's time).
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.util import filter_spans

from ..doctext import doc_text
from .link import Linked, link
from .tagger import tag_article


def set_entities(doc: Doc, entities: list[tuple[int, int, str]]) -> None:
    """``doc.ents`` from character spans (widened to whole tokens; overlaps resolved by spaCy's rule)."""
    spans = [doc.char_span(s, e, label=t, alignment_mode="expand") for s, e, t in entities]
    doc.set_ents(filter_spans([s for s in spans if s is not None and len(s)]), default="outside")


def extract_model(doc: Doc) -> list[Linked]:
    """Attributions (as character ranges) from the tagger over the whole article."""
    spans, entities = tag_article(doc_text(doc))
    if entities is not None and not doc.has_annotation("ENT_IOB"):
        set_entities(doc, entities)
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    return link(spans, sentences, doc_text(doc))
