"""read → nlp → extract → resolve → analyse → Report: the one road through the library."""

from __future__ import annotations

from .read import Article, read_input
from .schema import Report


def analyze(
    text_or_html: str | bytes,
    *,
    published: str | None = None,
    fast: bool = False,
    format: str = "auto",
    url: str | None = None,
) -> Report:
    """Analyse one article (plain text or an HTML page) and return its sourcing report.

    ``published`` (YYYY-MM-DD) anchors relative dates; for HTML it defaults to
    the page's own date. ``fast`` uses the rule-based extractor only (no
    transformer). Raises :class:`accordingto.errors.InputError` for input that
    is not an English news article.
    """
    article = read_input(text_or_html, format=format, url=url)
    if published:
        article.meta.published = _iso_date(published)
    return analyze_article(article, fast=fast)


def analyze_article(article: Article, *, fast: bool = False) -> Report:
    """Analyse an already read :class:`Article`."""
    from . import analyse
    from .extract import extract
    from .nlp import get_nlp
    from .resolve import resolve

    doc = get_nlp()(article.text, disable=_skipped(fast))
    attributions = extract(doc, fast=fast)
    attributions, speakers = resolve(doc, attributions)
    attributions = analyse.mark_stance(analyse.mark_chains(attributions, speakers))
    unattributed = analyse.unattributed_sentences(doc, attributions)
    hedges = analyse.find_hedges(doc, attributions)
    dates = analyse.find_dates(doc, article.meta.published)
    return Report(
        article=article.meta,
        text=article.text,
        attributions=attributions,
        speakers=speakers,
        unattributed=unattributed,
        hedges=hedges,
        scare_quotes=analyse.find_scare_quotes(doc, attributions),
        dates=dates,
        timeline=analyse.build_timeline(doc, dates, attributions),
        profile=analyse.build_profile(attributions, speakers, unattributed, hedges, sum(1 for _ in doc.sents)),
    )


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
