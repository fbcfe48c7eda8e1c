"""Rule-based attribution extraction over spaCy's dependency parse.

Each rule proposes candidates (char ranges of source, cue and content);
:func:`extract_rules` then keeps the outermost of nested candidates, one per
cue, adds quote continuations and block quotes, and turns the survivors
into :class:`~accordingto.schema.Attribution` objects in reading order.

The rules:

- ``verb``: a reporting verb (cues.SPEECH/COGNITION) with its subject as the
  source and its clause, infinitive, object or an adjacent quotation as the
  content, in either order ("X said that …", '"…," X said', "…, said X");
  a colon after the verb joins the cue ('Riddell continues: "…"').
- ``parenthetical``: "Among them, TheDC notes, were …" when the parser
  missed the verb; ``surface``: 'A sign … read, “…”' when the tagger took
  the verb for a noun.
- ``nouns``: cue nouns with a possessive source or a support verb ("his
  promise to …", "Republicans expressed concern that …").
- ``dash`` ('“…” ― Name') and ``transcript`` ('PENCE: …').
- ``according_to``: "according to X" (source X, content the clause it
  modifies).
- ``headline``: "…, Says Union" / "…, Experts Say" / "Trump: …" on a title
  line.
- ``block``: a paragraph that introduces what follows with a colon, then
  paragraphs quoted without quotation marks.
- ``continuation``: a quotation right after an attributed quotation, with no
  cue of its own, is more content of the same attribution.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..doctext import doc_text
from ..schema import Attribution, Span
from . import cues
from .blocks import find_blocks
from .quotes import QuoteIndex
from .spanindex import RangeIndex
from .spans import close_parenthetical, spans_from_ranges, subtract

Range = tuple[int, int]

_ADVERB_IN_CUE = frozenset(
    """also already previously repeatedly publicly later recently first never often once
    still just even further again reportedly privately quickly flatly openly long
    explicitly specifically frequently recently initially originally subsequently
    not n't""".split()
)
_ABBREV = re.compile(
    r"\b(?:[A-Z]|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Jr|Sr|St|Lt|Col|Sgt|Capt|Prof|Rev|Inc|Co|Corp|Ltd|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\."
)
_TAIL = re.compile(r",\s+(?:which|although|though|even though)\b")
_REL_PRONOUNS = frozenset("who whom which that".split())
_SUBJ = ("nsubj", "csubj")


@dataclass
class Cand:
    """A proposed attribution, in character ranges."""

    cue: list[Range]
    source: list[Range]
    content: list[Range]
    via: str = "cue"
    rank: int = 0  # lower wins when two candidates claim the same cue
    anchor: int = -1  # token index of the cue's head word

    extra: list[Range] = field(default_factory=list)  # continuation fragments

    def all_ranges(self) -> list[Range]:
        return self.cue + self.source + self.content + self.extra


def _tok_range(t: Token) -> Range:
    return t.idx, t.idx + len(t.text)


def _ranges(tokens) -> list[Range]:
    """Char ranges of the contiguous runs of ``tokens``."""
    idx = sorted({t.i for t in tokens})
    if not idx:
        return []
    doc = tokens[0].doc if isinstance(tokens, list) else next(iter(tokens)).doc
    out: list[list[int]] = []
    prev = None
    for i in idx:
        t = doc[i]
        if prev is not None and i == prev + 1:
            out[-1][1] = t.idx + len(t.text)
        else:
            out.append([t.idx, t.idx + len(t.text)])
        prev = i
    return [(a, b) for a, b in out]


def _overlaps(a: list[Range], b: list[Range]) -> bool:
    return any(x0 < y1 and y0 < x1 for x0, x1 in a for y0, y1 in b)


def _inside(inner: list[Range], outer: list[Range]) -> bool:
    return bool(inner) and all(any(o0 <= a and b <= o1 for o0, o1 in outer) for a, b in inner)


_NEWLINES: tuple = (None, [])  # the last text looked up, and where its line breaks are


def _paragraph_of(text: str, offset: int) -> Range:
    # bisect over the line breaks, found once per text: a scan from the offset
    # is quadratic on a text of one long line
    global _NEWLINES
    known, nl = _NEWLINES
    if known is not text:
        nl = [m.start() for m in re.finditer("\n", text)]
        _NEWLINES = (text, nl)
    k = bisect_left(nl, offset)
    return (nl[k - 1] + 1 if k else 0), (nl[k] if k < len(nl) else len(text))


def _clip(ranges: list[Range], lo: int, hi: int) -> list[Range]:
    return [(max(a, lo), min(b, hi)) for a, b in ranges if min(b, hi) > max(a, lo)]


class _Extractor:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc_text(doc)
        self.quotes = QuoteIndex(self.text)
        self.cands: list[Cand] = []

    # ------------------------------------------------------------ helpers
    def subtree(self, tok: Token, stop: set[int] | None = None, anchor: Token | None = None) -> list[Token]:
        """The subtree of ``tok`` within the paragraph of ``anchor`` (default ``tok``)."""
        stop = stop or set()
        out = []
        todo = [tok]
        while todo:
            t = todo.pop()
            if t.i in stop:
                continue
            out.append(t)
            todo.extend(t.children)
        p0, p1 = _paragraph_of(self.text, (anchor or tok).idx)
        return [t for t in out if p0 <= t.idx < p1 and not t.is_space]

    def cue_group(self, v: Token) -> list[Token]:
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
            if c.dep_ in ("aux", "auxpass", "neg") or (
                c.dep_ == "advmod" and c.lower_ in _ADVERB_IN_CUE
            ):
                keep.add(i)
                i -= 1
            else:
                break
        i = v.i + 1
        while i < len(self.doc) and i in kids and kids[i].dep_ in ("prt",) :
            keep.add(i)
            i += 1
        return [self.doc[k] for k in sorted(keep)]

    def source_tokens(self, subj: Token) -> list[Token]:
        # a participle after a comma describes the source, it does not name it:
        # "the letter, sent by lawyer Sean J. Riddell"
        stop = {
            c.i
            for c in subj.children
            if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG") and c.i > subj.i and self.doc[c.i - 1].text == ","
        }
        toks = self.subtree(subj, stop=stop, anchor=subj.head)
        # the subject ends before the verb when it precedes it
        head = subj.head
        if subj.i < head.i:
            toks = [t for t in toks if t.i < head.i]
        else:
            toks = [t for t in toks if t.i > head.i]
        return toks

    def find_subject(self, v: Token, depth: int = 0) -> tuple[Token | None, bool]:
        """(subject, passive) of ``v``, inherited from the governing verb for conj/advcl/xcomp.

        Words inside a quotation are what is said, never who says it, when the
        verb itself stands outside the quote: '"Safety," said Grimm' has two
        "subjects" in the parse, and Grimm is the one.
        """
        v_quoted = self.quotes.at(v.idx) is not None
        for c in v.children:
            if c.dep_ in _SUBJ and not v_quoted and self.quotes.at(c.idx) is not None and any(
                k.dep_ in _SUBJ and self.quotes.at(k.idx) is None for k in v.children
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
            noun = self._noun_before_who(c, v)
            if noun is not None:
                return noun, False
        if depth < 2 and self._said_again(v):
            # "X said the move was made by Y and said, '…'": the parser hung the second
            # "said" on the reported clause; it is X's, like the first
            s, passive = self.find_subject(v.head.head, depth + 1)
            if s is not None and not passive:
                return s, False
        if depth < 2 and v.dep_ in ("conj", "advcl", "xcomp") and v.head.pos_ in ("VERB", "AUX"):
            if v.dep_ == "advcl" and v.tag_ != "VBG":
                return None, False
            if v.dep_ == "xcomp" and any(c.dep_ in ("dobj", "dative") for c in v.head.children):
                return None, False  # "requires candidates to disclose": the object speaks
            s, passive = self.find_subject(v.head, depth + 1)
            if s is not None and not passive:
                return s, False
        if depth < 2 and v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.dep_ in ("prep",):
            h = v.head.head
            if h.pos_ in ("VERB", "AUX"):
                s, passive = self.find_subject(h, depth + 1)
                if s is not None and not passive:
                    return s, False
        return None, False

    @staticmethod
    def _noun_before_who(c: Token, v: Token) -> Token | None:
        """In "X, who …, said", when the parser made "who …" a clause of ``v`` holding X as a
        second subject: X (else None)."""
        if not (c.i < v.i and c.dep_ in ("advcl", "ccomp", "parataxis")):
            return None
        subs = [k for k in c.children if k.dep_ == "nsubj"]
        rel = [k.i for k in subs if k.lower_ in ("who", "which")]
        before = [k for k in subs if rel and k.i < min(rel) and k.pos_ in ("PROPN", "NOUN", "PRON")]
        return before[0] if before else None

    @staticmethod
    def _said_again(v: Token) -> bool:
        """Is ``v`` a subjectless speech verb coordinated with the clause another speech verb reports?"""
        return (
            v.dep_ == "conj"
            and cues.is_speech(cues.LEMMA_FIX.get(v.lemma_.lower(), v.lemma_.lower()))
            and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in v.children)
            and v.head.dep_ == "ccomp"
            and cues.is_speech(cues.LEMMA_FIX.get(v.head.head.lemma_.lower(), v.head.head.lemma_.lower()))
        )

    def adjacent_quote(self, frame: list[Range], sent_range: Range):
        """The quotation right before or after the source+cue frame, if any."""
        lo = min(a for a, _ in frame)
        hi = max(b for _, b in frame)
        p0, p1 = _paragraph_of(self.text, lo)
        best = []
        # only a quote within 3 characters of the frame can qualify
        for q in self.quotes.overlapping(max(p0, lo - 4), min(p1, hi + 4), doubles_only=True):
            if q.end <= lo:
                gap = self.text[q.end : lo]
                if len(gap) <= 3 and not re.search(r"\w", gap):
                    best.append(q)
            elif q.start >= hi:
                gap = self.text[hi : q.start]
                if len(gap) <= 3 and not re.search(r"\w", gap):
                    best.append(q)
        return best

    # ------------------------------------------------------------ rules
    def rule_verbs(self):
        for v in self.doc:
            if v.pos_ not in ("VERB", "AUX") and not (v.pos_ == "NOUN" and v.tag_ == "VBZ"):
                continue
            lemma = v.lemma_.lower()
            lemma = cues.LEMMA_FIX.get(lemma, lemma)
            speech = lemma in cues.SPEECH
            cog = lemma in cues.COGNITION
            quote_only = lemma in cues.QUOTE_ONLY
            if not (speech or cog or quote_only):
                continue
            if v.dep_ in ("amod", "compound", "nmod", "npadvmod", "pobj", "dobj", "nsubj", "attr"):
                continue
            if v.dep_ == "acl" and v.tag_ in ("VBN", "VBG"):
                continue
            if v.pos_ == "AUX" and lemma not in ("say",):
                continue
            self.verb_candidate(v, lemma, speech, cog, quote_only)

    def verb_candidate(self, v: Token, lemma: str, speech: bool, cog: bool, quote_only: bool):
        if _ANONYMITY.match(self.text, v.idx):
            return  # "asked not to be named": why a source is anonymous, not what it says
        subj, passive = self.find_subject(v)
        agent = None
        if passive:
            for c in v.children:
                if c.dep_ == "agent":
                    agent = next((g for g in c.children if g.dep_ == "pobj"), None)
            if agent is None or not speech:
                return
        group = self.cue_group(v)
        cue_toks = list(group)
        content_toks: list[Token] = []
        content_ranges: list[Range] = []
        stop: set[int] = {v.i}
        kids = list(v.children)
        # "X, who has led the union, said …": that clause is the source's, not what was said
        clause = [c for c in kids if c.dep_ in ("ccomp", "csubj") and c is not subj
                  and self._noun_before_who(c, v) is None]
        xcomp = [c for c in kids if c.dep_ == "xcomp"]
        dobj = [c for c in kids if c.dep_ in ("dobj",)]
        prep = [c for c in kids if c.dep_ == "prep"]
        # verb + preposition: "called for", "referring to"
        vp = cues.VERB_PREP.get(lemma, ())
        prep_obj = None
        for p in prep:
            if p.lower_ in vp and p.i == max(t.i for t in cue_toks) + 1:
                obj = next((g for g in p.children if g.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    cue_toks.append(p)
                    prep_obj = obj
                    break
        if lemma in cues.PREP_ONLY and prep_obj is None:
            return
        for c in clause:
            # a second "said" hung on the clause is its own attribution, not what was said
            again = {k.i for k in c.children if self._said_again(k)}
            if again:
                first = min(again)
                again |= {k.i for k in c.children if k.dep_ in ("cc", "punct") and k.i < first and k.i > c.i
                          and all(j.i < k.i or j.i >= first for j in c.children if j.dep_ not in ("cc", "punct"))}
            content_toks += self.subtree(c, stop=again, anchor=v)
        for c in xcomp:
            if any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) or c.tag_ == "VBG":
                if lemma in cues.RAISING:
                    continue
                content_toks += self.subtree(c, anchor=v)
        if prep_obj is not None:
            content_toks += self.subtree(prep_obj, anchor=v)
        if speech and not content_toks and dobj and lemma not in cues.RECIPIENT_OBJECT | cues.NO_OBJECT:
            d = dobj[0]
            content_toks += self.subtree(d, anchor=v)
            for c in kids:
                if c.dep_ in ("oprd",) or (c.dep_ == "prep" and c.i > d.i and c.lower_ in ("of", "for", "as")):
                    content_toks += self.subtree(c, anchor=v)
        if passive and agent is not None and not content_toks and subj is not None:
            content_toks += self.subtree(subj, anchor=v)
        # the colon after the verb group joins the cue
        last = max(t.i for t in cue_toks)
        nxt = last + 1
        if nxt < len(self.doc) and self.doc[nxt].text == ":":
            cue_toks.append(self.doc[nxt])
        src_toks: list[Token] = []
        if agent is not None:
            src_toks = self.subtree(agent, anchor=v)
        elif subj is not None and not passive:
            src_toks = self.source_tokens(subj) if subj.head is v else self.subtree(subj, anchor=v)
            if subj.head is not v:
                src_toks = [t for t in src_toks if t.i < subj.head.i or t.i > subj.head.i]
                # a subject inherited from a governing verb: its own tokens only
                src_toks = [t for t in src_toks if t.i <= max(x.i for x in self.source_tokens(subj))] if src_toks else []
        if not src_toks:
            # no source: PolNeAR rarely agrees (2 of 94 on dev)
            return
        cue_r = _ranges(cue_toks)
        src_r = _ranges(src_toks)
        frame = cue_r + src_r
        content_ranges = _ranges(content_toks) if content_toks else []
        adj = self.adjacent_quote(frame, (0, 0))
        if quote_only and not adj and not (cue_toks[-1].text == ":" and content_ranges):
            return
        if not content_ranges:
            if not adj:
                return
            if cog and not speech:
                return
            content_ranges = [(q.start, q.end) for q in adj]
        else:
            # a quote the content touches belongs to it whole
            for q in adj:
                content_ranges.append((q.start, q.end))
        content_ranges = self.extend_quotes(content_ranges, frame)
        content_ranges = subtract(content_ranges, frame)
        content_ranges = self.cut_tail(content_ranges)
        if not content_ranges:
            return
        via = "colon" if cue_toks[-1].text == ":" else "cue"
        self.cands.append(Cand(cue_r, src_r, content_ranges, via, 0, v.i))

    def cut_tail(self, ranges: list[Range]) -> list[Range]:
        """Leave out a trailing aside the author adds (", which …", ", although …"):
        PolNeAR keeps only what is clearly attributed."""
        if not ranges:
            return ranges
        ranges = sorted(ranges)
        a, b = ranges[-1]
        for m in _TAIL.finditer(self.text, a, b):
            if self.quotes.at(m.start()) is None and m.start() > a:
                return ranges[:-1] + [(a, m.start())]
        return ranges

    def extend_quotes(self, ranges: list[Range], frame: list[Range]) -> list[Range]:
        """Widen content to the whole of any double quotation it partly covers."""
        out = list(ranges)
        for a, b in ranges:
            for q in self.quotes.overlapping(a, b, doubles_only=True):
                if q.start < a or q.end > b:
                    if _overlaps([(q.start, q.end)], frame):
                        continue
                    out.append((q.start, q.end))
        return out

    def noun_content(self, n: Token) -> tuple[list[Token], Token | None]:
        """The clause a cue noun introduces ("claim that …", "promise to …", "concern about …")."""
        for c in n.children:
            if c.i < n.i:
                continue
            if c.dep_ in ("acl", "ccomp", "relcl") and (
                any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                or any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            ):
                return self.subtree(c, anchor=n), None
            if c.dep_ == "prep" and c.lower_ in ("about", "on", "over", "that") and c.i == n.i + 1:
                obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    return self.subtree(obj, anchor=n), c
        return [], None

    def rule_nouns(self):
        """Cue nouns: "His promises to …", "North Korea's claims about …",
        "Republicans have expressed concern that …"."""
        for n in self.doc:
            if n.pos_ != "NOUN" or n.lemma_.lower() not in cues.NOUN_CUES:
                continue
            content, prep = self.noun_content(n)
            if not content:
                continue
            cue_toks = [n] + ([prep] if prep is not None else [])
            src: list[Token] = []
            poss = next((c for c in n.children if c.dep_ == "poss"), None)
            if poss is not None:
                case = [g for g in poss.children if g.dep_ == "case"]
                src = [t for t in self.subtree(poss, anchor=n) if t not in case]
                cue_toks += case
                cue_toks += [c for c in n.children if c.dep_ == "amod" and poss.i < c.i < n.i]
            elif n.dep_ == "dobj" and n.head.lemma_.lower() in cues.SUPPORT_VERBS:
                v = n.head
                subj, passive = self.find_subject(v)
                if subj is None or passive:
                    continue
                src = self.source_tokens(subj) if subj.head is v else self.subtree(subj, anchor=v)
                cue_toks += self.cue_group(v) + [t for t in self.doc[v.i : n.i]]
            if not src:
                continue
            lo = min(t.i for t in cue_toks)
            hi = max(t.i for t in cue_toks)
            cue_r = [(self.doc[lo].idx, self.doc[hi].idx + len(self.doc[hi].text))]
            src_r = _ranges(src)
            content_r = self.extend_quotes(_ranges(content), cue_r + src_r)
            content_r = subtract(content_r, cue_r + src_r)
            if content_r:
                self.cands.append(Cand(cue_r, src_r, content_r, "cue", 1, n.i))

    def rule_according_to(self):
        for t in self.doc:
            if t.lower_ != "according" or t.i + 1 >= len(self.doc) or self.doc[t.i + 1].lower_ != "to":
                continue
            to = self.doc[t.i + 1]
            pobj = next((g for g in to.children if g.dep_ == "pobj"), None)
            if pobj is None:
                pobj = next((g for g in t.children if g.dep_ == "pobj"), None)
            if pobj is None:
                continue
            src = self.subtree(pobj, anchor=t)
            cue_r = [(t.idx, to.idx + len(to.text))]
            src_r = _ranges(src)
            # content: the clause "according to" modifies, within its sentence
            sent = t.sent
            head = t.head
            while head.dep_ not in ("ROOT",) and head.pos_ not in ("VERB", "AUX") and head.head is not head:
                head = head.head
            body = self.subtree(head, anchor=t) if head.i != t.i else list(sent)
            body = [x for x in body if sent.start <= x.i < sent.end]
            phrase = {x.i for x in self.subtree(t, anchor=t)} | {t.i, to.i} | {x.i for x in src}
            rest = [x for x in body if x.i not in phrase]
            if not rest:
                continue
            content = _ranges(rest)
            content = subtract(content, cue_r + src_r)
            self.cands.append(Cand(cue_r, src_r, content, "according_to", 1, t.i))

    def rule_parenthetical(self):
        """', TheDC notes, were …': a reporting verb between commas the parser missed."""
        doc = self.doc
        for v in doc:
            if v.lower_ not in cues.PARENTHETICAL:
                continue
            if v.i + 1 >= len(doc) or doc[v.i + 1].text != ",":
                continue
            j = v.i - 1
            while j >= 0 and doc[j].text != "," and v.i - j <= 6 and not doc[j].is_sent_start:
                if doc[j].pos_ in ("VERB",) or doc[j].text in '."“”':
                    break
                j -= 1
            if j < 0 or doc[j].text != "," or j == v.i - 1:
                continue
            src = [doc[k] for k in range(j + 1, v.i)]
            if not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in src):
                continue
            sent = v.sent
            before = [t for t in sent if t.i < j]
            after = [t for t in sent if t.i > v.i + 1]
            content = _ranges(before) + _ranges(after)
            if not before or not after:
                continue
            self.cands.append(Cand(_ranges([v]), _ranges(src), content, "cue", 2, v.i))

    def rule_surface(self):
        """'A sign in front of the guillotine read, “…”': a reporting verb the tagger
        took for a noun, read from the words: subject, verb, comma or colon, quote."""
        doc = self.doc
        taken = {c.anchor for c in self.cands}
        for v in doc:
            if v.i in taken or v.lower_ not in cues.SURFACE_FORMS or v.pos_ == "VERB":
                continue
            if v.i + 2 >= len(doc) or doc[v.i + 1].text not in (",", ":"):
                continue
            q = self.quotes.at(doc[v.i + 2].idx)
            if q is None or q.single or q.start != doc[v.i + 2].idx:
                continue
            sent = v.sent
            src = [t for t in sent if t.i < v.i and not t.is_space]
            if not src or len(src) > 12 or any(t.pos_ in ("VERB", "AUX") for t in src):
                continue
            if not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in src):
                continue
            self.cands.append(Cand(_ranges([v]), _ranges(src), [(q.start, q.end)], "cue", 2, v.i))

    def rule_headline(self):
        """'…, Says Union' / '…, Experts Say' / 'Trump: …' on the title line."""
        text = self.text
        m = re.match(r"\s*([^\n]+)", text)
        if not m:
            return
        line_start, line_end = m.start(1), m.end(1)
        line = m.group(1)
        if len(line.split()) > 30 or line.rstrip().endswith((".", "?")) and len(line.split()) > 20:
            return
        h = re.search(r",\s+(Says?|Said|Warns?|Claims?|Tells?|Reports?)\s+([^,]{2,60}?)\s*$", line)
        if h:
            self.cands.append(
                Cand(
                    [(line_start + h.start(1), line_start + h.end(1))],
                    [(line_start + h.start(2), line_start + h.end(2))],
                    [(line_start, line_start + h.start())],
                    "headline",
                    -1,
                )
            )
            return
        h = re.search(r",\s+([^,]{2,60}?)\s+(Says?|Say|Said|Warns?|Warn|Claims?|Claim)\s*$", line)
        if h:
            self.cands.append(
                Cand(
                    [(line_start + h.start(2), line_start + h.end(2))],
                    [(line_start + h.start(1), line_start + h.end(1))],
                    [(line_start, line_start + h.start())],
                    "headline",
                    -1,
                )
            )
            return
        h = re.match(r"([A-Z][\w.'’\- ]{1,40}?):\s+(\S.*)$", line)
        if h and not all(w[:1].isupper() or w in ("of", "the", "and", "de") for w in h.group(1).split()):
            h = None  # 'The governor continued: …' is a sentence, not a name and a colon
        if h and not re.match(r"(?i)(update|exclusive|watch|breaking|video|live|related|analysis|opinion|photos?|transcript|update)\b", h.group(1)):
            self.cands.append(
                Cand(
                    [(line_start + h.end(1), line_start + h.end(1) + 1)],
                    [(line_start + h.start(1), line_start + h.end(1))],
                    [(line_start + h.start(2), line_start + h.end(2))],
                    "headline",
                    -1,
                )
            )

    def rule_dash(self):
        """'“…” ― Name': a quote signed with a dash."""
        text = self.text
        for q in self.quotes.doubles:
            m = re.match(r"[ \t\u00a0]*([―—]|--)[ \t\u00a0]*([^\n]{2,80}?)[ \t\u00a0.]*(?:\n|$)", text[q.end : q.end + 90])
            if not m:
                continue
            name = m.group(2)
            if len(name.split()) > 8 or re.search(r"[“\"”]", name):
                continue
            o = q.end
            self.cands.append(
                Cand([(o + m.start(1), o + m.end(1))], [(o + m.start(2), o + m.end(2))], [(q.start, q.end)], "cue", 2)
            )

    def rule_transcript(self):
        """'PENCE: Well, …' — a speaker's name in capitals, a colon, the words."""
        for m in re.finditer(r"(?m)^[\"“]?([A-Z][A-Z.'’\- ]{1,30}[A-Z.]):[ \t\u00a0]+(\S[^\n]*)$", self.text):
            self.cands.append(
                Cand([(m.end(1), m.end(1) + 1)], [(m.start(1), m.end(1))], [(m.start(2), m.end(2))], "colon", 2)
            )

    def rule_blocks(self):
        for intro, cue_r, src_r, paras in find_blocks(self.doc, self.quotes):
            self.cands.append(Cand(cue_r, src_r, paras, "block", -1, intro))

    # ------------------------------------------------------------ resolve
    def resolve(self) -> list[Cand]:
        cands = self.cands
        # outermost wins: drop a candidate whose cue lies inside another's content
        contents = RangeIndex([(a, b, o) for o in cands if o.via != "block" for a, b in o.content])
        keep = []
        for c in cands:
            nested = False
            if c.anchor >= 0 and self._relative(self.doc[c.anchor]):
                keep.append(c)
                continue
            for o in contents.containing(*c.cue[0]) if c.cue else ():
                if o is c:
                    continue
                if _inside(c.cue, o.content) and not _inside(o.cue, c.content):
                    nested = True
                    break
            if not nested:
                keep.append(c)
        keep.sort(key=lambda c: (c.rank, c.cue[0][0]))
        out: list[Cand] = []
        taken: list[Range] = []  # the cue ranges of out, sorted
        widest = 0
        for c in keep:
            if any(
                taken[i][1] > a
                for a, b in c.cue
                for i in range(bisect_left(taken, (b,)) - 1, bisect_left(taken, (a - widest,)) - 1, -1)
            ):
                continue
            out.append(c)
            for r in c.cue:
                insort(taken, r)
                widest = max(widest, r[1] - r[0])
        return out

    @staticmethod
    def _relative(v: Token) -> bool:
        """A cue in a relative clause ("a policy they say resulted in …", "what agents
        describe as …") attributes a modifier, not the clause around it."""
        if v.dep_ == "relcl":
            return any(c.dep_ == "ccomp" for c in v.children)
        return any(c.dep_ in ("dobj", "nsubj") and c.lower_ == "what" and c.i < v.i for c in v.children)

    def continuations(self, kept: list[Cand]) -> list[Cand]:
        """A quote with no cue of its own right after an attributed quote joins its content.

        Attributions whose cue lies inside such a quote are speech reported by
        the quoted speaker, nested in the continuation, and are dropped."""
        dropped: set[int] = set()
        n = len(kept)
        # indexes over kept (by position k): where cues start, every range, and where each ends
        cue_starts = sorted((min(a for a, _ in c.cue), k) for k, c in enumerate(kept) if c.cue)
        ranges = RangeIndex([(a, b, k) for k, c in enumerate(kept) for a, b in c.all_ranges()])
        end_of = {k: max(b for _, b in c.all_ranges()) for k, c in enumerate(kept) if c.via in ("cue", "colon")}
        ends = sorted((e, k) for k, e in end_of.items())
        for q in self.quotes.doubles:
            qr = [(q.start, q.end)]
            inner = {
                k
                for _, k in cue_starts[bisect_left(cue_starts, (q.start, -1)) : bisect_left(cue_starts, (q.end, -1))]
                if _inside(kept[k].cue, qr)
            }
            inner_cands = [kept[k] for k in inner]
            # a range of another attribution overlaps this quote (extras are earlier quotes: none do)
            if any(k not in inner and id(kept[k]) not in dropped for k in ranges.overlapping(q.start, q.end)):
                continue
            inner_text = self.text[q.start : q.end]
            if len(inner_text.split()) < 3 and not re.search(r"[.!?,][”\"']*$", inner_text):
                continue
            # the attribution that ends last before this quote (the first such in reading order)
            i = bisect_right(ends, (q.start, n)) - 1
            if i < 0:
                continue
            i = bisect_left(ends, (ends[i][0], -1))
            prev_end, p = ends[i]
            prev = kept[p]
            gap = _ABBREV.sub("X", self.text[prev_end : q.start])
            # only the rest of the cue's sentence ("…,” said X at a briefing.) may lie between
            if gap.count("\n") > 2 or not re.fullmatch(r"[^.!?\n“\"]{0,80}[.!?]?\s*", gap):
                continue
            if not self.quotes.overlapping(
                min(a for a, _ in prev.content), max(b for _, b in prev.content), doubles_only=True
            ):
                continue
            prev.extra.append((q.start, q.end))
            del ends[i]
            end_of[p] = max(prev_end, q.end)
            insort(ends, (end_of[p], p))
            for k in inner:
                if id(kept[k]) not in dropped and k in end_of:
                    ends.remove((end_of.pop(k), k))
            dropped.update(id(c) for c in inner_cands)
        return [c for c in kept if id(c) not in dropped]

    def run(self) -> list[Attribution]:
        self.rule_verbs()
        self.rule_according_to()
        self.rule_nouns()
        self.rule_parenthetical()
        self.rule_surface()
        self.rule_headline()
        self.rule_dash()
        self.rule_transcript()
        self.rule_blocks()
        kept = self.resolve()
        kept = self.continuations(kept)
        return self.to_attributions(kept)

    def to_attributions(self, kept: list[Cand]) -> list[Attribution]:
        text = self.text
        rows = []
        for c in kept:
            content = spans_from_ranges(text, c.content + c.extra)
            cue = spans_from_ranges(text, c.cue)
            if c.cue and text[c.cue[-1][1] - 1 : c.cue[-1][1]] in ":―—":
                # keep the colon of 'said:' / 'Trump:', and the dash of '“…” ― Name'
                a, end = c.cue[-1]
                if cue and cue[-1].start >= a:
                    a = cue[-1].start
                    cue = cue[:-1]
                while text[a].isspace():
                    a += 1
                cue.append(Span(start=a, end=end, text=text[a:end]))
            # a quotation mark at a source's edge is the quote's, not the name's ('," Gene Sperling')
            source = spans_from_ranges(text, c.source, keep_quotes=False)
            if source and cue and source[-1].end <= cue[0].start:
                source[-1] = close_parenthetical(text, source[-1])
            if not content or not cue:
                continue
            quoted = 0
            qchars = 0
            nchars = 0
            for sp in content:
                nchars += sum(1 for ch in sp.text if not ch.isspace())
                qchars += self.quotes.quoted_chars(sp.start, sp.end)
                quoted += self._quoted_words(sp.start, sp.end)
            if qchars and qchars >= nchars - 1:
                kind = "direct"
            elif qchars:
                kind = "mixed"
            else:
                kind = "indirect"
            via = c.via
            rows.append((content[0].start, source, cue, content, kind, via, quoted))
        rows.sort(key=lambda r: r[0])
        return [
            Attribution(
                id=k,
                source=r[1],
                cue=r[2],
                content=r[3],
                kind=r[4],
                via=r[5],
                quoted_words=r[6],
            )
            for k, r in enumerate(rows)
        ]

    def _quoted_words(self, start: int, end: int) -> int:
        n = 0
        for q in self.quotes.overlapping(start, end):
            a, b = max(start, q.start), min(end, q.end)
            n += len(re.findall(r"\w[\w'’\-]*", self.text[a:b]))
        return n


_ANONYMITY = re.compile(
    r"(?:asked|requested|spoke|speaking|talked|talking)\s+(?:not\s+to\s+be\s+(?:named|identified)|on\s+(?:the\s+)?condition)",
    re.IGNORECASE,
)


def extract_rules(doc: Doc) -> list[Attribution]:
    """Every attribution the rules find in ``doc``, in reading order (by content start)."""
    return _Extractor(doc).run()
