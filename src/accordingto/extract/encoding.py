"""Turning an article into the tagger's input, and its labels into character spans.

Shared by training and inference, so that both see the article the same way:
wordpieces of the whole text (paragraph breaks kept as a token of their own,
letter case as a feature the uncased encoder cannot see), cut into
overlapping windows, one BIO label per wordpiece for source, cue and content.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

ROLES = ("source", "cue", "content")
LABELS = ("O", "B-source", "I-source", "B-cue", "I-cue", "B-content", "I-content")
LABEL_ID = {label: i for i, label in enumerate(LABELS)}

# Named-entity tags a tagger may also be trained to give (learnt from spaCy
# en_core_web_sm's own NER over the training texts), so that the default pipeline
# can leave spaCy's NER out: half of spaCy's time (issue 10). A model that has
# them outputs len(LABELS) + len(ENTITY_TAGS) scores per piece.
ENTITY_TYPES = (
    "CARDINAL", "DATE", "EVENT", "FAC", "GPE", "LANGUAGE", "LAW", "LOC", "MONEY", "NORP",
    "ORDINAL", "ORG", "PERCENT", "PERSON", "PRODUCT", "QUANTITY", "TIME", "WORK_OF_ART",
)
ENTITY_TAGS = ("O",) + tuple(f"{p}-{t}" for t in ENTITY_TYPES for p in ("B", "I"))
ENTITY_ID = {tag: i for i, tag in enumerate(ENTITY_TAGS)}

# Letter case of the word a wordpiece belongs to: the encoder is uncased, and
# "the post" and "The Post" are different sources.
CASE_NONE, CASE_LOWER, CASE_TITLE, CASE_UPPER = range(4)
N_CASES = 4

# How deep inside quotation marks a wordpiece sits (0 outside, 1 in a quote, 2 in a
# quote within a quote): the encoder sees the marks as pieces but not which of them
# pair up, and whether words are quoted decides what is content (issue 10).
N_QUOTE_DEPTHS = 3

WINDOW = 256  # wordpieces per window, [CLS] and [SEP] included
STRIDE = 192  # step between windows: they overlap by WINDOW - 2 - STRIDE pieces
PARAGRAPH_TOKEN = "[unused1]"  # stands for a line break between paragraphs

TOKENIZER_FILE = Path(__file__).resolve().parent.parent / "models" / "tokenizer.json"


@lru_cache(maxsize=1)
def get_tokenizer():
    """The encoder's wordpiece tokenizer (a copy of all-MiniLM-L6-v2's tokenizer.json)."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(TOKENIZER_FILE))
    tok.no_truncation()  # the file caps at 128 pieces; we window the whole article ourselves
    tok.no_padding()
    return tok


def special_ids(tok) -> tuple[int, int]:
    """(start, end) token ids of a window: BERT's [CLS]/[SEP] or MPNet's <s>/</s>."""
    cls = tok.token_to_id("[CLS]")
    sep = tok.token_to_id("[SEP]")
    if cls is None or sep is None:
        cls, sep = tok.token_to_id("<s>"), tok.token_to_id("</s>")
    return cls, sep


@dataclass
class Encoded:
    """An article as wordpieces: ids, character offsets, word index, letter case."""

    ids: np.ndarray  # int64 [n]
    starts: np.ndarray  # int64 [n] character offset of each piece (paragraph token: -1)
    ends: np.ndarray  # int64 [n]
    words: np.ndarray  # int64 [n] index of the word a piece belongs to (-1: paragraph token)
    case: np.ndarray  # int64 [n]
    word_starts: np.ndarray = field(default=None)  # first piece index of each word
    quote: np.ndarray = field(default=None)  # int64 [n] quote depth of each piece (N_QUOTE_DEPTHS)


def quote_depths(text: str, starts: np.ndarray) -> np.ndarray:
    """Quote depth (capped at 2) at each offset of ``starts`` (-1: a paragraph token, depth 0).

    Quotes are paired as the rules pair them (:func:`.quotes.find_quotes`);
    one pass over the text, so the cost is linear.
    """
    from .quotes import find_quotes

    diff = np.zeros(len(text) + 1, dtype=np.int32)
    for q in find_quotes(text):
        diff[q.start] += 1
        diff[q.end] -= 1
    depth = np.cumsum(diff)[: max(len(text), 1)]
    out = np.zeros(len(starts), dtype=np.int64)
    ok = (starts >= 0) & (starts < len(text))
    out[ok] = np.minimum(depth[starts[ok]], N_QUOTE_DEPTHS - 1)
    return out


def _case_of(word: str) -> int:
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return CASE_NONE
    if all(c.isupper() for c in letters):
        return CASE_UPPER if len(letters) > 1 else CASE_TITLE
    if letters[0].isupper():
        return CASE_TITLE
    return CASE_LOWER


def encode(text: str, tokenizer=None) -> Encoded:
    """Wordpieces of the whole text, with a paragraph token wherever a line break separates two pieces.

    ``tokenizer`` (a ``tokenizers.Tokenizer``) defaults to the shipped tagger's;
    training passes a teacher's (all-mpnet-base-v2 splits words the same way:
    BERT's normaliser and pre-tokenizer, so word ``k`` is the same characters
    under both).
    """
    tok = tokenizer or get_tokenizer()
    enc = tok.encode(text, add_special_tokens=False)
    para_id = tok.token_to_id(PARAGRAPH_TOKEN)
    ids, starts, ends, words = [], [], [], []
    prev_end, prev_word, word_index = 0, None, -1
    for tid, (s, e), wid in zip(enc.ids, enc.offsets, enc.word_ids):
        if ids and "\n" in text[prev_end:s]:
            ids.append(para_id), starts.append(-1), ends.append(-1), words.append(-1)
        if wid != prev_word or wid is None:
            word_index += 1
            prev_word = wid
        ids.append(tid)
        starts.append(s)
        ends.append(e)
        words.append(word_index)
        prev_end = e
    ids_a = np.asarray(ids, dtype=np.int64)
    starts_a = np.asarray(starts, dtype=np.int64)
    ends_a = np.asarray(ends, dtype=np.int64)
    words_a = np.asarray(words, dtype=np.int64)
    # letter case per word, from the word's full characters
    case_a = np.zeros(len(ids), dtype=np.int64)
    word_starts = []
    i = 0
    n = len(ids)
    while i < n:
        if words_a[i] < 0:
            i += 1
            continue
        j = i
        while j + 1 < n and words_a[j + 1] == words_a[i]:
            j += 1
        word_starts.append(i)
        case_a[i : j + 1] = _case_of(text[starts_a[i] : ends_a[j]])
        i = j + 1
    return Encoded(ids_a, starts_a, ends_a, words_a, case_a, np.asarray(word_starts, dtype=np.int64),
                   quote_depths(text, starts_a))


def entity_labels_for(enc: Encoded, entities: list[tuple[int, int, str]]) -> np.ndarray:
    """BIO entity tag ids (:data:`ENTITY_TAGS`) per wordpiece from ``(start, end, type)`` spans.

    The first piece of the entity's first word is B-, every later piece I-
    (as :func:`labels_for` does for the roles); types not in
    :data:`ENTITY_TYPES` are left out.
    """
    labels = np.zeros(len(enc.ids), dtype=np.int64)
    for fs, fe, etype in entities:
        if etype not in ENTITY_TYPES:
            continue
        inside = np.nonzero((enc.starts < fe) & (enc.ends > fs) & (enc.words >= 0))[0]
        if len(inside) == 0:
            continue
        labels[inside] = ENTITY_ID[f"I-{etype}"]
        labels[inside[0]] = ENTITY_ID[f"B-{etype}"]
    return labels


def labels_for(enc: Encoded, spans: dict[str, list[list[tuple[int, int]]]]) -> np.ndarray:
    """BIO label ids per wordpiece from gold spans: ``spans[role]`` is a list of spans, each a list of fragments.

    A word takes a role when its characters overlap a fragment of that role;
    each fragment starts with B-, its later words (and every later piece of a
    word) are I-.
    """
    labels = np.zeros(len(enc.ids), dtype=np.int64)
    for role in ROLES:
        b, i_ = LABEL_ID[f"B-{role}"], LABEL_ID[f"I-{role}"]
        for span in spans.get(role, []):
            for fs, fe in span:
                inside = np.nonzero((enc.starts < fe) & (enc.ends > fs) & (enc.words >= 0))[0]
                if len(inside) == 0:
                    continue
                first_word = enc.words[inside[0]]
                for k in inside:
                    labels[k] = b if enc.words[k] == first_word else i_
                # later pieces of the first word are I- too
                first = inside[enc.words[inside] == first_word]
                labels[first[1:]] = i_
    return labels


def windows(n: int, window: int = WINDOW, stride: int = STRIDE) -> list[tuple[int, int]]:
    """[start, end) piece ranges covering n pieces, each at most window-2 long (room for [CLS], [SEP])."""
    size = window - 2
    if n <= size:
        return [(0, n)]
    out, s = [], 0
    while True:
        e = min(s + size, n)
        out.append((s, e))
        if e == n:
            return out
        s += stride


def word_spans(enc: Encoded, word_tags: list[str], roles: tuple[str, ...] = ROLES) -> dict[str, list[tuple[int, int]]]:
    """Contiguous character spans per role (or entity type) from one BIO tag per word (words in order)."""
    out: dict[str, list[tuple[int, int]]] = {r: [] for r in roles}
    ws = enc.word_starts
    # character extent of each word
    word_end_piece = np.append(ws[1:] - 1, len(enc.ids) - 1)
    cur_role, cur_start, cur_end = None, 0, 0
    for w, tag in enumerate(word_tags):
        s = int(enc.starts[ws[w]])
        last = word_end_piece[w]
        while enc.words[last] < 0:  # a paragraph token between words
            last -= 1
        e = int(enc.ends[last])
        if tag == "O" or tag.startswith("B-") or (cur_role and tag[2:] != cur_role):
            if cur_role:
                out[cur_role].append((cur_start, cur_end))
            cur_role = None
        if tag.startswith("B-") or (tag.startswith("I-") and cur_role is None):
            cur_role, cur_start = tag[2:], s
        if cur_role:
            cur_end = e
    if cur_role:
        out[cur_role].append((cur_start, cur_end))
    return out
