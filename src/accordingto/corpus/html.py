"""The findings as one HTML page that opens offline: charts and tables.

Charts are drawn with matplotlib and embedded in the page as inline SVG (no
script, no stylesheet or font from the network), so the file can be mailed,
archived or opened on a machine with no connection.
"""

from __future__ import annotations

import html
import io
import re
from datetime import datetime, timezone
from pathlib import Path

from .findings import PERIODS, Table, format_value, label

MAX_GROUPS = 15  # outlets shown in a chart (the ones with most articles); the tables have them all
TYPE_COLOURS = {
    "person": "#4c72b0",
    "organisation": "#55a868",
    "outlet": "#c44e52",
    "document": "#8172b2",
    "anonymous": "#937860",
    "group": "#da8bc3",
    "artefact": "#8c8c8c",
    "unknown": "#ccb974",
    "(none)": "#dddddd",
}
SHARES = ("secondhand_share", "anonymous_share", "loaded_share", "unattributed_share")
GENDER_COLOURS = {"women": "#dd8452", "men": "#4c72b0", "unknown": "#bbbbbb"}


def _figure(width: float, height: float):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
    return fig, fig.add_subplot()


def _svg(fig) -> str:
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "accordingto"}):
        fig.savefig(buffer, format="svg")
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]  # drop the XML prolog and doctype: inline in HTML
    return re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)


def _groups(table: Table, dim: str) -> list[dict]:
    rows = table.to_dicts()
    if dim == "outlet":
        rows = sorted(rows, key=lambda r: -r["articles"])[:MAX_GROUPS]
        return sorted(rows, key=lambda r: r[dim])
    return [r for r in rows if r[dim] != "(undated)"]


def _bars(rows: list[dict], dim: str, columns: tuple[str, ...], title: str, *, percent: bool = False) -> str:
    """Horizontal grouped bars: one group per row, one bar per column."""
    import numpy as np

    names = [str(r[dim]) for r in rows]
    fig, ax = _figure(8, 1.6 + 0.22 * len(names) * len(columns))
    y = np.arange(len(names))
    height = 0.8 / len(columns)
    for i, column in enumerate(columns):
        values = [(r[column] or 0) * (100 if percent else 1) for r in rows]
        ax.barh(y + (i - (len(columns) - 1) / 2) * height, values, height, label=label(column, short=False))
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    ax.set_title(title, loc="left")
    if percent:
        ax.set_xlabel("% of attributions (unattributed: % of sentences)")
    _legend(fig, ax, len(columns))
    ax.grid(axis="x", alpha=0.3)
    return _svg(fig)


def _legend(fig, ax, n: int, handles=None) -> None:
    """The legend under the plot, outside it (never over the data)."""
    if handles is None:
        handles, labels = ax.get_legend_handles_labels()
    else:
        labels = [h.get_label() for h in handles]
    fig.legend(handles, labels, loc="outside lower center", ncols=min(n, 5), fontsize="small", frameon=False)


def _lines(rows: list[dict], dim: str, columns: tuple[str, ...], title: str, *, percent: bool = False) -> str:
    """One line per column over the periods."""
    periods = [str(r[dim]) for r in rows]
    fig, ax = _figure(8, 3.6)
    for column in columns:
        ax.plot(periods, [(r[column] or 0) * (100 if percent else 1) for r in rows], marker="o", label=label(column, short=False))
    _period_axis(ax, periods)
    ax.set_title(title, loc="left")
    if percent:
        ax.set_ylabel("%")
    _legend(fig, ax, len(columns))
    ax.grid(alpha=0.3)
    return _svg(fig)


def _period_axis(ax, periods: list[str]) -> None:
    step = max(1, len(periods) // 12)
    ax.set_xticks(range(0, len(periods), step), periods[::step], rotation=45, ha="right")


def _lines_per_outlet(table: Table, period: str, column: str, title: str) -> str:
    rows = [r for r in table.to_dicts() if r[period] != "(undated)"]
    periods = sorted({r[period] for r in rows})
    index = {p: i for i, p in enumerate(periods)}
    articles: dict[str, int] = {}
    for r in rows:
        articles[r["outlet"]] = articles.get(r["outlet"], 0) + r["articles"]
    outlets = sorted(articles, key=lambda o: -articles[o])[:MAX_GROUPS]
    fig, ax = _figure(8, 4.2)
    for outlet in sorted(outlets):
        points = sorted((index[r[period]], r[column]) for r in rows if r["outlet"] == outlet and r[column] is not None)
        ax.plot([p for p, _ in points], [v for _, v in points], marker="o", label=outlet)
    ax.set_xticks(range(len(periods)))
    _period_axis(ax, periods)
    ax.set_title(title, loc="left")
    _legend(fig, ax, len(outlets))
    ax.grid(alpha=0.3)
    return _svg(fig)


def _stacked_types(table: Table, dim: str | None, title: str) -> str:
    """Share of attributions per source type: one stacked bar per group."""
    rows = table.to_dicts()
    if dim is None:
        groups = ["all articles"]
        key = lambda r: "all articles"  # noqa: E731
    else:
        totals: dict[str, int] = {}
        for r in rows:
            totals[r[dim]] = totals.get(r[dim], 0) + r["attributions"]
        groups = [g for g in totals if g != "(undated)"]
        if dim == "outlet":
            groups = sorted(sorted(groups, key=lambda g: -totals[g])[:MAX_GROUPS])
        key = lambda r: r[dim]  # noqa: E731
    types = [t for t in TYPE_COLOURS if any(r["speaker_type"] == t for r in rows)]
    types += sorted({r["speaker_type"] for r in rows} - set(types))
    share = {(key(r), r["speaker_type"]): r["share"] * 100 for r in rows}
    fig, ax = _figure(8, 1.8 + 0.35 * len(groups))
    left = [0.0] * len(groups)
    for t in types:
        values = [share.get((g, t), 0.0) for g in groups]
        ax.barh(groups, values, left=left, label=t, color=TYPE_COLOURS.get(t))
        left = [a + b for a, b in zip(left, values)]
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of attributions")
    ax.set_title(title, loc="left")
    _legend(fig, ax, len(types))
    return _svg(fig)


def _top_speakers(table: Table, title: str) -> str:
    rows = table.to_dicts()
    fig, ax = _figure(8, 1.6 + 0.28 * len(rows))
    names = [r["speaker"] for r in rows]
    colours = [TYPE_COLOURS.get(r["type"], "#999999") for r in rows]
    ax.barh(names, [r["attributions"] for r in rows], color=colours)
    ax.invert_yaxis()
    ax.set_xlabel("attributions")
    ax.set_title(title, loc="left")
    seen = []
    for r in rows:
        if r["type"] not in seen:
            seen.append(r["type"])
    from matplotlib.patches import Patch

    _legend(fig, ax, len(seen), handles=[Patch(color=TYPE_COLOURS.get(t, "#999999"), label=t) for t in seen])
    ax.grid(axis="x", alpha=0.3)
    return _svg(fig)


def _gender_stacked(table: Table, dim: str | None, words: bool, title: str) -> str:
    """Women, men and unknown as shares of the quoted people (or of their quoted words): one stacked
    bar per group, the unknown share always drawn."""
    rows = table.to_dicts()
    if dim is not None:
        rows = [r for r in rows if r[dim] != "(undated)"]
        if dim == "outlet":
            rows = sorted(sorted(rows, key=lambda r: -r["people"])[:MAX_GROUPS], key=lambda r: r[dim])
    groups = [str(r[dim]) if dim else "all articles" for r in rows]
    fig, ax = _figure(8, 1.8 + 0.35 * len(groups))
    left = [0.0] * len(groups)
    suffix = "_words_share" if words else "_share"
    for label_, colour in GENDER_COLOURS.items():
        values = [(r[label_ + suffix] or 0) * 100 for r in rows]
        bars = ax.barh(groups, values, left=left, label=label_, color=colour)
        if label_ != "men":
            ax.bar_label(bars, labels=[f"{v:.0f}%" if v >= 4 else "" for v in values], label_type="center", fontsize="x-small")
        left = [a + b for a, b in zip(left, values)]
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of quoted words of person voices" if words else "% of quoted people (person voices)")
    ax.set_title(title, loc="left")
    _legend(fig, ax, 3)
    return _svg(fig)


def _gender_charts(tables: dict[str, Table]) -> list[str]:
    out = []
    if "gender_by_outlet" in tables and tables["gender_by_outlet"].rows:
        table, dim = tables["gender_by_outlet"], "outlet"
    elif "gender" in tables and tables["gender"].rows:
        table, dim = tables["gender"], None
    else:
        return out
    where = f" per {dim}" if dim else ""
    out.append(_gender_stacked(table, dim, False, f"Women, men and unknown among quoted people{where}"))
    out.append(_gender_stacked(table, dim, True, f"Women, men and unknown: share of quoted words{where}"))
    period = next((name[len("gender_by_") :] for name in tables if name[len("gender_by_") :] in PERIODS), None)
    if period and tables[f"gender_by_{period}"].rows:
        rows = [r for r in tables[f"gender_by_{period}"].to_dicts() if r[period] != "(undated)"]
        if rows:
            out.append(_lines(rows, period, ("women_share", "unknown_share"), f"Women and unknown among quoted people, per {period}", percent=True))
    return out


def charts(tables: dict[str, Table]) -> list[str]:
    """The charts of the findings, as inline SVG elements.

    Labels are data (outlet and speaker names): never read as math text, so
    "Save $5 or $10 Daily" is drawn as it is.
    """
    import matplotlib

    with matplotlib.rc_context({"text.parse_math": False}):
        return _charts(tables)


def _charts(tables: dict[str, Table]) -> list[str]:
    out = []
    dims = [name[3:] for name in tables if name.startswith("by_") and name[3:] in ("outlet", *PERIODS)]
    for dim in dims:
        table = tables[f"by_{dim}"]
        rows = _groups(table, dim)
        if not rows:
            continue
        draw = _bars if dim == "outlet" else _lines
        out.append(draw(rows, dim, ("attributions_per_article", "voices_per_article"), f"Attributions and voices per article, per {dim}"))
        out.append(draw(rows, dim, SHARES, f"Sourcing shares per {dim}", percent=True))
    period = next((d for d in dims if d in PERIODS), None)
    cross = tables.get(f"by_outlet_{period}") if period else None
    if cross is not None and cross.rows:
        out.append(_lines_per_outlet(cross, period, "attributions_per_article", f"Attributions per article, per outlet and {period}"))
    if tables.get("source_types") and tables["source_types"].rows:
        if "source_types_by_outlet" in tables and tables["source_types_by_outlet"].rows:
            out.append(_stacked_types(tables["source_types_by_outlet"], "outlet", "Source types per outlet"))
        else:
            out.append(_stacked_types(tables["source_types"], None, "Source types"))
    out.extend(_gender_charts(tables))
    if tables.get("top_speakers") and tables["top_speakers"].rows:
        out.append(_top_speakers(tables["top_speakers"], "Most quoted speakers (colour: source type)"))
    return out


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
    parts.extend(f"<figure>{svg}</figure>" for svg in charts(tables))
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
