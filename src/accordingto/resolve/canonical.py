"""The name and type an entity goes by: its canonical mention, named entities typed from their
context ("Mayor Ted Wheeler", "a report published by …"), nominal names with their modifiers."""

from __future__ import annotations

import re

from ..names import is_given_name, person_name
from . import aliases
from . import lexicon as lx
from . import types as tp
from .mentions import Cand, DocInfo, category_of
from .registry import Entity


def finish_named(e: Entity, info: DocInfo) -> None:
    """Label, type, gender, roles and aliases of a named entity from its mentions."""
    best = canonical_cand(e)
    e.label = best.label
    labels = [m.label for m in e.mentions]
    if best.label != "PERSON" and "PERSON" in labels and len(aliases.cand_core(best)) == 1:
        e.label = "PERSON"
    texts = [m.text for m in e.mentions if m.label in ("ORG", "")]
    outlet = any(tp.is_outlet_name(t) for t in texts) and e.label in ("ORG", "")
    e.type = "outlet" if outlet else tp.named_type(labels, canonical_name(e, info), e.label)
    genders = {m.gender for m in e.mentions if m.gender}
    e.gender = genders.pop() if len(genders) == 1 else None
    e.gender_from_name = e.gender is not None and all(m.gender_from_name for m in e.mentions if m.gender)
    for m in e.mentions:
        e.roles |= m.roles
        e.descr |= m.descr
        if m.mention_kind == "abbreviation":
            e.aliases.add(m.text.replace(".", ""))
    e.plural = e.label == "NORP" and best.text.endswith("s")
    if e.label in ("PERSON", "ORG", "") and e.type in ("person", "organisation", "outlet"):
        e.type = _context_type(e, info) or e.type
    if e.type in ("person", "organisation", "unknown") and _quoted_title(e, info):
        e.type = "artefact"


_OPEN_MARKS, _CLOSE_MARKS = "“\"‘'", "”\"’'"


def _quoted_title(e: Entity, info: DocInfo) -> bool:
    """A name the article always writes inside quotation marks of its own is the title of a work
    (a show, a film, a book): '“Lilyhammer”', '"The Walking Dead"'."""
    text = info.text
    names = [m for m in e.mentions if m.kind == "name"]
    if not names:
        return False
    for m in names:
        a, b = m.start, m.end
        if text[a:a + 1] in _OPEN_MARKS and text[b - 1:b] in _CLOSE_MARKS and b - a > 2:
            continue
        if a >= 5 and text[a - 4:a] == "The " and text[a - 5] in _OPEN_MARKS:
            a -= 4  # '“The Walking Dead”', where the name found is "Walking Dead"
        after = text[b:b + 2]  # the closing mark, or a comma or full stop inside it ('“Harborlight,”')
        if a > 0 and text[a - 1] in _OPEN_MARKS and (after[:1] in _CLOSE_MARKS or (after[:1] in ",." and after[1:] in _CLOSE_MARKS)):
            continue
        return False
    return True


def _context_type(e: Entity, info: DocInfo) -> str | None:
    """Person, organisation or outlet by the words around a name, where NER's label may be wrong:
    a corporate word ending it ("Halvorsen Pharma", "Keller & Dunn"), an apposition ("X, the
    retailer", "X, a writer for …"), a role it is the organisation of ("a spokesman for X", "X's
    chief executive"), a title or a given name (a person), "X reported" (an outlet), "X said in a
    statement" (an organisation, where NER does not say person). None where the words say nothing
    or disagree."""
    doc = info.doc
    person = org = outlet = 0.0
    statement = False
    for m in e.mentions:
        if m.kind != "name":
            continue
        ws = aliases.words(m.text)
        org_words = any(_bare_word(w) in lx.ORG_NOUNS or _bare_word(w) in lx.CORPORATE_WORDS for w in ws)
        if len(ws) > 1 and (_bare_word(ws[-1]) in lx.CORPORATE_WORDS or "&" in ws):
            org += 1
        titles = [t for t in aliases.titles_in(m.text) if t not in _PARTY_TITLES]
        if (titles and len(aliases.core_words(m.text)) < len(ws)) or m.gender:
            person += 1  # "Sen. X", "Mr. X" (not "GOP" alone)
        head = doc[m.head]
        for noun in _apposed_nouns(head):
            cat = category_of(noun, guess=False)[0]
            if cat in ("person", "anonymous") and noun.tag_ not in ("NNS", "NNPS"):
                person += 1
            elif cat == "outlet":
                outlet += 1
            elif cat == "organisation" or noun.lemma_.lower() in lx.ORG_NOUN_CLASSES["company"]:
                org += 1
        # "a spokesman for X", "an analyst at X", "the chief executive of X"
        if head.dep_ == "pobj" and head.head.lower_ in ("for", "at", "with") and head.ent_type_ not in ("GPE", "LOC"):
            role = head.head.head
            if role.pos_ == "NOUN" and role.lemma_.lower() in lx.MEMBER_ROLES:
                org += 1
        # "X's chief executive", "X's shares"
        if any(c.tag_ == "POS" for c in head.children) and head.head.lemma_.lower() in lx.ORG_PARTS:
            org += 1
        verb = head.head if head.dep_ == "nsubj" else None
        the = ws[:1] == ["The"] or (head.left_edge.i < head.i and head.left_edge.text == "The")
        if verb is not None and verb.lemma_.lower() in _REPORT_VERBS and the and not org_words:
            outlet += 1  # "The Ledger reported"
        if verb is not None and verb.lemma_.lower() in ("say", "announce") and any(
            p.lower_ == "in" and any(o.lemma_.lower() in ("statement", "release", "filing") for o in p.children)
            for p in verb.children
        ):
            statement = True
    if statement and not person and e.label != "PERSON":
        org += 1
    given = _given_name(e)
    if given and not org and not outlet and e.type != "outlet":
        person += 1
    if outlet and not person:
        return "outlet"
    if org > person:
        return "organisation" if e.type != "outlet" else None
    if person > org and e.type == "organisation" and e.label in ("ORG", "", "PERSON"):
        return "person"
    return None


_REPORT_VERBS = frozenset({"report", "publish", "broadcast", "air"})
# Titles that also start organisations' names ("Democratic National Committee"): no sign of a person.
_PARTY_TITLES = frozenset("democratic republican gop independent former retired then acting interim incumbent".split())


def _bare_word(w: str) -> str:
    return w.lower().replace(".", "").strip(",")


def _apposed_nouns(head) -> list:
    """The common nouns in apposition to a name, either way: "X, the retailer", "the retailer, X"."""
    out = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if head.dep_ == "appos" and head.head.pos_ == "NOUN":
        out.append(head.head)
    return out


def _given_name(e: Entity) -> bool:
    """Whether the fullest name starts with a given name that the nickname lexicon or the first-name
    lists know ("Robert K. Ames", "Dana Reyes")."""
    best = canonical_cand(e)
    core = aliases.core_words(best.text)
    if len(core) < 2 or len(core) > 4 or not core[0][:1].isupper():
        return False
    if any(_bare_word(w) in lx.ORG_NOUNS or _bare_word(w) in lx.CORPORATE_WORDS for w in core):
        return False  # "Christian News Service"
    first = core[0].lower()
    return first in lx.FEMALE_NAMES or first in lx.MALE_NAMES or is_given_name(first)


def canonical_cand(e: Entity) -> Cand:
    names = [m for m in e.mentions if m.kind == "name" and m.mention_kind in ("name", "last_name", "other")]
    names = names or [m for m in e.mentions if m.kind == "name"] or e.mentions
    # the fullest form outside quotation marks ("Crooked Hillary Clinton" is Trump's, not the name)
    return max(names, key=lambda m: (not m.in_quote, len(aliases.cand_core(m)), m.label == "PERSON", -m.start))


def canonical_name(e: Entity, info: DocInfo) -> str:
    """The fullest form in the text: "Sean J. Riddell", "The Daily Caller", "cease-and-desist letter"."""
    if e.fixed_name:
        return e.fixed_name
    if not e.named:
        return _nominal_name(e, info)
    best = canonical_cand(e)
    text = re.sub(r"\s+", " ", best.text).strip()
    text = re.sub(r"(?:'s|’s)$", "", text)
    if e.type == "person":
        text = person_name(text)
    if e.type != "person" and e.label in ("ORG", "FAC", ""):
        ws = text.split()
        lead = 1 if ws and ws[0].lower() == "the" else 0
        k = lead
        while k < len(ws) - 1 and ws[k][:1].islower() and ws[k].lower() not in lx.FUNCTION_WORDS:
            k += 1  # "the federal Securities and Exchange Commission": "federal" is no part of the name
        if k > lead and ws[k][:1].isupper():
            text = " ".join(ws[k:])
    if text.lower().startswith("the "):
        keep = any(m.text.startswith("The ") and not _sentence_initial(info, m.start) for m in e.mentions)
        if e.type == "outlet" and not any(m.text.startswith("the ") for m in e.mentions):
            keep = True  # "The Washington Post" at the start of a sentence
        if not keep:
            text = text[4:]
    return text


def _sentence_initial(info: DocInfo, start: int) -> bool:
    span = info.doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    tok = span[0]
    return tok.is_sent_start or tok.i == 0 or "\n" in info.text[max(0, start - 2) : start]


def _nominal_name(e: Entity, info: DocInfo | None = None) -> str:
    def full(m: Cand) -> str:
        if info is not None and e.type in _MODIFIED_TYPES and m.kind != "pronoun":
            if not m.given:  # a source span says itself where it ends
                return _with_modifiers(info, m)
        return m.text

    def size(m: Cand) -> int:
        ws = full(m).split()
        while ws and ws[0].lower() in lx.DETERMINERS:
            ws = ws[1:]
        return len(ws)

    best = max(e.mentions, key=lambda m: (m.kind != "pronoun", size(m), -m.start))
    text = full(best)
    ws = text.split()
    # the determiners go, unless one is the phrase's head: "those in the hall" is not "in the hall"
    while ws and ws[0].lower() in lx.DETERMINERS and not (len(ws) > 1 and ws[1].lower() in lx.PARTITIVE_PREPS):
        ws = ws[1:]
    ws = ws or best.text.split()
    return unglue(" ".join(ws))


_MODIFIED_TYPES = frozenset({"document", "artefact"})


def _with_modifiers(info: DocInfo, m: Cand) -> str:
    """A document's or an artefact's mention with the restrictive modifiers after its head: "A survey
    released Monday by the Pell Institute", "video footage posted by X" (up to a comma, a dash or a
    clause of its own)."""
    doc = info.doc
    head = doc[m.head]
    end = m.end
    for child in head.children:
        if child.i <= head.i or child.dep_ not in ("prep", "acl") or info.in_quote(child.idx) != m.in_quote:
            continue
        if any(t.is_punct or "\n" in t.text for t in doc[head.i + 1 : child.i]):
            break
        if child.dep_ == "acl" and child.tag_ not in ("VBN", "VBG"):
            break
        last = None
        for t in doc[child.i : child.right_edge.i + 1]:
            if t.text in (",", "—", "–", "--", ";", ":", '"', "“", "”") or "\n" in t.text:
                break
            if t.pos_ in ("VERB", "AUX") and t.i != child.i:
                break  # "a sign in front of the guillotine read …": the sentence's verb
            last = t
        if last is None:
            break
        end = max(end, last.idx + len(last.text))
        if last.i < child.right_edge.i:
            break
    return info.text[m.start : end]


def unglue(text: str) -> str:
    """A phrase without a word of the text before it glued on by a bracket ("plan(some of these
    members" → "some of these members") and without unmatched brackets or quotes at its ends."""
    m = re.search(r"^\S*?\w[(\[](?=\w)", text)
    if m:
        text = text[m.end() :]
        ws = text.split()
        while len(ws) > 1 and ws[0].lower() in lx.DETERMINERS:
            ws = ws[1:]
        text = " ".join(ws)
    for op, cl in ("()", "[]", "“”"):
        if text.endswith(cl) and op not in text:
            text = text[:-1]
        if text.startswith(op) and cl not in text:
            text = text[1:]
    return text.strip(" ,;:([“").rstrip(" ,;:([“")
