"""Reading: turn raw input (text, HTML) into an :class:`Article`.

``read_input`` (bytes or str) and ``read_path`` (a file, or ``-`` for stdin)
check the size, decode, decide between plain text and HTML, take page
furniture off and check the input is an English article. Each refusal is an
:class:`accordingto.errors.InputError` with a one-line message.

Steps, one module each: :mod:`.decode` (bytes → text, binary sniffing),
:mod:`.html` (format detection, trafilatura extraction), :mod:`.furniture`
(page furniture lines), :mod:`.checks` (size, emptiness, language).
"""

from __future__ import annotations

import sys
from pathlib import Path

from pydantic import BaseModel

from ..errors import AccordingtoError, InputError, InputTooLargeError
from ..schema import ArticleMeta
from .checks import check_english, check_not_empty, check_size
from .decode import check_not_binary, check_unicode, decode_bytes
from .furniture import remove_furniture
from .html import extract_html, looks_like_html

__all__ = ["MAX_INPUT_BYTES", "Article", "read_input", "read_path"]

MAX_INPUT_BYTES = 5_000_000  # default size limit: bytes for bytes input, characters for str input

_FORMATS = ("auto", "text", "html")


class Article(BaseModel):
    """The text to analyse and what is known about it."""

    text: str
    meta: ArticleMeta = ArticleMeta()


def read_input(
    data: str | bytes,
    *,
    format: str = "auto",
    url: str | None = None,
    clean: bool = True,
    max_bytes: int | None = None,
) -> Article:
    """Read one article from ``data`` (plain text or an HTML page, as bytes or str).

    ``format`` is ``"auto"``, ``"text"`` or ``"html"``. ``url`` is recorded in
    the metadata (and helps HTML extraction). With ``clean=False`` plain text
    is kept exactly as given (no furniture removal, no line-ending or
    white-space changes) so that offsets match the raw file. ``max_bytes``
    overrides :data:`MAX_INPUT_BYTES`.
    """
    if format not in _FORMATS:
        raise AccordingtoError(f"unknown input format {format!r}: use one of {', '.join(_FORMATS)}")
    limit = MAX_INPUT_BYTES if max_bytes is None else max_bytes
    if isinstance(data, bytes):
        check_size(len(data), limit)
        check_not_empty(data)  # before decoding: charset detection needs something to look at
        text = decode_bytes(data)
    else:
        check_size(len(data), limit, unit="characters")
        text = data.removeprefix("\ufeff")
        check_unicode(text)
        check_not_binary(text)
    check_not_empty(text)

    if format == "html" or (format == "auto" and looks_like_html(text)):
        text, meta = extract_html(text, url=url)
    else:
        meta = ArticleMeta(url=url, format="text")
        if clean:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
    if clean:
        text, meta.removed = remove_furniture(text)
    check_not_empty(text)
    check_english(text)
    if meta.title is None:
        meta.title = _headline(text)
    return Article(text=text, meta=meta)


def _headline(text: str) -> str | None:
    """The first line of a plain-text article when it reads as a headline (short, no final full stop)."""
    first = text.lstrip().split("\n", 1)[0].strip()
    if 0 < len(first) <= 200 and not first.endswith((".", ":", ";", ",")) and "\n" in text.strip():
        return first
    return None


def read_path(
    path: str | Path,
    *,
    format: str = "auto",
    url: str | None = None,
    clean: bool = True,
    max_bytes: int | None = None,
) -> Article:
    """Read one article from a file; ``"-"`` reads the bytes of standard input.

    The size limit is checked before the input is read whole: from the file's
    size, or by reading at most one byte past the limit from stdin.
    """
    limit = MAX_INPUT_BYTES if max_bytes is None else max_bytes
    if str(path) == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise InputError("cannot read standard input: it is closed")
        try:
            data = _read_bounded(stream, limit)
        except OSError as error:
            raise InputError(f"cannot read standard input: {error.strerror or error}") from None
        if len(data) > limit:
            raise InputTooLargeError(f"input on stdin is larger than the limit of {limit:,} bytes")
    else:
        path = Path(path)
        try:
            check_size(path.stat().st_size, limit)
            # st_size is 0 for a device or a pipe: read at most one byte past the limit whatever it says
            with path.open("rb") as stream:
                data = _read_bounded(stream, limit)
        except OSError as error:
            raise InputError(f"cannot read {path}: {error.strerror or error}") from None
        if len(data) > limit:
            raise InputTooLargeError(f"{path} is larger than the limit of {limit:,} bytes")
    return read_input(data, format=format, url=url, clean=clean, max_bytes=limit)


def _read_bounded(stream, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of ``stream``, read in blocks (a pipe returns less than asked)."""
    chunks: list[bytes] = []
    left = limit + 1
    while left > 0:
        block = stream.read(min(left, 1 << 20))
        if not block:
            break
        chunks.append(block)
        left -= len(block)
    return b"".join(chunks)
