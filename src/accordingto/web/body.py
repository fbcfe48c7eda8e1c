"""The article a request sends, in whichever form: the one place the body's Content-Type is read.

:func:`read_task` picks the reader of the body's media type from
:data:`READERS` (JSON, plain text, HTML, a multipart upload; any ``+json``
type is JSON) and turns what it reads, with the query's metadata, into the
:class:`~.pool.Task` a worker runs. A bad body is an ``HTTPException`` with
the status and the one line to answer; a body cut off (over the limit, or
the client gone) is :class:`Disconnected`.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import HTTPException, Request
from pydantic import ValidationError
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException
from starlette.requests import ClientDisconnect

from ..errors import InputError
from ..read.decode import check_unicode
from .errors import one_line_errors
from .models import FIELDS, AnalyzeRequest
from .pool import Task

ACCEPTED = "application/json, text/plain, text/html or multipart/form-data"
_TRUE = {"1", "true", "on", "yes"}
_FALSE = {"", "0", "false", "off", "no"}


class Disconnected(Exception):
    """The body was cut off (over the limit, or the client went away): nothing to answer."""


def media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


async def _raw(request: Request) -> bytes:
    try:
        return await request.body()
    except ClientDisconnect:
        raise Disconnected from None


# --- one reader per media type: (request, fields) → (data, format); fields gains the body's metadata ---


async def _json(request: Request, fields: dict[str, Any]) -> tuple[str | bytes, str]:
    raw = await _raw(request)
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
        raise HTTPException(422, one_line_errors(error.errors())) from None
    fields.update(req.model_dump(exclude_unset=True, exclude_none=True))
    return (req.text, "text") if req.text is not None else (req.html, "html")


async def _text(request: Request, fields: dict[str, Any]) -> tuple[bytes, str]:
    return await _raw(request), "text"


async def _html(request: Request, fields: dict[str, Any]) -> tuple[bytes, str]:
    return await _raw(request), "html"


def _form_bool(name: str, value: str) -> bool:
    v = value.strip().lower()
    if v in _TRUE:
        return True
    if v in _FALSE:
        return False
    raise HTTPException(422, f"{name}: expected true or false, not {value[:40]!r}")


async def _upload(request: Request, fields: dict[str, Any]) -> tuple[bytes, str]:
    try:
        form = await request.form(max_files=1, max_fields=len(FIELDS))
    except ClientDisconnect:
        raise Disconnected from None
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


Reader = Callable[[Request, dict[str, Any]], Awaitable[tuple[Any, str]]]
READERS: dict[str, Reader] = {
    "application/json": _json,
    "text/plain": _text,
    "text/html": _html,
    "multipart/form-data": _upload,
}


def reader(media: str) -> Reader:
    """The reader of this media type; 415 for one the service does not take."""
    if media.endswith("+json"):
        media = "application/json"
    if media in READERS:
        return READERS[media]
    if not media:
        raise HTTPException(415, f"no Content-Type: send {ACCEPTED}")
    raise HTTPException(415, f"unsupported Content-Type {media}: send {ACCEPTED}")


# --- the task ---------------------------------------------------------------------------------


def _checked_date(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    from ..pipeline import iso_date

    try:
        return iso_date(value)
    except InputError as error:
        raise HTTPException(422, str(error)) from None


async def read_task(request: Request, mode: str, query: dict[str, Any]) -> Task:
    """The analysis a request asks for, from whichever body it sends; HTTPException for a bad one."""
    fields: dict[str, Any] = {k: v for k, v in query.items() if v is not None}
    data, fmt = await reader(media_type(request))(request, fields)
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
