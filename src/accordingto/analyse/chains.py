"""Sourcing structure: nested attributions, their chains and depth; secondhand sources.

**Nesting.** Attribution B is *inside* attribution A when every span of B's
cue and of B's source lies within one of A's content spans: the article
reports A, and A reports B ("Here's how The Daily Caller described the
scene: … Several people yelled, 'Off with his head!'"). An attribution with
neither cue nor source is inside nothing.

- ``depth`` is the number of attributions B is inside;
- ``chain`` lists them outermost first (fewest enclosing attributions of
  their own, then the widest content), then B itself, each as
  (attribution id, speaker name); so ``len(chain) == depth + 1`` and an
  attribution the article reports itself has ``chain == [itself]``.

Two cases do not count as nesting:

- an enclosing attribution with the *same* speaker ("We ask that …" inside
  the letter's own block quote, both resolved to the letter): a voice
  reporting itself adds no reporting step, and a chain "letter → letter"
  would read as if the letter were quoting someone else. For the same
  reason, of two enclosing attributions in a row with the same speaker
  only the outer one is a step ("you" inside "We ask …" inside the letter:
  letter → you, depth 1);
- two attributions each inside the other's content (overlapping extractions,
  which a consistent reading cannot give): neither encloses the other.

**Secondhand.** An attribution is secondhand when its speaker is an
``outlet`` or a ``document`` (the article relays another publication or a
letter, report, filing rather than its own reporting), or when it is inside
an attribution whose speaker is one: what "several people yelled" in The
Daily Caller's account reaches the reader through The Daily Caller.

Quadratic in the number of attributions (a few hundred at most in an
article); spans are compared as offsets, no text is read.
"""

from __future__ import annotations

from ..extract.spanindex import RangeIndex
from ..schema import Attribution, ChainLink, Span, Speaker

__all__ = ["SECONDHAND_TYPES", "encloses", "mark_chains"]

SECONDHAND_TYPES = frozenset({"outlet", "document"})


def _within(span: Span, spans: list[Span]) -> bool:
    return any(c.start <= span.start and span.end <= c.end for c in spans)


def encloses(outer: Attribution, inner: Attribution) -> bool:
    """Whether ``inner``'s cue and source lie inside ``outer``'s content (geometry only)."""
    if outer is inner or not outer.content:
        return False
    marks = [s for s in (*inner.cue, *inner.source) if s.end > s.start]
    return bool(marks) and all(_within(s, outer.content) for s in marks)


def mark_chains(attributions: list[Attribution], speakers: list[Speaker]) -> list[Attribution]:
    """Each attribution with ``depth``, ``chain`` and ``secondhand`` set (new objects, same order)."""
    types = {sp.id: sp.type for sp in speakers}
    n = len(attributions)
    # cheap pre-filter: the content's outer bounds must reach round the cue and source
    bounds = [
        (min(s.start for s in a.content), max(s.end for s in a.content)) if a.content else (1, 0) for a in attributions
    ]
    marks = []
    for a in attributions:
        m = [s for s in (*a.cue, *a.source) if s.end > s.start]
        marks.append((min(s.start for s in m), max(s.end for s in m)) if m else None)
    # the contents' bounds, indexed: looking up those round each cue stays linear in the text
    around = RangeIndex([(b0, b1, j) for j, (b0, b1) in enumerate(bounds) if b0 <= b1])
    raw = [
        sorted(
            j
            for j in set(around.containing(*marks[i]))
            if encloses(attributions[j], attributions[i])
        )
        if marks[i] is not None
        else []
        for i in range(n)
    ]
    enclosing: list[list[int]] = []
    for i, a in enumerate(attributions):
        keep = []
        for j in raw[i]:
            if i in raw[j]:
                continue  # each inside the other: overlapping extractions, no nesting
            b = attributions[j]
            if a.speaker_id is not None and b.speaker_id == a.speaker_id:
                continue  # the same voice reporting itself
            keep.append(j)
        enclosing.append(keep)

    def extent(j: int) -> int:
        c = attributions[j].content
        return max(s.end for s in c) - min(s.start for s in c)

    def relays(j: int) -> bool:
        sid = attributions[j].speaker_id
        return sid is not None and types.get(sid) in SECONDHAND_TYPES

    out = []
    for i, a in enumerate(attributions):
        outer: list[int] = []
        for j in sorted(enclosing[i], key=lambda j: (len(enclosing[j]), -extent(j), j)):
            sid = attributions[j].speaker_id
            if outer and sid is not None and attributions[outer[-1]].speaker_id == sid:
                continue  # the same voice again, one level down ("We ask …" in the letter's block)
            outer.append(j)
        chain = [ChainLink(attribution_id=attributions[j].id, speaker=attributions[j].speaker) for j in outer]
        chain.append(ChainLink(attribution_id=a.id, speaker=a.speaker))
        secondhand = relays(i) or any(relays(j) for j in raw[i] if i not in raw[j])
        out.append(a.model_copy(update={"depth": len(outer), "chain": chain, "secondhand": secondhand}))
    return out
