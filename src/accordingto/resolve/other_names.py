"""The other names a speaker goes by in the article: short forms, abbreviations, other full forms.

:func:`aliases_of` lists them in order of appearance, never a pronoun, a
nominal or the canonical name again; :func:`name_form` is a mention written as
a name and :func:`alias_key` how two forms are compared.
"""

from __future__ import annotations

import re

from ..names import person_name
from .registry import Entity

_NAME_KINDS = frozenset({"name", "last_name", "abbreviation", "other"})


def aliases_of(e: Entity, canonical: str) -> list[str]:
    """The other names an entity goes by, in order of appearance: short forms, abbreviations,
    other full forms; never pronouns, nominals or the canonical name again."""
    person = e.type == "person"
    keep_the = canonical.startswith("The ")  # "The Post" of "The Washington Post"
    seen = {alias_key(canonical)}
    out = []
    for m in e.mentions:
        if m.kind != "name" or m.mention_kind not in _NAME_KINDS:
            continue
        if person and m.mention_kind == "abbreviation":  # a person has no acronym here ("U.N." is not Kim's)
            continue
        if person and m.in_quote and m.mention_kind == "name":  # "Crooked Hillary Clinton": a quote's
            continue
        form = name_form(m.text, person, keep_the)
        key = alias_key(form)
        if form and key and key not in seen:
            seen.add(key)
            out.append(form)
    return out


def name_form(text: str, person: bool, keep_the: bool = False) -> str:
    """A mention as a name: one line, no possessive, no leading "the" (unless ``keep_the`` and it is
    capitalised), a person's titles dropped."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"(?:'s|’s|'|’)$", "", text)
    text = re.sub(r"^the\s+" if keep_the else r"^(?:the|The)\s+", "", text)
    if person:
        text = person_name(text)
    return text


def alias_key(name: str) -> str:
    key = re.sub(r"(?:'s|’s)$", "", name.lower().replace(".", ""))
    key = re.sub(r"^the\s+", "", key)
    return " ".join(key.split())
