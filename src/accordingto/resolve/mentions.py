"""Candidate mentions: named entities, nominal noun phrases and the head of each source.

A :class:`Cand` is one stretch of text that may refer to a speaker. This module
only finds them and describes them (head token, sentence, whether subject,
whether inside quotation marks); deciding what they refer to is for
:mod:`.aliases` (names) and :mod:`.coref` (pronouns and nominals).

The per-Doc index is :mod:`.docinfo`, the kind of source a noun stands for
:mod:`.categories`, the words describing a mention :mod:`.descriptors`; their
names are importable from here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import DEP, LEMMA, LOWER, POS
from spacy.parts_of_speech import NOUN, PROPN
from spacy.strings import hash_string
from spacy.tokens import Span, Token

from . import lexicon as lx
from .categories import (
    NOMINAL_WORDS,
    category_of,
    is_plural,
    lexname_category,
    nominal_category,
    noun_classes,
    pronoun_info,
)
from .descriptors import descr_of, norm_descr, phrase_descr, roles_of
from .docinfo import DocInfo

__all__ = [
    "NAMED_LABELS",
    "NOMINAL_WORDS",
    "SUBJECT_DEPS",
    "Cand",
    "DocInfo",
    "category_of",
    "descr_of",
    "determiner",
    "head_of",
    "headline_name",
    "is_plural",
    "lexname_category",
    "make_cand",
    "named_candidates",
    "nominal_candidates",
    "nominal_category",
    "norm_descr",
    "noun_classes",
    "phrase_descr",
    "pronoun_info",
    "roles_of",
]

NAMED_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC", "PRODUCT"})

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


@dataclass(eq=False)
class Cand:
    """One mention candidate: character offsets into doc.text plus what we know of it."""

    start: int
    end: int
    text: str
    head: int  # token index of the syntactic head
    kind: str  # "name" | "nominal" | "pronoun"
    label: str = ""  # NER label for names; category for nominals
    sent: int = 0
    subject: bool = False
    initial: bool = False  # the first words of its sentence (a subject the parser may have missed)
    given: bool = False  # a source span as the attribution gives it (its end is the source's)
    in_quote: bool = False
    lemma: str = ""  # head lemma, lowercase
    det: str = ""  # first determiner, lowercase ("" when none)
    plural: bool = False
    roles: set[str] = field(default_factory=set)
    descr: set[str] = field(default_factory=set)  # describing words: "republican", "presidential"
    gender: str | None = None
    gender_from_name: bool = False  # the gender is only a guess from the first name
    mention_kind: str = "name"  # the schema MentionKind once linked
    core: tuple[str, ...] | None = None  # normalised name words, filled by aliases.cand_core
    words: frozenset[str] | None = None  # lowercase words, filled by aliases.wordset


def head_of(tokens: list[Token], heads: list[int] | None = None) -> Token | None:
    """The syntactic head of a run of tokens: the one whose head lies outside the run.

    ``heads`` (token index → its head's index, from :class:`DocInfo`) saves making tokens.
    """
    if not tokens:
        return None
    idx = {t.i for t in tokens}
    if heads is None:
        heads = {t.i: t.head.i for t in tokens}
    tops = [t for t in tokens if heads[t.i] not in idx or heads[t.i] == t.i]
    tops = [t for t in tops if not t.is_punct] or tops
    nouny = [t for t in tops if t.pos_ in ("NOUN", "PROPN", "PRON", "NUM")]
    if nouny:
        return nouny[0]
    # a noun for a source the tagger took for another word ("the influential Canadian daily")
    nouny = [t for t in tops if t.is_lower and t.lower_ in NOMINAL_WORDS and t.i == tokens[-1].i]
    if nouny:
        return nouny[0]
    # a noun under the top ("leaked documents" parsed as a verb and its object)
    tops_i = {t.i for t in tops}
    nouny = [t for t in tokens if t.pos_ in ("NOUN", "PROPN", "PRON") and heads[t.i] in tops_i]
    if nouny:
        return nouny[0]
    nouny = [t for t in tokens if t.pos_ in ("NOUN", "PROPN", "PRON")]
    return nouny[-1] if nouny else tops[0]


def determiner(tokens: list[Token]) -> str:
    if any(t.tag_ == "POS" for t in tokens[1:-1]):
        return "poss"  # "the candidate's former doctor": the article is the possessor's
    for t in tokens[:3]:
        low = t.lower_
        if t.dep_ in ("det", "predet") or low in lx.DETERMINERS:
            return low
        if t.dep_ == "poss":
            return "poss"
    return ""


def make_cand(info: DocInfo, tokens: list[Token], kind: str, label: str = "") -> Cand | None:
    tokens = [t for t in tokens if not t.is_space]
    # never run across a paragraph break (headline noun chunks do)
    while tokens and ("\n" in tokens[0].text or tokens[0].is_punct and tokens[0].text != "."):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].text in ("'s", "’s", "'", "’")):
        tokens = tokens[:-1]
    if not tokens:
        return None
    for k in range(len(tokens) - 1, 0, -1):
        if "\n" in info.text[tokens[k - 1].idx : tokens[k].idx]:
            tokens = tokens[k:]
            break
    for k in range(len(tokens) - 2, 0, -1):
        t = tokens[k]
        if t.text in ("-", "—", "–", "--") and t.whitespace_ and tokens[k - 1].whitespace_:
            tokens = tokens[k + 1 :]  # a dateline: "BRUSSELS - European leaders"
            break
    for k in range(1, len(tokens) - 1):
        if tokens[k].text == ":":  # a transcript's speaker and what they say: "WALLACE: Governor"
            tokens = tokens[:k] if kind == "name" else tokens[k + 1 :]
            break
    head = head_of(tokens, info.heads)
    if head is None:
        return None
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    return Cand(
        start=start,
        end=end,
        text=info.text[start:end],
        head=head.i,
        kind=kind,
        label=label,
        sent=info.sent_of[head.i],
        subject=head.dep_ in SUBJECT_DEPS,
        initial=tokens[0].i == 0 or info.sent_of[tokens[0].i] != info.sent_of[tokens[0].i - 1],
        in_quote=info.in_quote(start),
        lemma=(head.lemma_ or head.text).lower(),
        det=determiner(tokens),
        plural=is_plural(head),
    )


def named_candidates(info: DocInfo) -> list[Cand]:
    """Named-entity mentions (people, organisations, groups, places), with the roles given them."""
    out = []
    for ent in info.doc.ents:
        if ent.label_ not in NAMED_LABELS:
            continue
        tokens = _before_inner_verb(list(ent))
        if len(tokens) < len(ent):
            ent = Span(info.doc, ent.start, ent.start + len(tokens), label=ent.label_)
        if len(tokens) == 1 and tokens[0].pos_ == "NOUN" and tokens[0].is_lower:
            continue  # "council" labelled ORG: a nominal, found as one
        if len(tokens) == 1 and tokens[0].dep_ == "compound" and tokens[0].lower_ in lx.ORG_NOUNS - lx.SHORT_ORG_NOUNS:
            continue  # "Bank" of "Bank executives": a word of a nominal, no name
        # headlines: NER glues verbs onto names ("Obama Says", "Rip Donald Trump")
        while len(tokens) > 1 and (tokens[-1].lower_ in lx.HEADLINE_WORDS or tokens[-1].pos_ in ("VERB", "AUX")):
            tokens = tokens[:-1]
        while len(tokens) > 1 and (tokens[0].lower_ in lx.HEADLINE_WORDS or tokens[0].pos_ in ("VERB", "AUX")):
            tokens = tokens[1:]
        if ent.label_ == "PERSON" and len(tokens) > 1 and tokens[-1].idx < info.headline_end:
            # a title-cased headline: "Clinton Plan for Taxes", "Clinton Breaks With Obama"
            while len(tokens) > 1 and info.lowercase_word(tokens[-1]):
                tokens = tokens[:-1]
        tokens = [t for t in tokens if not t.is_space]
        if len(tokens) > 1 and tokens[-1].idx < info.headline_end:
            tokens = headline_name(info, tokens)
        c = make_cand(info, tokens, "name", ent.label_)
        if c is None or not any(ch.isalpha() for ch in c.text):
            continue
        c.roles = roles_of(ent)
        c.descr = descr_of(ent)
        out.append(c)
    return _nicknamed(info, out)


def headline_name(info: DocInfo, tokens: list[Token]) -> list[Token]:
    """A title-cased headline's name with words glued on after it ("Ines Ortega Warns", "Clinton
    Breaks"): the words the body never writes after the name are cut off, where the shorter form
    is one the body writes."""
    body = info.text[info.headline_end :]

    def in_body(ts: list[Token]) -> bool:
        form = info.text[ts[0].idx : ts[-1].idx + len(ts[-1].text)]
        return re.search(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", body, re.IGNORECASE) is not None

    if in_body(tokens):
        return tokens
    for hi in range(len(tokens) - 1, 0, -1):
        if tokens[hi].is_punct or tokens[hi].lower_ in lx.FEMALE_NAMES or tokens[hi].lower_ in lx.MALE_NAMES:
            break
        if in_body(tokens[:hi]):
            return tokens[:hi]
    return tokens


_NICKNAMED = re.compile(r'\b[A-Z][a-z]+ (?:[A-Z]\. )?["“][A-Z][a-z]+["”] [A-Z][\w’\'-]*[a-z]')


def _nicknamed(info: DocInfo, cands: list[Cand]) -> list[Cand]:
    """ 'Robert C. "Bobby" Scott': one name, which NER cuts at the quotation marks."""
    for m in _NICKNAMED.finditer(info.text):
        span = info.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        c = make_cand(info, list(span), "name", "PERSON")
        if c is None:
            continue
        c.roles = roles_of(span)
        c.descr = descr_of(span)
        cands = [x for x in cands if x.end <= c.start or x.start >= c.end] + [c]
    return sorted(cands, key=lambda x: x.start)


def _before_inner_verb(tokens: list[Token]) -> list[Token]:
    """A headline name NER ran on into its verb and object: "Harbor Town Council [Approves Seawall Plan]"."""
    for k in range(1, len(tokens) - 1):
        t = tokens[k]
        if t.tag_ == "VBZ" or (t.lower_ in lx.HEADLINE_WORDS and t.pos_ in ("VERB", "AUX")):
            return tokens[:k]
    return tokens


def nominal_candidates(info: DocInfo, taken: set[int]) -> list[Cand]:
    """Noun phrases headed by a noun that can stand for a source (letter, union, protesters, mayor)."""
    out = []
    doc = info.doc
    if not len(doc):
        return out
    # filter on arrays first: making spaCy Token objects is the slow part
    arr = doc.to_array([POS, DEP, LOWER, LEMMA])
    pos, dep, lower, lemma = arr[:, 0], arr[:, 1], arr[:, 2], arr[:, 3]
    keep = (pos == NOUN) | (pos == PROPN)
    keep &= dep != _COMPOUND
    keep &= np.isin(lower, _NOMINAL_ID_ARRAY) | ((pos == NOUN) & np.isin(lemma, _NOMINAL_ID_ARRAY))
    for i in np.flatnonzero(keep).tolist():
        if i in taken:
            continue
        root = doc[i]
        # the noun phrase up to its head, as spaCy's noun chunks: "a cease-and-desist letter",
        # and possessors: "the mayor" of "the mayor's apparent disregard"
        phrase = list(doc[root.left_edge.i : root.i + 1])
        verbs = [k for k, t in enumerate(phrase) if t.tag_ in ("VBZ", "VBD", "VBP")]
        if verbs:  # a headline parsed as one noun phrase: "Harbor Town Council Approves Seawall Plan"
            phrase = phrase[verbs[-1] + 1 :]
        cat, plural = category_of(root, guess=False)  # "a group of protesters": protesters
        if not cat:
            continue
        c = make_cand(info, phrase, "nominal", cat)
        if c is not None:
            c.plural = plural
            c.mention_kind = "nominal"
            c.descr = phrase_descr(phrase, root)
            out.append(c)
    return out


_NOMINAL_ID_ARRAY = np.array(sorted(hash_string(w) for w in NOMINAL_WORDS), dtype=np.uint64)
_COMPOUND = hash_string("compound")
