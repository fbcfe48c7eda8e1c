"""Every error the service answers: one line in ``{"detail": …}``, and one log line.

:func:`install` puts the three handlers on an app: validation errors (422,
the pydantic errors as one sentence), HTTP errors (their status and detail,
headers kept: a 503's ``Retry-After``) and anything unexpected (500, with the
traceback in the log, never in the answer).
"""

from __future__ import annotations

import json
import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from .models import FIELDS

log = logging.getLogger(__name__)


def one_line_errors(errors: list[dict]) -> str:
    """pydantic's errors as one line a client can act on."""
    parts = []
    for e in errors:
        loc = [str(x) for x in e.get("loc", ()) if x != "body"]
        where = loc[-1] if loc else ""
        if loc and loc[0] in ("query", "path", "header") and len(loc) > 1:
            where = f"{loc[0]} parameter {loc[-1]}"
        if e.get("type") == "extra_forbidden":
            parts.append(f"unknown field {where!r}: send text or html, and optionally {', '.join(FIELDS[2:])}")
        elif e.get("type") in ("model_type", "model_attributes_type", "dict_type"):
            parts.append("the JSON body must be an object, e.g. {\"text\": \"…\"}")
        else:
            message = str(e.get("msg", "invalid")).removeprefix("Value error, ")
            parts.append(f"{where}: {message}" if where else message)
    return "; ".join(parts) or "invalid request"


def refused(request: Request, status: int, detail: str) -> None:
    """The log line of a request answered with an error."""
    log.warning("%s %s → %d: %s", request.method, request.url.path, status, detail)


async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
    detail = one_line_errors(exc.errors())
    refused(request, 422, detail)
    return JSONResponse({"detail": detail}, status_code=422)


async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    detail = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
    refused(request, exc.status_code, detail)
    return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    message = " ".join(str(exc).split())[:300]
    log.error("%s %s → 500: %s", request.method, request.url.path, type(exc).__name__, exc_info=exc)
    return JSONResponse({"detail": f"internal error: {type(exc).__name__}: {message}"}, status_code=500)


def install(app: FastAPI) -> None:
    """The service's error handlers, on ``app``."""
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(Exception, _unexpected)
