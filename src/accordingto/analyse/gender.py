"""Gender of person voices, from the article's own words about them; failing that, their first name.

What this is: how the article refers to a person ("she said", "Ms. Lopez",
"the congresswoman") and, only where the article says nothing, a statistic
about a first name. It is never a person's identity. Every ``person``
speaker gets ``gender`` (``woman``, ``man`` or ``unknown``) and
``gender_evidence`` (its kind and the spans of the article it rests on);
speakers of other types get neither.

The decision, in order (:func:`assign_genders`):

1. **Override** (``kind="override"``): a newsroom's own list (name → gender,
   :func:`read_overrides`), for sources whose self-described gender it
   knows. Matched on the canonical name (titles, case and punctuation
   aside, :func:`override_key`). Nothing else is consulted.
2. **Text** (``kind="text"``): words of the article about this person and no
   one else:

   - *honorifics* right before or inside one of the speaker's name mentions:
     Mr., Mrs., Ms., Miss, Sir, Dame, Lord, Lady, Madam ("Mx." says nothing);
   - *gendered role nouns* that belong to one of the speaker's own mentions:
     the head of a nominal mention the resolver linked to the speaker ("the
     spokeswoman"), a compound modifier right before the name
     ("Congresswoman Maxine Waters", "spokesman Brian Fallon") or a noun in
     apposition to it ("Hope Hicks, a spokeswoman for …", "a spokesman,
     Brian Fallon,"). Gendered words elsewhere in the sentence ("Trump
     spokeswoman Hope Hicks" says nothing of Trump; "Clinton's husband"
     nothing of Clinton) are not evidence;
   - *pronouns* the resolver linked to the speaker: the speaker's mentions of
     kind ``pronoun`` (he/him/his/himself, she/her/hers/herself); and the
     other he/his/she/her of the narration where the person is the only one
     the text can mean (:func:`other_pronouns`).

   Honorifics and role nouns are *explicit*: if they disagree with each other
   the gender is ``unknown`` (a conflict); if they agree they decide, and
   pronouns that disagree with them are left out (pronoun links are the
   resolver's heuristics; words in the person's own mention are not).
   With no explicit word, the pronouns decide when at least
   :data:`PRONOUN_MAJORITY` (three quarters) of them agree; otherwise the
   gender is ``unknown`` (a conflict, noted). A conflict is still text
   evidence: the first name is not asked to break it.
3. **First name** (``kind="first name"``), only when the text says nothing:
   the first name of the canonical name (:mod:`nameparser`; a name of one
   word, an initial or no first name gives none) looked up in
   ``nomquamgender``'s name–gender data (:class:`NameData`). A name is
   gendered only when it is unambiguous: uncertainty ``0.5 - |0.5 - p(gf)|``
   at most :data:`MAX_UNCERTAINTY` (0.05: p(gf) ≤ 0.05 or ≥ 0.95; stricter
   than nomquamgender's default of 0.1, under which one bearer in ten may be
   of the other gender: no way to a label that is right 97 times in 100) and
   at least :data:`MIN_COUNTS` (10) observations behind it (nomquamgender's
   "high coverage"). Otherwise ``unknown``.
4. Nothing: ``kind="none"``, ``unknown``.
"""

from __future__ import annotations

import csv
import io
import mmap
import re
import threading
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, ModelError
from ..schema import GenderEvidence, GenderSpan, Speaker

__all__ = [
    "assign_genders",
    "gender_of",
    "read_overrides",
    "parse_overrides",
    "override_key",
    "first_name",
    "NameData",
    "GenderOverridesError",
]

GENDERS = ("woman", "man", "unknown")
PRONOUN_MAJORITY = 0.75
MAX_UNCERTAINTY = 0.05
MIN_COUNTS = 10

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


class GenderOverridesError(InputError):
    """A gender overrides file that cannot be used (missing, unreadable, a bad row)."""


# --------------------------------------------------------------------------
# Overrides


_TITLE_WORDS = frozenset(
    "mr mrs ms miss mx dr prof sen senator rep representative gov governor president sir dame lord lady".split()
)


def override_key(name: str) -> str:
    """How a name is compared with an override: lowercase words, punctuation and leading titles dropped."""
    s = unicodedata.normalize("NFKC", name).replace("’", "'").lower()
    s = re.sub(r"[^\w\s'-]", " ", s)
    words = s.split()
    while len(words) > 1 and words[0] in _TITLE_WORDS:
        words = words[1:]
    return " ".join(words)


def parse_overrides(text: str, source: str = "overrides") -> dict[str, str]:
    """``name,gender`` rows (an optional ``name,gender`` header) → override key → gender.

    Genders: ``woman``, ``man`` or ``unknown``. Empty lines and lines starting
    with ``#`` are skipped. Raises :class:`GenderOverridesError` (one line,
    with the line number) for a row that is not two fields, an empty name, an
    unknown gender, or a name given two different genders.
    """
    out: dict[str, str] = {}
    shown: dict[str, str] = {}
    rows = csv.reader(io.StringIO(text))
    for n, row in enumerate(rows, 1):
        if not row or all(not c.strip() for c in row) or row[0].lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in row]
        if n == 1 and [c.lower() for c in cells] == ["name", "gender"]:
            continue
        if len(cells) != 2:
            raise GenderOverridesError(f"{source}:{n}: expected 2 fields (name,gender), found {len(cells)}")
        name, gender = cells
        if not name:
            raise GenderOverridesError(f"{source}:{n}: empty name")
        g = gender.lower()
        if g not in GENDERS:
            raise GenderOverridesError(f"{source}:{n}: gender {gender!r} is not one of {', '.join(GENDERS)}")
        key = override_key(name)
        if key in out and out[key] != g:
            raise GenderOverridesError(f"{source}:{n}: {name!r} is already given as {out[key]} ({shown[key]!r})")
        out[key], shown[key] = g, name
    return out


def read_overrides(path: str | Path) -> dict[str, str]:
    """The overrides CSV file at ``path`` (UTF-8), see :func:`parse_overrides`."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as err:
        raise GenderOverridesError(f"cannot read gender overrides {p}: {err.strerror or err}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise GenderOverridesError(f"gender overrides {p} is not UTF-8 text") from None
    if "\x00" in text:
        raise GenderOverridesError(f"gender overrides {p} is not a text file")
    try:
        return parse_overrides(text, str(p))
    except csv.Error as err:
        raise GenderOverridesError(f"gender overrides {p}: {err}") from None


# --------------------------------------------------------------------------
# First names


def load_overrides(value: str | Path | Mapping[str, str] | None) -> dict[str, str] | None:
    """Gender overrides from a CSV path or a mapping name → gender, keyed as :func:`override_key` keys them."""
    if value is None:
        return None
    if isinstance(value, (str, Path)):
        return read_overrides(value)
    out = {}
    for name, gender in value.items():
        g = str(gender).strip().lower()
        if g not in GENDERS:
            raise GenderOverridesError(f"gender override for {name!r}: {gender!r} is not one of {', '.join(GENDERS)}")
        out[override_key(str(name))] = g
    return out


def first_name(name: str) -> str | None:
    """The first name of a person's canonical name, or None (one word, an initial, no first name)."""
    from nameparser import HumanName

    h = HumanName(name)
    first, last = h.first.strip(), h.last.strip()
    if not first or not last:
        return None
    if "." in first or len(first) < 2 or not any(ch.islower() for ch in first):
        return None  # "J.", "J.D.", "JD": initials
    if not first[0].isupper():
        return None
    return first


def _fold(word: str) -> str:
    """Lowercase, diacritics removed (as nomquamgender folds names)."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower().strip()


@dataclass(frozen=True)
class NameStat:
    name: str
    sources: int
    counts: int
    p_woman: float  # nomquamgender's p(gf)

    @property
    def uncertainty(self) -> float:
        return 0.5 - abs(0.5 - self.p_woman)


class NameData:
    """nomquamgender's name–gender data (``name_data.json``), looked up without loading it.

    The file (22 MB, 721,739 names, sorted by name) maps a lowercase name to
    ``[sources, counts, p(gf), …]``. Loading it as JSON takes seconds and
    hundreds of MB per process; instead the file is memory-mapped (shared by
    every process through the page cache) and searched by bisection on its
    sorted keys: a lookup reads a few dozen keys.
    """

    _SEP = b'], "'

    def __init__(self, path: str | Path | None = None):
        if path is None:
            path = data_path()
        self.path = Path(str(path))
        with open(self.path, "rb") as f:
            self._mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        if self._mm[:2] != b'{"':
            raise ValueError(f"{self.path} is not nomquamgender's name data")

    def _entry_at(self, p: int, hi: int) -> int | None:
        """Start (first byte of the key) of the first entry starting at or after ``p`` and before ``hi``."""
        if p <= 2:
            return 2
        i = self._mm.find(self._SEP, p - 4, hi + 4)
        if i < 0 or i + 4 >= hi:
            return None
        return i + 4

    def _key(self, s: int) -> tuple[str, int]:
        end = self._mm.find(b'": [', s)
        raw = self._mm[s:end]
        if b"\\" in raw:
            import json

            return json.loads(b'"' + raw + b'"'), end + 4
        return raw.decode("utf-8", "replace"), end + 4

    def _value(self, v: int) -> tuple[int, int, float]:
        chunk = self._mm[v : v + 64].split(b",")
        sources, counts = int(chunk[0]), int(chunk[1])
        try:
            p = float(chunk[2])
        except ValueError:
            p = float("nan")
        return sources, counts, p

    def lookup(self, name: str) -> NameStat | None:
        """The data on one name (folded to lowercase, no diacritics), or None when it has none."""
        key = _fold(name)
        if not key:
            return None
        lo, hi = 0, len(self._mm)
        while True:
            mid = (lo + hi) // 2
            s = self._entry_at(mid, hi)
            if s is None:
                break
            k, v = self._key(s)
            if k == key:
                return NameStat(key, *self._value(v))
            if k < key:
                lo = v
            else:
                hi = s
        # a stretch with at most one entry start in it: read it in order
        s = self._entry_at(lo, len(self._mm))
        while s is not None and s < hi + 4:
            k, v = self._key(s)
            if k == key:
                return NameStat(key, *self._value(v))
            if k > key:
                return None
            s = self._entry_at(v, len(self._mm))
        return None

    def gender(self, name: str) -> tuple[str, NameStat | None]:
        """``woman`` / ``man`` when the name is unambiguous (see the module's docstring), else ``unknown``."""
        stat = self.lookup(name)
        if stat is None or stat.p_woman != stat.p_woman:  # nan
            return "unknown", stat
        if stat.counts < MIN_COUNTS or stat.uncertainty > MAX_UNCERTAINTY:
            return "unknown", stat
        return ("woman" if stat.p_woman > 0.5 else "man"), stat


def data_path() -> Path:
    """nomquamgender's ``name_data.json``, found without importing the package (its import loads the
    whole file into a dict, and pandas)."""
    from importlib.util import find_spec

    spec = find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        raise ModelError("the nomquamgender package is not installed (pip install nomquamgender)")
    return Path(list(spec.submodule_search_locations)[0]) / "name_data.json"


_names: NameData | None = None
_names_lock = threading.Lock()


def name_data() -> NameData:
    """The one :class:`NameData` of this process."""
    global _names
    with _names_lock:
        if _names is None:
            _names = NameData()
        return _names


# --------------------------------------------------------------------------
# Text evidence


@dataclass
class _Clue:
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


def _clues(speaker: Speaker, text: str, doc) -> list[_Clue]:
    """Every gendered word the article uses of this speaker (pronouns, honorifics, role nouns)."""
    out: list[_Clue] = []
    seen: set[tuple[int, int]] = set()

    def add(start: int, end: int, cue: str, gender: str) -> None:
        if (start, end) in seen:
            return
        seen.add((start, end))
        out.append(_Clue(start, end, text[start:end], cue, gender))

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


VETO_UNCERTAINTY = 0.2


def _name_leans(speaker: Speaker) -> str | None:
    """``woman``/``man`` where the first name leans that way (uncertainty at most
    :data:`VETO_UNCERTAINTY`), else None: what stops a doubtful pronoun of the other gender."""
    first = first_name(speaker.name)
    stat = name_data().lookup(first) if first else None
    if stat is None or stat.p_woman != stat.p_woman or stat.counts < MIN_COUNTS or stat.uncertainty > VETO_UNCERTAINTY:
        return None
    return "woman" if stat.p_woman > 0.5 else "man"


def other_pronouns(speakers: list[Speaker], doc) -> dict[int, list[_Clue]]:
    """he/his/she/her … that no attribution has as its source, given to a person speaker where the
    text leaves no doubt whom they stand for: speaker id → pronoun clues.

    Only subjects ("he", "she") and possessives ("his", "her" before a noun):
    an object ("Sanders attacked her") seldom means the subject before it. Such
    a pronoun outside quotation marks goes to a person when, from the start of
    its sentence up to the pronoun (from the start of the sentence before, for
    a "He"/"She" that opens its sentence) to the end of its sentence, that
    person is named (or, before it, given a he/she of the same gender: "… she
    said. She added …") and no one else is, before or after it ("Challenged
    by Diane Sawyer on her fees, Clinton said"; a sole person named after it
    is taken: "In his speech, Trump said"): no other person speaker, no
    other name spaCy tags as a person, no singular noun for a person ("the
    senator", "a voter") outside that person's own mentions, and no he/she
    pronoun of the other gender; and the pronoun is not inside that person's
    own phrase ("Rahm Emanuel, his chief of staff"). A person whose first name leans the other way
    (:data:`VETO_UNCERTAINTY`) is left without it: a first name cannot make
    a pronoun, but it can stop a doubtful one.
    Pronouns inside quotations are never given: the speaker of the quotation
    is seldom the one they mean.
    """
    from ..resolve.mentions import DocInfo, category_of

    people = [sp for sp in speakers if sp.type == "person"]
    if not people or doc is None or not len(doc):
        return {}
    info = DocInfo(doc)
    taken = {(m.start, m.end) for sp in speakers for m in sp.mentions if m.kind == "pronoun"}
    # every character offset that is part of some speaker's (non-pronoun) mention → speaker id
    owner: dict[int, int] = {}
    mention_starts: list[tuple[int, int, int]] = []  # (start, end, speaker id)
    pronoun_of: dict[tuple[int, int], tuple[int, str]] = {}  # a linked pronoun → (speaker id, gender)
    for sp in speakers:
        for m in sp.mentions:
            if m.kind == "pronoun":
                if sp.type == "person" and m.text.lower() in PRONOUNS:
                    pronoun_of[(m.start, m.end)] = (sp.id, PRONOUNS[m.text.lower()])
                continue
            mention_starts.append((m.start, m.end, sp.id if sp.type == "person" else -1 - sp.id))
            for i in range(m.start, m.end):
                owner.setdefault(i, sp.id if sp.type == "person" else -1 - sp.id)
    sent_start: dict[int, int] = {}
    sent_end: dict[int, int] = {}
    for t in doc:
        sent_start.setdefault(info.sent_of[t.i], t.i)
        sent_end[info.sent_of[t.i]] = t.i
    by_id = {sp.id: sp for sp in people}
    veto = {sp.id: _name_leans(sp) for sp in people}
    out: dict[int, list[_Clue]] = {}
    for t in doc:
        g = PRONOUNS.get(t.lower_)
        if g is None or (t.idx, t.idx + len(t.text)) in taken or info.in_quote(t.idx):
            continue
        possessive = t.tag_ == "PRP$" or t.dep_ == "poss"
        subject = t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("he", "she")
        if not (possessive or subject):
            continue  # "him", "her" as an object: seldom the subject it follows ("Sanders attacked her")
        sent = info.sent_of[t.i]
        first_tok = sent_start[sent]
        opens = all(not doc[k].is_alpha for k in range(first_tok, t.i))
        if subject and opens:
            first_tok = sent_start.get(sent - 1, first_tok)  # "He said …" opening a sentence: the one before
        lo = doc[first_tok].idx
        last_tok = sent_end[sent]
        hi = doc[last_tok].idx + len(doc[last_tok].text)
        found: set = set()
        inside_of: set = set()  # persons whose own phrase holds the pronoun ("Rahm Emanuel, his chief of staff")
        ancestors = {a.i for a in t.ancestors}
        for s, e, who in mention_starts:
            if lo <= s and e <= hi and (e <= t.idx or s > t.idx):
                found.add(who)
                if e <= t.idx and any(w.i in ancestors for w in _span_tokens(doc, s, e)):
                    inside_of.add(who)
        for (s, e), (who, pg) in pronoun_of.items():
            if lo <= s and e <= t.idx and pg == g:
                found.add(who)  # "… she said. She added that … her …": the same person, by the pronoun
        for k in range(first_tok, last_tok + 1):
            w = doc[k]
            if k == t.i or w.idx in owner:
                continue
            if w.ent_type_ == "PERSON":
                found.add(("name", _ent_start(w)))
            elif w.lower_ in PRONOUNS and PRONOUNS[w.lower_] != g and not info.in_quote(w.idx):
                found.add(("pronoun", w.i))
            elif w.pos_ == "NOUN" and w.tag_ == "NN" and category_of(w, guess=False)[0] in ("person", "anonymous"):
                found.add(("noun", w.i))
        if len(found) != 1 or found & inside_of:
            continue
        who = next(iter(found))
        if not isinstance(who, int) or who < 0 or who not in by_id:
            continue
        if veto[who] is not None and veto[who] != g:
            continue
        out.setdefault(who, []).append(_Clue(t.idx, t.idx + len(t.text), t.text, "pronoun", g))
    return out


def _span_tokens(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _ent_start(tok) -> int:
    i = tok.i
    while i > 0 and tok.doc[i].ent_iob_ == "I":
        i -= 1
    return i


def gender_of(
    speaker: Speaker,
    text: str,
    doc=None,
    overrides: Mapping[str, str] | None = None,
    extra: list[_Clue] | None = None,
) -> tuple[str, GenderEvidence]:
    """The gender of one person speaker and its evidence (see the module's docstring for the rule).

    ``extra``: more pronoun clues for this speaker (:func:`other_pronouns`)."""
    if overrides:
        keys = [override_key(speaker.name)]
        g = next((overrides[k] for k in keys if k in overrides), None)
        if g is not None:
            return g, GenderEvidence(kind="override", note="from the gender overrides file")
    clues = _clues(speaker, text, doc)
    if extra:
        have = {(c.start, c.end) for c in clues}
        clues = sorted(clues + [c for c in extra if (c.start, c.end) not in have], key=lambda c: c.start)
    if clues:
        explicit = [c for c in clues if c.cue != "pronoun"]
        pronouns = [c for c in clues if c.cue == "pronoun"]
        if explicit:
            genders = {c.gender for c in explicit}
            if len(genders) > 1:
                return "unknown", GenderEvidence(
                    kind="text", spans=[c.span() for c in explicit], note="honorifics or role nouns disagree"
                )
            g = genders.pop()
            kept = [c for c in clues if c.gender == g]
            left = len(pronouns) - sum(c.gender == g for c in pronouns)
            note = f"{left} pronoun{'s' if left != 1 else ''} of the other gender left out" if left else None
            return g, GenderEvidence(kind="text", spans=[c.span() for c in kept], note=note)
        n = len(pronouns)
        counts = {g: sum(c.gender == g for c in pronouns) for g in ("woman", "man")}
        g = max(counts, key=counts.get)
        if counts[g] >= PRONOUN_MAJORITY * n:
            kept = [c for c in pronouns if c.gender == g]
            note = None if counts[g] == n else f"{n - counts[g]} of {n} pronouns disagree"
            return g, GenderEvidence(kind="text", spans=[c.span() for c in kept], note=note)
        return "unknown", GenderEvidence(
            kind="text",
            spans=[c.span() for c in pronouns],
            note=f"pronouns disagree: {counts['woman']} she/her, {counts['man']} he/him",
        )
    first = first_name(speaker.name)
    if first is None:
        return "unknown", GenderEvidence(kind="none", note="no gendered words and no first name")
    g, stat = name_data().gender(first)
    span = _first_name_span(speaker, text, first)
    if stat is None:
        note = f"first name {first!r} is not in the name data"
    else:
        note = f"first name {first!r}: p(woman) {stat.p_woman:.3f} over {stat.counts:,} people (nomquamgender)"
        if g == "unknown":
            note += ", ambiguous" if stat.counts >= MIN_COUNTS else ", too few"
    if g == "unknown":
        return "unknown", GenderEvidence(kind="none", spans=[span] if span else [], note=note)
    return g, GenderEvidence(kind="first name", spans=[span] if span else [], note=note)


def _first_name_span(speaker: Speaker, text: str, first: str) -> GenderSpan | None:
    for m in speaker.mentions:
        if m.kind in ("name", "other"):
            i = text.find(first, m.start, m.end)
            if i >= 0:
                return GenderSpan(start=i, end=i + len(first), text=first, cue="first name", gender=None)
    i = text.find(first)
    if i >= 0:
        return GenderSpan(start=i, end=i + len(first), text=first, cue="first name", gender=None)
    return None


def assign_genders(
    speakers: Iterable[Speaker], text: str, doc=None, overrides: Mapping[str, str] | None = None
) -> list[Speaker]:
    """The speakers, each ``person`` with ``gender`` and ``gender_evidence`` set (others unchanged)."""
    speakers = list(speakers)
    extra = other_pronouns(speakers, doc)
    out = []
    for sp in speakers:
        if sp.type != "person":
            out.append(sp.model_copy(update={"gender": None, "gender_evidence": None}))
            continue
        g, evidence = gender_of(sp, text, doc, overrides, extra.get(sp.id))
        out.append(sp.model_copy(update={"gender": g, "gender_evidence": evidence}))
    return out
