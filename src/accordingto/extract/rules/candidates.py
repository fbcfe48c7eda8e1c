"""Candidates: what a rule proposes, in character ranges, before conflicts are settled."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

Range = tuple[int, int]


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


def char_ranges(tokens: list[Token]) -> list[Range]:
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
