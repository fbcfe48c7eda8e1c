"""Shared fixtures: the articles the tests read, analysed once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _shared() -> Path:
    """The project's ../shared (data and publisher articles, never copied into the repo).

    ACCORDINGTO_SHARED names it explicitly; else the folder beside the checkout,
    else the workplace's /work/shared (where a clone elsewhere still finds it).
    """
    for candidate in (os.environ.get("ACCORDINGTO_SHARED"), REPO.parent / "shared", "/work/shared"):
        if candidate and Path(candidate, "examples").is_dir():
            return Path(candidate)
    return REPO.parent / "shared"


SHARED = _shared()
FOUNDING = SHARED / "examples" / "seed-portland-ice-union.txt"
EXAMPLE = REPO / "examples" / "riverside-library-closure.txt"


@pytest.fixture(scope="session")
def founding_report():
    """The founding article (publisher text, read from ../shared, never copied into the repo)."""
    if not FOUNDING.exists():
        pytest.skip("../shared/examples is not beside this checkout")
    import accordingto

    return accordingto.analyze(FOUNDING.read_bytes(), published="2018-07-09")


@pytest.fixture(scope="session")
def example_report():
    import accordingto

    return accordingto.analyze(EXAMPLE.read_text(encoding="utf-8"), published="2026-03-14")
