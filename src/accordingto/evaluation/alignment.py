"""CofeNet protocol: aligning PTB tokens (CofeNet's instances) to the raw text of a PolNeAR article."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .predictions import Fragment


_PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_DQ = frozenset('"“”„‟«»″〝〞＂')
_SQ = frozenset("'‘’‚‛`´′＇")
_DASH = frozenset("-‐‑‒–—―−")
_IGNORABLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\xad")
_CLASSES = (_DQ, _SQ, _DASH)
_CONFIRM = 4  # tokens that must match in a row to resynchronise after a failure
_MAX_SKIP = 12  # tokens that may be skipped when resynchronising nearby
_NEAR_CHARS = 400  # how far (characters) to look nearby


def _forms(token: str) -> list[str]:
    forms = [_PTB.get(token, token)]
    if "\\" in token:  # old CoreNLP escapes: \/ \*
        forms.append(token.replace("\\", ""))
    try:  # a token tokenised from mojibake: "FranÃ§ois"
        fixed = token.encode("cp1252").decode("utf-8")
        if fixed != token:
            forms.append(fixed)
    except UnicodeError:
        pass
    return forms


def _same(a: str, b: str) -> bool:
    return a == b or any(a in c and b in c for c in _CLASSES)


def _match_form(text: str, i: int, form: str) -> int | None:
    """End offset when ``form`` matches the text at ``i``, allowing PTB quirks."""
    n, m = len(text), len(form)
    stack, seen = [(i, 0)], set()
    while stack:
        i, j = stack.pop()
        if j == m:
            return i
        if (i, j) in seen:
            continue
        seen.add((i, j))
        fc = form[j]
        if fc.isspace():  # "<tweet\xa0tweet-id=...>", "2 1/2"
            k = i
            while k < n and (text[k].isspace() or text[k] in _IGNORABLE):
                k += 1
            stack.append((k, j + 1))
            continue
        if i >= n:
            continue
        tc = text[i]
        # alternatives pushed last are tried first
        if tc in _IGNORABLE:
            stack.append((i + 1, j))
        if form.startswith("...", j) and tc == "…":
            stack.append((i + 1, j + 3))
        if form.startswith("--", j) and tc in _DASH:
            stack.append((i + 1, j + 2))
        if (form.startswith("``", j) or form.startswith("''", j)) and tc in _DQ:
            stack.append((i + 1, j + 2))
        if _same(fc, tc):
            stack.append((i + 1, j + 1))
    return None


def _match(text: str, i: int, token: str) -> int | None:
    for form in _forms(token):
        end = _match_form(text, i, form)
        if end is not None and end > i:
            return end
    return None


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and (text[i].isspace() or text[i] in _IGNORABLE):
        i += 1
    return i


def _match_run(text: str, i: int, tokens: list[str], k: int, count: int) -> bool:
    for t in tokens[k : k + count]:
        i = _skip_space(text, i)
        end = _match(text, i, t)
        if end is None:
            return False
        i = end
    return True


@dataclass
class Alignment:
    """Character span of each token; ``status`` per token: exact, approximate or unaligned."""

    spans: list[Fragment | None]
    status: list[str]


def align_tokens(text: str, tokens: list[str], start: int = 0) -> Alignment:
    """Align PTB tokens, in order, to ``text`` from offset ``start``.

    A token matches when its characters equal the text's up to PTB escapes
    (``` `` ``` and ``''`` for any double quote, ``-LRB-``, ``--`` for a dash,
    ``...`` for an ellipsis), quote and dash variants, and white space inside
    a token. A token that matches nowhere (mojibake, normalised characters)
    is skipped; the alignment resumes where the next tokens match again, and
    the skipped tokens share the text in between ("approximate"), or have
    no characters at all ("unaligned") when there is none.
    """
    spans: list[Fragment | None] = [None] * len(tokens)
    status = ["unaligned"] * len(tokens)
    cursor, k, n = start, 0, len(tokens)
    while k < n:
        pos = _skip_space(text, cursor)
        end = _match(text, pos, tokens[k])
        if end is not None:
            spans[k], status[k] = (pos, end), "exact"
            cursor, k = end, k + 1
            continue
        # PTB adds a sentence-final "." after "U.S." whose period it reuses.
        if tokens[k] == "." and k and spans[k - 1] and text[cursor - 1] == ".":
            spans[k], status[k] = (cursor - 1, cursor), "exact"
            k += 1
            continue
        found = _resync(text, pos, tokens, k)
        if found is None:  # nothing further matches: the rest stays unaligned
            found = (len(text), n)
        p, k2 = found
        # the last skipped tokens may still match just before where alignment resumes
        end = p
        while k2 > k:
            while end > cursor and (text[end - 1].isspace() or text[end - 1] in _IGNORABLE):
                end -= 1
            begin = _match_back(text, cursor, end, tokens[k2 - 1])
            if begin is None:
                break
            k2 -= 1
            spans[k2], status[k2] = (begin, end), "exact"
            end = begin
        _fill_gap(text, cursor, end, tokens, range(k, k2), spans, status)
        cursor, k = p, found[1]
    return Alignment(spans, status)


def _match_back(text: str, lo: int, end: int, token: str) -> int | None:
    """Start offset (>= ``lo``) of a match of ``token`` that ends exactly at ``end``."""
    for begin in range(end - 1, max(lo, end - 3 * len(token) - 4) - 1, -1):
        if _match(text, begin, token) == end:
            return begin
    return None


def _resync(text: str, pos: int, tokens: list[str], k: int) -> tuple[int, int] | None:
    """Where alignment resumes after token ``k`` failed at ``pos``: ``(offset, token)``.

    First nearby (a few tokens skipped, e.g. mojibake), the earliest offset
    winning; then anywhere (whole sentences missing from one side), the
    fewest skipped tokens winning, anchored on word tokens.
    """
    n = len(tokens)
    for p in range(pos, min(len(text), pos + _NEAR_CHARS)):
        if text[p].isspace():
            continue
        for k2 in range(k, min(n, k + _MAX_SKIP + 1)):
            if (k2, p) != (k, pos) and _match_run(text, p, tokens, k2, min(_CONFIRM, n - k2)):
                return p, k2
    for k2 in range(k, n):
        word = tokens[k2]
        if not word.isalnum():
            continue
        for m in re.finditer(re.escape(word), text[pos:]):
            p = pos + m.start()
            if (k2, p) != (k, pos) and _match_run(text, p, tokens, k2, min(2 * _CONFIRM, n - k2)):
                return p, k2
    return None


def _fill_gap(text: str, start: int, end: int, tokens: list[str], pending: range, spans: list,
              status: list) -> None:
    """Give the tokens that matched nowhere the text between their aligned neighbours.

    One piece of text each when the counts agree; the whole stretch to each
    when its length fits the tokens' (mojibake: "protegÃ" "©" for
    "protegé"); otherwise none (the tokens' words are not in the text).
    """
    if not pending:
        return
    pieces = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    if not pieces:
        return
    if len(pieces) == len(pending):
        for k, piece in zip(pending, pieces):
            spans[k], status[k] = piece, "approximate"
        return
    gap_chars = sum(e - s for s, e in pieces)
    token_chars = sum(len(_forms(tokens[k])[0]) for k in pending)
    if gap_chars <= 2 * token_chars + 4 and token_chars <= 2 * gap_chars + 4:
        whole = (pieces[0][0], pieces[-1][1])
        for k in pending:
            spans[k], status[k] = whole, "approximate"
