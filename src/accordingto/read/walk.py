"""Walking folders of articles: the one place that lists them, and refuses PolNeAR's held-out test split.

:func:`walk` yields the files under a folder depth-first, names sorted at
each level, hidden entries skipped; a folder that cannot be listed is a
:class:`~.records.Failure`. :func:`files` lists the files of one folder with
one suffix (a PolNeAR split's ``text/*.txt``, its ``attributions/*.ann``).

Both refuse PolNeAR's **test** split, the held-out evaluation set, which is
never read: a folder named ``test`` laid out as a PolNeAR split (``text/`` or
``attributions/`` in it) or lying beside PolNeAR's ``metadata.tsv``, and any
folder inside one. :func:`walk` answers such a root with one
:class:`~.records.Failure` and steps over such a folder met on the way;
:func:`files` raises :class:`HeldOutError`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from ..errors import AccordingtoError
from .records import Failure, one_line

#: Split names never read: PolNeAR's test split is the held-out evaluation set.
HELD_OUT_SPLITS = frozenset({"test"})
#: Why a held-out folder is not read.
HELD_OUT = "the PolNeAR test split is held out and never read"


class HeldOutError(AccordingtoError, ValueError):
    """A folder of PolNeAR's held-out test split was asked for."""

    exit_code = 2

    def __init__(self) -> None:
        super().__init__(HELD_OUT)


def is_held_out_split(folder: str | Path) -> bool:
    """True for PolNeAR's test split itself: named ``test``, laid out as a split or beside ``metadata.tsv``."""
    folder = Path(folder)
    return folder.name in HELD_OUT_SPLITS and (
        (folder / "text").is_dir() or (folder / "attributions").is_dir() or (folder.parent / "metadata.tsv").is_file()
    )


def is_held_out(folder: str | Path) -> bool:
    """True for PolNeAR's test split and every folder inside it (symbolic links followed)."""
    path = Path(folder).resolve()
    return any(is_held_out_split(p) for p in (path, *path.parents))


def walk(root: str | Path, *, suffixes: tuple[str, ...] | None = None, recursive: bool = True) -> Iterator[Path | Failure]:
    """Files under ``root`` (ending in one of ``suffixes``, if given) depth-first, names sorted at each level.

    Hidden entries are skipped, and so is a held-out split met on the way; a
    held-out ``root`` is one :class:`Failure`, and so is a folder that cannot
    be listed (no permission, gone).
    """
    root = Path(root)
    if is_held_out(root):
        yield Failure(id=root.name, source=str(root), reason=HELD_OUT)
        return
    yield from _walk(root, suffixes, recursive)


def files(folder: str | Path, suffix: str) -> list[Path]:
    """The files directly in ``folder`` whose names end in ``suffix``, sorted by name.

    A held-out folder raises :class:`HeldOutError`; one that cannot be listed has no files.
    """
    if is_held_out(folder):
        raise HeldOutError()
    return [p for p in _walk(Path(folder), (suffix,), recursive=False) if isinstance(p, Path)]


def _walk(folder: Path, suffixes: tuple[str, ...] | None, recursive: bool) -> Iterator[Path | Failure]:
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as error:
        yield Failure(id=str(folder), source=str(folder), reason=f"cannot read folder: {error.strerror or one_line(error)}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir():
                if recursive and not is_held_out_split(entry.path):
                    yield from _walk(Path(entry.path), suffixes, recursive)
            elif entry.is_file() and (suffixes is None or entry.name.endswith(suffixes)):
                yield Path(entry.path)
        except OSError as error:
            yield Failure(id=entry.path, source=entry.path, reason=f"cannot read: {error.strerror or one_line(error)}")
