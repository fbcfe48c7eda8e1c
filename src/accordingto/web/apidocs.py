"""/docs: the API reference in Swagger UI, served from this server (no CDN, no internet).

Swagger UI's script and style come from the ``fastapi-offline`` package's
copy of ``swagger-ui-dist`` (:data:`ASSETS`, mounted at :data:`ASSETS_URL`);
FastAPI's own /docs page would load them from a CDN. The page has no inline
script, so the Content-Security-Policy of every page (``script-src 'self'``)
holds here too: ``static/docs.js`` starts Swagger UI on /openapi.json, with
no validator badge (the one request Swagger UI would make elsewhere). For a
reader without JavaScript the page lists the routes.
"""

from __future__ import annotations

from html import escape
from importlib.resources import files
from pathlib import Path
from typing import Any

ASSETS = Path(str(files("fastapi_offline") / "static"))
ASSETS_URL = "/docs/assets"


def render(openapi: dict[str, Any], openapi_url: str = "/openapi.json") -> str:
    """The /docs page for this schema."""
    info = openapi.get("info", {})
    title = f"{info.get('title', 'API')} {info.get('version', '')}".strip()
    routes = "".join(
        f"<li><code>{escape(method.upper())} {escape(path)}</code>: {escape(op.get('summary', ''))}</li>"
        for path, methods in openapi.get("paths", {}).items()
        for method, op in methods.items()
    )
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}: API reference</title>
<link rel="icon" href="{ASSETS_URL}/favicon.png">
<link rel="stylesheet" href="{ASSETS_URL}/swagger-ui.css">
</head>
<body>
<div id="swagger-ui" data-openapi="{escape(openapi_url)}"></div>
<noscript>
<h1>{escape(title)}</h1>
<p>{escape(info.get('description', ''))}</p>
<p>The schema: <a href="{escape(openapi_url)}">{escape(openapi_url)}</a>. The pages: <a href="/">Analyse</a>, <a href="/corpus">Corpus</a>.</p>
<ul>{routes}</ul>
</noscript>
<script src="{ASSETS_URL}/swagger-ui-bundle.js"></script>
<script src="/static/docs.js"></script>
</body>
</html>
"""
