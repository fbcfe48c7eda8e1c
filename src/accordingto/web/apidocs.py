"""/docs: the API reference as one self-contained HTML page, made from the OpenAPI schema.

FastAPI's default /docs (Swagger UI) loads its script and styles from a CDN;
the service works offline, so this page is rendered here instead, with no
script and no external URL. The schema itself is at /openapi.json.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{margin-bottom:.2rem} h2{margin-top:2.2rem;font-size:1.15rem;border-top:1px solid #ddd;padding-top:1rem}
code,pre{font-family:ui-monospace,monospace;font-size:.9em}
pre{background:#f5f5f5;padding:.6rem;overflow:auto;max-height:22rem}
.method{display:inline-block;min-width:3.5rem;font-weight:700;color:#fff;background:#555;border-radius:3px;
  text-align:center;margin-right:.5rem;padding:0 .3rem}
.get{background:#2b6cb0}.post{background:#2f855a}
table{border-collapse:collapse;margin:.4rem 0}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}
details{margin:.3rem 0} summary{cursor:pointer}
"""


def _type(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " | ".join(_type(s) for s in schema["anyOf"])
    if schema.get("type") == "array":
        return f"array of {_type(schema.get('items', {}))}"
    if "enum" in schema:
        return " | ".join(json.dumps(v) for v in schema["enum"])
    if "const" in schema:
        return json.dumps(schema["const"])
    return str(schema.get("type", "any"))


def _parameters(params: list[dict]) -> str:
    if not params:
        return ""
    rows = "".join(
        f"<tr><td><code>{escape(p['name'])}</code></td><td>{escape(p['in'])}</td>"
        f"<td>{escape(_type(p.get('schema', {})))}</td>"
        f"<td>{'default ' + escape(json.dumps(p['schema']['default'])) if 'default' in p.get('schema', {}) else ('required' if p.get('required') else '')}</td>"
        f"<td>{escape(p.get('description', '') or p.get('schema', {}).get('description', ''))}</td></tr>"
        for p in params
    )
    return f"<table><tr><th>parameter</th><th>in</th><th>type</th><th></th><th></th></tr>{rows}</table>"


def _body(body: dict | None) -> str:
    if not body:
        return ""
    items = []
    for media, content in body.get("content", {}).items():
        schema = content.get("schema", {})
        items.append(
            f"<details><summary>request body <code>{escape(media)}</code>: {escape(_type(schema))}</summary>"
            f"<pre>{escape(json.dumps(schema, indent=1))}</pre></details>"
        )
    return "".join(items)


def _responses(responses: dict) -> str:
    rows = []
    for status, response in responses.items():
        schema = next(iter(response.get("content", {}).values()), {}).get("schema", {})
        kind = escape(_type(schema)) if schema else ""
        rows.append(f"<tr><td>{escape(str(status))}</td><td>{escape(response.get('description', ''))}</td><td>{kind}</td></tr>")
    return f"<table><tr><th>status</th><th>meaning</th><th>body</th></tr>{''.join(rows)}</table>"


def render(openapi: dict[str, Any]) -> str:
    """The whole page."""
    info = openapi.get("info", {})
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{escape(info.get('title', 'API'))}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{escape(info.get('title', 'API'))} <small>{escape(info.get('version', ''))}</small></h1>",
        f"<p>{escape(info.get('description', ''))}</p>",
        "<p>The machine-readable schema: <a href='/openapi.json'>/openapi.json</a>. The pages: "
        "<a href='/'>Analyse</a>, <a href='/corpus'>Corpus</a>.</p>",
    ]
    for path, methods in openapi.get("paths", {}).items():
        for method, op in methods.items():
            parts.append(
                f"<h2 id='{escape(op.get('operationId', ''))}'><span class='method {escape(method)}'>{escape(method.upper())}</span>"
                f"<code>{escape(path)}</code> — {escape(op.get('summary', ''))}</h2>"
            )
            if op.get("description"):
                for paragraph in op["description"].split("\n\n"):
                    parts.append(f"<p>{escape(paragraph)}</p>")
            parts.append(_parameters(op.get("parameters", [])))
            parts.append(_body(op.get("requestBody")))
            parts.append(_responses(op.get("responses", {})))
    schemas = openapi.get("components", {}).get("schemas", {})
    if schemas:
        parts.append("<h2>Schemas</h2>")
        for name, schema in schemas.items():
            parts.append(
                f"<details id='schema-{escape(name)}'><summary><code>{escape(name)}</code> "
                f"{escape(schema.get('description', '').splitlines()[0] if schema.get('description') else '')}</summary>"
                f"<pre>{escape(json.dumps(schema, indent=1))}</pre></details>"
            )
    parts.append("</body></html>")
    return "\n".join(parts)
