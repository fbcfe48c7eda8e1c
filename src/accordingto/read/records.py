"""The records corpus inputs stream, and the helpers every stream reader shares.

A :class:`Record` is the raw text or HTML of one article and what its
container says about it; a :class:`Failure` an input (or part of one) that
could not be read, with its reason. :mod:`.corpus` dispatches to the readers
(:mod:`.directory`, :mod:`.jsonl`, :mod:`.warc`, :mod:`.feeds`), which all
build on this module and never on the dispatcher.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import IO, Any, Literal

RecordFormat = Literal["text", "html", "auto"]


GZIP_MAGIC = b"\x1f\x8b"


# Inner suffix (after any .gz) -> format.
SUFFIXES = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


@dataclass
class Record:
    """One article as it comes out of its container, not yet read.

    ``meta`` holds any of ``url``, ``outlet``, ``published`` (ISO
    ``YYYY-MM-DD``), ``title``, ``author``, and a few format-specific extras
    (``crawled`` for WARC, ``split`` for PolNeAR). ``source`` says where the
    record came from (``crawl.warc.gz#record 17``), for failure reports.
    """

    id: str
    data: str | bytes
    format: RecordFormat = "auto"
    meta: dict[str, Any] = field(default_factory=dict)
    source: str = ""


@dataclass
class Failure:
    """A record that could not be read at all; ``reason`` is one line."""

    id: str
    source: str
    reason: str


def content_id(data: str | bytes) -> str:
    """A stable id for content (or a URL) with no id of its own: 16 hex digits of its SHA-256."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:16]


def iso_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` from an ISO date/datetime, an RFC 2822 date or a ``date``; None otherwise."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def clean_str(value: Any) -> str | None:
    """A metadata string with its white space collapsed; None for empty, missing or ``"None"``."""
    if isinstance(value, (list, tuple)):
        parts = [clean_str(v) for v in value]
        value = ", ".join(p for p in parts if p)
    if value is None or isinstance(value, (dict, bool)):
        return None
    value = " ".join(str(value).split())
    return value if value and value != "None" else None


def iter_file(path: str | Path, iter_stream, *, gunzip: bool = True) -> Iterator[Record | Failure]:
    """``iter_stream(stream, name=...)`` over the file at ``path``; a file that cannot be opened is one Failure."""
    try:
        stream = open_binary(path) if gunzip else open(path, "rb")  # noqa: SIM115
    except OSError as error:
        yield Failure(id=str(path), source=str(path), reason=f"cannot read: {error.strerror or error}")
        return
    with stream:
        yield from iter_stream(stream, name=str(path))


def open_binary(path: str | Path) -> IO[bytes]:
    """``path`` opened for reading bytes, gunzipped on the fly when it is gzip (by magic number)."""
    raw = open(path, "rb")  # noqa: SIM115 - returned to the caller
    try:
        magic = raw.read(2)
        raw.seek(0)
    except OSError:
        raw.close()
        raise
    if magic == GZIP_MAGIC:
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    return raw


def strip_suffixes(path: Path) -> tuple[str, str]:
    """(name without ``.gz`` and its format suffix, the inner suffix lower-cased)."""
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    inner = Path(name).suffix.lower()
    if inner in SUFFIXES:
        name = name[: -len(inner)]
    return name, inner


def read_limited(stream: IO[bytes], limit: int) -> bytes | None:
    """At most ``limit`` bytes of ``stream``; None if it holds more."""
    data = stream.read(limit + 1)
    return None if len(data) > limit else data


def one_line(error: BaseException | str, limit: int = 200) -> str:
    """An error message as one printable line of at most ``limit`` characters (for failure reports)."""
    text = str(error)
    text = "".join(c if c.isprintable() else " " for c in text)
    text = " ".join(text.split()) or (type(error).__name__ if isinstance(error, BaseException) else "")
    return text if len(text) <= limit else text[: limit - 1] + "…"
