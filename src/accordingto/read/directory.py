"""Directories of articles: plain folders of files, and the PolNeAR layout.

A plain directory is walked recursively in sorted order (hidden files and
folders skipped); every ``.txt``/``.text`` file is a ``text`` record and
every ``.html``/``.htm``/``.xhtml`` file an ``html`` record, gzipped or
not. The id is the path relative to the directory, ``/``-separated, without
the extension (``2024/03/story`` for ``2024/03/story.html.gz``).

The PolNeAR layout is a directory holding ``metadata.tsv`` and split
folders (``train/``, ``dev/``) with ``text/<id>.txt``, or one such split
folder (its ``metadata.tsv`` beside it or one level up). Every text is a
``text`` record: id = file stem, outlet = ``publisher``, published =
``publication_date``, ``title`` and ``author`` from ``metadata.tsv``,
``split`` = the split's name. A split named ``test`` is never read: it is
the held-out evaluation set (:mod:`.walk` refuses it, wherever it is met).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from . import polnear
from .records import (
    SUFFIXES,
    Failure,
    Record,
    clean_str,
    iso_date,
    one_line,
    open_binary,
    read_limited,
    strip_suffixes,
)
from .walk import HELD_OUT, HELD_OUT_SPLITS, is_held_out, walk

_FILE_FORMATS = {suffix: fmt for suffix, fmt in SUFFIXES.items() if fmt in ("text", "html")}


# --- plain directories ------------------------------------------------------------


def iter_directory(root: str | Path) -> Iterator[Record | Failure]:
    """Every article file under ``root``, in sorted order."""
    root = Path(root)
    for path in walk(root):
        if isinstance(path, Failure):  # a folder that cannot be listed: its articles are not lost silently
            yield path
            continue
        stem, inner = strip_suffixes(path)
        fmt = _FILE_FORMATS.get(inner)
        if fmt is None:
            continue
        relative = path.relative_to(root).parent / stem
        yield read_file_record(path, id=relative.as_posix(), format=fmt)


def read_file_record(path: str | Path, *, id: str, format: str) -> Record | Failure:
    """One file (maybe gzipped) as one record; too large or unreadable: a :class:`Failure`."""
    from . import MAX_INPUT_BYTES

    path = Path(path)
    try:
        with open_binary(path) as stream:
            data = read_limited(stream, MAX_INPUT_BYTES)
    except (OSError, EOFError) as error:
        reason = getattr(error, "strerror", None) or one_line(error)
        return Failure(id=id, source=str(path), reason=f"cannot read: {reason}")
    if data is None:
        return Failure(id=id, source=str(path), reason=f"file is larger than {MAX_INPUT_BYTES:,} bytes")
    fmt = format if format in ("text", "html") else "auto"
    return Record(id=id, data=data, format=fmt, source=str(path))  # type: ignore[arg-type]


# --- PolNeAR ------------------------------------------------------------------------


def _is_split(directory: Path) -> bool:
    return (directory / "text").is_dir()


def _splits(root: Path) -> list[Path]:
    return [p for p in sorted(root.iterdir()) if p.is_dir() and _is_split(p) and p.name not in HELD_OUT_SPLITS]


def _is_root(directory: Path) -> bool:
    return (directory / "metadata.tsv").is_file() and any(
        _is_split(directory / name) for name in ("train", "dev", *HELD_OUT_SPLITS)
    )


def is_polnear(directory: str | Path) -> bool:
    """True for a PolNeAR root (``metadata.tsv`` + split dirs) or a PolNeAR split dir."""
    directory = Path(directory)
    if _is_root(directory):
        return True
    return _is_split(directory) and (
        (directory / "attributions").is_dir()
        or (directory / "metadata.tsv").is_file()
        or (directory.parent / "metadata.tsv").is_file()
    )


def iter_polnear(directory: str | Path) -> Iterator[Record | Failure]:
    """The articles of a PolNeAR root (every split but ``test``, in name order) or of one split."""
    directory = Path(directory)
    if _is_root(directory):
        splits, metadata_file = _splits(directory), directory / "metadata.tsv"
    else:
        splits = [directory]
        metadata_file = directory / "metadata.tsv"
        if not metadata_file.is_file():
            metadata_file = directory.parent / "metadata.tsv"
    metadata = _load_metadata(metadata_file)
    for split in splits:
        if is_held_out(split):
            yield Failure(id=split.name, source=str(split), reason=HELD_OUT)
            continue
        for article_id, path in polnear.text_files(split).items():
            source = str(path)
            try:
                text = polnear.read_text(path)
            except (OSError, UnicodeDecodeError) as error:
                yield Failure(id=article_id, source=source, reason=f"cannot read: {one_line(error)}")
                continue
            meta = _meta(metadata.get(article_id, []), split.name)
            yield Record(id=article_id, data=text, format="text", meta=meta, source=source)


def _load_metadata(path: Path) -> dict[str, list[dict[str, str]]]:
    """filename -> its rows of ``metadata.tsv`` (an index of ~1,000 rows, not the corpus)."""
    rows: dict[str, list[dict[str, str]]] = {}
    if not path.is_file():
        return rows
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            name = row.get("filename")
            if name:
                rows.setdefault(name, []).append(row)
    return rows


def _meta(rows: list[dict[str, str]], split: str) -> dict[str, str]:
    meta = {"split": split}
    if not rows:
        return meta
    row = next((r for r in rows if r.get("compartment") == split), rows[0])
    for key, column in (("outlet", "publisher"), ("title", "title"), ("author", "author")):
        value = clean_str(row.get(column))
        if value:
            meta[key] = value
    published = iso_date(row.get("publication_date"))
    if published:
        meta["published"] = published
    return meta
