"""HTML: tell a page from plain text, and pull the article out of it with trafilatura."""

from __future__ import annotations

import re
from datetime import date

from ..errors import NoArticleError
from ..schema import ArticleMeta

MIN_ARTICLE_CHARS = 200  # less extracted text than this is not an article

_HTML_START = re.compile(r"\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", re.I | re.S)
_TAG = re.compile(
    r"</?(p|div|body|article|section|main|head|span|a|br|li|ul|ol|h[1-6]|table|tr|td|meta|script|style|img|header|footer|nav)\b[^>]*>",
    re.I,
)


def looks_like_html(text: str) -> bool:
    """True if ``text`` starts like an HTML document or is dense with HTML tags."""
    if _HTML_START.match(text):
        return True
    sample = text[:100_000]
    tags = len(_TAG.findall(sample))
    # A stray "<p>" in prose is not a page: ask for several tags, and about one
    # tag per 500 characters at least.
    return tags >= 4 and tags * 500 >= len(sample)


def extract_html(page: str, *, url: str | None = None) -> tuple[str, ArticleMeta]:
    """The main text of an HTML page and its metadata.

    The text is the page's headline (when it has one) followed by the body
    paragraphs, separated by a blank line. Raises :class:`NoArticleError`
    when the page has no article body.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        page,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        # No guessing from copyright years or file dates: the page's own date only.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = _paragraphs(doc.text if doc is not None else None)
    if len(body) < MIN_ARTICLE_CHARS:
        raise NoArticleError(
            f"HTML page has no article body ({len(body)} characters of main text, fewer than {MIN_ARTICLE_CHARS})"
        )
    title = _clean(doc.title)
    # Plain-text articles start with their headline; give HTML the same shape.
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    meta = ArticleMeta(
        title=title,
        author=_clean(doc.author),
        site=_clean(doc.sitename) or _clean(doc.hostname),
        url=url or _clean(doc.url),
        published=_iso_date(doc.date),
        format="html",
    )
    return text, meta


def _paragraphs(text: str | None) -> str:
    """trafilatura's one-block-per-line text → paragraphs separated by a blank line."""
    if not text:
        return ""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else None
    return value or None


def _iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from trafilatura's date, or None if it is not a date."""
    try:
        return date.fromisoformat(value[:10]).isoformat() if value else None
    except ValueError:
        return None
