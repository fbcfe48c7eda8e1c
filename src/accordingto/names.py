"""One name normaliser for resolution, corpus findings and evaluation.

People's names come with titles ("Chairwoman Ines Ortega", "Sen. Ted Cruz",
"Retired Lt. Gen. Michael Flynn"), suffixes ("Donald Trump Jr.", "Vann R.
Newkirk II"), nicknames ('Robert C. "Bobby" Scott', "Rob Ames" for "Robert K.
Ames") and, in headlines, the words NER glues on ("Ines Ortega Warns"). The
lexicons come from maintained packages: ``nameparser`` (titles, suffixes,
particles) and ``nicknames`` (English given names and their nicknames), joined
with the project's own words for roles that precede a name in news text
(:data:`OWN_TITLES`: "spokesman", "chairwoman",
"former", "GOP").

* :func:`is_title`, :func:`is_suffix`: one word (dots and case ignored);
* :func:`core_words`: a name's words without leading "the", titles, possessive
  and suffixes;
* :func:`person_name`: a person's name as the canonical form: its words as
  written, titles and possessive dropped, no punctuation glued on;
* :func:`same_given_name`: "Rob" ~ "Robert", "Bobby" ~ "Robert", "Bill" ~ "William";
* :func:`voice_key`: the lowercase key under which one voice's names meet
  across articles (corpus findings);
* :data:`KEY_TITLES`: the titles a voice key drops, for the SQL form of it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nameparser.config import CONSTANTS as _NP
from nicknames import NickNamer

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_WORD = re.compile(r"[\w][\w.'’&-]*")


def _bare(w: str) -> str:
    return w.lower().replace(".", "").replace("’", "'").strip(",;:")


# Words that may precede a name and are not part of it ("Mayor Ted Wheeler",
# "Sen. Ted Cruz", "Retired Lt. Gen. Michael Flynn"). Compared without dots.
OWN_TITLES = frozenset(
    """
    sens reps govs drs messrs mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend father sister brother
    mayor sen senator rep representative congressman congresswoman gov governor lt ltgov
    president vice vp secretary minister chancellor premier ambassador speaker leader
    gen general col colonel maj major capt captain sgt sergeant cpl corporal adm admiral
    lieutenant commander cmdr chief officer detective sheriff deputy judge justice
    attorney lawyer counsel prosecutor atty
    retired former then acting interim incumbent nominee candidate
    democratic republican gop independent
    prince princess king queen pope rabbi imam bishop cardinal
    chairman chairwoman chairperson chair ceo cfo coo founder director
    spokesman spokeswoman spokesperson councilman councilwoman councilmember alderman alderwoman
    commissioner superintendent treasurer
    """.split()
)

OWN_SUFFIXES = frozenset("jr sr ii iii iv v esq phd md".split())

# Titles: the project's (roles that precede a name in news text, stripped even before a lone last
# name: "Chairwoman Ortega") and nameparser's (stripped only where two or more words of the name
# are left: its list has words that are also given names, "Dean Heller", "King").
PACKAGE_TITLES = frozenset(_bare(t) for t in _NP.titles if t.isascii() and t.replace(".", "").isalpha())
TITLES = OWN_TITLES | PACKAGE_TITLES
# Suffixes: generational ones ("Jr.", "III") whatever their case, degrees and honours ("PhD",
# "M.D.", "CPA") only as written in capitals or with dots, so that no last name ("Ma") is one.
WORD_SUFFIXES = OWN_SUFFIXES | frozenset(
    _bare(s) for s in _NP.suffix_not_acronyms if s.isascii() and s.replace(".", "").isalpha()
) - {"i", "ret", "vet"}
ACRONYM_SUFFIXES = frozenset(_bare(s) for s in _NP.suffix_acronyms if s.isascii() and s.replace(".", "").isalpha())
# Words a voice key drops: forms of address and the commonest titles of office ("Mr. Trump",
# "President Trump", "Sen. Warren").
KEY_TITLES = frozenset("mr mrs ms miss dr sen senator rep gov governor president mayor".split())


def is_title(word: str) -> bool:
    return _bare(word) in TITLES


def is_suffix(word: str) -> bool:
    b = _bare(word)
    if b in WORD_SUFFIXES:
        return True
    letters = word.replace(".", "")
    return b in ACRONYM_SUFFIXES and ("." in word or sum(ch.isupper() for ch in letters) >= 2)


def words(text: str) -> list[str]:
    return _WORD.findall(text.replace("\n", " "))


def core_words(text: str, person: bool = True, package: bool = False) -> list[str]:
    """The name without leading "the", titles, a possessive or suffixes ("Mayor Ted Wheeler" → Ted Wheeler).

    With ``package`` (a name known to be a person's) nameparser's titles count too."""
    ws = [_POSSESSIVE.sub("", w) for w in words(text)]
    ws = [w for w in ws if w]
    while ws and ws[0].lower() == "the":
        ws = ws[1:]
    if person:
        ws = strip_titles(ws, package)
    return ws


def strip_titles(ws: list[str], package: bool = False) -> list[str]:
    """A person's name words without the titles before them and the suffixes after them.

    The project's titles always count; nameparser's (a long list, with words that also start the
    names of organisations, "United", "State") only with ``package``, for a name known to be a
    person's, and where the title is abbreviated or two words of the name are left."""
    ws = list(ws)
    while len(ws) > 1:
        b = _bare(ws[0])
        if b in OWN_TITLES or (package and b in PACKAGE_TITLES and (len(ws) > 2 or ws[0].endswith("."))):
            ws = ws[1:]
        elif "-" in b and b.split("-")[0] in OWN_TITLES and b.split("-", 1)[1] in ("elect", "designate"):
            ws = ws[1:]  # "President-elect"
        else:
            break
    while len(ws) > 1 and is_suffix(ws[-1]):
        ws = ws[:-1]
    return ws


def titles_in(text: str) -> list[str]:
    """The project's titles a name starts with, lowercase without dots ("Sen. Ted Cruz" → ["sen"])."""
    out = []
    for w in words(text):
        b = _bare(w)
        if b == "the":
            continue
        if b in OWN_TITLES:
            out.append(b)
        else:
            break
    return out


_GLUE = re.compile(r"^[^\w\"“'‘]+|[^\w.\"”'’)]+$")


def person_name(text: str) -> str:
    """A person's canonical form of a mention: as written, on one line, without a possessive, the
    titles before it, or punctuation glued to either end ("Chairwoman Ines Ortega," → Ines Ortega)."""
    text = re.sub(r"\s+", " ", text).strip()
    text = _GLUE.sub("", text)
    text = re.sub(r"(?:'s|’s)$", "", text)
    # an owner before the name is not part of it: "Breitbart’s Joel Pollak", "the agency's Dana Lee"
    owner = re.match(r"^.*\S(?:'s|’s)\s+(?=[A-Z])", text)
    if owner and len(text) > owner.end():
        text = text[owner.end():]
    core = core_words(text, package=True)
    if core:
        i = text.find(core[0])
        text = text[i:] if i >= 0 else " ".join(core)
    return text


@lru_cache(maxsize=1)
def _nicknamer() -> NickNamer:
    return NickNamer()


@lru_cache(maxsize=4096)
def same_given_name(a: str, b: str) -> bool:
    """Whether two given names are one person's: equal, or one a nickname of the other
    ("Rob"/"Robert", "Bobby"/"Robert", "Bill"/"William"), by the ``nicknames`` package."""
    a, b = _bare(a), _bare(b)
    if a == b:
        return True
    if len(a) < 2 or len(b) < 2 or not a.isalpha() or not b.isalpha():
        return False
    nn = _nicknamer()
    return b in nn.nicknames_of(a) or a in nn.nicknames_of(b)


@lru_cache(maxsize=4096)
def is_given_name(word: str) -> bool:
    """Whether the ``nicknames`` lexicon knows a word as an English given name or a nickname of one."""
    b = _bare(word)
    if len(b) < 2 or not b.isalpha():
        return False
    nn = _nicknamer()
    return bool(nn.nicknames_of(b) or nn.canonicals_of(b))


def voice_key(name: str) -> str:
    """Lowercase letters and digits, no titles of :data:`KEY_TITLES`, no initials, no "the": the key
    under which "Donald J. Trump", "Donald Trump" and "President Donald Trump" meet."""
    s = re.sub(r"[^a-z0-9]+", " ", name.lower())
    s = re.sub(r"\b(" + "|".join(sorted(KEY_TITLES | {"the"})) + r")\b|\b[a-z]\b", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s or name.lower()


_nicknamer()  # read the lexicon once on import, not inside the first article's resolution
