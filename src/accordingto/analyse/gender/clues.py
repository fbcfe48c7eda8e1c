"""The article's gendered words about one speaker: honorifics, role nouns and linked pronouns.

:func:`clues_of` reads them off the speaker's own mentions (an honorific before
or inside a name, the head of a nominal, a compound or apposition beside the
name, the pronouns the resolver linked); each is a :class:`Clue`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...schema import GenderSpan, Speaker

# he/she and their forms; the resolver's pronoun mentions are matched against these.
PRONOUNS = {
    "he": "man", "him": "man", "his": "man", "himself": "man",
    "she": "woman", "her": "woman", "hers": "woman", "herself": "woman",
}  # fmt: skip
# Honorifics that state a gender ("Mx." states none, "Dr." neither).
HONORIFICS = {
    "mr": "man", "mister": "man", "sir": "man", "lord": "man",
    "mrs": "woman", "ms": "woman", "miss": "woman", "madam": "woman", "madame": "woman",
    "dame": "woman", "lady": "woman", "mme": "woman", "mlle": "woman",
}  # fmt: skip
# Role nouns that say the gender of whoever holds them. Left out on purpose: words used for
# women and men alike in news ("chairman", "alderman", "actor", "host", "priest", "anchor"),
# and words about a relation that the parse may hang on the wrong person ("widow" is kept:
# it is said of the person herself).
ROLE_NOUNS = {
    # women
    "woman": "woman", "lady": "woman", "girl": "woman", "spokeswoman": "woman", "congresswoman": "woman",
    "councilwoman": "woman", "chairwoman": "woman", "businesswoman": "woman", "assemblywoman": "woman",
    "committeewoman": "woman", "policewoman": "woman", "stateswoman": "woman", "newswoman": "woman",
    "anchorwoman": "woman", "sportswoman": "woman", "servicewoman": "woman",
    "actress": "woman", "waitress": "woman", "hostess": "woman", "heiress": "woman", "duchess": "woman",
    "countess": "woman", "empress": "woman", "princess": "woman", "queen": "woman", "baroness": "woman",
    "mother": "woman", "mom": "woman", "daughter": "woman", "sister": "woman", "wife": "woman",
    "widow": "woman", "grandmother": "woman", "grandma": "woman", "aunt": "woman", "niece": "woman",
    "girlfriend": "woman", "matriarch": "woman", "nun": "woman", "granddaughter": "woman",
    "stepmother": "woman", "fiancee": "woman", "fiancée": "woman",
    # men
    "man": "man", "gentleman": "man", "boy": "man", "spokesman": "man", "congressman": "man",
    "councilman": "man", "businessman": "man", "assemblyman": "man", "committeeman": "man",
    "policeman": "man", "statesman": "man", "newsman": "man", "anchorman": "man", "sportsman": "man",
    "serviceman": "man", "king": "man", "prince": "man", "duke": "man", "emperor": "man", "baron": "man",
    "father": "man", "dad": "man", "son": "man", "brother": "man", "husband": "man", "widower": "man",
    "grandfather": "man", "grandpa": "man", "uncle": "man", "nephew": "man", "boyfriend": "man",
    "patriarch": "man", "monk": "man", "grandson": "man", "stepfather": "man", "fiance": "man",
    "fiancé": "man",
}  # fmt: skip

_HONORIFIC_ALT = "|".join(sorted(HONORIFICS, key=len, reverse=True))
# capitalised only (checked where used): "did not miss Trump" is no honorific
_HONORIFIC_BEFORE = re.compile(r"\b(" + _HONORIFIC_ALT + r")\.?\s+$", re.I)
_HONORIFIC_INSIDE = re.compile(r"(" + _HONORIFIC_ALT + r")\.?\s+(?=\S)", re.I)


@dataclass
class Clue:
    start: int
    end: int
    text: str
    cue: str  # pronoun, honorific, role noun
    gender: str

    def span(self) -> GenderSpan:
        return GenderSpan(start=self.start, end=self.end, text=self.text, cue=self.cue, gender=self.gender)


def _tokens(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _head(tokens):
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return tokens[-1] if tokens else None


def _role_noun(tok) -> str | None:
    """The gender a singular role noun states ("spokeswoman"); "the two men" is about several people."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ in ("NNS", "NNPS"):
        return None
    return ROLE_NOUNS.get(tok.lower_) or ROLE_NOUNS.get(tok.lemma_.lower())


def clues_of(speaker: Speaker, text: str, doc) -> list[Clue]:
    """Every gendered word the article uses of this speaker (pronouns, honorifics, role nouns)."""
    out: list[Clue] = []
    seen: set[tuple[int, int]] = set()

    def add(start: int, end: int, cue: str, gender: str) -> None:
        if (start, end) in seen:
            return
        seen.add((start, end))
        out.append(Clue(start, end, text[start:end], cue, gender))

    for m in speaker.mentions:
        low = m.text.lower().strip()
        if m.kind == "pronoun":
            if low in PRONOUNS:
                add(m.start, m.end, "pronoun", PRONOUNS[low])
            continue
        if m.kind in ("name", "last_name", "other", "abbreviation"):
            for hit in (
                _HONORIFIC_BEFORE.search(text, max(0, m.start - 12), m.start),
                _HONORIFIC_INSIDE.match(text, m.start, m.end),
            ):
                if hit and hit.group(1)[:1].isupper():
                    end = hit.end(1) + (text[hit.end(1) : hit.end(1) + 1] == ".")
                    add(hit.start(1), end, "honorific", HONORIFICS[hit.group(1).lower()])
        if doc is None:
            continue
        tokens = _tokens(doc, m.start, m.end)
        head = _head(tokens)
        if head is None:
            continue
        if m.kind == "nominal":
            g = _role_noun(head)
            if g:
                add(head.idx, head.idx + len(head.text), "role noun", g)
            continue
        ids = {t.i for t in tokens}
        first = min(ids)
        for t in tokens:
            for child in t.children:
                # "Congresswoman Maxine Waters", "spokesman Brian Fallon": a compound right before the name
                if child.dep_ == "compound" and child.i < t.i and (child.i in ids or _adjacent_before(doc, child, first)):
                    g = _role_noun(child)
                    if g:
                        add(child.idx, child.idx + len(child.text), "role noun", g)
        # "Hope Hicks, a spokeswoman for …": a noun in apposition to the name
        for child in head.children:
            if child.dep_ == "appos" and child.i > head.i:
                g = _role_noun(child)
                if g:
                    add(child.idx, child.idx + len(child.text), "role noun", g)
        # "a spokesman, Brian Fallon,": the name in apposition to the noun
        if head.dep_ == "appos" and head.head.i < first:
            g = _role_noun(head.head)
            if g:
                add(head.head.idx, head.head.idx + len(head.head.text), "role noun", g)
    out.sort(key=lambda c: c.start)
    return out


def _adjacent_before(doc, tok, first: int) -> bool:
    """Whether ``tok`` comes right before token ``first``, with only name words or titles between."""
    for i in range(tok.i + 1, first):
        t = doc[i]
        if t.is_punct and t.text != ".":
            return False
        if not (t.pos_ == "PROPN" or t.text[:1].isupper() or t.text == "."):
            return False
    return tok.i < first
