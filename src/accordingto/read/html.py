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

    def extract(source):
        return trafilatura.bare_extraction(
            source,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            # No guessing from copyright years or file dates: the page's own date only.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )

    doc = extract(page)
    body = _paragraphs(doc.text if doc is not None else None)
    if len(body) < MIN_ARTICLE_CHARS:
        # libxml2 stops parsing at 256 levels of nesting (the article below is lost); its "huge" mode reads
        # up to MAX_DEPTH: try again with it, and say so if the page is nested deeper still
        tree = _huge_tree(page)
        depth = _depth(tree) if tree is not None else 0
        if depth >= 250:
            doc = extract(tree)
            body = _paragraphs(doc.text if doc is not None else None)
        if len(body) < MIN_ARTICLE_CHARS and depth >= MAX_DEPTH - 10:
            raise NoArticleError(
                f"HTML page is nested deeper than {MAX_DEPTH:,} elements, more than the HTML parser reads:"
                " its article body cannot be found"
            )
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


MAX_DEPTH = 2048  # libxml2's deepest nesting in its huge mode (256 otherwise)


def _huge_tree(page: str):
    """The page parsed by lxml with libxml2's limits lifted (None if it does not parse)."""
    import lxml.html

    try:
        return lxml.html.fromstring(page, parser=lxml.html.HTMLParser(huge_tree=True, remove_comments=True))
    except Exception:  # noqa: BLE001 - lxml's ParserError, an empty document…
        return None


def _depth(tree) -> int:
    """The deepest nesting of elements in ``tree`` (linear: one walk)."""
    from lxml import etree

    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


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
