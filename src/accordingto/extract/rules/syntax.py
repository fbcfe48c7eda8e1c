"""Reading the dependency parse: a cue's verb group, its subject, and the source's own words."""

from __future__ import annotations

from spacy.tokens import Token

from .. import cues
from .context import Context

_ADVERB_IN_CUE = frozenset(
    """also already previously repeatedly publicly later recently first never often once
    still just even further again reportedly privately quickly flatly openly long
    explicitly specifically frequently recently initially originally subsequently
    not n't""".split()
)
_REL_PRONOUNS = frozenset("who whom which that".split())
_SUBJ = ("nsubj", "csubj")


def cue_group(ctx: Context, v: Token) -> list[Token]:
    """The verb group: the verb with its adjacent auxiliaries, negation, particles, adverbs."""
    keep = {v.i}
    kids = {c.i: c for c in v.children}
    for c in v.children:
        if c.dep_ in ("aux", "auxpass", "neg"):
            for g in c.children:
                if g.dep_ == "neg":
                    kids[g.i] = g
    i = v.i - 1
    while i >= 0 and i in kids:
        c = kids[i]
        if c.dep_ in ("aux", "auxpass", "neg") or (c.dep_ == "advmod" and c.lower_ in _ADVERB_IN_CUE):
            keep.add(i)
            i -= 1
        else:
            break
    i = v.i + 1
    while i < len(ctx.doc) and i in kids and kids[i].dep_ in ("prt",):
        keep.add(i)
        i += 1
    return [ctx.doc[k] for k in sorted(keep)]


def source_tokens(ctx: Context, subj: Token) -> list[Token]:
    """The words of the subject ``subj`` that name the source, on its side of the verb."""
    # a participle after a comma describes the source, it does not name it:
    # "the letter, sent by lawyer Sean J. Riddell"
    stop = {
        c.i
        for c in subj.children
        if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG") and c.i > subj.i and ctx.doc[c.i - 1].text == ","
    }
    toks = ctx.subtree(subj, stop=stop, anchor=subj.head)
    # the subject ends before the verb when it precedes it
    head = subj.head
    if subj.i < head.i:
        toks = [t for t in toks if t.i < head.i]
    else:
        toks = [t for t in toks if t.i > head.i]
    return toks


def find_subject(ctx: Context, v: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """(subject, passive) of ``v``, inherited from the governing verb for conj/advcl/xcomp.

    Words inside a quotation are what is said, never who says it, when the
    verb itself stands outside the quote: '"Safety," said Grimm' has two
    "subjects" in the parse, and Grimm is the one.
    """
    quotes = ctx.quotes
    v_quoted = quotes.at(v.idx) is not None
    for c in v.children:
        if c.dep_ in _SUBJ and not v_quoted and quotes.at(c.idx) is not None and any(
            k.dep_ in _SUBJ and quotes.at(k.idx) is None for k in v.children
        ):
            continue
        if c.dep_ in _SUBJ:
            if c.lower_ in cues.DUMMY_SUBJECTS and not (
                c.lower_ in _REL_PRONOUNS and v.dep_ == "relcl"
            ) and not (c.lower_ == "it" and v.lemma_.lower() in cues.SPEECH and not any(
                k.dep_ == "auxpass" for k in v.children)):
                return None, False
            return c, False
    for c in v.children:
        if c.dep_ == "nsubjpass":
            return c, True
    # "Sanders, who sits at zero endorsements, said …": the parser gave the relative
    # clause both subjects and the verb none; the noun before "who" is the verb's
    for c in v.children:
        noun = noun_before_who(c, v)
        if noun is not None:
            return noun, False
    if depth < 2 and said_again(v):
        # "X said the move was made by Y and said, '…'": the parser hung the second
        # "said" on the reported clause; it is X's, like the first
        s, passive = find_subject(ctx, v.head.head, depth + 1)
        if s is not None and not passive:
            return s, False
    if depth < 2 and v.dep_ in ("conj", "advcl", "xcomp") and v.head.pos_ in ("VERB", "AUX"):
        if v.dep_ == "advcl" and v.tag_ != "VBG":
            return None, False
        if v.dep_ == "xcomp" and any(c.dep_ in ("dobj", "dative") for c in v.head.children):
            return None, False  # "requires candidates to disclose": the object speaks
        s, passive = find_subject(ctx, v.head, depth + 1)
        if s is not None and not passive:
            return s, False
    if depth < 2 and v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.dep_ in ("prep",):
        h = v.head.head
        if h.pos_ in ("VERB", "AUX"):
            s, passive = find_subject(ctx, h, depth + 1)
            if s is not None and not passive:
                return s, False
    return None, False


def noun_before_who(c: Token, v: Token) -> Token | None:
    """In "X, who …, said", when the parser made "who …" a clause of ``v`` holding X as a
    second subject: X (else None)."""
    if not (c.i < v.i and c.dep_ in ("advcl", "ccomp", "parataxis")):
        return None
    subs = [k for k in c.children if k.dep_ == "nsubj"]
    rel = [k.i for k in subs if k.lower_ in ("who", "which")]
    before = [k for k in subs if rel and k.i < min(rel) and k.pos_ in ("PROPN", "NOUN", "PRON")]
    return before[0] if before else None


def said_again(v: Token) -> bool:
    """Is ``v`` a subjectless speech verb coordinated with the clause another speech verb reports?"""
    return (
        v.dep_ == "conj"
        and cues.is_speech(cues.LEMMA_FIX.get(v.lemma_.lower(), v.lemma_.lower()))
        and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in v.children)
        and v.head.dep_ == "ccomp"
        and cues.is_speech(cues.LEMMA_FIX.get(v.head.head.lemma_.lower(), v.head.head.lemma_.lower()))
    )


def in_relative_clause(v: Token) -> bool:
    """A cue in a relative clause ("a policy they say resulted in …", "what agents
    describe as …") attributes a modifier, not the clause around it."""
    if v.dep_ == "relcl":
        return any(c.dep_ == "ccomp" for c in v.children)
    return any(c.dep_ in ("dobj", "nsubj") and c.lower_ == "what" and c.i < v.i for c in v.children)
