"""The HTTP service: ``create_app()`` assembles the routers of :mod:`.routes` into one FastAPI app.

``accordingto serve`` runs it with uvicorn. Routes (docs/API.md has examples of each)::

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
    GET  /api/findings/charts   its charts (the SVG of `accordingto findings --html`)
    GET  /docs, /openapi.json   the API reference (Swagger UI, served from here)

What the routes share (the store, the worker pool, the settings) is on
``app.state``, handed to them as dependencies (:mod:`.deps`). Analyses run
in worker processes (:mod:`.pool`) with a timeout; request bodies are limited
in size before they are read (:mod:`.limits`); every error is one line
(:mod:`.errors`). Nothing here fetches a URL: an article's ``url`` is
metadata only.
"""

from __future__ import annotations

import threading
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .. import __version__
from . import apidocs, errors
from .deps import Settings
from .limits import BodyLimit, SecurityHeaders
from .openapi import DESCRIPTION, NO_STORE
from .pool import AnalysisPool
from .routes import ROUTERS
from .routes.corpus import DEFAULT_BY, DEFAULT_TOP
from .store import CorpusStore

STATIC_DIR = Path(__file__).resolve().parent / "static"

__all__ = ["NO_STORE", "STATIC_DIR", "create_app"]


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
    from ..analyse.gender import load_overrides

    overrides = load_overrides(gender_overrides)
    corpus = CorpusStore(store) if store is not None else None
    pool = AnalysisPool(workers=workers, timeout_s=timeout_s)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        ahead = None
        if corpus is not None:  # the Corpus page's first charts, drawn while nobody waits
            ahead = threading.Thread(target=corpus.draw_ahead, args=(DEFAULT_BY, DEFAULT_TOP), daemon=True)
            ahead.start()
        try:
            yield
        finally:
            pool.close()
            if ahead is not None:
                ahead.join(timeout=30)
            if corpus is not None:
                corpus.close()

    app = FastAPI(
        title="accordingto",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.pool = pool
    app.state.store = corpus
    app.state.settings = Settings(
        max_body_bytes=max_body_bytes, timeout_s=timeout_s, static_dir=STATIC_DIR, gender_overrides=overrides
    )
    app.add_middleware(BodyLimit, max_body_bytes=max_body_bytes)
    app.add_middleware(SecurityHeaders)
    errors.install(app)
    for router in ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR, check_dir=False), name="static")
    app.mount(apidocs.ASSETS_URL, StaticFiles(directory=apidocs.ASSETS), name="docs-assets")
    return app
