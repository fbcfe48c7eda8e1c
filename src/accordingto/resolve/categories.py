"""Noun categories: which kind of source a head word stands for (person, group, document, …).

:func:`category_of` looks through "one of …" and "46 percent of …", then asks
our word classes (:func:`nominal_category`), a person-like ending, and last
WordNet's class of the noun (:func:`noun_classes`, read once on import);
:func:`pronoun_info` classes a pronoun that can be a source.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from . import lexicon as lx

NOMINAL_WORDS = (
    lx.DOCUMENT_NOUNS | lx.ARTEFACT_NOUNS | lx.ANONYMOUS_NOUNS | lx.ORG_NOUNS | lx.PERSON_ROLE_NOUNS
) | {w + "s" for w in lx.GROUP_NOUNS} | {"people", "police"} | lx.GROUP_NOUNS


def is_plural(token: Token) -> bool:
    if token.tag_ in ("NNS", "NNPS"):
        return True
    return token.lower_ in ("people", "police", "crowd", "staff", "media", "public")


def category_of(tok: Token, guess: bool = True) -> tuple[str, bool]:
    """(category, plural) of a source's head word, looking through "one of …", "46 percent of …".

    With ``guess`` a noun that ends like a noun for people ("questioner",
    "environmentalists") counts as one.
    """
    low = tok.lower_
    lemma = (tok.lemma_ or tok.text).lower()
    if low in lx.CONTAINER_WORDS or lemma in lx.CONTAINER_WORDS:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs:
                    cat, plural = category_of(objs[0], guess)
                    if cat:
                        return cat, plural
    if low in lx.QUANTITY_WORDS or lemma in lx.QUANTITY_WORDS or tok.like_num:
        for child in tok.children:
            # "several in the crowd", "some among the delegates": people of that group
            if child.dep_ == "prep" and child.lower_ in lx.PARTITIVE_PREPS and child.lower_ != "of":
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs and category_of(objs[0], guess)[0] in ("group", "person", "anonymous"):
                    return ("anonymous", False) if low in ("one", "another") else ("group", True)
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs:
                    cat, plural = category_of(objs[0], guess)
                    single = low in ("one", "each", "another") or lemma == "one"
                    if cat == "group" and single:
                        return "anonymous", False
                    return cat, plural and not single
        if lemma in ("percent", "majority", "minority", "plurality", "number", "dozens", "hundreds",
                     "thousands", "millions", "share", "handful", "chorus") or tok.like_num:
            return "group", True
    if tok.pos_ in ("PRON", "DET", "NUM", "ADJ") or low in lx.PEOPLE_PRONOUNS:
        if low in lx.PEOPLE_PRONOUNS:
            cat = lx.PEOPLE_PRONOUNS[low]
            return cat, cat == "group"
    plural = is_plural(tok)
    cat = nominal_category(lemma, low, plural)
    if not cat and guess and tok.pos_ in ("NOUN", "PROPN"):
        cat = _person_by_ending(lemma, low, plural)
    if not cat and guess and tok.pos_ == "NOUN":
        cat = lexname_category(lemma, low, plural)
    return cat, plural


# WordNet's class of a noun's most frequent sense → the kind of source it heads.
_LEXNAME_CATEGORY = {"communication": "document", "cognition": "document", "artifact": "artefact"}


@lru_cache(maxsize=1)
def noun_classes() -> dict[str, str]:
    """noun → WordNet lexname class (person, group, communication, artifact, cognition), from the
    table that scripts/build_noun_classes.py makes from WordNet 3.0 (accordingto/data/noun_classes.tsv)."""
    path = Path(__file__).resolve().parents[1] / "data" / "noun_classes.tsv"
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, cls = line.split("\t")
            out[word] = cls
    return out


def lexname_category(lemma: str, word: str, plural: bool) -> str:
    """The kind of source a common noun our word classes do not know heads, by its WordNet class:
    "the zoning code" → document, "the electorate" → group, "a petitioner" → person."""
    cls = noun_classes().get(lemma) or noun_classes().get(word)
    if cls == "person":
        return "group" if plural else "person"
    if cls == "group":
        return "group"
    return _LEXNAME_CATEGORY.get(cls or "", "")


def _person_by_ending(lemma: str, word: str, plural: bool) -> str:
    if lemma in lx.NOT_PERSON or word in lx.NOT_PERSON or lemma.endswith(("ment", "ness", "ship", "tion")):
        return ""
    if lemma.endswith(lx.PERSON_SUFFIXES) or word in ("latinos", "latinas", "millennials"):
        return "group" if plural else "person"
    return ""


def nominal_category(lemma: str, word: str, plural: bool) -> str:
    """Which kind of nominal a head noun makes, or "" when none of ours."""
    if lemma in lx.ARTEFACT_NOUNS or word in lx.ARTEFACT_NOUNS:
        return "artefact"
    if lemma in lx.DOCUMENT_NOUNS or word in lx.DOCUMENT_NOUNS:
        return "document"
    if lemma in lx.OUTLET_NOUNS:
        return "outlet"
    if lemma == "police" or word == "media" or (lemma in lx.ORG_NOUNS and lemma not in ("house", "show", "local")):
        return "organisation"
    if lemma in lx.ANONYMOUS_NOUNS:
        return "anonymous"
    if plural and (lemma in lx.GROUP_NOUNS or word in ("people", "men", "women", "officials")):
        return "group"
    if lemma in lx.PERSON_ROLE_NOUNS:
        return "group" if plural and word != lemma else "person"  # "fellow physicians"
    if lemma in lx.GROUP_NOUNS:
        return "group" if plural else "person"
    return ""


def pronoun_info(token: Token) -> tuple[str, str | None, bool] | None:
    """(class, gender, plural) for a pronoun that can be a source; None for other words.

    class is "personal" (he/she/they/it), "first" (I/we), "second" (you) or "relative" (who).
    """
    low = token.lower_
    if low in lx.PRONOUNS:
        gender, plural = lx.PRONOUNS[low]
        return "personal", gender, plural
    if low in lx.FIRST_PERSON:
        return "first", None, low in ("we", "us", "our", "ourselves")
    if low in lx.SECOND_PERSON:
        return "second", None, False
    if low in lx.RELATIVE_PRONOUNS and token.tag_ in ("WP", "WDT", "WP$"):
        return "relative", None, False
    return None


noun_classes()  # read once on import, not inside the first article's resolution
