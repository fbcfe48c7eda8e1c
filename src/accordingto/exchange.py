"""The exchange format of PREDICTIONS.md: one JSON object per article."""

from __future__ import annotations

from .schema import Report


def to_prediction(article_id: str, report: Report) -> dict:
    """``{"id", "attributions": [{"source", "cue", "content", "speaker"}]}`` with ``[start, end]`` fragments."""

    def frags(spans) -> list[list[int]]:
        return [[s.start, s.end] for s in spans]

    return {
        "id": article_id,
        "attributions": [
            {"source": frags(a.source), "cue": frags(a.cue), "content": frags(a.content), "speaker": a.speaker}
            for a in report.attributions
        ],
    }
