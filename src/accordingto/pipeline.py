"""read → nlp → extract → resolve → analyse → Report: the one road through the library."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from .read import Article, read_input
from .schema import Report

log = logging.getLogger(__name__)

def analyze(
    text_or_html: str | bytes,
    *,
    published: str | None = None,
    fast: bool = False,
    format: str = "auto",
    url: str | None = None,
    gender_overrides: str | Path | Mapping[str, str] | None = None,
) -> Report:
    """Analyse one article (plain text or an HTML page) and return its sourcing report.

    ``published`` (YYYY-MM-DD) anchors relative dates; for HTML it defaults to
    the page's own date. ``fast`` uses the rule-based extractor only (no
    transformer). ``gender_overrides``: a CSV file of ``name,gender`` (or a
    mapping name → ``woman``/``man``/``unknown``) applied before any evidence
    (see :mod:`accordingto.analyse.gender`). Raises
    :class:`accordingto.errors.InputError` for input that is not an English
    news article (and :class:`~accordingto.analyse.gender.GenderOverridesError`
    for a bad overrides file).
    """
    overrides = load_overrides(gender_overrides)
    article = read_input(text_or_html, format=format, url=url)
    if published:
        article.meta.published = _iso_date(published)
    return analyze_article(article, fast=fast, gender_overrides=overrides)


PIECE_CHARS = 100_000  # a longer text is analysed in pieces of at most this many characters


def load_overrides(value: str | Path | Mapping[str, str] | None) -> dict[str, str] | None:
    """Gender overrides from a CSV path or a mapping, keyed as :func:`~accordingto.analyse.gender.override_key` keys them."""
    if value is None:
        return None
    from .analyse.gender import GENDERS, GenderOverridesError, override_key, read_overrides

    if isinstance(value, (str, Path)):
        return read_overrides(value)
    out = {}
    for name, gender in value.items():
        g = str(gender).strip().lower()
        if g not in GENDERS:
            raise GenderOverridesError(f"gender override for {name!r}: {gender!r} is not one of {', '.join(GENDERS)}")
        out[override_key(str(name))] = g
    return out


def analyze_article(article: Article, *, fast: bool = False, gender_overrides: Mapping[str, str] | None = None) -> Report:
    """Analyse an already read :class:`Article`; ``gender_overrides`` as :func:`load_overrides` returns them.

    A text longer than :data:`PIECE_CHARS` (up to the 5 MB input limit) is
    analysed in pieces cut at paragraph breaks (else sentence ends, else white
    space), one after the other, and the pieces' reports are joined into one
    whose offsets point into the whole text; a speaker named alike in two pieces
    is one speaker. The cost is linear in the length, and spaCy never sees more
    than its ``max_length``.
    """
    from . import analyse

    from .nlp import get_nlp

    pieces = split_text(article.text, min(PIECE_CHARS, get_nlp().max_length))
    for i, (a, b) in enumerate(pieces if len(pieces) > 1 else []):
        log.info("a long text (%d characters): piece %d of %d, characters %d-%d", len(article.text), i + 1, len(pieces), a, b)
    parts = [_analyze_piece(article.text[a:b], article.meta.published, fast, gender_overrides) for a, b in pieces]
    if len(parts) == 1:
        fields, n_sentences = parts[0]
    else:
        fields, n_sentences = _join([start for start, _ in pieces], parts)
    return Report(
        article=article.meta,
        text=article.text,
        **fields,
        profile=analyse.build_profile(
            fields["attributions"], fields["speakers"], fields["unattributed"], fields["hedges"], n_sentences
        ),
    )


def _analyze_piece(text: str, published: str | None, fast: bool,
                   gender_overrides: Mapping[str, str] | None = None) -> tuple[dict, int]:
    """The report's lists for one text (offsets into it), and its number of sentences."""
    from . import analyse
    from .extract import extract
    from .nlp import get_nlp
    from .resolve import resolve

    doc = get_nlp()(text, disable=_skipped(fast))
    attributions = extract(doc, fast=fast)
    attributions, speakers = resolve(doc, attributions)
    speakers = analyse.assign_genders(speakers, text, doc, gender_overrides)
    attributions = analyse.mark_stance(analyse.mark_chains(attributions, speakers))
    unattributed = analyse.unattributed_sentences(doc, attributions)
    hedges = analyse.find_hedges(doc, attributions)
    dates = analyse.find_dates(doc, published)
    fields = dict(
        attributions=attributions,
        speakers=speakers,
        unattributed=unattributed,
        hedges=hedges,
        scare_quotes=analyse.find_scare_quotes(doc, attributions),
        dates=dates,
        timeline=analyse.build_timeline(doc, dates, attributions),
    )
    return fields, sum(1 for _ in doc.sents)


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


def _join(starts: list[int], parts: list[tuple[dict, int]]) -> tuple[dict, int]:
    """One report's lists from the pieces' (offsets moved, ids renumbered, speakers merged by name)."""
    from .schema import Attribution, DateMention, Hedge, Sentence, Span, Speaker, TimelineEvent

    out: dict[str, list] = {k: [] for k in parts[0][0]}
    speakers: dict[str, dict] = {}  # canonical name → the merged speaker
    for offset, (fields, _) in zip(starts, parts):
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


def _skipped(fast: bool) -> list[str]:
    """spaCy components the tagger stands in for: its NER, when the tagger has an entity head."""
    if fast:
        return []
    from .extract.tagger import has_entities

    return ["ner"] if has_entities() else []


def _iso_date(value: str) -> str:
    from datetime import date

    from .errors import InputError

    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise InputError(f"publication date {value!r} is not a date in YYYY-MM-DD form") from None
