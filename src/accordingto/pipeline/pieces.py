"""Long texts in pieces: where to cut, and one report from the pieces' reports."""

from __future__ import annotations

from ..schema import Attribution, DateMention, Hedge, Report, Sentence, Span, Speaker, TimelineEvent

FIELDS = ("attributions", "speakers", "unattributed", "hedges", "scare_quotes", "dates", "timeline")


def split_text(text: str, size: int) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of ``text`` of at most ``size`` characters, covering it exactly.

    Each piece ends after the last paragraph break (a blank line, else a line
    break) that fits, else after a sentence end, else at white space, else at
    ``size`` characters.
    """
    pieces = []
    start, n = 0, len(text)
    while n - start > size:
        hi = start + size
        cut = -1
        for mark in ("\n\n", "\n"):
            k = text.rfind(mark, start + size // 2, hi)
            if k >= 0:
                cut = k + len(mark)
                break
        if cut < 0:
            ends = [text.rfind(e, start + size // 2, hi) for e in (". ", "! ", "? ")]
            k = max(ends)
            cut = k + 2 if k >= 0 else -1
        if cut < 0:
            k = max(text.rfind(w, start + 1, hi) for w in (" ", "\t"))
            cut = k + 1 if k >= 0 else hi
        pieces.append((start, cut))
        start = cut
    pieces.append((start, n))
    return pieces


def _shift(data, offset: int):
    """``data`` (a model dump) with every ``start``/``end`` offset moved by ``offset``."""
    if isinstance(data, dict):
        return {
            k: (v + offset if k in ("start", "end") and isinstance(v, int) else _shift(v, offset)) for k, v in data.items()
        }
    if isinstance(data, list):
        return [_shift(v, offset) for v in data]
    return data


def join(starts: list[int], parts: list[tuple[Report, int]]) -> tuple[dict, int]:
    """One report's lists from the pieces' reports and sentence counts (offsets moved, ids renumbered,
    speakers merged by name)."""
    out: dict[str, list] = {k: [] for k in FIELDS}
    speakers: dict[str, dict] = {}  # canonical name → the merged speaker
    for offset, (report, _) in zip(starts, parts):
        fields = {k: getattr(report, k) for k in FIELDS}
        ids: dict[int, int] = {}
        for sp in fields["speakers"]:
            d = _shift(sp.model_dump(), offset)
            known = speakers.get(d["name"])
            if known is None:
                d["id"] = len(speakers)
                speakers[d["name"]] = d
                known = d
            else:
                known["mentions"] += d["mentions"]
                known["aliases"] += [a for a in d["aliases"] if a not in known["aliases"]]
                known["attributions"] += d["attributions"]
                known["quoted_words"] += d["quoted_words"]
                for k in ("role", "affiliation", "author"):
                    known[k] = known[k] or d[k]
            ids[sp.id] = known["id"]
        first = len(out["attributions"])
        for a in fields["attributions"]:
            d = _shift(a.model_dump(), offset)
            d["id"] += first
            if d["speaker_id"] is not None:
                d["speaker_id"] = ids[d["speaker_id"]]
            for link in d["chain"]:
                link["attribution_id"] += first
            out["attributions"].append(d)
        for key in ("unattributed", "hedges", "scare_quotes", "dates", "timeline"):
            out[key] += [_shift(x.model_dump(), offset) for x in fields[key]]
    models = dict(
        attributions=Attribution, unattributed=Sentence, hedges=Hedge, scare_quotes=Span, dates=DateMention,
        timeline=TimelineEvent,
    )
    joined = {k: [models[k].model_validate(x) for x in v] for k, v in out.items() if k != "speakers"}
    joined["speakers"] = [Speaker.model_validate(d) for d in speakers.values()]
    joined["timeline"].sort(key=lambda e: e.date)  # in date order, reading order within a day
    return joined, sum(n for _, n in parts)
