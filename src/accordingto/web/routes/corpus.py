"""The store's routes: GET /api/articles, /api/articles/{id}, /api/speakers, /api/findings and
/api/findings/charts (404 without a store). They read :class:`~..store.CorpusStore`, read-only."""

# No "from __future__ import annotations": the routes' Annotated parameters refer to module-level Query objects.

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi import Path as PathParam
from pydantic import BeforeValidator

from ...schema import SourceType
from ..deps import need
from ..deps import store as the_store
from ..models import ArticleDetail, ArticleList, Charts, Findings, SpeakerList
from ..openapi import BAD_QUERY, NO_STORE_ERROR, error
from ..store import CorpusStore, StoreError

DEFAULT_BY, DEFAULT_TOP = "outlet,month", 10  # the findings the Corpus page asks for first
MAX_PAGE = 500
MAX_OFFSET = 2**53  # DuckDB's OFFSET takes a signed 64-bit integer; no store has more rows than this

router = APIRouter()
# the store or None: a route asks need() for it in its body, so a bad query is a 422 with or without a store
Store = Annotated[CorpusStore | None, Depends(the_store)]
limit_q = Query(ge=1, le=MAX_PAGE, description=f"page size (at most {MAX_PAGE})")
offset_q = Query(ge=0, le=MAX_OFFSET, description=f"rows to skip (at most {MAX_OFFSET:,})")
by_q = Query(max_length=100, description="outlet and/or one of day, week, month, year")
top_q = Query(ge=1, le=100, description="how many of the most quoted speakers to list")


def _blank_is_none(value):
    """An empty query parameter (``?type=``) is an absent one."""
    return None if value == "" else value


@router.get(
    "/api/articles",
    summary="The store's articles: searched, filtered by outlet, newest first",
    description="q matches title, id or outlet (case-insensitive substring); outlet is an exact outlet name (case-insensitive).",
    response_model=ArticleList,
    responses={**NO_STORE_ERROR, **BAD_QUERY},
)
def articles(
    store: Store,
    q: Annotated[str | None, Query(max_length=500, description="search title, id and outlet")] = None,
    outlet: Annotated[str | None, Query(max_length=500, description="only this outlet")] = None,
    limit: Annotated[int, limit_q] = 50,
    offset: Annotated[int, offset_q] = 0,
):
    return need(store).articles(q, outlet, limit, offset)


@router.get(
    "/api/articles/{article_id:path}",
    summary="One stored article and its full report",
    description="Ids may contain slashes (batch ids are file paths): URL-encode them or not.",
    response_model=ArticleDetail,
    responses={404: error(404, "no such article, or no store")},
)
def article(store: Store, article_id: Annotated[str, PathParam(description="the article's id in the store")]):
    found = need(store).article(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r} in the store")
    return found


@router.get(
    "/api/speakers",
    summary="Speakers across the store: most attributions first",
    description=(
        "Speakers with at least one attribution, grouped by canonical name and type over every article "
        "(the same name in two articles is taken for the same speaker). q matches the name (case-insensitive "
        "substring); article_ids lists the first 20 articles quoting them, sorted by id."
    ),
    response_model=SpeakerList,
    responses={**NO_STORE_ERROR, **BAD_QUERY},
)
def speakers(
    store: Store,
    q: Annotated[str | None, Query(max_length=500, description="search speaker names")] = None,
    type: Annotated[SourceType | None, BeforeValidator(_blank_is_none), Query(description="only this source type")] = None,
    limit: Annotated[int, limit_q] = 50,
    offset: Annotated[int, offset_q] = 0,
):
    return need(store).speakers(q, type, limit, offset)


@router.get(
    "/api/findings",
    summary="The corpus findings: the tables of `accordingto findings`",
    description=(
        "by: outlet and/or one period (day, week, month, year), comma-separated. Each table has a title, its "
        "columns and its rows (shares as 0–1, dates as YYYY-MM-DD)."
    ),
    response_model=Findings,
    responses={400: error(400, "a dimension that does not exist"), **NO_STORE_ERROR, **BAD_QUERY},
)
def findings(store: Store, by: Annotated[str, by_q] = DEFAULT_BY, top: Annotated[int, top_q] = DEFAULT_TOP):
    try:
        return need(store).findings(by, top)
    except StoreError as err:
        raise HTTPException(400, str(err)) from None


@router.get(
    "/api/findings/charts",
    summary="The corpus findings as charts: the SVG charts of `accordingto findings --html`",
    description=(
        "The same by and top as /api/findings; each chart has an id, a title and an SVG element (matplotlib's, "
        "text as text; every bar a group with the id <chart>-bar-<series>-<row>). The Corpus page shows them."
    ),
    response_model=Charts,
    responses={400: error(400, "a dimension that does not exist"), **NO_STORE_ERROR, **BAD_QUERY},
)
def charts(store: Store, by: Annotated[str, by_q] = DEFAULT_BY, top: Annotated[int, top_q] = DEFAULT_TOP):
    try:
        return need(store).charts(by, top)
    except StoreError as err:
        raise HTTPException(400, str(err)) from None
