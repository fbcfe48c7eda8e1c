"""The service's routes, one router per group; :func:`~..app.create_app` includes them in this order.

- :mod:`.pages`: the Analyse and Corpus pages and /docs;
- :mod:`.analyze`: POST /api/analyze and /api/predict (one article, in a worker process);
- :mod:`.info`: GET /api/info (version, limits, the store);
- :mod:`.corpus`: the store's articles, speakers, findings and the findings' charts.
"""

from __future__ import annotations

from . import analyze, corpus, info, pages

ROUTERS = (pages.router, analyze.router, info.router, corpus.router)

__all__ = ["ROUTERS"]
