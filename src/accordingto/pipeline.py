"""read → nlp → extract → resolve → analyse → Report: the one road through the library."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from .read import Article, read_input
from .schema import Report


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
    """Analyse an already read :class:`Article`; ``gender_overrides`` as :func:`load_overrides` returns them."""
    from . import analyse
    from .extract import extract
    from .nlp import get_nlp
    from .resolve import resolve

    doc = get_nlp()(article.text)
    attributions = extract(doc, fast=fast)
    attributions, speakers = resolve(doc, attributions)
    speakers = analyse.assign_genders(speakers, article.text, doc, gender_overrides)
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


def _iso_date(value: str) -> str:
    from datetime import date

    from .errors import InputError

    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise InputError(f"publication date {value!r} is not a date in YYYY-MM-DD form") from None
