"""POST /api/analyze and /api/predict: one article, analysed in a worker process, its report or record."""

# No "from __future__ import annotations": FastAPI reads the Annotated parameters at import.

import logging
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response

from ...schema import Report
from ..body import Disconnected, read_task
from ..deps import Settings, pool, query_fields, settings
from ..models import Prediction
from ..openapi import ANALYSIS_ERRORS, body_schema
from ..pool import AnalysisError, AnalysisPool

log = logging.getLogger(__name__)
router = APIRouter()


async def run(request: Request, mode: str, query: dict[str, Any], workers: AnalysisPool, config: Settings) -> Response:
    """Read the request's article, analyse it in a worker, answer its JSON (or the error)."""
    try:
        task = await read_task(request, mode, query)
        task.gender_overrides = config.gender_overrides
    except Disconnected:
        log.info("%s %s: the body was cut off (over the limit, or the client left)", request.method, request.url.path)
        return Response(status_code=400)  # dropped: the 413 is already out, or nobody is listening
    try:
        body = await workers.analyse(task)
    except AnalysisError as error:
        headers = {"Retry-After": "5"} if error.status == 503 else None
        raise HTTPException(error.status, error.detail, headers=headers) from None
    return Response(content=body, media_type="application/json")


@router.post(
    "/api/analyze",
    summary="Analyse one article: its sourcing report",
    description=(
        "The report JSON exactly as `accordingto analyze --json` prints it (docs/report.schema.json).\n\n"
        "Send JSON {\"text\": …} or {\"html\": …} with optional published, url, outlet, title, id, fast "
        "(other fields are refused); or the article itself as a text/plain or text/html body, with the same "
        "metadata as query parameters; or a file upload (multipart/form-data, field file, with the metadata "
        "as form fields). Bytes are decoded as the command line decodes files (UTF-8, else the detected "
        "encoding; binary data is refused). The url is metadata: it is never fetched."
    ),
    response_model=None,
    responses={200: {"model": Report, "description": "the report"}, **ANALYSIS_ERRORS},
    openapi_extra={"requestBody": body_schema()},
)
async def analyze(
    request: Request,
    query: Annotated[dict[str, Any], Depends(query_fields)],
    workers: Annotated[AnalysisPool, Depends(pool)],
    config: Annotated[Settings, Depends(settings)],
) -> Response:
    return await run(request, "report", query, workers, config)


@router.post(
    "/api/predict",
    summary="Predict one article's attributions: the exchange record",
    description=(
        "The record `accordingto predict` writes for each article (../shared/eval/PREDICTIONS.md): "
        "{id, attributions: [{source, cue, content, speaker}]} with [start, end] fragments. id is the one "
        "sent, else \"article\". Offsets point into the text exactly as sent (plain text is not cleaned, as "
        "`predict` reads files); for HTML, into the extracted text. Same inputs as /api/analyze."
    ),
    response_model=None,
    responses={200: {"model": Prediction, "description": "the exchange record"}, **ANALYSIS_ERRORS},
    openapi_extra={"requestBody": body_schema()},
)
async def predict(
    request: Request,
    query: Annotated[dict[str, Any], Depends(query_fields)],
    workers: Annotated[AnalysisPool, Depends(pool)],
    config: Annotated[Settings, Depends(settings)],
) -> Response:
    return await run(request, "predict", query, workers, config)
