"""Gender overrides: a newsroom's own name → gender list, read from a CSV file or a mapping.

:func:`override_key` is how a speaker's canonical name is compared with a row
(titles, case and punctuation aside); :func:`read_overrides` and
:func:`parse_overrides` read and check the CSV; :func:`load_overrides` takes
either a path or a mapping, as the pipeline's ``gender_overrides`` setting does.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from ...errors import InputError

GENDERS = ("woman", "man", "unknown")


class GenderOverridesError(InputError):
    """A gender overrides file that cannot be used (missing, unreadable, a bad row)."""


_TITLE_WORDS = frozenset(
    "mr mrs ms miss mx dr prof sen senator rep representative gov governor president sir dame lord lady".split()
)


def override_key(name: str) -> str:
    """How a name is compared with an override: lowercase words, punctuation and leading titles dropped."""
    s = unicodedata.normalize("NFKC", name).replace("’", "'").lower()
    s = re.sub(r"[^\w\s'-]", " ", s)
    words = s.split()
    while len(words) > 1 and words[0] in _TITLE_WORDS:
        words = words[1:]
    return " ".join(words)


def parse_overrides(text: str, source: str = "overrides") -> dict[str, str]:
    """``name,gender`` rows (an optional ``name,gender`` header) → override key → gender.

    Genders: ``woman``, ``man`` or ``unknown``. Empty lines and lines starting
    with ``#`` are skipped. Raises :class:`GenderOverridesError` (one line,
    with the line number) for a row that is not two fields, an empty name, an
    unknown gender, or a name given two different genders.
    """
    out: dict[str, str] = {}
    shown: dict[str, str] = {}
    rows = csv.reader(io.StringIO(text))
    for n, row in enumerate(rows, 1):
        if not row or all(not c.strip() for c in row) or row[0].lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in row]
        if n == 1 and [c.lower() for c in cells] == ["name", "gender"]:
            continue
        if len(cells) != 2:
            raise GenderOverridesError(f"{source}:{n}: expected 2 fields (name,gender), found {len(cells)}")
        name, gender = cells
        if not name:
            raise GenderOverridesError(f"{source}:{n}: empty name")
        g = gender.lower()
        if g not in GENDERS:
            raise GenderOverridesError(f"{source}:{n}: gender {gender!r} is not one of {', '.join(GENDERS)}")
        key = override_key(name)
        if key in out and out[key] != g:
            raise GenderOverridesError(f"{source}:{n}: {name!r} is already given as {out[key]} ({shown[key]!r})")
        out[key], shown[key] = g, name
    return out


def read_overrides(path: str | Path) -> dict[str, str]:
    """The overrides CSV file at ``path`` (UTF-8), see :func:`parse_overrides`."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as err:
        raise GenderOverridesError(f"cannot read gender overrides {p}: {err.strerror or err}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise GenderOverridesError(f"gender overrides {p} is not UTF-8 text") from None
    if "\x00" in text:
        raise GenderOverridesError(f"gender overrides {p} is not a text file")
    try:
        return parse_overrides(text, str(p))
    except csv.Error as err:
        raise GenderOverridesError(f"gender overrides {p}: {err}") from None


def load_overrides(value: str | Path | Mapping[str, str] | None) -> dict[str, str] | None:
    """Gender overrides from a CSV path or a mapping name → gender, keyed as :func:`override_key` keys them."""
    if value is None:
        return None
    if isinstance(value, (str, Path)):
        return read_overrides(value)
    out = {}
    for name, gender in value.items():
        g = str(gender).strip().lower()
        if g not in GENDERS:
            raise GenderOverridesError(f"gender override for {name!r}: {gender!r} is not one of {', '.join(GENDERS)}")
        out[override_key(str(name))] = g
    return out
