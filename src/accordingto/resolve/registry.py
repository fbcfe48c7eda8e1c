"""An article's entities: :class:`Entity` (one speaker candidate with all its mentions) and
:class:`Registry` (all of them, and which token belongs to which mention)."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import lexicon as lx
from .mentions import Cand, DocInfo


def nominal_key(text: str) -> str:
    """An unnamed mention's words, in lower case, without a leading determiner ("The agents" → "agents")."""
    ws = text.lower().split()
    while ws and ws[0] in lx.DETERMINERS:
        ws = ws[1:]
    return " ".join(ws)


@dataclass
class Entity:
    mentions: list[Cand]
    named: bool
    type: str = "unknown"
    label: str = ""  # NER label of the canonical mention (named) or nominal category
    lemma: str = ""  # head noun (nominals)
    roles: set[str] = field(default_factory=set)
    descr: set[str] = field(default_factory=set)
    gender: str | None = None
    gender_from_name: bool = False  # only a first-name guess: a pronoun may still say otherwise
    plural: bool = False
    aliases: set[str] = field(default_factory=set)
    attributions: int = 0
    quoted_words: int = 0
    first_spoke: int | None = None
    fixed_name: str | None = None  # several speakers in one source: "Jon Tester and David Vitter"
    members: tuple[int, ...] = ()  # their entities' ids
    part_of: "Entity | None" = None  # "Some" of "council members": the group it is part of

    def add(self, c: Cand) -> None:
        """Add a mention, dropping any of ours it contains (or skipping it when one of ours contains it)."""
        for m in self.mentions:
            if m.start <= c.start and c.end <= m.end:
                return
        self.mentions = [m for m in self.mentions if not (c.start <= m.start and m.end <= c.end)]
        self.mentions.append(c)
        self.mentions.sort(key=lambda m: m.start)
        self.roles |= c.roles
        self.descr |= c.descr

    @property
    def first(self) -> int:
        return self.mentions[0].start


class Registry:
    """All entities of one article, and which token belongs to which mention."""

    def __init__(self, info: DocInfo):
        self.info = info
        self.entities: list[Entity] = []
        self.by_token: dict[int, tuple[Entity, Cand]] = {}
        self.bare: dict[str, Entity] = {}  # unnamed entities by their words ("agents")

    def new(self, e: Entity) -> Entity:
        self.entities.append(e)
        for m in e.mentions:
            self.index(e, m)
        if not e.named:
            for m in e.mentions:
                self.bare.setdefault(nominal_key(m.text), e)
        return e

    def attach(self, e: Entity, c: Cand) -> None:
        e.add(c)
        self.index(e, c)

    def index(self, e: Entity, c: Cand) -> None:
        doc = self.info.doc
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None:
            return
        for t in span:
            self.by_token.setdefault(t.i, (e, c))

    def at(self, token_i: int) -> tuple[Entity, Cand] | None:
        return self.by_token.get(token_i)
