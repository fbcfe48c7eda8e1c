"""The per-Doc index the resolver reads: sentences (a line break always ends one), heads, quotes.

:class:`DocInfo` is made once per article and shared by every stage of the
resolver (and by the gender of person voices).
"""

from __future__ import annotations

import re
from bisect import bisect_right

import numpy as np
from spacy.attrs import HEAD, IDX, SENT_START
from spacy.tokens import Doc, Token

from ..doctext import doc_text
from ..extract.quotes import quote_stretches


class DocInfo:
    """Per-document lookups shared by the resolver: sentences, quotes, tokens by offset."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc_text(doc)
        self.sent_of = [0] * len(doc)
        if len(doc):
            arr = doc.to_array([SENT_START, IDX])
            starts = arr[:, 0] == 1
            # a line break always ends a sentence (the parser runs some across paragraphs)
            breaks = [m.start() for m in re.finditer(r"\n", self.text)]
            if breaks:
                after = np.searchsorted(arr[:, 1], breaks, side="right")
                after = after[after < len(doc)]
                starts[after] = True
            starts[0] = False
            self.sent_of = np.cumsum(starts).tolist()
        self.heads: list[int] = []  # token index → its head's index
        if len(doc):
            rel = doc.to_array([HEAD]).astype(np.int64).reshape(-1)
            self.heads = (np.arange(len(doc)) + rel).tolist()
        self._lower_words: set[str] | None = None
        # the resolver's reading of quotation marks (see quote_stretches: why not quote_index)
        self.quotes = quote_stretches(doc)
        self._quote_starts = [s for s, _ in self.quotes]

    @property
    def headline_end(self) -> int:
        """Where the first paragraph (the headline) ends."""
        k = self.text.find("\n\n")
        return k if k >= 0 else 0

    def lowercase_word(self, tok: Token) -> bool:
        """Whether the text writes this word (or its lemma) in lowercase somewhere: a common word."""
        if self._lower_words is None:
            self._lower_words = set(re.findall(r"\b[a-z][a-z'-]*\b", self.text))
        low = tok.lower_
        return low in self._lower_words or tok.lemma_.lower() in self._lower_words or (
            low.endswith("s") and low[:-1] in self._lower_words
        )

    def tokens_in(self, start: int, end: int) -> list[Token]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return []
        return [t for t in span if not t.is_space]

    def quote_at(self, char: int) -> tuple[int, int] | None:
        """The quotation (start, end) around a character, if any."""
        k = bisect_right(self._quote_starts, char) - 1
        if k >= 0 and self.quotes[k][0] <= char < self.quotes[k][1]:
            return self.quotes[k]
        return None

    def in_quote(self, char: int) -> bool:
        return self.quote_at(char) is not None
