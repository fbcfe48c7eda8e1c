"""Combining the two extractors: the rules' structure, the tagger's span boundaries, the tagger's extra finds.

Measured on PolNeAR dev (``/tmp``-free: see README, "Accuracy"): the rules are
precise (which source goes with which cue, block quotes, continuations), the
tagger finds more and draws boundaries as the annotators do. So:

- a rule attribution whose cue the tagger also found keeps its structure but
  takes the tagger's cue, and its source and content wherever they overlap
  (of a direct quote, only the content fragments that touch the quotation);
- a tagger attribution whose cue no rule found is added as it is, if it names
  a source (without one, half of them are wrong on dev: attribution F1 77.1
  with them, 77.9 without) and its cue lies inside no rule attribution's
  source or content: the tagger was trained on
  PolNeAR, which never nests, and inside a quoted letter its finds are noise
  (the rules keep the nested attributions that matter, as in a quoted scene).
"""

from __future__ import annotations

from ..schema import Attribution
from .spans import overlaps


def combine(rules: list[Attribution], tagged: list[Attribution]) -> list[Attribution]:
    """One list, in reading order, renumbered."""
    out = []
    for a in rules:
        match = next((t for t in tagged if overlaps(a.cue, t.cue)), None)
        if match is None:
            out.append(a)
            continue
        # a block or colon quote is the rules' find: the tagger sees only the introducing sentence
        keep_content = a.via in ("block", "headline") or not overlaps(a.content, match.content)
        update = {"cue": match.cue}
        if match.source and overlaps(a.source, match.source):
            update["source"] = match.source
        if not keep_content:
            content = match.content
            if a.kind == "direct":
                # a direct quote the rules found is the quotation: the tagger's
                # fragments that touch none of it belong to another sentence
                # ('… was simple: would it reopen? "It will," she said.')
                content = [c for c in content if overlaps([c], a.content)] or content
            update["content"] = content
            update["kind"], update["quoted_words"] = match.kind, match.quoted_words
        out.append(a.model_copy(update=update))
    out.extend(
        t
        for t in tagged
        if t.source
        and not any(overlaps(t.cue, a.cue) or overlaps(t.cue, a.content) or overlaps(t.cue, a.source) for a in rules)
    )
    out.sort(key=lambda a: (a.content[0].start, a.cue[0].start))
    return [a.model_copy(update={"id": i}) for i, a in enumerate(out)]
