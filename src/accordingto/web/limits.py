"""Pure ASGI middleware: the request body limit and the security headers.

:class:`BodyLimit` refuses a body over the limit with 413 without reading
it whole: from ``Content-Length`` before the application runs, and for a
body with no length (chunked) by counting the bytes as they arrive and
stopping at the limit: the 413 is sent at once and the application is told
the client is gone, so it reads no further (what it answers then is dropped).
"""

from __future__ import annotations

import json
import logging

log = logging.getLogger(__name__)

# No external URL can be loaded by the pages: everything comes from this server.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode("ascii")),
]


async def send_json(
    send, status: int, detail: str, headers: list[tuple[bytes, bytes]] | None = None, scope: dict | None = None
) -> None:
    """A whole ``{"detail": …}`` response, straight to the ASGI ``send`` (and its log line)."""
    if scope is not None:
        log.warning("%s %s → %d: %s", scope.get("method", ""), scope.get("path", ""), status, detail)
    body = json.dumps({"detail": detail}).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode("ascii")),
                (b"connection", b"close"),
                *(headers or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def too_large(limit: int, size: int | None = None) -> str:
    """The 413 message."""
    what = "request body" if size is None else f"request body of {size:,} bytes"
    return f"{what} is larger than the limit of {limit:,} bytes"


class BodyLimit:
    """Refuse request bodies larger than ``max_body_bytes`` with 413, reading at most that much of them."""

    def __init__(self, app, max_body_bytes: int):
        self.app = app
        self.limit = int(max_body_bytes)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    size = int(value)
                    if size < 0:
                        raise ValueError
                except ValueError:
                    await send_json(send, 400, "invalid Content-Length header", scope=scope)
                    return
                if size > limit:
                    await send_json(send, 413, too_large(limit, size), scope=scope)
                    return
                break

        received = 0
        refused = False  # the 413 went out: the application's own answer is dropped
        cut = False
        started = False

        async def limited_receive():
            nonlocal received, refused, cut
            if cut:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    cut = True
                    if not started:
                        refused = True
                        await send_json(send, 413, too_large(limit), scope=scope)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message):
            nonlocal started
            if refused:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        await self.app(scope, limited_receive, guarded_send)


class SecurityHeaders:
    """``nosniff``, no referrer, and a Content-Security-Policy allowing this server only, on every response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message):
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", ())}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message = {**message, "headers": [*message.get("headers", ()), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)
