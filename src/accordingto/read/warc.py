"""WARC archives (``.warc``, ``.warc.gz``) with warcio.

HTTP ``response`` records with a 2xx status and an HTML content type
(``text/html``, ``application/xhtml+xml``) become ``html`` records, and so
do ``resource`` records with an HTML ``Content-Type``; every other record
(requests, metadata, images, redirects) is skipped. The id is the
``WARC-Record-ID`` (angle brackets off), else a hash of the target URL;
``url`` is ``WARC-Target-URI``. ``WARC-Date`` is when the page was crawled,
not published: its date goes to ``meta["crawled"]`` and, as a stand-in,
``meta["published"]``, which :func:`~.corpus.to_article` uses only when the
page has no date of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from .corpus import Failure, Record, clean_str, content_id, iso_date, one_line

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc_stream(stream: IO[bytes], *, name: str) -> Iterator[Record | Failure]:
    """The HTML pages of a WARC byte stream; ``name`` labels the sources."""
    from warcio.archiveiterator import ArchiveIterator

    from . import MAX_INPUT_BYTES

    number = 0
    records = iter(ArchiveIterator(stream))
    while True:
        where = f"{name}#record {number + 1}"
        try:
            record = next(records)
        except StopIteration:
            return
        except Exception as error:  # warcio's ArchiveLoadFailed, zlib/EOF errors: the rest is unreachable
            yield Failure(id=where, source=where, reason=f"unreadable WARC record: {one_line(error)}")
            return
        number += 1
        content_type = _content_type(record)
        if content_type is None:
            continue
        url = clean_str(record.rec_headers.get_header("WARC-Target-URI"))
        record_id = clean_str(record.rec_headers.get_header("WARC-Record-ID"))
        record_id = record_id.strip("<>") if record_id else None
        record_id = record_id or (content_id(url) if url else where)
        try:
            data = record.content_stream().read(MAX_INPUT_BYTES + 1)
        except Exception as error:  # broken chunked or content encoding
            yield Failure(id=record_id, source=where, reason=f"unreadable WARC record body: {one_line(error)}")
            continue
        if len(data) > MAX_INPUT_BYTES:
            yield Failure(id=record_id, source=where, reason=f"page is larger than {MAX_INPUT_BYTES:,} bytes")
            continue
        meta: dict[str, str] = {}
        if url:
            meta["url"] = url
        crawled = iso_date(record.rec_headers.get_header("WARC-Date"))
        if crawled:
            meta["crawled"] = crawled
            meta["published"] = crawled  # a stand-in: the page's own date wins in to_article
        yield Record(id=record_id, data=data, format="html", meta=meta, source=where)


def _content_type(record) -> str | None:
    """The HTML content type of a record worth reading, else None."""
    if record.rec_type == "response":
        headers = record.http_headers
        if headers is None:
            return None
        status = headers.get_statuscode()
        if not (status and status.isdigit() and 200 <= int(status) < 300):
            return None
        value = headers.get_header("Content-Type")
    elif record.rec_type == "resource":
        value = record.rec_headers.get_header("Content-Type")
    else:
        return None
    value = (value or "").split(";", 1)[0].strip().lower()
    return value if value in _HTML_TYPES else None
