"""Further mentions of the named entities: acronyms expanded, partial names completed, repeated
names and aliases found in the running text."""

from __future__ import annotations

import re

from . import aliases
from . import lexicon as lx
from .mentions import DocInfo, make_cand
from .registry import Entity, Registry
from .canonical import canonical_cand


def expand_acronyms(reg: Registry) -> None:
    """An organisation the article calls by an acronym only ("the U.N.") whose full form stands inside
    another name ("the United Nations Security Council"): that full form is its name."""
    names = [
        aliases.core_words(m.text, person=False)
        for e in reg.entities
        if e.named
        for m in e.mentions
        if m.kind == "name" and m.label not in ("PERSON",)
    ]
    for e in reg.entities:
        if not e.named or e.type not in ("organisation", "outlet") or e.fixed_name:
            continue
        best = canonical_cand(e)
        core = aliases.core_words(best.text, person=False)
        if len(core) != 1 or not aliases.is_acronym(core[0]):
            continue
        acronym = core[0]
        found = None
        for ws in names:
            for i in range(len(ws)):
                if not ws[i][:1].isupper():
                    continue
                for j in range(len(ws), i + 1, -1):
                    run = ws[i:j]
                    if run[-1][:1].isupper() and aliases.abbreviates(acronym, " ".join(run)):
                        found = " ".join(run)
                        break
                if found:
                    break
            if found:
                break
        if not found:  # a name NER cut up: "Russia Today" (a place and a date)
            doc = reg.info.doc
            for m in _CAPITALISED_RUN.finditer(reg.info.text):
                span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
                if span is None or any(t.ent_type_ == "PERSON" for t in span):
                    continue
                if aliases.abbreviates(acronym, m.group()):
                    found = m.group()
                    break
        if found:
            e.fixed_name = found


_CAPITALISED_RUN = re.compile(r"(?<![\w.])[A-Z][a-z]+(?:[ -](?:(?:of|and|for|the) )?[A-Z][a-z]+)+")


def complete_names(reg: Registry) -> None:
    """A person named by one word only ("Oz", "Mr. Obama") whose first name the text gives elsewhere,
    in a place NER missed or another name around it ("Mehmet Oz — …", "Barack Obama Election Day")."""
    info = reg.info
    doc = info.doc
    for e in list(reg.entities):
        if not e.named or e.type != "person":
            continue
        core = aliases.core_words(canonical_cand(e).text)
        if len(core) != 1 or len(core[0]) < 2 or not core[0][0].isupper():
            continue
        last = core[0]
        pattern = r"(?<![\w.’'-])([A-Z][a-z]+)\s+" + re.escape(last).replace("’", "['’]").replace("'", "['’]") + r"(?![\w-])"
        for m in re.finditer(pattern, info.text):
            first = m.group(1)
            low = first.lower()
            if low in lx.TITLES or low in lx.FUNCTION_WORDS or low in lx.HEADLINE_WORDS:
                continue
            if (low in lx.FEMALE_NAMES and e.gender == "m") or (low in lx.MALE_NAMES and e.gender == "f"):
                continue
            span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
            if span is None or len(span) != 2 or span[0].pos_ != "PROPN":
                continue
            if span[0].ent_type_ not in ("", "PERSON", "WORK_OF_ART", "EVENT"):
                continue
            if low not in lx.FEMALE_NAMES and low not in lx.MALE_NAMES and span[0].ent_type_:
                if span[0].ent_type_ != "PERSON":
                    continue
            owners = {id(hit[0]) for t in span if (hit := reg.at(t.i)) is not None}
            if owners - {id(e)}:
                continue  # "Michelle Obama" is someone else's name
            c = make_cand(info, list(span), "name", "PERSON")
            if c is None:
                continue
            c.in_quote = False  # a first name and a last name: the name itself, wherever it stands
            c.mention_kind = "name"
            reg.attach(e, c)
            break


def repeat_names(reg: Registry) -> None:
    """A name of two or more words NER found in one place is the same name wherever the text writes it
    again as it is ("Velmar Industries said …" at a sentence's start, which NER missed)."""
    info = reg.info
    doc = info.doc
    forms: dict[str, list[Entity]] = {}
    for e in reg.entities:
        if not e.named:
            continue
        for m in e.mentions:
            if m.kind == "name" and m.mention_kind == "name" and len(m.text.split()) > 1 and "\n" not in m.text:
                last = m.text.split()[-1].lower().rstrip(".")
                if last in lx.TITLES or last in lx.PERSON_ROLE_NOUNS:
                    continue  # "British Prime Minister": a role, not a name
                if m.text[:1].isupper() and e not in forms.setdefault(m.text, []):
                    forms[m.text].append(e)
    for form, owners in forms.items():
        if len(owners) != 1:
            continue
        e = owners[0]
        for hit in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", info.text):
            span = doc.char_span(hit.start(), hit.end(), alignment_mode="contract")
            if span is None or any(t.i in reg.by_token for t in span):
                continue
            c = make_cand(info, list(span), "name", e.label)
            if c is None:
                continue
            c.mention_kind = "name"
            reg.attach(e, c)


_CAPITALISED = re.compile(r"(?<![\w.])[A-Z][\w.&'’-]*")


def scan_aliases(reg: Registry) -> None:
    """Find the short names in running text that NER missed: last names, acronyms."""
    info = reg.info
    lookup: dict[str, list[tuple[Entity, str]]] = {}
    for e in reg.entities:
        if e.type == "person":
            core = aliases.core_words(canonical_cand(e).text)
            if len(core) > 1:
                lookup.setdefault(core[-1], []).append((e, "last_name"))
        elif e.type in ("organisation", "outlet"):
            for a in e.aliases:
                lookup.setdefault(a, []).append((e, "abbreviation"))
            core = aliases.core_words(canonical_cand(e).text, person=False)
            initials = "".join(w[0] for w in core if w.lower() not in lx.FUNCTION_WORDS and w[0].isupper())
            if len(initials) >= 3 and len(core) >= 3:
                lookup.setdefault(initials, []).append((e, "abbreviation"))
    if not lookup:
        return
    doc = info.doc
    for m in _CAPITALISED.finditer(info.text):
        word = re.sub(r"(?:'s|’s|'|’)$", "", m.group())
        key = word.replace(".", "") if aliases.is_acronym(word) else word.rstrip(".")
        if key not in lookup:
            continue
        span = doc.char_span(m.start(), m.start() + len(word), alignment_mode="contract")
        if span is None or len(span) != 1:
            span = doc.char_span(m.start(), m.start() + len(key), alignment_mode="contract")
        if span is None or len(span) != 1 or span[0].i in reg.by_token:
            continue
        tok = span[0]
        hits = list({id(e): (e, kind) for e, kind in lookup.get(key, [])}.values())
        if len(hits) != 1:
            continue
        e, kind = hits[0]
        if kind == "last_name" and tok.pos_ != "PROPN" and not _name_only(info, tok):
            continue
        c = make_cand(info, [tok], "name", "")
        if c is None:
            continue
        c.mention_kind = kind
        reg.attach(e, c)


def _name_only(info: DocInfo, tok) -> bool:
    """A capitalised noun that the text never writes in lowercase: a last name the tagger took for a
    common noun at the start of a sentence ("Wheeler added …")."""
    return tok.pos_ == "NOUN" and re.search(r"(?<![\w-])" + re.escape(tok.lower_) + r"(?![\w-])", info.text) is None
