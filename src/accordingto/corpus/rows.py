"""One report → the rows it puts in every table of the store, as plain picklable tuples.

The rows of an article are built by :func:`article_rows` (in a worker
process, from the report) so that the process that writes only has to
insert them; :func:`text_hash` is the duplicate check.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any

from ..schema import Report


@dataclass
class ArticleRows:
    """The rows of one article for every table, as plain tuples in column order (picklable)."""

    id: str
    text_hash: str
    tables: dict[str, list[tuple]] = field(default_factory=dict)


def text_hash(text: str) -> str:
    """The SHA-256 (hex) of the analysed text, white space collapsed: the duplicate check."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8", "surrogatepass")).hexdigest()


_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|\n\s*\n|\n(?=\S)")


def count_sentences(text: str) -> int:
    """Sentences of the text by a rule-based split (end punctuation, line breaks): approximate.

    Only for a report without a profile, whose ``unattributed_share`` is counted here; the stored
    ``n_sentences`` is always the profile's (spaCy's split), NULL without one.
    """
    return len([part for part in _SENTENCE_END.split(text) if part and part.strip()])


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _texts(spans) -> str | None:
    return " … ".join(s.text for s in spans) if spans else None


def _profile_values(report: Report) -> dict[str, Any]:
    """The profile columns: from ``report.profile`` when the pipeline built one, else counted here."""
    if report.profile is not None:
        p = report.profile
        return {
            "voices": p.voices,
            "attributions": p.attributions,
            "quoted_words": p.quoted_words,
            "secondhand_share": p.secondhand_share,
            "anonymous_share": p.anonymous_share,
            "unattributed_share": p.unattributed_share,
            "nested": p.nested,
            "hedged": p.hedged,
            "loaded_cues": p.loaded_cues,
        }
    attributions = report.attributions
    n = len(attributions)
    n_sentences = count_sentences(report.text)
    types = {s.id: s.type for s in report.speakers}
    return {
        "voices": len({a.speaker_id for a in attributions if a.speaker_id is not None}),
        "attributions": n,
        "quoted_words": sum(a.quoted_words for a in attributions),
        "secondhand_share": (sum(a.secondhand for a in attributions) / n) if n else 0.0,
        "anonymous_share": (sum(types.get(a.speaker_id) == "anonymous" for a in attributions) / n) if n else 0.0,
        "unattributed_share": min(1.0, len(report.unattributed) / n_sentences) if n_sentences else 0.0,
        "nested": sum(a.depth > 0 for a in attributions),
        "hedged": sum(not h.attributed for h in report.hedges),
        "loaded_cues": sum(a.stance == "loaded" for a in attributions),
    }


def article_rows(
    report: Report,
    *,
    id: str | None = None,
    source: str | None = None,
    fast: bool = False,
    hash: str | None = None,
    analysed_at: datetime | None = None,
) -> ArticleRows:
    """Every row that one report puts in the store.

    ``id`` defaults to ``report.article.id``; ``hash`` to :func:`text_hash` of
    the report's text.
    """
    meta = report.article
    article_id = id or meta.id
    if not article_id:
        raise ValueError("an article needs an id to be stored")
    digest = hash or text_hash(report.text)
    n_sentences = report.profile.n_sentences if report.profile is not None else None  # spaCy's count, as the profile's
    profile = _profile_values(report)
    when = analysed_at or datetime.now(timezone.utc).replace(tzinfo=None)
    article = (
        article_id,
        digest,
        source,
        meta.url,
        meta.outlet,
        _date(meta.published),
        meta.title,
        meta.author,
        meta.site,
        meta.format,
        len(report.text.split()),
        n_sentences,
        profile["voices"],
        profile["attributions"],
        profile["quoted_words"],
        float(profile["secondhand_share"]),
        float(profile["anonymous_share"]),
        float(profile["unattributed_share"]),
        len(report.unattributed),
        profile["nested"],
        profile["hedged"],
        profile["loaded_cues"],
        fast,
        report.model_dump_json(),
        when,
    )
    types = {s.id: s.type for s in report.speakers}
    attributions = [
        (
            article_id,
            a.id,
            a.speaker_id,
            a.speaker,
            types.get(a.speaker_id) if a.speaker_id is not None else None,
            a.kind,
            a.via,
            a.stance,
            a.secondhand,
            a.depth,
            a.quoted_words,
            _texts(a.source),
            _texts(a.cue),
            _texts(a.content),
            json.dumps({part: [[s.start, s.end] for s in getattr(a, part)] for part in ("source", "cue", "content")}),
            json.dumps([link.model_dump() for link in a.chain]),
        )
        for a in report.attributions
    ]
    speakers = [
        (
            article_id,
            s.id,
            s.name,
            s.type,
            s.role,
            s.affiliation,
            s.author,
            json.dumps(s.aliases),
            s.attributions,
            s.quoted_words,
            len(s.mentions),
            s.gender,
            s.gender_evidence.kind if s.gender_evidence else None,
            json.dumps([sp.model_dump() for sp in s.gender_evidence.spans]) if s.gender_evidence else None,
        )
        for s in report.speakers
    ]
    mentions = [
        (article_id, s.id, m.start, m.end, m.text, m.kind) for s in report.speakers for m in s.mentions
    ]
    dates = [
        (article_id, d.start, d.end, d.text, _date(d.date), _date(d.date_end), d.relative, d.note)
        for d in report.dates
    ]
    return ArticleRows(
        id=article_id,
        text_hash=digest,
        tables={
            "articles": [article],
            "attributions": attributions,
            "speakers": speakers,
            "mentions": mentions,
            "dates": dates,
        },
    )
