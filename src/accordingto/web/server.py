"""How ``accordingto serve`` runs the app under uvicorn: timeouts and a connection limit.

uvicorn closes idle keep-alive connections (``timeout_keep_alive``) but has
no limit on how long a client may take to *send* a request: 3,000 clients
each sending half a request held 3,000 connections for as long as they
liked. :class:`TimedH11Protocol` gives every request ``request_timeout``
seconds, from the connection's opening (or the end of the previous response)
to its last byte, headers and body together; past that the connection is
closed. ``limit_concurrency`` caps open connections plus running requests:
past it, a request is answered 503 at once.
"""

from __future__ import annotations

import asyncio

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

KEEP_ALIVE_S = 5.0  # an idle keep-alive connection is closed after this
REQUEST_TIMEOUT_S = 30.0  # the whole request, headers and body, must arrive within this
MAX_CONNECTIONS = 100  # open connections and requests in progress; over it: 503


class TimedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, with a deadline for receiving each whole request."""

    request_timeout = REQUEST_TIMEOUT_S

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._request_timer: asyncio.TimerHandle | None = None
        self._arm()

    def _arm(self) -> None:
        self._disarm()
        if self.request_timeout and self.request_timeout > 0:
            self._request_timer = self.loop.call_later(self.request_timeout, self._request_timed_out)

    def _disarm(self) -> None:
        timer = getattr(self, "_request_timer", None)
        if timer is not None:
            timer.cancel()
            self._request_timer = None

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state not in (h11.IDLE, h11.SEND_BODY):
            self._disarm()  # the whole request is in

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if self.conn.their_state in (h11.IDLE, h11.DONE) and not self.transport.is_closing():
            self._arm()  # the next request on this connection gets its own deadline

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _request_timed_out(self) -> None:
        self._request_timer = None
        if self.conn.their_state in (h11.IDLE, h11.SEND_BODY) and not self.transport.is_closing():
            self.transport.close()  # a request too slow to arrive: nobody is waiting for an answer


def timed_protocol(request_timeout: float) -> type[TimedH11Protocol]:
    """The protocol class with this request timeout (seconds; 0: none)."""
    return type("TimedH11Protocol", (TimedH11Protocol,), {"request_timeout": request_timeout})


def server_config(
    app,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    request_timeout: float = REQUEST_TIMEOUT_S,
    max_connections: int = MAX_CONNECTIONS,
    log_level: str = "info",
) -> uvicorn.Config:
    """The uvicorn configuration of ``accordingto serve``."""
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level=log_level,
        http=timed_protocol(request_timeout),
        timeout_keep_alive=KEEP_ALIVE_S,
        limit_concurrency=max_connections,
        timeout_graceful_shutdown=5,
    )
