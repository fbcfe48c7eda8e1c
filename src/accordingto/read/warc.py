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

from .records import Failure, Record, clean_str, content_id, iso_date, one_line

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc_stream(stream: IO[bytes], *, name: str) -> Iterator[Record | Failure]:
    """The HTML pages of a WARC byte stream; ``name`` labels the sources.

    A file cut short (a truncated download) is never read as complete: a record
    whose body is shorter than its declared length, or bytes after the last
    whole record (a record cut inside its headers, a .warc.gz cut inside a gzip
    member, where warcio stops quietly), become failures with that reason.
    """
    from warcio.archiveiterator import ArchiveIterator

    class Archive(ArchiveIterator):
        cut = False  # the last gzip member stopped before its end

        def close(self):
            decompressor = getattr(getattr(self, "reader", None), "decompressor", None)
            if decompressor is not None and not getattr(decompressor, "eof", True):
                self.cut = True
            super().close()

    counted = _Counted(stream)
    archive = Archive(counted)
    records = iter(archive)
    number = 0
    whole = 0  # where the last whole record ends, in bytes of the stream
    while True:
        where = f"{name}#record {number + 1}"
        try:
            record = next(records)
        except StopIteration:
            if archive.cut or counted.count > whole:
                yield Failure(id=where, source=where, reason=CUT_FILE)
            return
        except Exception as error:  # warcio's ArchiveLoadFailed, zlib/EOF errors: the rest is unreachable
            yield Failure(id=where, source=where, reason=f"unreadable WARC record: {one_line(error)}")
            return
        number += 1
        out = _page(record, where)
        try:
            archive.read_to_end()  # the rest of the record, so that its end is known
        except Exception as error:  # noqa: BLE001 - a broken stream: reported, and the loop ends next time
            out = Failure(id=where, source=where, reason=f"unreadable WARC record: {one_line(error)}")
        missing = getattr(record.raw_stream, "limit", 0)  # bytes of the declared Content-Length never there
        if record.rec_headers.get_header("Content-Length") is None:  # required: the headers were cut short
            out = Failure(id=where, source=where, reason=CUT_FILE)
        elif missing:
            out = Failure(id=getattr(out, "id", where), source=where, reason=CUT_RECORD.format(missing=missing))
        else:
            whole = getattr(archive, "offset", whole)
        if out is not None:
            yield out


CUT_FILE = "the WARC file is cut off inside a record: that record and any after it are lost (a truncated download?)"
CUT_RECORD = "the WARC record is cut off: {missing:,} bytes of its declared length are missing (a truncated file?)"


def _page(record, where: str) -> Record | Failure | None:
    """The HTML page of one WARC record (None for a record of another kind)."""
    from . import MAX_INPUT_BYTES

    content_type = _content_type(record)
    if content_type is None:
        return None
    url = clean_str(record.rec_headers.get_header("WARC-Target-URI"))
    record_id = clean_str(record.rec_headers.get_header("WARC-Record-ID"))
    record_id = record_id.strip("<>") if record_id else None
    record_id = record_id or (content_id(url) if url else where)
    try:
        data = record.content_stream().read(MAX_INPUT_BYTES + 1)
    except Exception as error:  # broken chunked or content encoding
        return Failure(id=record_id, source=where, reason=f"unreadable WARC record body: {one_line(error)}")
    if len(data) > MAX_INPUT_BYTES:
        return Failure(id=record_id, source=where, reason=f"page is larger than {MAX_INPUT_BYTES:,} bytes")
    meta: dict[str, str] = {}
    if url:
        meta["url"] = url
    crawled = iso_date(record.rec_headers.get_header("WARC-Date"))
    if crawled:
        meta["crawled"] = crawled
        meta["published"] = crawled  # a stand-in: the page's own date wins in to_article
    return Record(id=record_id, data=data, format="html", meta=meta, source=where)


class _Counted:
    """A byte stream that counts what is read from it (and tells that as its position)."""

    def __init__(self, stream: IO[bytes]):
        self.stream = stream
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.count += len(data)
        return data

    def tell(self) -> int:
        return self.count


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
