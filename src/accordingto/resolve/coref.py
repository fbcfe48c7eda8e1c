"""Anaphora: which entity a pronoun ("he", "they", "it") or a definite nominal ("the letter") refers to.

Pure heuristics over the entities already found:

* he/she → the most salient earlier person of compatible gender (recent
  sentence, subject position, already a speaker, outside quotation marks);
* they → the most salient earlier group, plural anonymous source or
  organisation; it → the most salient earlier organisation, outlet, document
  or artefact;
* "the letter" → the last document with that head noun; "the lawyer", "the
  mayor" → the last person given that role ("lawyer Sean J. Riddell", "Mayor
  Ted Wheeler"); "the union" → the last organisation of that kind (a council,
  an association …).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import lexicon as lx
from .mentions import Cand

if TYPE_CHECKING:
    from .registry import Entity

_CAMPAIGN_WORDS = frozenset({"campaign", "team"})
_GENERIC_ORG = frozenset({"group", "organization", "organisation", "company", "firm", "agency", "outfit"})


def _synonyms(word: str) -> set[str]:
    out = {word}
    for group in lx.ROLE_SYNONYMS:
        if word in group:
            out |= group
    return out


def same_role(word: str, roles: set[str]) -> bool:
    """Whether a role noun names one of these roles or a synonym ("senator" ~ "lawmaker")."""
    return bool(_synonyms(word) & roles)


def _org_classes(word: str) -> set[str]:
    return {k for k, ws in lx.ORG_NOUN_CLASSES.items() if word in ws}


def nominal_matches(c: Cand, e: "Entity") -> bool:
    """Whether the definite nominal ``c`` ("the lawyer", "the union") can refer to entity ``e``."""
    lemma = c.lemma
    if e.named:
        if e.type == "person":
            return not c.plural and bool(_synonyms(lemma) & e.roles)
        if e.type == "outlet":
            return lemma in lx.OUTLET_NOUNS or lemma in e.roles
        if e.type == "organisation" and e.label in ("GPE", "LOC"):  # "the city", "the country"
            return lemma in lx.ORG_NOUN_CLASSES["place"]
        if e.type == "organisation" and e.label in ("ORG", "FAC", "", "PERSON"):  # PERSON: NER's, the words say otherwise
            if lemma in _CAMPAIGN_WORDS:  # "the campaign" is a candidate's, not the party committee
                return bool(e.roles & _CAMPAIGN_WORDS)
            if lemma in e.roles or (lemma in _GENERIC_ORG and lemma not in lx.OUTLET_NOUNS):
                return True
            classes = _org_classes(lemma)
            return bool(classes) and any(_org_classes(r) & classes for r in e.roles)
        return False
    # an unnamed entity: same head noun (or a synonym) and number
    if e.plural != c.plural:
        return False
    if lemma in _CAMPAIGN_WORDS and e.lemma in _CAMPAIGN_WORDS:
        return True  # "Clinton's team" … "the campaign"
    return bool(_synonyms(lemma) & ({e.lemma} | e.roles))


def _describes(c: Cand, e: "Entity") -> int:
    """How many describing words the nominal shares with the entity; -1 when they clash
    ("the Republican nominee" is not "Libertarian candidate Gary Johnson")."""
    for group in lx.EXCLUSIVE_DESCR:
        mine = c.descr & group
        if mine and (e.descr & group) and not (e.descr & mine):
            return -1
    return len(c.descr & (e.descr | e.roles))


def resolve_definite(c: Cand, entities: list["Entity"], before: int, after: bool = False) -> "Entity | None":
    """The entity a definite nominal refers to: the one with the latest matching mention before it,
    the one that shares most describing words first.

    With ``after`` (a bare headline noun, "…, Says Union") the first matching
    named entity after it is taken when none comes before.
    """
    best = None
    best_key = (-1, -1, -1, -1)
    for e in entities:
        if not nominal_matches(c, e):
            continue
        shared = _describes(c, e)
        if shared < 0:
            continue
        # the organisation the text called by this very noun ("Osterfeld Holdings, the grocery
        # retailer" … "The retailer") before one that is only of its kind
        exact = int(e.named and e.type in ("organisation", "outlet") and c.lemma in e.roles and c.lemma in lx.ORG_NOUNS)
        for m in reversed(e.mentions):
            if m.end <= before and m.start != c.start:
                # "The company" after "Velmar said it would buy Ostrand": the one the last sentences
                # were about (a subject), not the last one named
                subject = int(
                    e.named and e.type == "organisation" and c.lemma in _GENERIC_ORG | lx.ORG_NOUN_CLASSES["company"]
                    and any((x.subject or x.initial) and x.end <= before and 0 <= c.sent - x.sent <= 2 for x in e.mentions)
                )
                if (shared, exact, subject, m.start) > best_key:
                    best, best_key = e, (shared, exact, subject, m.start)
                break
    if best is not None or not after:
        return best
    first = None
    first_pos = None
    for e in entities:
        # a named one, or the document the body describes ("New Survey" … "A survey released Monday")
        unnamed_document = not e.named and e.type == "document" and c.label == "document"
        if not (e.named or unnamed_document) or not nominal_matches(c, e) or _describes(c, e) < 0:
            continue
        pos = next((m.start for m in e.mentions if m.start >= before), None)
        if pos is not None and (first_pos is None or pos < first_pos):
            first, first_pos = e, pos
    return first


def pronoun_compatible(e: "Entity", gender: str | None, plural: bool, name_guess_ok: bool = False) -> tuple[bool, float]:
    """(compatible, bonus) of entity ``e`` for a personal pronoun of this gender and number.

    ``name_guess_ok``: a person whose only gender is a guess from the first name is compatible
    with a pronoun of the other gender (the last resort of :func:`resolve_personal`)."""
    if gender in ("m", "f", "any"):
        if e.type not in ("person", "anonymous") or e.plural:
            return False, 0.0
        if gender == "any":
            return True, 0.0
        if e.gender and e.gender != gender:
            # a first name's usual gender is a guess ("he" may be Shirley Brennan); a title is not
            return (True, 0.0) if name_guess_ok and e.gender_from_name else (False, 0.0)
        return True, 0.2 if e.gender == gender else 0.0
    if gender == "n":  # it
        if e.type not in ("organisation", "outlet", "document", "artefact") or e.plural:
            return False, 0.0
        return True, 0.0
    if plural:  # they
        if e.type in ("group", "anonymous") and e.plural:
            return True, 0.6
        if e.named and e.label in ("GPE", "LOC"):  # places are "it"
            return False, 0.0
        if e.type in ("organisation", "outlet") or (e.named and e.label == "NORP"):
            return True, 0.0 if e.named else -0.3
        if e.type == "anonymous":  # singular they for "a source"
            return True, -0.5
        if e.type in ("document", "artefact") and e.plural:  # "his tax returns … they show"
            return True, -0.2
    return False, 0.0


def resolve_personal(
    pos: int,
    sent: int,
    in_quote: bool,
    gender: str | None,
    plural: bool,
    entities: list["Entity"],
    exclude: list[tuple[int, int]],
    quote: tuple[int, int] | None = None,
    speaker: "Entity | None" = None,
) -> "Entity | None":
    """The most salient compatible entity mentioned before ``pos`` (a pronoun), or None.

    Quotation marks bound what a pronoun may refer to: outside a quote, a pronoun does not take a
    noun phrase that only stands inside one ("My family has waited," she said: she is not the
    family); inside a quote (``quote``, its span), it refers within its speaker's world: what the
    quote itself names first, and never the quote's own speaker (``speaker``), who says "I".
    When no entity is compatible, a he/she may still refer to a person whose first name
    usually goes with the other gender (the text's pronoun says more than the name)."""
    args = (pos, sent, in_quote, gender, plural, entities, exclude, quote, speaker)
    best = _most_salient(*args, False)
    if best is None and gender in ("m", "f"):
        best = _most_salient(*args, True)
    return best


def _most_salient(pos, sent, in_quote, gender, plural, entities, exclude, quote, speaker,
                  name_guess_ok: bool) -> "Entity | None":
    best = None
    best_score = float("-inf")
    for e in entities:
        if speaker is not None and e is speaker and not plural:
            continue
        ok, bonus = pronoun_compatible(e, gender, plural, name_guess_ok)
        if not ok:
            continue
        m = None
        for cand in reversed(e.mentions):
            if cand.end <= pos and not any(s <= cand.start < t for s, t in exclude):
                if not in_quote and cand.in_quote and not e.named and cand.kind != "pronoun":
                    continue  # a phrase inside someone's quote
                m = cand
                break
        if m is None:
            continue
        if quote is not None and quote[0] <= m.start < quote[1]:
            bonus += 0.5  # named in the same quote
        # all its mentions in that sentence: "Clinton, the former secretary of State, stressed …"
        same = [x for x in e.mentions if x.sent == m.sent and x.end <= pos and x.start <= m.start]
        d = sent - m.sent
        if name_guess_ok and d > 2:
            continue  # the last resort stays near
        score = -1.0 * d + bonus
        if any(x.subject for x in same):
            score += 0.7
        if e.first_spoke is not None and e.first_spoke < pos:
            score += 0.6
        if all(x.in_quote for x in same) and not in_quote:  # "…," he said: the speaker is rarely named in the quote
            score -= 1.5
        if any(x.kind == "name" for x in same):
            score += 0.2
        score += 1e-7 * m.start  # later wins a tie
        if score > best_score:
            best, best_score = e, score
    return best


def resolve_epithet(c: Cand, entities: list["Entity"]) -> "Entity | None":
    """The named person a definite description of no known role refers to, as a pronoun would:
    "the New York businessman" (Trump), "The former first lady and U.S. senator" (Clinton)."""
    people = [e for e in entities if e.named and e.type == "person" and _describes(c, e) >= 0]
    gender = lx.TITLE_GENDER.get(c.lemma) or "any"
    return resolve_personal(c.start, c.sent, c.in_quote, gender, False, people, [])
