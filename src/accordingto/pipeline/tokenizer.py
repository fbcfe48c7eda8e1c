"""spaCy's tokenizer, bounded: a very long run of non-space characters costs linear time."""

from __future__ import annotations

import re

from spacy.tokens import Doc

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
