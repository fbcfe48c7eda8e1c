"""RSS and Atom feeds saved as files (``.xml``/``.rss``/``.atom``, maybe gzipped), with feedparser.

Only entries that carry the full article (RSS ``content:encoded``, Atom
``content``) become records; summary-only entries are skipped. Each becomes
an ``html`` record: the entry's content inside a small page whose
``<title>`` is the entry's title. id = the entry's id, else its link, else a
hash of the content; url = link; published = the entry's published (else
updated) date; title; author; outlet = the feed's title.

feedparser parses a feed whole, so a feed file is held in memory while its
entries are yielded (feeds are small; the size limit is
:data:`MAX_FEED_BYTES`).
"""

from __future__ import annotations

import html
import io
import time
from collections.abc import Iterator
from typing import IO, Any

from .records import Failure, Record, clean_str, content_id, one_line, read_limited

MAX_FEED_BYTES = 200_000_000
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def iter_feed_stream(stream: IO[bytes], *, name: str) -> Iterator[Record | Failure]:
    """The full-content entries of a feed byte stream; ``name`` labels the sources."""
    import feedparser

    try:
        data = read_limited(stream, MAX_FEED_BYTES)
    except (OSError, EOFError) as error:
        yield Failure(id=name, source=name, reason=f"cannot read: {one_line(error)}")
        return
    if data is None:
        yield Failure(id=name, source=name, reason=f"feed is larger than {MAX_FEED_BYTES:,} bytes")
        return
    # A file object, never bytes: feedparser would try bytes as a file name first.
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        if parsed.get("bozo"):
            reason = one_line(parsed.get("bozo_exception") or "malformed feed")
            yield Failure(id=name, source=name, reason=f"unreadable feed: {reason}")
        return
    outlet = clean_str(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, 1):
        where = f"{name}#entry {number}"
        body = _full_content(entry)
        if body is None:
            continue
        title = clean_str(entry.get("title"))
        meta: dict[str, str] = {}
        for key, value in (
            ("url", clean_str(entry.get("link"))),
            ("outlet", outlet),
            ("published", _entry_date(entry)),
            ("title", title),
            ("author", clean_str(entry.get("author"))),
        ):
            if value:
                meta[key] = value
        record_id = clean_str(entry.get("id")) or meta.get("url") or content_id(body)
        yield Record(id=record_id, data=_page(body, title), format="html", meta=meta, source=where)


def _full_content(entry: Any) -> str | None:
    """The entry's full content (the longest HTML ``content`` block), or None."""
    best = None
    for block in entry.get("content") or []:
        value = block.get("value") or ""
        kind = (block.get("type") or "text/html").lower()
        if not value.strip():
            continue
        if kind not in _HTML_TYPES:  # text/plain content: escape it into paragraphs
            value = "".join(f"<p>{html.escape(p.strip())}</p>" for p in value.split("\n\n") if p.strip())
        if best is None or len(value) > len(best):
            best = value
    return best


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", value)
    return None


def _page(body: str, title: str | None) -> str:
    """An entry's content as a page trafilatura reads like an article page."""
    head = f"<title>{html.escape(title)}</title>" if title else ""
    heading = f"<h1>{html.escape(title)}</h1>" if title else ""
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8">{head}</head>'
        f"<body><article>{heading}{body}</article></body></html>"
    )
