"""Cues that are actions, not speech: "Police refused to respond to emergency calls."

A reader asks "according to whom?" of what someone *said, wrote or thought*.
Verbs of decision take an infinitive that is either something said or
thought ("declined to comment", "refused to say whether …", "decided to
endorse Ted Cruz", "refused to consider it") or a deed ("refused to respond
to emergency calls", "declined to renew its lease", "chose to strike",
"decided to close the school"). The deed is news, not a claim with a source.
PolNeAR's annotators sometimes mark the deed too; we do not: an attribution
there would make the police a *source* of the article.

Likewise an infinitive of purpose ("The council met on Tuesday to discuss the
plant") says why something was done, not that anything was said.

:func:`is_act` decides from the parse of the cue's verb:

- the cue's head verb is a verb of decision (:data:`DECISION`) and its
  infinitive complement's verb is no verb of saying or thinking
  (:mod:`.cues`' lexicon) — "respond", "reply" and "answer" count as saying
  only with no object or with an object that is itself something said ("a
  request for comment", "questions", "the letter"), not "emergency calls" or
  "the agents";
- or the cue is an infinitive of purpose (``advcl`` with ``to``) under a verb
  that is no cue itself.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..schema import Attribution
from . import cues

#: verbs of decision: what follows them is an intention, said or done
DECISION = frozenset("refuse decline decide choose opt fail resolve elect agree".split())

#: verbs of saying that are deeds as often as words ("respond to an emergency")
ANSWERING = frozenset("respond reply answer".split())

#: what an answer can answer when it is speech: things said, written or asked
SAID_THINGS = cues.NOUN_CUES | frozenset(
    """
    request inquiry enquiry query question questions letter email e-mail message call
    charge criticism accusation allegation report reports story article claim remark
    comment comments attack subpoena invitation offer petition demand challenge
    """.split()
)


def _lemma(t: Token) -> str:
    lemma = t.lemma_.lower()
    return cues.LEMMA_FIX.get(lemma, lemma)


def _is_infinitive(t: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)


def _said(verb: Token) -> bool:
    """Is the infinitive ``verb`` something said or thought?"""
    lemma = _lemma(verb)
    if lemma in ANSWERING:
        objects = [c for c in verb.children if c.dep_ in ("dobj",)]
        for p in (c for c in verb.children if c.dep_ == "prep"):
            objects += [g for g in p.children if g.dep_ == "pobj"]
        if not objects:
            return True  # "declined to respond"
        # "a request for comment": the head noun is what counts; a compound before it
        # says what kind ("emergency calls" are calls for help, not for comment)
        return any(
            _lemma(o) in SAID_THINGS and not any(c.dep_ == "compound" for c in o.children)
            or any(_lemma(g) in SAID_THINGS for p in o.children if p.dep_ == "prep" for g in p.children)
            for o in objects
        )
    return cues.is_cue_lemma(lemma) or lemma in cues.QUOTE_ONLY


def _cue_verb(doc: Doc, attribution: Attribution) -> Token | None:
    """The verb that heads the attribution's (first) cue, if the cue is verbal."""
    if not attribution.cue:
        return None
    c = attribution.cue[0]
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None:
        return None
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX")]
    if not verbs:
        return None
    # the verb nearest the top of the tree
    return min(verbs, key=lambda t: len(list(t.ancestors)))


def is_act(doc: Doc, attribution: Attribution) -> bool:
    """Is this "attribution" a deed or a purpose rather than something said or thought?"""
    v = _cue_verb(doc, attribution)
    if v is None:
        return False
    lemma = _lemma(v)
    if lemma in DECISION:
        infinitives = [c for c in v.children if c.dep_ == "xcomp" and _is_infinitive(c)]
        if infinitives and not any(_said(x) for x in infinitives):
            return True
        if not infinitives and any(c.dep_ in ("ccomp",) for c in v.children):
            return False  # "decided that …"
    if (
        v.dep_ == "advcl"
        and _is_infinitive(v)
        and v.head.pos_ in ("VERB", "AUX")
        and not cues.is_cue_lemma(_lemma(v.head))
    ):
        return True
    return False


def drop_acts(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """``attributions`` less the deeds and purposes (:func:`is_act`), numbered again in order."""
    kept = [a for a in attributions if not is_act(doc, a)]
    if len(kept) == len(attributions):
        return attributions
    return [a if a.id == i else a.model_copy(update={"id": i}) for i, a in enumerate(kept)]
