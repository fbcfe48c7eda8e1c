"""The HTTP service: the Analyse and Corpus pages, and the JSON API behind them.

``create_app()`` builds the FastAPI application; ``accordingto serve`` runs it
with uvicorn. Routes (docs/API.md has examples of each)::

    GET  /                      the Analyse page          (static/index.html)
    GET  /corpus                the Corpus page           (static/corpus.html)
    GET  /static/…              the pages' files
    GET  /api/info              version, limits, the store
    POST /api/analyze           one article → its report (as `accordingto analyze --json`)
    POST /api/predict           one article → its exchange record (PREDICTIONS.md)
    GET  /api/articles          the store's articles, searched and paged
    GET  /api/articles/{id}     one stored article and its report
    GET  /api/speakers          speakers across the store's articles
    GET  /api/findings          the tables of `accordingto findings`
    GET  /docs, /openapi.json   the API reference

Analyses run in worker processes (:mod:`.pool`) with a timeout; request
bodies are limited in size before they are read (:mod:`.limits`). Nothing
here fetches a URL: an article's ``url`` is metadata only.
"""

# No "from __future__ import annotations": the routes' Annotated parameters refer to local Query objects.

import json
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Path as PathParam, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BeforeValidator, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import InputError
from ..read.decode import check_unicode
from ..schema import Report, SourceType
from . import apidocs
from .corpus import CorpusStore, StoreError
from .limits import BodyLimit, SecurityHeaders
from .models import (
    FIELDS,
    AnalyzeRequest,
    ArticleDetail,
    ArticleList,
    ErrorDetail,
    Findings,
    Info,
    Prediction,
    SpeakerList,
)
from .pool import AnalysisError, AnalysisPool, Task

STATIC_DIR = Path(__file__).resolve().parent / "static"
NO_STORE = "no store: start the server with --store FILE"
MAX_PAGE = 500
MAX_OFFSET = 2**53  # DuckDB's OFFSET takes a signed 64-bit integer; no store has more rows than this

_DESCRIPTION = (
    "According to whom? Every attribution in a news article: who said what, and who they are. "
    "POST an article to /api/analyze for its sourcing report; with a corpus store (serve --store), "
    "browse its articles, speakers and findings. The server never fetches a URL."
)


def _error(status: int, description: str) -> dict:
    return {"model": ErrorDetail, "description": description}


_ANALYSIS_ERRORS = {
    400: _error(400, "malformed body (JSON that does not parse, a broken multipart body)"),
    413: _error(413, "body over the size limit (or text over the reader's 5 MB)"),
    415: _error(415, "unsupported Content-Type"),
    422: _error(422, "wrong fields, or input that is not an English news article (empty, binary, not English, no article in the page)"),
    503: _error(503, "the analysis took longer than the timeout and was cut off, or the server is busy"),
}


def _body_schema() -> dict:
    schema = AnalyzeRequest.model_json_schema()
    schema.pop("title", None)
    return {
        "required": True,
        "description": "JSON ({text} or {html}, with metadata), a raw text/plain or text/html body, or a file upload.",
        "content": {
            "application/json": {"schema": schema},
            "text/plain": {"schema": {"type": "string", "description": "the article as plain text"}},
            "text/html": {"schema": {"type": "string", "description": "the article's web page"}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary", "description": "a .txt or .html file"},
                        **{
                            name: {"type": "boolean" if name == "fast" else "string"}
                            for name in FIELDS
                            if name not in ("text", "html")
                        },
                    },
                }
            },
        },
    }


# --- turning a request into a task ------------------------------------------------------------------


def _one_line_errors(errors: list[dict]) -> str:
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


def _blank_is_none(value):
    """An empty query parameter (``?type=``) is an absent one."""
    return None if value == "" else value


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


_TRUE = {"1", "true", "on", "yes"}
_FALSE = {"", "0", "false", "off", "no"}


def _form_bool(name: str, value: str) -> bool:
    v = value.strip().lower()
    if v in _TRUE:
        return True
    if v in _FALSE:
        return False
    raise HTTPException(422, f"{name}: expected true or false, not {value[:40]!r}")


def _checked_date(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    from ..pipeline import _iso_date

    try:
        return _iso_date(value)
    except InputError as error:
        raise HTTPException(422, str(error)) from None


class _Disconnected(Exception):
    """The body was cut off (over the limit, or the client went away): nothing to answer."""


async def _read_body(request: Request) -> bytes:
    from starlette.requests import ClientDisconnect

    try:
        return await request.body()
    except ClientDisconnect:
        raise _Disconnected from None


async def _task(request: Request, mode: str, query: dict[str, Any]) -> Task:
    """The analysis a request asks for, from whichever body it sends; HTTPException for a bad one."""
    media = _media_type(request)
    fields: dict[str, Any] = {k: v for k, v in query.items() if v is not None}
    if media == "application/json" or media.endswith("+json"):
        raw = await _read_body(request)
        try:
            obj = json.loads(raw)
        except UnicodeDecodeError:
            raise HTTPException(400, "the JSON body is not valid UTF-8") from None
        except json.JSONDecodeError as error:
            raise HTTPException(400, f"the body is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})") from None
        except RecursionError:
            raise HTTPException(400, "the JSON body is nested too deeply") from None
        try:
            req = AnalyzeRequest.model_validate(obj)
        except ValidationError as error:
            raise HTTPException(422, _one_line_errors(error.errors())) from None
        fields.update(req.model_dump(exclude_unset=True, exclude_none=True))
        if req.text is not None:
            data, fmt = req.text, "text"
        else:
            data, fmt = req.html, "html"
    elif media in ("text/plain", "text/html"):
        data, fmt = await _read_body(request), ("html" if media == "text/html" else "text")
    elif media == "multipart/form-data":
        data, fmt = await _upload(request, fields)
    elif not media:
        raise HTTPException(415, "no Content-Type: send application/json, text/plain, text/html or multipart/form-data")
    else:
        raise HTTPException(
            415, f"unsupported Content-Type {media}: send application/json, text/plain, text/html or multipart/form-data"
        )
    meta = {k: fields[k] for k in ("id", "title", "outlet") if fields.get(k) is not None}
    for name in ("id", "title", "outlet", "url", "published", "text", "html"):
        value = data if name in ("text", "html") and fmt == name else fields.get(name)
        if isinstance(value, str):
            try:
                check_unicode(value, what=f"the field {name}")
            except InputError as error:
                raise HTTPException(422, str(error)) from None
    return Task(
        data=data,
        format=fmt,
        mode=mode,
        fast=bool(fields.get("fast", False)),
        # predict: offsets into the text exactly as sent (as `accordingto predict` reads files)
        clean=not (mode == "predict" and fmt != "html"),
        url=fields.get("url"),
        published=_checked_date(fields.get("published")),
        meta=meta,
    )


async def _upload(request: Request, fields: dict[str, Any]) -> tuple[bytes, str]:
    from starlette.datastructures import UploadFile
    from starlette.formparsers import MultiPartException
    from starlette.requests import ClientDisconnect

    try:
        form = await request.form(max_files=1, max_fields=len(FIELDS))
    except ClientDisconnect:
        raise _Disconnected from None
    except MultiPartException as error:
        raise HTTPException(400, f"malformed multipart body: {error.message}") from None
    try:
        upload = None
        for name, value in form.multi_items():
            if name == "file" and isinstance(value, UploadFile):
                if upload is not None:
                    raise HTTPException(422, "send one file")
                upload = value
            elif name == "file":
                raise HTTPException(422, "the field file must be a file upload (with a filename)")
            elif name in FIELDS and name not in ("text", "html") and isinstance(value, str):
                fields[name] = _form_bool(name, value) if name == "fast" else (value or None)
            else:
                raise HTTPException(
                    422, f"unknown form field {name!r}: send file, and optionally {', '.join(FIELDS[2:])}"
                )
        if upload is None:
            raise HTTPException(422, "the multipart body has no file field named 'file'")
        data = await upload.read()
        name = (upload.filename or "").lower()
        fmt = "html" if (upload.content_type or "").startswith("text/html") or name.endswith((".html", ".htm")) else "auto"
        return data, fmt
    finally:
        await form.close()


# --- the application ---------------------------------------------------------------------------


def create_app(
    store: str | Path | None = None,
    *,
    max_body_bytes: int = 10_000_000,
    timeout_s: float = 60.0,
    workers: int = 1,
    gender_overrides: str | Path | dict[str, str] | None = None,
) -> FastAPI:
    """The service. ``store``: a corpus store written by ``accordingto batch`` (opened read-only; a
    :class:`~accordingto.corpus.store.StoreError` when it cannot be). ``max_body_bytes``: largest
    request body; ``timeout_s``: longest one analysis may take (0: no limit); ``workers``: analysis
    processes (started on the first analysis). ``gender_overrides``: the newsroom's ``name,gender``
    CSV (or mapping), applied to every analysis (a
    :class:`~accordingto.analyse.gender.GenderOverridesError` when it is malformed).
    """
    from ..pipeline import load_overrides

    overrides = load_overrides(gender_overrides)
    corpus = CorpusStore(store) if store is not None else None
    pool = AnalysisPool(workers=workers, timeout_s=timeout_s)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        try:
            yield
        finally:
            pool.close()
            if corpus is not None:
                corpus.close()

    app = FastAPI(
        title="accordingto",
        version=__version__,
        description=_DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.pool = pool
    app.state.store = corpus
    app.state.max_body_bytes = max_body_bytes
    app.state.timeout_s = timeout_s
    app.add_middleware(BodyLimit, max_body_bytes=max_body_bytes)
    app.add_middleware(SecurityHeaders)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):
        return JSONResponse({"detail": _one_line_errors(exc.errors())}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
        return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        message = " ".join(str(exc).split())[:300]
        return JSONResponse({"detail": f"internal error: {type(exc).__name__}: {message}"}, status_code=500)

    def need_store() -> CorpusStore:
        if corpus is None:
            raise HTTPException(404, NO_STORE)
        return corpus

    async def run(request: Request, mode: str, query: dict[str, Any]) -> Response:
        try:
            task = await _task(request, mode, query)
            task.gender_overrides = overrides
        except _Disconnected:
            return Response(status_code=400)  # dropped: the 413 is already out, or nobody is listening
        try:
            body = await pool.analyse(task)
        except AnalysisError as error:
            headers = {"Retry-After": "5"} if error.status == 503 else None
            return JSONResponse({"detail": error.detail}, status_code=error.status, headers=headers)
        return Response(content=body, media_type="application/json")

    # --- pages -----------------------------------------------------------------------------------

    def page(name: str) -> FileResponse:
        path = STATIC_DIR / name
        if not path.is_file():
            raise HTTPException(404, f"page {name} is not installed")
        return FileResponse(path, media_type="text/html; charset=utf-8")

    @app.get("/", include_in_schema=False)
    def analyse_page():
        return page("index.html")

    @app.get("/corpus", include_in_schema=False)
    def corpus_page():
        return page("corpus.html")

    @app.get("/docs", include_in_schema=False)
    def docs_page():
        return HTMLResponse(apidocs.render(app.openapi()))

    app.mount("/static", StaticFiles(directory=STATIC_DIR, check_dir=False), name="static")

    # --- analysis ----------------------------------------------------------------------------------

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
        return dict(published=published, fast=fast, url=url, outlet=outlet, title=title, id=id)

    @app.post(
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
        responses={200: {"model": Report, "description": "the report"}, **_ANALYSIS_ERRORS},
        openapi_extra={"requestBody": _body_schema()},
    )
    async def analyze(request: Request, query: Annotated[dict[str, Any], Depends(query_fields)]) -> Response:
        return await run(request, "report", query)

    @app.post(
        "/api/predict",
        summary="Predict one article's attributions: the exchange record",
        description=(
            "The record `accordingto predict` writes for each article (../shared/eval/PREDICTIONS.md): "
            "{id, attributions: [{source, cue, content, speaker}]} with [start, end] fragments. id is the one "
            "sent, else \"article\". Offsets point into the text exactly as sent (plain text is not cleaned, as "
            "`predict` reads files); for HTML, into the extracted text. Same inputs as /api/analyze."
        ),
        response_model=None,
        responses={200: {"model": Prediction, "description": "the exchange record"}, **_ANALYSIS_ERRORS},
        openapi_extra={"requestBody": _body_schema()},
    )
    async def predict(request: Request, query: Annotated[dict[str, Any], Depends(query_fields)]) -> Response:
        return await run(request, "predict", query)

    # --- info and the store ------------------------------------------------------------------------

    @app.get("/api/info", summary="Version, limits and the store", response_model=Info)
    def info() -> Info:
        return Info(
            version=__version__,
            store=corpus is not None,
            store_path=str(corpus.path.resolve()) if corpus is not None else None,
            max_body_bytes=max_body_bytes,
            timeout_s=timeout_s,
            articles=corpus.count_articles() if corpus is not None else None,
        )

    no_store = {404: _error(404, NO_STORE)}
    bad_query = {422: _error(422, "a query parameter out of range")}
    limit_q = Query(ge=1, le=MAX_PAGE, description=f"page size (at most {MAX_PAGE})")
    offset_q = Query(ge=0, le=MAX_OFFSET, description=f"rows to skip (at most {MAX_OFFSET:,})")

    @app.get(
        "/api/articles",
        summary="The store's articles: searched, filtered by outlet, newest first",
        description="q matches title, id or outlet (case-insensitive substring); outlet is an exact outlet name (case-insensitive).",
        response_model=ArticleList,
        responses={**no_store, **bad_query},
    )
    def articles(
        q: Annotated[str | None, Query(max_length=500, description="search title, id and outlet")] = None,
        outlet: Annotated[str | None, Query(max_length=500, description="only this outlet")] = None,
        limit: Annotated[int, limit_q] = 50,
        offset: Annotated[int, offset_q] = 0,
    ):
        return need_store().articles(q, outlet, limit, offset)

    @app.get(
        "/api/articles/{article_id:path}",
        summary="One stored article and its full report",
        description="Ids may contain slashes (batch ids are file paths): URL-encode them or not.",
        response_model=ArticleDetail,
        responses={404: _error(404, "no such article, or no store")},
    )
    def article(article_id: Annotated[str, PathParam(description="the article's id in the store")]):
        found = need_store().article(article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id!r} in the store")
        return found

    @app.get(
        "/api/speakers",
        summary="Speakers across the store: most attributions first",
        description=(
            "Speakers with at least one attribution, grouped by canonical name and type over every article "
            "(the same name in two articles is taken for the same speaker). q matches the name (case-insensitive "
            "substring); article_ids lists the first 20 articles quoting them, sorted by id."
        ),
        response_model=SpeakerList,
        responses={**no_store, **bad_query},
    )
    def speakers(
        q: Annotated[str | None, Query(max_length=500, description="search speaker names")] = None,
        type: Annotated[SourceType | None, BeforeValidator(_blank_is_none), Query(description="only this source type")] = None,
        limit: Annotated[int, limit_q] = 50,
        offset: Annotated[int, offset_q] = 0,
    ):
        return need_store().speakers(q, type, limit, offset)

    @app.get(
        "/api/findings",
        summary="The corpus findings: the tables of `accordingto findings`",
        description=(
            "by: outlet and/or one period (day, week, month, year), comma-separated. Each table has a title, its "
            "columns and its rows (shares as 0–1, dates as YYYY-MM-DD)."
        ),
        response_model=Findings,
        responses={400: _error(400, "a dimension that does not exist"), **no_store, **bad_query},
    )
    def findings(
        by: Annotated[str, Query(max_length=100, description="outlet and/or one of day, week, month, year")] = "outlet,month",
        top: Annotated[int, Query(ge=1, le=100, description="how many of the most quoted speakers to list")] = 10,
    ):
        store_ = need_store()
        try:
            return store_.findings(by, top)
        except StoreError as error:
            raise HTTPException(400, str(error)) from None

    return app
