"""The tense of the clause a date expression sits in: "future", "present", "past" or None.

Read from the governing verb and its auxiliaries ("will close", "is scheduled for",
"plans to vote" are the future), else from a "will" earlier in the sentence (headlines).
"""

from __future__ import annotations

from spacy.tokens import Token

from .expressions import FUTURE_AUX, FUTURE_LEMMAS

__all__ = ["tense_of"]


def tense_of(tok: Token) -> str | None:
    """"future", "present", "past" or None: the tense of the verb that governs tok."""
    v = tok
    for _ in range(8):
        if v.pos_ in ("VERB", "AUX") or v.head is v:
            break
        v = v.head
    if v.pos_ not in ("VERB", "AUX"):
        return _tense_by_window(tok)
    tense = _own_tense(v)
    if tense is None and v.head is not v:
        infinitive = any(c.lower_ == "to" and c.dep_ == "aux" for c in v.children)
        if v.dep_ == "conj" or v.dep_ in ("xcomp", "ccomp") and infinitive:
            head = v.head
            tense = _own_tense(head)
            if infinitive and tense == "present" and (head.lemma_ in FUTURE_LEMMAS or head.lemma_ == "be"):
                tense = "future"  # "plans to vote", "expect Clinton to win", "is to vote"
    return tense or _tense_by_window(tok)


def _own_tense(w: Token) -> str | None:
    """The tense marked on w itself or on its auxiliaries."""
    auxes = [c for c in w.children if c.dep_ in ("aux", "auxpass")]
    if w.lower_ in FUTURE_AUX or any(c.lower_ in FUTURE_AUX for c in auxes):
        return "future"
    present = w.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") for c in auxes)
    if present and (w.lemma_ in FUTURE_LEMMAS and w.lemma_ != "go" or w.lemma_ == "go" and w.tag_ == "VBG"):
        return "future"  # "is scheduled for", "plans a vote", "is going to"
    if w.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes):
        return "past"
    if w.tag_ == "VBN" and any(c.lemma_ == "have" for c in auxes):
        return "past"
    return "present" if present else None


def _tense_by_window(tok: Token) -> str | None:
    """A "will" earlier in the sentence with no past-tense verb between: the future (headlines)."""
    try:
        sent = tok.sent
    except ValueError:  # a Doc with no sentence boundaries
        return None
    for t in reversed(sent[: tok.i - sent.start]):
        if t.tag_ == "VBD":
            return "past"
        if t.lower_ in FUTURE_AUX:
            return "future"
    return None
