"""The HTTP service: ``accordingto serve`` (pages and a JSON API; docs/API.md).

    >>> from accordingto.web import create_app
    >>> app = create_app("corpus.duckdb", timeout_s=30, workers=2)   # any ASGI server runs it

Importing this package loads nothing heavy: the pipeline runs in worker
processes started on the first analysis.
"""

from __future__ import annotations

__all__ = ["create_app"]


def __getattr__(name: str):
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(name)
