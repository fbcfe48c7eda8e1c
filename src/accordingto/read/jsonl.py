"""JSON Lines corpora: one article record per line (``.jsonl``/``.ndjson``, maybe gzipped).

Each line is an object with ``text`` (plain text) or ``html`` (a page), and
optionally ``id``, ``url``, ``outlet``, ``published``, ``title``,
``author``. With both ``text`` and ``html``, ``text`` is taken. A record
with no ``id`` gets a hash of its content. Blank lines are skipped; a line
that is not a JSON object with text or HTML is a :class:`Failure`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO

from .records import Failure, Record, clean_str, content_id, iso_date, one_line

_META_KEYS = ("url", "outlet", "title", "author")
# Longest line read: room for an article at the input limit with JSON escapes.
MAX_LINE_BYTES = 32_000_000
_SKIP_CHUNK = 1 << 20


def iter_jsonl_stream(stream: IO[bytes], *, name: str) -> Iterator[Record | Failure]:
    """The records of a JSON Lines byte stream; ``name`` labels the sources."""
    number = 0
    while True:
        where = f"{name}#line {number + 1}"
        try:
            line = stream.readline(MAX_LINE_BYTES + 1)
            too_long = len(line) > MAX_LINE_BYTES and not line.endswith(b"\n")
            if too_long:
                line = b""
                while (chunk := stream.readline(_SKIP_CHUNK)) and not chunk.endswith(b"\n"):
                    pass  # skip the rest of the line without holding it
        except (OSError, EOFError) as error:  # truncated or corrupt gzip
            yield Failure(id=where, source=where, reason=f"cannot read: {one_line(error)}")
            return
        if too_long:
            number += 1
            yield Failure(id=where, source=where, reason=f"line is longer than {MAX_LINE_BYTES:,} bytes")
            continue
        if not line:
            return
        number += 1
        if not line.strip():
            # a run of blank lines is skipped a block at a time (a gzip of nothing but newlines is
            # gigabytes of them); a run longer than MAX_BLANK_BYTES ends the file with a failure
            try:
                skipped, lines = _skip_blank(stream)
            except (OSError, EOFError) as error:
                yield Failure(id=where, source=where, reason=f"cannot read: {one_line(error)}")
                return
            number += lines
            if skipped > MAX_BLANK_BYTES:
                yield Failure(
                    id=where, source=where,
                    reason=f"more than {MAX_BLANK_BYTES:,} bytes of blank lines from here on: the rest of the file is not read",
                )
                return
            continue
        yield parse_line(line, source=where)


MAX_BLANK_BYTES = 10_000_000  # of blank lines in a row: no corpus file has that many


def _skip_blank(stream) -> tuple[int, int]:
    """Read past white space (up to just over MAX_BLANK_BYTES); (bytes skipped, line breaks among them)."""
    peek = getattr(stream, "peek", None)
    skipped = lines = 0
    while skipped <= MAX_BLANK_BYTES:
        if peek is None:
            return skipped, lines  # no look-ahead: the per-line loop goes on
        block = peek(_SKIP_CHUNK)[:_SKIP_CHUNK]
        if not block:
            break
        blank = len(block) - len(block.lstrip())
        # only whole lines: stop at the last line break of the blank run
        if blank < len(block):
            blank = block.rfind(b"\n", 0, blank) + 1
        if blank == 0:
            break
        stream.read(blank)
        skipped += blank
        lines += block.count(b"\n", 0, blank)
    return skipped, lines


def parse_line(line: bytes | str, *, source: str) -> Record | Failure:
    """One JSON Lines record, or a :class:`Failure` saying what is wrong with it."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as error:
        return Failure(id=source, source=source, reason=f"invalid JSON: {error.msg} at column {error.colno}")
    except UnicodeDecodeError as error:
        return Failure(id=source, source=source, reason=f"invalid UTF-8: {error.reason}")
    if not isinstance(obj, dict):
        return Failure(id=source, source=source, reason=f"not a JSON object but {type(obj).__name__}")
    raw_id = obj.get("id")
    fallback_id = clean_str(raw_id) or source
    if isinstance(obj.get("text"), str):
        data, fmt = obj["text"], "text"
    elif isinstance(obj.get("html"), str):
        data, fmt = obj["html"], "html"
    else:
        return Failure(id=fallback_id, source=source, reason='no "text" or "html" string in the record')
    meta = {key: value for key in _META_KEYS if (value := clean_str(obj.get(key)))}
    published = iso_date(obj.get("published"))
    if published:
        meta["published"] = published
    record_id = clean_str(raw_id) if raw_id is not None and not isinstance(raw_id, (dict, list)) else None
    return Record(id=record_id or content_id(data), data=data, format=fmt, meta=meta, source=source)
