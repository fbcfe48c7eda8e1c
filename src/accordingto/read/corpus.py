"""Corpus input: many articles from directories, JSON Lines, WARC, feeds, PolNeAR.

:func:`iter_records` streams :class:`Record` objects (the raw text or HTML of
one article and what its container says about it) from any mix of inputs,
one record in memory at a time. A record that cannot even be read (a corrupt
JSON line, a broken WARC record) comes out as a :class:`Failure` and the
iteration goes on. :func:`to_article` turns a record into an
:class:`~accordingto.read.Article` with :func:`~accordingto.read.read_input`.

Formats, one module each, detected from the path and, where the name says
nothing, from the first bytes of the (decompressed) content:

- a directory of ``.txt``/``.html``/``.htm`` files (:mod:`.directory`);
- the PolNeAR layout, ``metadata.tsv`` with ``train/``/``dev/`` splits, or a
  split dir with ``text/`` (:mod:`.directory`, reusing :mod:`.polnear`);
- JSON Lines, ``.jsonl``/``.ndjson`` (:mod:`.jsonl`);
- WARC, ``.warc`` (:mod:`.warc`);
- RSS/Atom feeds, ``.xml``/``.rss``/``.atom`` (:mod:`.feeds`);
- a single ``.txt``/``.html`` file, one record.

Each may be gzipped (a ``.gz`` suffix or the gzip magic number). ``-`` reads
standard input, sniffed the same way.
"""

from __future__ import annotations

import gzip
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .records import (  # noqa: F401 - the records and helpers, also reachable from here
    GZIP_MAGIC,
    SUFFIXES,
    Failure,
    Record,
    RecordFormat,
    clean_str,
    content_id,
    iso_date,
    iter_file,
    one_line,
    open_binary,
    read_limited,
    strip_suffixes,
)

__all__ = ["Failure", "Record", "detect_format", "iter_records", "to_article"]


_SNIFF_BYTES = 4096







# --- helpers shared by the format modules ---------------------------------------
















def sniff(head: bytes) -> str:
    """The format of content starting with ``head`` (decompressed): jsonl, warc, feed, html or text."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"WARC/"):
        return "warc"
    if start.startswith(b"{"):
        return "jsonl"
    lowered = start[:_SNIFF_BYTES].lower()
    if b"<rss" in lowered or b"<feed" in lowered or b"<rdf:rdf" in lowered:
        return "feed"
    if start.startswith(b"<"):
        return "html"
    return "text"


# --- dispatch ------------------------------------------------------------------


def detect_format(path: str | Path) -> str:
    """The format of an input path.

    One of ``polnear``, ``directory``, ``jsonl``, ``warc``, ``feed``,
    ``text``, ``html``: from the layout of a directory, else from the file
    name (``.gz`` aside), else from the first bytes of its content.
    """
    path = Path(path)
    if path.is_dir():
        from .directory import is_polnear

        return "polnear" if is_polnear(path) else "directory"
    _, inner = strip_suffixes(path)
    if inner in SUFFIXES:
        return SUFFIXES[inner]
    with open_binary(path) as stream:
        return sniff(stream.read(_SNIFF_BYTES))


def iter_records(inputs: list[str | Path] | tuple[str | Path, ...]) -> Iterator[Record | Failure]:
    """Every record of every input, in order, one at a time.

    An input that does not exist or cannot be opened yields one
    :class:`Failure`; so does each record that cannot be read. Nothing is
    read before the iteration asks for it.
    """
    for item in inputs:
        if str(item) == "-":
            yield from _iter_stdin()
            continue
        path = Path(item)
        if not path.exists():
            yield Failure(id=str(path), source=str(path), reason="no such file or directory")
            continue
        try:
            kind = detect_format(path)
        except (OSError, EOFError, gzip.BadGzipFile) as error:
            yield Failure(id=str(path), source=str(path), reason=f"cannot read: {_why(error)}")
            continue
        yield from _iter_kind(kind, path)


def _iter_kind(kind: str, path: Path) -> Iterator[Record | Failure]:
    if kind == "polnear":
        from .directory import iter_polnear

        yield from iter_polnear(path)
    elif kind == "directory":
        from .directory import iter_directory

        yield from iter_directory(path)
    elif kind == "jsonl":
        from .jsonl import iter_jsonl_stream

        yield from iter_file(path, iter_jsonl_stream)
    elif kind == "warc":
        from .warc import iter_warc_stream

        yield from iter_file(path, iter_warc_stream, gunzip=False)  # warcio gunzips by itself
    elif kind == "feed":
        from .feeds import iter_feed_stream

        yield from iter_file(path, iter_feed_stream)
    else:
        from .directory import read_file_record

        yield read_file_record(path, id=strip_suffixes(path)[0], format=kind)


def _iter_stdin() -> Iterator[Record | Failure]:
    """Standard input, sniffed: JSON Lines, WARC, a feed, or one article."""
    import io

    raw = sys.stdin.buffer
    buffered = raw if hasattr(raw, "peek") else io.BufferedReader(raw)  # type: ignore[arg-type]
    stream: IO[bytes] = buffered
    if buffered.peek(2)[:2] == GZIP_MAGIC:  # type: ignore[attr-defined]
        stream = io.BufferedReader(gzip.GzipFile(fileobj=buffered, mode="rb"))  # type: ignore[arg-type]
    kind = sniff(stream.peek(_SNIFF_BYTES)[:_SNIFF_BYTES])  # type: ignore[attr-defined]
    if kind == "jsonl":
        from .jsonl import iter_jsonl_stream

        yield from iter_jsonl_stream(stream, name="-")
    elif kind == "warc":
        from .warc import iter_warc_stream

        yield from iter_warc_stream(stream, name="-")
    elif kind == "feed":
        from .feeds import iter_feed_stream

        yield from iter_feed_stream(stream, name="-")
    else:
        from . import MAX_INPUT_BYTES

        data = read_limited(stream, MAX_INPUT_BYTES)
        if data is None:
            yield Failure(id="-", source="-", reason=f"input on stdin is larger than {MAX_INPUT_BYTES:,} bytes")
        else:
            yield Record(id="-", data=data, format=kind, source="-")  # type: ignore[arg-type]


def _why(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return one_line(error)




# --- record -> article -------------------------------------------------------------


def to_article(record: Record, *, clean: bool = True, max_bytes: int | None = None):
    """Read a record with :func:`~accordingto.read.read_input` and merge its metadata.

    The article's ``meta.id`` is the record's id and ``meta.outlet`` the
    record's outlet. ``url``, ``title``, ``author`` and ``published`` from the
    record fill only what the reader did not find: the page's own metadata
    wins, so a WARC crawl date stands in for the publication date only when
    the page gives none. Raises the usual
    :class:`~accordingto.errors.InputError` subclasses.
    """
    from . import read_input

    meta = record.meta
    url = clean_str(meta.get("url"))
    article = read_input(record.data, format=record.format, url=url, clean=clean, max_bytes=max_bytes)
    m = article.meta
    m.id = record.id
    outlet = clean_str(meta.get("outlet"))
    if outlet:
        m.outlet = outlet
    if m.url is None and url:
        m.url = url
    for key in ("title", "author"):
        value = clean_str(meta.get(key))
        if getattr(m, key) is None and value:
            setattr(m, key, value)
    if m.published is None:
        m.published = iso_date(meta.get("published")) or iso_date(meta.get("crawled"))
    return article
