"""First names and nomquamgender's name–gender data: :func:`first_name`, :class:`NameData`.

The data file is memory-mapped and searched by bisection (:class:`NameData`),
one instance per process (:func:`name_data`). A name is gendered only when
unambiguous: uncertainty at most :data:`MAX_UNCERTAINTY` over at least
:data:`MIN_COUNTS` observations (see :mod:`accordingto.analyse.gender`).
Set ``MAX_UNCERTAINTY`` here (``accordingto.analyse.gender.names``) to change it.
"""

from __future__ import annotations

import mmap
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ...errors import ModelError

MAX_UNCERTAINTY = 0.05
MIN_COUNTS = 10


def first_name(name: str) -> str | None:
    """The first name of a person's canonical name, or None (one word, an initial, no first name)."""
    from nameparser import HumanName

    h = HumanName(name)
    first, last = h.first.strip(), h.last.strip()
    if not first or not last:
        return None
    if "." in first or len(first) < 2 or not any(ch.islower() for ch in first):
        return None  # "J.", "J.D.", "JD": initials
    if not first[0].isupper():
        return None
    return first


def _fold(word: str) -> str:
    """Lowercase, diacritics removed (as nomquamgender folds names)."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower().strip()


@dataclass(frozen=True)
class NameStat:
    name: str
    sources: int
    counts: int
    p_woman: float  # nomquamgender's p(gf)

    @property
    def uncertainty(self) -> float:
        return 0.5 - abs(0.5 - self.p_woman)


class NameData:
    """nomquamgender's name–gender data (``name_data.json``), looked up without loading it.

    The file (22 MB, 721,739 names, sorted by name) maps a lowercase name to
    ``[sources, counts, p(gf), …]``. Loading it as JSON takes seconds and
    hundreds of MB per process; instead the file is memory-mapped (shared by
    every process through the page cache) and searched by bisection on its
    sorted keys: a lookup reads a few dozen keys.
    """

    _SEP = b'], "'

    def __init__(self, path: str | Path | None = None):
        if path is None:
            path = data_path()
        self.path = Path(str(path))
        with open(self.path, "rb") as f:
            self._mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        if self._mm[:2] != b'{"':
            raise ValueError(f"{self.path} is not nomquamgender's name data")

    def _entry_at(self, p: int, hi: int) -> int | None:
        """Start (first byte of the key) of the first entry starting at or after ``p`` and before ``hi``."""
        if p <= 2:
            return 2
        i = self._mm.find(self._SEP, p - 4, hi + 4)
        if i < 0 or i + 4 >= hi:
            return None
        return i + 4

    def _key(self, s: int) -> tuple[str, int]:
        end = self._mm.find(b'": [', s)
        raw = self._mm[s:end]
        if b"\\" in raw:
            import json

            return json.loads(b'"' + raw + b'"'), end + 4
        return raw.decode("utf-8", "replace"), end + 4

    def _value(self, v: int) -> tuple[int, int, float]:
        chunk = self._mm[v : v + 64].split(b",")
        sources, counts = int(chunk[0]), int(chunk[1])
        try:
            p = float(chunk[2])
        except ValueError:
            p = float("nan")
        return sources, counts, p

    def lookup(self, name: str) -> NameStat | None:
        """The data on one name (folded to lowercase, no diacritics), or None when it has none."""
        key = _fold(name)
        if not key:
            return None
        lo, hi = 0, len(self._mm)
        while True:
            mid = (lo + hi) // 2
            s = self._entry_at(mid, hi)
            if s is None:
                break
            k, v = self._key(s)
            if k == key:
                return NameStat(key, *self._value(v))
            if k < key:
                lo = v
            else:
                hi = s
        # a stretch with at most one entry start in it: read it in order
        s = self._entry_at(lo, len(self._mm))
        while s is not None and s < hi + 4:
            k, v = self._key(s)
            if k == key:
                return NameStat(key, *self._value(v))
            if k > key:
                return None
            s = self._entry_at(v, len(self._mm))
        return None

    def gender(self, name: str) -> tuple[str, NameStat | None]:
        """``woman`` / ``man`` when the name is unambiguous (see the module's docstring), else ``unknown``."""
        stat = self.lookup(name)
        if stat is None or stat.p_woman != stat.p_woman:  # nan
            return "unknown", stat
        if stat.counts < MIN_COUNTS or stat.uncertainty > MAX_UNCERTAINTY:
            return "unknown", stat
        return ("woman" if stat.p_woman > 0.5 else "man"), stat


def data_path() -> Path:
    """nomquamgender's ``name_data.json``, found without importing the package (its import loads the
    whole file into a dict, and pandas)."""
    from importlib.util import find_spec

    spec = find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        raise ModelError("the nomquamgender package is not installed (pip install nomquamgender)")
    return Path(list(spec.submodule_search_locations)[0]) / "name_data.json"


_names: NameData | None = None
_names_lock = threading.Lock()


def name_data() -> NameData:
    """The one :class:`NameData` of this process."""
    global _names
    with _names_lock:
        if _names is None:
            _names = NameData()
        return _names
