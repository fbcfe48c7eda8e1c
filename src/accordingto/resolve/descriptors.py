"""The words that describe a mention: role nouns given a named entity, describing words of a name or phrase.

:func:`roles_of` ("lawyer Sean J. Riddell" → lawyer), :func:`descr_of`
("GOP presidential nominee Donald Trump" → gop, presidential, nominee) and
:func:`phrase_descr` (the same for a noun phrase), normalised by :func:`norm_descr`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from . import lexicon as lx

def roles_of(ent: Span) -> set[str]:
    """Role nouns given an entity: "lawyer Sean J. Riddell", "Riddell, a lawyer", "Mayor Ted Wheeler"."""
    roles: set[str] = set()
    root = ent.root
    doc = ent.doc
    # titles inside the entity and the words just before it
    for t in list(ent)[:3]:
        low = t.lower_.rstrip(".")
        if low in lx.TITLES or low in lx.PERSON_ROLE_NOUNS:
            roles.add(lx.TITLE_ROLE.get(low, low))
    i = ent.start - 1
    while i >= 0 and i >= ent.start - 4:
        t = doc[i]
        if t.head.i != root.i and t.head.i not in range(ent.start, ent.end) and t.dep_ not in ("compound", "amod"):
            break
        # only the words on the name itself: "member" of "council member X", not "council"
        if t.pos_ in ("NOUN", "PROPN") and (t.head.i == root.i or t.head.i in range(ent.start, ent.end)):
            low = t.lower_.rstrip(".")
            roles.add(lx.TITLE_ROLE.get(low, t.lemma_.lower()))
        elif t.pos_ not in ("ADJ", "PUNCT"):
            break
        i -= 1
    # apposition both ways: "Riddell, a lawyer for …" / "the union's lawyer, Sean Riddell"
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            roles.add(child.lemma_.lower())
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        roles.add(root.head.lemma_.lower())
    # the head noun of an organisation's own name ("… Council", "… Agency")
    if ent.label_ in ("ORG", "FAC") and root.lower_ in lx.ORG_NOUNS:
        roles.add(root.lower_)
    return roles


_DESCR_POS = frozenset({"ADJ", "NOUN", "PROPN"})


def norm_descr(word: str) -> str:
    low = word.lower().rstrip(".")
    return lx.DESCR_SYNONYMS.get(low, low)


def descr_of(ent: Span) -> set[str]:
    """Words describing a named entity where it is introduced: "GOP presidential nominee Donald Trump",
    "Sean Riddell, a lawyer for the union"."""
    doc = ent.doc
    root = ent.root
    out: set[str] = set()
    i = ent.start - 1
    while i >= 0 and i >= ent.start - 5:
        t = doc[i]
        if t.pos_ not in _DESCR_POS and t.pos_ != "PUNCT" or "\n" in t.text:
            break
        if t.pos_ in _DESCR_POS:
            out.add(norm_descr(t.text))
        i -= 1
    for t in ent:
        if t.lower_.rstrip(".") in lx.TITLES:
            out.add(norm_descr(t.text))
    for child in root.children:
        if child.dep_ == "appos":
            out |= {norm_descr(t.text) for t in child.subtree if t.pos_ in _DESCR_POS and t.i - child.i < 8}
    return out


def phrase_descr(tokens: list[Token], head: Token) -> set[str]:
    """The describing words of a noun phrase, besides its head: "the Republican presidential nominee"."""
    return {norm_descr(t.text) for t in tokens if t.i != head.i and t.pos_ in _DESCR_POS}
