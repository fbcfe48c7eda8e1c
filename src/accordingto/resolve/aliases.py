"""Name matching: which named mentions are the same real speaker.

"Riddell" → "Sean J. Riddell" (last name), "Mayor Ted Wheeler" = "Wheeler"
(titles stripped), "TheDC" → "The Daily Caller" and "ICE" ↔ "Immigration and
Customs Enforcement" (abbreviations, glued or not, and the "Name (ABBR)"
apposition). :func:`cluster` groups named :class:`~.mentions.Cand` s.
"""

from __future__ import annotations

import re

from . import lexicon as lx
from .mentions import Cand, DocInfo

from ..names import core_words, same_given_name, titles_in, words  # noqa: F401  (one normaliser)

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def cand_core(c: Cand) -> tuple[str, ...]:
    """Core words of a candidate, titles stripped only where it may be a person (cached on it)."""
    if c.core is None:
        c.core = tuple(core_words(c.text, person=c.label in ("PERSON", ""), package=c.label == "PERSON"))
    return c.core


def wordset(c: Cand) -> frozenset[str]:
    """The words of a mention, lowercase: two names that share none cannot match (save an acronym)."""
    if c.words is None:
        c.words = frozenset(_bare(w) for w in words(c.text))
    return c.words


def cand_key(c: Cand) -> tuple[str, ...]:
    return tuple(_bare(w) for w in cand_core(c))


def _bare(w: str) -> str:
    return w.lower().replace(".", "").replace("’", "'").rstrip(",")


def is_acronym(text: str) -> bool:
    """One word with at least two capitals: "ICE", "I.C.E.", "TheDC", "WaPo"."""
    t = text.strip()
    if " " in t or not t:
        return False
    letters = t.replace(".", "").replace("&", "")
    return len(letters) >= 2 and sum(ch.isupper() for ch in letters) >= 2 and letters[0].isupper()


def abbreviates(abbr: str, full: str) -> bool:
    """Whether ``abbr`` is an abbreviation of ``full``.

    Every word of ``full`` is taken whole, by a prefix (at least its initial,
    starting a capital in ``abbr``) or, for function words, skipped: "TheDC" =
    The+D+C of "The Daily Caller", "ICE" = I+(and)+C+E of "Immigration and
    Customs Enforcement", "WaPo" = Wa+Po of "Washington Post".
    """
    dotted = bool(re.fullmatch(r"(?:[A-Za-z]\.){2,}", abbr.replace("’s", "").replace("'s", "")))
    a = abbr.replace(".", "").replace("’s", "").replace("'s", "")
    ws = [w for w in re.split(r"[\s\-]+", full.strip()) if w]
    ws = [_POSSESSIVE.sub("", w).replace(".", "") for w in ws]
    ws = [w for w in ws if w]
    if len(ws) < 2 or not a or a.lower() == full.lower().replace(" ", ""):
        return False
    content = [w for w in ws if w.lower() not in lx.FUNCTION_WORDS]
    if len(content) < 2:
        return False

    memo: dict[tuple[int, int], bool] = {}

    def go(i: int, j: int) -> bool:
        key = (i, j)
        if key in memo:
            return memo[key]
        if j == len(ws):
            res = i == len(a)
        else:
            w = ws[j]
            res = False
            if w.lower() in lx.FUNCTION_WORDS or (j == len(ws) - 1 and w.lower() in lx.ORG_GENERIC_SUFFIXES):
                res = go(i, j + 1)
            if not res and i < len(a) and a[i].isupper() and a[i].lower() == w[0].lower():
                for k in range(1 if dotted else len(w), 0, -1):  # "S.E.C.": one letter a word
                    if a[i : i + k].lower() == w[:k].lower() and go(i + k, j + 1):
                        res = True
                        break
            elif not res and i < len(a) and w[0].isdigit() and a[i] == w[0]:
                res = go(i + 1, j + 1)
        memo[key] = res
        return res

    return go(0, 0)


def match_kind(short: Cand, long: Cand) -> str | None:
    """How ``short`` names the same speaker as ``long`` ("name", "last_name", "abbreviation", "other"), or None."""
    person_long = long.label in ("PERSON", "")
    s = core_words(short.text, person=short.label in ("PERSON", "") or person_long)
    lw = core_words(long.text, person=person_long)
    if not s or not lw:
        return None
    sl = [_bare(w) for w in s]
    ll = [_bare(w) for w in lw]
    if sl == ll:
        return "name"
    if short.gender and long.gender and short.gender != long.gender:
        return None
    if short.label in ("ORG", "") and long.label in ("ORG", "") and ll[-1] in lx.ORG_GENERIC_SUFFIXES and sl == ll[:-1]:
        return "name"
    if len(s) == 1 and is_acronym(s[0]) and len(lw) > 1:
        full_words = core_words(long.text, person=False)
        while len(full_words) > 2 and full_words[0][:1].islower():
            full_words = full_words[1:]  # "the federal Securities and Exchange Commission"
        full = " ".join(full_words)
        if abbreviates(s[0], full) or abbreviates(s[0], "The " + full):
            return "abbreviation"
    if long.label not in ("PERSON", "") and short.label not in ("PERSON",) and len(sl) >= 2 and len(ll) > len(sl):
        # "the Security Council" of "the United Nations Security Council", "U.N. Security Council" too
        if ll[-len(sl) :] == sl:
            return "name"
        tail = sl[1:]
        if ll[-len(tail) :] == tail and is_acronym(s[0]) and abbreviates(s[0], " ".join(lw[: len(lw) - len(tail)])):
            return "name"
    if long.label == "PERSON" and "." in short.text.strip(".") and is_acronym(s[-1]):
        return None  # "U.N." is no one's last name ("Kim Jong Un")
    if long.label == "PERSON":  # NER often labels a lone last name ORG, GPE or LOC
        if len(ll) > len(sl) and sl[-1] == ll[-1] and _subsequence(sl, ll):
            return "last_name" if len(sl) == 1 else "name"
        if len(sl) == 1 and len(ll) > 1 and sl[0] == ll[0] and short.label in ("PERSON", ""):
            return "other"  # first name only
        if len(sl) == 1 and len(ll) >= 3 and sl[0] == ll[-2] and len(lw[-2]) > 2 and lw[-2][:1].isupper() and "." not in lw[-2]:
            return "last_name"  # the first of two surnames: "Ms. Acosta" of "Melba Acosta Febo"
    if long.label == "ORG" and short.label in ("ORG", "") and len(sl) == 1 and len(ll) > 1 and sl[-1] == ll[-1]:
        # "The Post" for "The Washington Post": only for outlets (checked by the caller's type)
        return "outlet_short"
    return None


def generic_short(key: tuple[str, ...]) -> bool:
    """ "Council" for "Harbor Town Council": an organisation called by its kind alone."""
    return len(key) == 1 and key[0] in lx.SHORT_ORG_NOUNS


def _subsequence(short: list[str], long: list[str]) -> bool:
    """Each word of ``short`` in order in ``long``, as written, as an initial, or (the first word, a
    given name) as a nickname of it: "Rob Ames" in "Robert K. Ames"."""
    it = iter(long)
    return all(any(_initial_ok(s, w, k == 0) for w in it) for k, s in enumerate(short))


def _initial_ok(s: str, w: str, given: bool = False) -> bool:
    if s == w or (len(s) == 1 and w.startswith(s)) or (len(w) == 1 and s.startswith(w)):
        return True
    return given and same_given_name(s, w)


def paren_aliases(info: DocInfo, cands: list[Cand]) -> list[tuple[Cand, int, int]]:
    """The "Immigration and Customs Enforcement (ICE)" pattern: (full-name cand, abbr start, abbr end)."""
    out = []
    text = info.text
    by_end = {c.end: c for c in cands if len(words(c.text)) > 1}
    for m in re.finditer(r"\(([A-Z][A-Za-z.&]{1,12})\)", text):
        abbr = m.group(1)
        j = m.start()
        while j > 0 and text[j - 1] == " ":
            j -= 1
        full = by_end.get(j)
        if full is None or not is_acronym(abbr):
            continue
        out.append((full, m.start(1), m.end(1)))
    return out


def cluster(cands: list[Cand]) -> list[list[tuple[Cand, str]]]:
    """Group named mentions by speaker; each member comes with its mention kind.

    Fullest names first make clusters; shorter ones join the cluster they match,
    the nearest one before them (else after) when several do.
    """
    # fullest names first; among equally long ones those with a gender ("Mr. Obama"), so that a
    # bare "Obama" finds the man's cluster apart from "Michelle Obama"
    order = sorted(cands, key=lambda c: (-len(cand_core(c)), c.gender is None, c.start))
    clusters: list[list[tuple[Cand, str]]] = []
    forms: list[dict[tuple[str, ...], Cand]] = []  # per cluster: one mention per distinct name
    genders: list[set[str]] = []  # per cluster: the genders its mentions give
    exact: dict[tuple[str, ...], list[int]] = {}  # the names clusters were founded on
    deferred: list[tuple[Cand, list[tuple[int, str]]]] = []
    for c in order:
        key = cand_key(c)
        if not key:
            continue
        best: list[tuple[int, str]] = [
            (k, "name") for k in exact.get(key, []) if not (c.gender and genders[k] and c.gender not in genders[k])
        ]
        if not best:
            acronym = len(key) == 1 and is_acronym(cand_core(c)[0])
            ws = wordset(c)
            for k, cl_forms in enumerate(forms):
                kind = None
                if c.gender and genders[k] and c.gender not in genders[k]:
                    continue  # "Mr. Obama" is not Michelle Obama
                for m in cl_forms.values():
                    if len(m.core or ()) < len(key) or not (acronym or ws & wordset(m)):
                        continue
                    kind = match_kind(c, m)
                    if kind == "outlet_short":
                        from .types import is_outlet_name

                        kind = "name" if is_outlet_name(m.text) or generic_short(key) else None
                    if kind:
                        break
                if kind:
                    best.append((k, kind))
        if not best:
            clusters.append([(c, "name")])
            forms.append({key: c})
            genders.append({c.gender} if c.gender else set())
            exact.setdefault(key, []).append(len(clusters) - 1)
            continue
        if len({k for k, _ in best}) > 1 and len(key) == 1 and not c.gender:
            deferred.append((c, best))  # a bare last name two people share: decided below
            continue
        if len(best) > 1:
            best.sort(key=lambda b: _distance(c, clusters[b[0]]))
        k, kind = best[0]
        clusters[k].append((c, kind))
        if c.gender:
            genders[k].add(c.gender)
        if key not in forms[k] or (c.label == "PERSON" and forms[k][key].label != "PERSON"):
            forms[k][key] = c  # a person's form keeps the person's rules (last names)
    # a bare last name shared by several ("Clinton" of Hillary and Bill): the one the article
    # mentions most, the nearest one before it on a tie
    sizes = [len(cl) for cl in clusters]
    for c, best in deferred:
        best.sort(key=lambda b: (-sizes[b[0]], _distance(c, clusters[b[0]])))
        k, kind = best[0]
        clusters[k].append((c, kind))
    for cl in clusters:
        cl.sort(key=lambda mk: mk[0].start)
    clusters.sort(key=lambda cl: cl[0][0].start)
    return clusters


def _distance(c: Cand, cl: list[tuple[Cand, str]]) -> tuple[int, int]:
    before = [c.start - m.end for m, _ in cl if m.end <= c.start]
    if before:
        return (0, min(before))
    return (1, min(m.start - c.end for m, _ in cl))
