"""Candidate mentions: named entities, nominal noun phrases and the head of each source.

A :class:`Cand` is one stretch of text that may refer to a speaker. This module
only finds them and describes them (head token, sentence, whether subject,
whether inside quotation marks); deciding what they refer to is for
:mod:`.aliases` (names) and :mod:`.coref` (pronouns and nominals).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.attrs import DEP, HEAD, IDX, LEMMA, LOWER, POS, SENT_START
from spacy.parts_of_speech import NOUN, PROPN
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from ..doctext import doc_text
from ..extract.quotes import quote_stretches
from . import lexicon as lx

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


class DocInfo:
    """Per-document lookups shared by the resolver: sentences, quotes, tokens by offset."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc_text(doc)
        self.sent_of = [0] * len(doc)
        if len(doc):
            arr = doc.to_array([SENT_START, IDX])
            starts = arr[:, 0] == 1
            # a line break always ends a sentence (the parser runs some across paragraphs)
            breaks = [m.start() for m in re.finditer(r"\n", self.text)]
            if breaks:
                after = np.searchsorted(arr[:, 1], breaks, side="right")
                after = after[after < len(doc)]
                starts[after] = True
            starts[0] = False
            self.sent_of = np.cumsum(starts).tolist()
        self.heads: list[int] = []  # token index → its head's index
        if len(doc):
            rel = doc.to_array([HEAD]).astype(np.int64).reshape(-1)
            self.heads = (np.arange(len(doc)) + rel).tolist()
        self._lower_words: set[str] | None = None
        # the resolver's reading of quotation marks (see quote_stretches: why not quote_index)
        self.quotes = quote_stretches(doc)
        self._quote_starts = [s for s, _ in self.quotes]

    @property
    def headline_end(self) -> int:
        """Where the first paragraph (the headline) ends."""
        k = self.text.find("\n\n")
        return k if k >= 0 else 0

    def lowercase_word(self, tok: Token) -> bool:
        """Whether the text writes this word (or its lemma) in lowercase somewhere: a common word."""
        if self._lower_words is None:
            self._lower_words = set(re.findall(r"\b[a-z][a-z'-]*\b", self.text))
        low = tok.lower_
        return low in self._lower_words or tok.lemma_.lower() in self._lower_words or (
            low.endswith("s") and low[:-1] in self._lower_words
        )

    def tokens_in(self, start: int, end: int) -> list[Token]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return []
        return [t for t in span if not t.is_space]

    def quote_at(self, char: int) -> tuple[int, int] | None:
        """The quotation (start, end) around a character, if any."""
        k = bisect_right(self._quote_starts, char) - 1
        if k >= 0 and self.quotes[k][0] <= char < self.quotes[k][1]:
            return self.quotes[k]
        return None

    def in_quote(self, char: int) -> bool:
        return self.quote_at(char) is not None


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


def is_plural(token: Token) -> bool:
    if token.tag_ in ("NNS", "NNPS"):
        return True
    return token.lower_ in ("people", "police", "crowd", "staff", "media", "public")


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


def roles_of(ent: Span) -> set[str]:
    """Role nouns given an entity: "lawyer Sean J. Riddell", "Riddell, a lawyer", "Mayor Ted Wheeler"."""
    roles: set[str] = set()
    root = ent.root
    doc = ent.doc
    # titles inside the entity and the words just before it
    for t in list(ent)[:3]:
        low = t.lower_.rstrip(".")
        if low in lx.TITLES or low in lx.PERSON_ROLE_NOUNS:
            roles.add(lx.TITLE_ROLE.get(low, low))
    i = ent.start - 1
    while i >= 0 and i >= ent.start - 4:
        t = doc[i]
        if t.head.i != root.i and t.head.i not in range(ent.start, ent.end) and t.dep_ not in ("compound", "amod"):
            break
        # only the words on the name itself: "member" of "council member X", not "council"
        if t.pos_ in ("NOUN", "PROPN") and (t.head.i == root.i or t.head.i in range(ent.start, ent.end)):
            low = t.lower_.rstrip(".")
            roles.add(lx.TITLE_ROLE.get(low, t.lemma_.lower()))
        elif t.pos_ not in ("ADJ", "PUNCT"):
            break
        i -= 1
    # apposition both ways: "Riddell, a lawyer for …" / "the union's lawyer, Sean Riddell"
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            roles.add(child.lemma_.lower())
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        roles.add(root.head.lemma_.lower())
    # the head noun of an organisation's own name ("… Council", "… Agency")
    if ent.label_ in ("ORG", "FAC") and root.lower_ in lx.ORG_NOUNS:
        roles.add(root.lower_)
    return roles


_DESCR_POS = frozenset({"ADJ", "NOUN", "PROPN"})


def norm_descr(word: str) -> str:
    low = word.lower().rstrip(".")
    return lx.DESCR_SYNONYMS.get(low, low)


def descr_of(ent: Span) -> set[str]:
    """Words describing a named entity where it is introduced: "GOP presidential nominee Donald Trump",
    "Sean Riddell, a lawyer for the union"."""
    doc = ent.doc
    root = ent.root
    out: set[str] = set()
    i = ent.start - 1
    while i >= 0 and i >= ent.start - 5:
        t = doc[i]
        if t.pos_ not in _DESCR_POS and t.pos_ != "PUNCT" or "\n" in t.text:
            break
        if t.pos_ in _DESCR_POS:
            out.add(norm_descr(t.text))
        i -= 1
    for t in ent:
        if t.lower_.rstrip(".") in lx.TITLES:
            out.add(norm_descr(t.text))
    for child in root.children:
        if child.dep_ == "appos":
            out |= {norm_descr(t.text) for t in child.subtree if t.pos_ in _DESCR_POS and t.i - child.i < 8}
    return out


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


NOMINAL_WORDS = (
    lx.DOCUMENT_NOUNS | lx.ARTEFACT_NOUNS | lx.ANONYMOUS_NOUNS | lx.ORG_NOUNS | lx.PERSON_ROLE_NOUNS
) | {w + "s" for w in lx.GROUP_NOUNS} | {"people", "police"} | lx.GROUP_NOUNS
_NOMINAL_ID_ARRAY = np.array(sorted(hash_string(w) for w in NOMINAL_WORDS), dtype=np.uint64)
_COMPOUND = hash_string("compound")


def category_of(tok: Token, guess: bool = True) -> tuple[str, bool]:
    """(category, plural) of a source's head word, looking through "one of …", "46 percent of …".

    With ``guess`` a noun that ends like a noun for people ("questioner",
    "environmentalists") counts as one.
    """
    low = tok.lower_
    lemma = (tok.lemma_ or tok.text).lower()
    if low in lx.CONTAINER_WORDS or lemma in lx.CONTAINER_WORDS:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs:
                    cat, plural = category_of(objs[0], guess)
                    if cat:
                        return cat, plural
    if low in lx.QUANTITY_WORDS or lemma in lx.QUANTITY_WORDS or tok.like_num:
        for child in tok.children:
            # "several in the crowd", "some among the delegates": people of that group
            if child.dep_ == "prep" and child.lower_ in lx.PARTITIVE_PREPS and child.lower_ != "of":
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs and category_of(objs[0], guess)[0] in ("group", "person", "anonymous"):
                    return ("anonymous", False) if low in ("one", "another") else ("group", True)
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs:
                    cat, plural = category_of(objs[0], guess)
                    single = low in ("one", "each", "another") or lemma == "one"
                    if cat == "group" and single:
                        return "anonymous", False
                    return cat, plural and not single
        if lemma in ("percent", "majority", "minority", "plurality", "number", "dozens", "hundreds",
                     "thousands", "millions", "share", "handful", "chorus") or tok.like_num:
            return "group", True
    if tok.pos_ in ("PRON", "DET", "NUM", "ADJ") or low in lx.PEOPLE_PRONOUNS:
        if low in lx.PEOPLE_PRONOUNS:
            cat = lx.PEOPLE_PRONOUNS[low]
            return cat, cat == "group"
    plural = is_plural(tok)
    cat = nominal_category(lemma, low, plural)
    if not cat and guess and tok.pos_ in ("NOUN", "PROPN"):
        cat = _person_by_ending(lemma, low, plural)
    if not cat and guess and tok.pos_ == "NOUN":
        cat = lexname_category(lemma, low, plural)
    return cat, plural


# WordNet's class of a noun's most frequent sense → the kind of source it heads.
_LEXNAME_CATEGORY = {"communication": "document", "cognition": "document", "artifact": "artefact"}


@lru_cache(maxsize=1)
def noun_classes() -> dict[str, str]:
    """noun → WordNet lexname class (person, group, communication, artifact, cognition), from the
    table that scripts/build_noun_classes.py makes from WordNet 3.0 (accordingto/data/noun_classes.tsv)."""
    path = Path(__file__).resolve().parents[1] / "data" / "noun_classes.tsv"
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, cls = line.split("\t")
            out[word] = cls
    return out


def lexname_category(lemma: str, word: str, plural: bool) -> str:
    """The kind of source a common noun our word classes do not know heads, by its WordNet class:
    "the zoning code" → document, "the electorate" → group, "a petitioner" → person."""
    cls = noun_classes().get(lemma) or noun_classes().get(word)
    if cls == "person":
        return "group" if plural else "person"
    if cls == "group":
        return "group"
    return _LEXNAME_CATEGORY.get(cls or "", "")


def _person_by_ending(lemma: str, word: str, plural: bool) -> str:
    if lemma in lx.NOT_PERSON or word in lx.NOT_PERSON or lemma.endswith(("ment", "ness", "ship", "tion")):
        return ""
    if lemma.endswith(lx.PERSON_SUFFIXES) or word in ("latinos", "latinas", "millennials"):
        return "group" if plural else "person"
    return ""


def nominal_category(lemma: str, word: str, plural: bool) -> str:
    """Which kind of nominal a head noun makes, or "" when none of ours."""
    if lemma in lx.ARTEFACT_NOUNS or word in lx.ARTEFACT_NOUNS:
        return "artefact"
    if lemma in lx.DOCUMENT_NOUNS or word in lx.DOCUMENT_NOUNS:
        return "document"
    if lemma in lx.OUTLET_NOUNS:
        return "outlet"
    if lemma == "police" or word == "media" or (lemma in lx.ORG_NOUNS and lemma not in ("house", "show", "local")):
        return "organisation"
    if lemma in lx.ANONYMOUS_NOUNS:
        return "anonymous"
    if plural and (lemma in lx.GROUP_NOUNS or word in ("people", "men", "women", "officials")):
        return "group"
    if lemma in lx.PERSON_ROLE_NOUNS:
        return "group" if plural and word != lemma else "person"  # "fellow physicians"
    if lemma in lx.GROUP_NOUNS:
        return "group" if plural else "person"
    return ""


def pronoun_info(token: Token) -> tuple[str, str | None, bool] | None:
    """(class, gender, plural) for a pronoun that can be a source; None for other words.

    class is "personal" (he/she/they/it), "first" (I/we), "second" (you) or "relative" (who).
    """
    low = token.lower_
    if low in lx.PRONOUNS:
        gender, plural = lx.PRONOUNS[low]
        return "personal", gender, plural
    if low in lx.FIRST_PERSON:
        return "first", None, low in ("we", "us", "our", "ourselves")
    if low in lx.SECOND_PERSON:
        return "second", None, False
    if low in lx.RELATIVE_PRONOUNS and token.tag_ in ("WP", "WDT", "WP$"):
        return "relative", None, False
    return None



def phrase_descr(tokens: list[Token], head: Token) -> set[str]:
    """The describing words of a noun phrase, besides its head: "the Republican presidential nominee"."""
    return {norm_descr(t.text) for t in tokens if t.i != head.i and t.pos_ in _DESCR_POS}


noun_classes()  # read once on import, not inside the first article's resolution
