"""Role words read off spaCy's tokens: whether a word is a role, its modifiers, offices, parties.

:func:`is_role_word` ("lawyer", "Mayor", "Sen."), :func:`left_modifiers` (the
words before a name or role noun that modify it), :func:`office_of` ("state" of
"secretary of state"), :func:`appositive_role`, :func:`name_phrase` (a name as
the text writes it) and :func:`party_after` ("(D-Calif.)"). The
:class:`~accordingto.resolve.roles.Describer` builds roles and affiliations from them.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from . import lexicon as lx
from .categories import category_of
from .mentions import Cand

# Titles that are forms of address, not roles ("Mr. Smith").
HONORIFICS = frozenset("mr mrs ms miss mx messrs mme mlle".split())
# Nouns for people that are no role ("a man", "one person").
_NOT_ROLES = frozenset(
    "man woman men women person people individual someone somebody guy boy girl gentleman source sources family".split()
)
# Words among the titles that only modify one: "Republican Donald Trump", "former Sen. X".
_MODIFIER_TITLES = frozenset(
    "democratic democrat republican gop independent libertarian green former retired then acting interim "
    "incumbent vice lt".split()
)
# "secretary of state", "minister of defence": a title, not an organisation named after "of".
_DEPARTMENTS = frozenset(
    """
    state defense defence labor labour energy commerce justice treasury education agriculture
    transportation interior health housing finance war trade veterans homeland
    """.split()
)
# Words that may join a role to the name before it ("Portland Mayor", "former President").
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "flat", "hyph", "npadvmod"})
# "Rep. Jane Doe (D-Calif.)": the party in brackets after a name.
_PARTY_AFTER = re.compile(r"\s*\(\s*([DR])\s*[-–]\s*[A-Z][A-Za-z. ]{0,20}\)")
_PARTIES = {"D": "Democratic Party", "R": "Republican Party"}


def bare(t: Token) -> str:
    """A word lowercase, without its full stops ("Sen." → "sen")."""
    return t.lower_.replace(".", "")


def is_role_word(t: Token) -> bool:
    """A word for a title or role: "lawyer", "Mayor", "Sen.", "director", "spokesman"."""
    low, lemma = bare(t), t.lemma_.lower()
    if low in _NOT_ROLES or lemma in _NOT_ROLES or low in HONORIFICS or low in _MODIFIER_TITLES:
        return False
    if low in lx.TITLES or low in lx.PERSON_ROLE_NOUNS or lemma in lx.PERSON_ROLE_NOUNS or low in lx.TITLE_ROLE:
        return True
    return t.pos_ == "NOUN" and category_of(t)[0] == "person"


def left_modifiers(doc, first: int, group: set[int]) -> list[Token]:
    """The words just before ``first`` that modify it or each other: "Library director" of
    "Library director Marcus Oyelaran", "finance director" of "the town's finance director"."""
    out: list[Token] = []
    i = first - 1
    while i >= 0:
        t = doc[i]
        hyphen = t.text == "-" and not t.whitespace_  # "AFL-CIO President", "co-founder"
        if "\n" in t.text_with_ws or t.head.i not in group or not (hyphen or t.dep_ in _MODIFIER_DEPS):
            break
        if t.pos_ not in ("NOUN", "PROPN", "ADJ") and not hyphen:
            break
        group.add(i)
        out.insert(0, t)
        i -= 1
    return out


def office_of(noun: Token) -> Token | None:
    """The department of a title that names one: "state" of "secretary of state"."""
    if noun.lemma_.lower() not in ("secretary", "minister", "department"):
        return None
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objs = [o for o in prep.children if o.dep_ == "pobj"]
            if len(objs) == 1 and objs[0].lower_ in _DEPARTMENTS and not list(objs[0].children):
                return objs[0]
    return None


def appositive_role(root: Token) -> Token | None:
    """The role noun in apposition to a name: "Riddell, a lawyer", "the library director, Oyelaran"."""
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and is_role_word(child):
            return child
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and is_role_word(root.head):
        return root.head
    return None


def name_phrase(text: str, t: Token) -> str:
    """A name as the text writes it: the word with the compounds before it, no "the"."""
    words = [w for w in t.subtree if w.i <= t.i and w.dep_ in ("compound", "flat", "nmod", "amod") or w.i == t.i]
    start = min(w.idx for w in words)
    out = text[start : t.idx + len(t.text)]
    return re.sub(r"^(?:the|The)\s+", "", re.sub(r"\s+", " ", out))


def party_after(text: str, m: Cand) -> str | None:
    """ "Rep. Jane Doe (D-Calif.)" → Democratic Party."""
    hit = _PARTY_AFTER.match(text, m.end)
    return _PARTIES[hit.group(1)] if hit else None
