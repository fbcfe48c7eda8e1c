"""Predictions in the exchange format: reading and validating them, and the gold written as one.

See :mod:`.extraction` for the protocols that score them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..errors import AccordingtoError
from ..read.polnear import iter_articles


ROLES = ("source", "cue", "content")
Fragment = tuple[int, int]
Span = tuple[Fragment, ...]  # canonical: stripped, merged, sorted; () when empty


class PredictionFormatError(AccordingtoError, ValueError):
    """A predictions file or object does not follow the exchange format."""


# --------------------------------------------------------------------------
# Reading and validating predictions


def _fragment(value: Any, where: str) -> Fragment:
    if isinstance(value, Mapping):
        start, end = value.get("start"), value.get("end")
    elif hasattr(value, "start") and hasattr(value, "end") and not isinstance(value, (list, tuple)):
        start, end = value.start, value.end
    elif isinstance(value, (list, tuple)) and len(value) == 2:
        start, end = value
    else:
        raise PredictionFormatError(f"{where}: a fragment must be [start, end], got {value!r}")
    for v in (start, end):
        if not isinstance(v, int) or isinstance(v, bool):
            raise PredictionFormatError(f"{where}: offsets must be integers, got {value!r}")
    if start < 0 or start >= end:
        raise PredictionFormatError(f"{where}: fragment {[start, end]} needs 0 <= start < end")
    return (start, end)


def _attribution(value: Any, where: str) -> dict[str, list[Fragment]]:
    out = {}
    for role in ROLES:
        if isinstance(value, Mapping):
            frags = value.get(role, [])
        elif hasattr(value, role):
            frags = getattr(value, role)
        else:
            raise PredictionFormatError(f"{where}: an attribution must be an object, got {value!r}")
        if frags is None:
            frags = []
        if not isinstance(frags, (list, tuple)):
            raise PredictionFormatError(f"{where}: {role} must be a list of fragments, got {frags!r}")
        out[role] = sorted(_fragment(f, f"{where} {role}") for f in frags)
    return out


def normalise(predictions: Mapping[str, Iterable[Any]]) -> dict[str, list[dict[str, list[Fragment]]]]:
    out = {}
    for aid, attrs in predictions.items():
        if isinstance(attrs, (str, bytes, Mapping)) or not isinstance(attrs, Iterable):
            raise PredictionFormatError(f"{aid}: attributions must be a list, got {type(attrs).__name__}")
        out[aid] = [_attribution(a, f"{aid} attribution {i}") for i, a in enumerate(attrs)]
    return out


def check_bounds(aid: str, attrs: list[dict[str, list[Fragment]]], text: str) -> None:
    for i, a in enumerate(attrs):
        for role in ROLES:
            for start, end in a[role]:
                if end > len(text):
                    raise PredictionFormatError(
                        f"{aid} attribution {i} {role}: fragment {[start, end]} ends past the text ({len(text)} characters)"
                    )


def read_predictions(jsonl_path: str | Path) -> dict[str, list[dict[str, list[Fragment]]]]:
    """Read an exchange-format JSON Lines file: article id -> attributions.

    Each attribution comes back as ``{"source": [(s, e), ...], "cue": ..., "content": ...}``
    (other keys, such as ``speaker``, are dropped). Raises
    :class:`PredictionFormatError` on malformed lines, repeated ids, or
    fragments with ``start < 0`` or ``start >= end``; offsets past the end of
    the text are caught when scoring, where the text is known.
    """
    out: dict[str, list[dict[str, list[Fragment]]]] = {}
    with open(jsonl_path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            where = f"{jsonl_path}:{n}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise PredictionFormatError(f"{where}: not JSON ({e})") from None
            if not isinstance(obj, dict) or not isinstance(obj.get("id"), str):
                raise PredictionFormatError(f'{where}: each line must be an object with a string "id"')
            attrs = obj.get("attributions")
            if not isinstance(attrs, list):
                raise PredictionFormatError(f'{where}: "attributions" must be a list')
            if obj["id"] in out:
                raise PredictionFormatError(f"{where}: id {obj['id']!r} appears twice")
            out[obj["id"]] = [_attribution(a, f"{where} attribution {i}") for i, a in enumerate(attrs)]
    return out


def gold_predictions(gold_dir: str | Path) -> dict[str, list[dict]]:
    """The gold of ``gold_dir`` in the exchange format (a perfect prediction)."""
    return {aid: [g.to_prediction() for g in gold] for aid, _, gold in iter_articles(gold_dir)}
