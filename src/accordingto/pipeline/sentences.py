"""Sentence starts from the text's own layout: the ``paragraph_breaks`` component.

A line break ends a sentence; a paragraph's second token never starts one;
a sentence with no end is cut so that the work per sentence stays bounded.
Registered with spaCy by name (and through the ``spacy_factories`` entry
point), so any pipeline can add it before its parser::

    nlp.add_pipe("paragraph_breaks", before="parser")
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

# A sentence is cut after this many tokens (at the next sentence-like end, else
# at MAX_SENTENCE_TOKENS): the work done per sentence (subtrees, spans) stays
# bounded on a text with no sentence ends, so its cost stays linear.
LONG_SENTENCE_TOKENS = 300
MAX_SENTENCE_TOKENS = 1000
_ENDS = frozenset(".!?;:")


@Language.component("paragraph_breaks", assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and paragraphs never run into each other.

    Runs before the parser, which keeps sentence starts that are already set.
    A paragraph's second token never starts a sentence, nor does a closing
    mark that ends a paragraph: told only where sentences start, the parser
    often makes the paragraph's first token a sentence of its own ('"' alone,
    or "Facebook" cut off from "created the tool …") and the rest of the
    sentence then parses wrong, or leaves a paragraph's closing '"' alone.
    A run of more than LONG_SENTENCE_TOKENS tokens with no line break is cut after
    the next sentence-like end (``.!?;:``), and at MAX_SENTENCE_TOKENS regardless.
    """
    n = len(doc)
    since = 0
    for i, token in enumerate(doc[:-1]):
        since += 1
        if "\n" in token.text_with_ws and not token.is_space or (token.is_space and "\n" in token.text):
            doc[i + 1].is_sent_start = True
            if i + 2 < n and not doc[i + 2].is_space and "\n" not in doc[i + 1].text_with_ws:
                doc[i + 2].is_sent_start = False
            # nor does the closing mark that ends the paragraph before ('… pause."')
            last = i if not token.is_space else i - 1
            if last > 0 and (doc[last].is_quote or doc[last].is_right_punct) and not doc[last - 1].is_space:
                doc[last].is_sent_start = False
            since = 0
        elif since >= MAX_SENTENCE_TOKENS or (since >= LONG_SENTENCE_TOKENS and token.text in _ENDS):
            doc[i + 1].is_sent_start = True
            since = 0
    return doc
