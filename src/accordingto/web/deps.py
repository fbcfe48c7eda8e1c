"""What the routes share, as FastAPI dependencies: the store, the worker pool and the settings
:func:`~.app.create_app` puts on ``app.state``, and the query parameters of the two analysis routes.

A route asks for them in its signature (``corpus: Annotated[CorpusStore | None, Depends(store)]``);
nothing is kept in a closure, so each router is a module of its own.
"""

# No "from __future__ import annotations": FastAPI reads the Annotated parameters at import.

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import HTTPException, Query, Request

from .openapi import NO_STORE
from .pool import AnalysisPool
from .store import CorpusStore


@dataclass(frozen=True)
class Settings:
    """The service's settings, as create_app was given them."""

    max_body_bytes: int
    timeout_s: float
    static_dir: Path
    gender_overrides: dict[str, str] | None


def settings(request: Request) -> Settings:
    return request.app.state.settings


def pool(request: Request) -> AnalysisPool:
    return request.app.state.pool


def store(request: Request) -> CorpusStore | None:
    """The store, or None when the server has none."""
    return request.app.state.store


def need(corpus: CorpusStore | None) -> CorpusStore:
    """The store; 404 when the server has none. Called in a route's body, after its query is validated."""
    if corpus is None:
        raise HTTPException(404, NO_STORE)
    return corpus


def _meta(name: str) -> Any:
    return Query(description=f"the article's {name} (metadata; a JSON or form field wins over it)")


def query_fields(
    published: Annotated[
        str | None, Query(description="publication date, YYYY-MM-DD (a JSON or form field wins over it)")
    ] = None,
    fast: Annotated[bool | None, Query(description="rules only, no transformer")] = None,
    url: Annotated[str | None, _meta("url")] = None,
    outlet: Annotated[str | None, _meta("outlet")] = None,
    title: Annotated[str | None, _meta("title")] = None,
    id: Annotated[str | None, _meta("id")] = None,
) -> dict[str, Any]:
    """The query parameters /api/analyze and /api/predict share."""
    return {"published": published, "fast": fast, "url": url, "outlet": outlet, "title": title, "id": id}
