"""The narration's other he/his/she/her, given to a person where the text can mean no one else.

See :func:`other_pronouns` for the rule; a first name that leans the other way
(:data:`VETO_UNCERTAINTY`) can stop a doubtful pronoun, never make one.
"""

from __future__ import annotations

from ...schema import Speaker
from .clues import PRONOUNS, Clue
from .names import MIN_COUNTS, first_name, name_data

VETO_UNCERTAINTY = 0.2


def _name_leans(speaker: Speaker) -> str | None:
    """``woman``/``man`` where the first name leans that way (uncertainty at most
    :data:`VETO_UNCERTAINTY`), else None: what stops a doubtful pronoun of the other gender."""
    first = first_name(speaker.name)
    stat = name_data().lookup(first) if first else None
    if stat is None or stat.p_woman != stat.p_woman or stat.counts < MIN_COUNTS or stat.uncertainty > VETO_UNCERTAINTY:
        return None
    return "woman" if stat.p_woman > 0.5 else "man"


def other_pronouns(speakers: list[Speaker], doc) -> dict[int, list[Clue]]:
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
    from ...resolve.categories import category_of
    from ...resolve.docinfo import DocInfo

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
    out: dict[int, list[Clue]] = {}
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
        out.setdefault(who, []).append(Clue(t.idx, t.idx + len(t.text), t.text, "pronoun", g))
    return out


def _span_tokens(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _ent_start(tok) -> int:
    i = tok.i
    while i > 0 and tok.doc[i].ent_iob_ == "I":
        i -= 1
    return i
