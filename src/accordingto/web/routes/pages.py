"""The pages: GET / (Analyse), /corpus (Corpus), /docs (the API reference, Swagger UI served offline).

The pages are files in ``static/`` (their scripts and styles under /static/,
mounted by :func:`~..app.create_app`); none is in the OpenAPI schema.
"""

# No "from __future__ import annotations": FastAPI reads the Annotated parameters at import.

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse

from .. import apidocs
from ..deps import Settings, settings

router = APIRouter(include_in_schema=False)


def page(config: Settings, name: str) -> FileResponse:
    path = config.static_dir / name
    if not path.is_file():
        raise HTTPException(404, f"page {name} is not installed")
    return FileResponse(path, media_type="text/html; charset=utf-8")


@router.get("/")
def analyse_page(config: Annotated[Settings, Depends(settings)]):
    return page(config, "index.html")


@router.get("/corpus")
def corpus_page(config: Annotated[Settings, Depends(settings)]):
    return page(config, "corpus.html")


@router.get("/docs")
def docs_page(request: Request):
    return HTMLResponse(apidocs.render(request.app.openapi(), request.app.openapi_url))
