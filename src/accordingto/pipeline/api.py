"""``accordingto.analyze``: read → the spaCy pipeline (extract → resolve → analyse) → Report, the one road through the library."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from spacy.tokens import Doc

from ..analyse.gender import load_overrides
from ..read import Article, read_input
from ..schema import ArticleMeta, Report
from .load import load_pipeline, run
from .pieces import join, split_text

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
        article.meta.published = iso_date(published)
    return analyze_article(article, fast=fast, gender_overrides=overrides)


PIECE_CHARS = 100_000  # a longer text is analysed in pieces of at most this many characters


def analyze_article(article: Article, *, fast: bool = False, gender_overrides: Mapping[str, str] | None = None) -> Report:
    """Analyse an already read :class:`Article`; ``gender_overrides`` as :func:`load_overrides` returns them.

    The article's text goes through the one spaCy pipeline (:func:`.load.load_pipeline`)
    and :meth:`Report.from_doc` reads the report off the Doc. A text longer
    than :data:`PIECE_CHARS` (up to the 5 MB input limit) is analysed in
    pieces cut at paragraph breaks (else sentence ends, else white space),
    one after the other, and the pieces' reports are joined into one whose
    offsets point into the whole text (:mod:`.pieces`); a speaker named alike
    in two pieces is one speaker. The cost is linear in the length, and spaCy
    never sees more than its ``max_length``.
    """
    from .. import analyse

    spans = split_text(article.text, min(PIECE_CHARS, load_pipeline().max_length))
    if len(spans) == 1:
        return Report.from_doc(analyze_doc(article.text, article.meta, fast, gender_overrides))
    parts = []
    for i, (a, b) in enumerate(spans):
        log.info("a long text (%d characters): piece %d of %d, characters %d-%d", len(article.text), i + 1, len(spans), a, b)
        doc = analyze_doc(article.text[a:b], article.meta, fast, gender_overrides)
        report = Report.from_doc(doc)
        parts.append((report, report.profile.n_sentences))
    fields, n_sentences = join([start for start, _ in spans], parts)
    return Report(
        article=article.meta,
        text=article.text,
        **fields,
        profile=analyse.build_profile(
            fields["attributions"], fields["speakers"], fields["unattributed"], fields["hedges"], n_sentences
        ),
    )


def analyze_doc(text: str, meta: ArticleMeta | None = None, fast: bool = False,
                gender_overrides: Mapping[str, str] | None = None) -> Doc:
    """``text`` through the whole pipeline, with the article's metadata on ``doc._.article``."""
    doc = load_pipeline().make_doc(text)
    doc._.article = (meta or ArticleMeta()).model_dump(mode="json")
    return run(doc, fast=fast, gender_overrides=gender_overrides, disable=_skipped(fast))


def _skipped(fast: bool) -> list[str]:
    """spaCy components the tagger stands in for: its NER, when the tagger has an entity head."""
    if fast:
        return []
    from ..extract.tagger import has_entities

    return ["ner"] if has_entities() else []


def iso_date(value: str) -> str:
    """A publication date given as YYYY-MM-DD, checked; :class:`~accordingto.errors.InputError` if it is not one."""
    from datetime import date

    from ..errors import InputError

    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise InputError(f"publication date {value!r} is not a date in YYYY-MM-DD form") from None
