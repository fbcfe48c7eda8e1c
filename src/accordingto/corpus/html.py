"""The findings as one HTML page that opens offline: charts and tables.

Charts are drawn with matplotlib (:mod:`.charts`, the same charts the web
app's Corpus page shows) and embedded in the page as inline SVG (no script, no
stylesheet or font from the network), so the file can be mailed, archived or
opened on a machine with no connection.
"""

from __future__ import annotations

import html
from datetime import datetime, timezone
from pathlib import Path

from .charts import charts
from .render import format_value, label
from .table import Table

_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #222; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
table { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0 1.5rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.6rem; }
th { text-align: left; background: #f4f4f4; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0 2rem; } figure svg { max-width: 100%; height: auto; }
p.note { color: #555; font-size: 0.9rem; }
"""


def _html_table(table: Table) -> str:
    head = "".join(f"<th>{html.escape(label(c, short=False))}</th>" for c in table.columns)
    body = []
    for row in table.rows:
        cells = "".join(
            f'<td class="n">{html.escape(format_value(c, v))}</td>'
            if isinstance(v, (int, float))
            else f"<td>{html.escape(format_value(c, v))}</td>"
            for c, v in zip(table.columns, row)
        )
        body.append(f"<tr>{cells}</tr>")
    if not body:
        body.append(f'<tr><td colspan="{len(table.columns)}">no rows</td></tr>')
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def render_html(tables: dict[str, Table], *, store: str = "") -> str:
    """The whole page."""
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Sourcing findings</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<h1>Sourcing findings</h1>",
        f'<p class="note">Store {html.escape(store)} · written {when} by accordingto. '
        "Secondhand, anonymous and loaded shares are shares of the attributions; the unattributed share is the "
        "share of an article's sentences asserted with no source, averaged over the articles; hedged counts "
        "hedges on claims with no named source. Gender (person voices only): how the article refers to each "
        "person (she, Ms., congresswoman), else a statistic about the first name; never a person's identity; "
        "the unknown share is shown beside every figure.</p>",
    ]
    if "corpus" in tables:
        parts.append(_html_table(tables["corpus"]))
    parts.append("<h2>Charts</h2>")
    parts.extend(f"<figure>{chart.svg}</figure>" for chart in charts(tables))
    for name, table in tables.items():
        if name == "corpus":
            continue
        parts.append(f'<h2 id="{html.escape(name)}">{html.escape(table.title)}</h2>')
        parts.append(_html_table(table))
    parts.append("</body></html>")
    return "\n".join(parts)


def write_html(tables: dict[str, Table], path: str | Path, *, store: str = "") -> Path:
    """Write the findings page to ``path``."""
    path = Path(path)
    if path.parent:
        path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(tables, store=store), encoding="utf-8")
    return path
