"""GET /api/info: the version, the limits and the store (the pages ask it first)."""

# No "from __future__ import annotations": FastAPI reads the Annotated parameters at import.

from typing import Annotated

from fastapi import APIRouter, Depends

from ... import __version__
from ..deps import Settings, settings, store
from ..models import Info
from ..store import CorpusStore

router = APIRouter()


@router.get("/api/info", summary="Version, limits and the store", response_model=Info)
def info(
    corpus: Annotated[CorpusStore | None, Depends(store)], config: Annotated[Settings, Depends(settings)]
) -> Info:
    return Info(
        version=__version__,
        store=corpus is not None,
        store_path=str(corpus.path.resolve()) if corpus is not None else None,
        max_body_bytes=config.max_body_bytes,
        timeout_s=config.timeout_s,
        articles=corpus.count_articles() if corpus is not None else None,
    )
