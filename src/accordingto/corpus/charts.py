"""The findings' charts, drawn once with matplotlib as SVG: for the HTML page and the Corpus page.

:func:`charts` turns the findings tables into :class:`Chart` objects (a title
and an SVG element with no XML prolog, ready to sit inline in HTML). The same
charts go into ``accordingto findings --html`` (:mod:`.html`) and to the web
app's Corpus page (``GET /api/findings/charts``). Each bar is a group with
an id (``<chart>-bar-<series>-<row>``), so a page or a test can find the bar
of one row; the text is real SVG text (``svg.fonttype: none``), not paths.
"""

from __future__ import annotations

import io
import re
import threading
from dataclasses import dataclass

from .queries import PERIODS
from .render import label
from .table import Table

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

# matplotlib's rcParams are global: one chart at a time (the web server draws in threads)
_DRAWING = threading.Lock()


@dataclass(frozen=True)
class Chart:
    """One chart: its title and its inline SVG element."""

    title: str
    svg: str


def slug(title: str) -> str:
    """The chart's id: its title in lower case, runs of other characters as one hyphen."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def _tag(bars, title: str, series: str) -> None:
    """An id on each bar (``<chart>-bar-<series>-<row>``), which the SVG keeps on the bar's group."""
    for i, bar in enumerate(bars):
        bar.set_gid(f"{slug(title)}-bar-{slug(series)}-{i}")


def _figure(width: float, height: float):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
    return fig, fig.add_subplot()


def _svg(fig, title: str) -> Chart:
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "accordingto"}):
        fig.savefig(buffer, format="svg")
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]  # drop the XML prolog and doctype: inline in HTML
    return Chart(title, re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.DOTALL))


def _groups(table: Table, dim: str) -> list[dict]:
    rows = table.to_dicts()
    if dim == "outlet":
        rows = sorted(rows, key=lambda r: -r["articles"])[:MAX_GROUPS]
        return sorted(rows, key=lambda r: r[dim])
    return [r for r in rows if r[dim] != "(undated)"]


def _bars(rows: list[dict], dim: str, columns: tuple[str, ...], title: str, *, percent: bool = False) -> Chart:
    """Horizontal grouped bars: one group per row, one bar per column."""
    import numpy as np

    names = [str(r[dim]) for r in rows]
    fig, ax = _figure(8, 1.6 + 0.22 * len(names) * len(columns))
    y = np.arange(len(names))
    height = 0.8 / len(columns)
    for i, column in enumerate(columns):
        values = [(r[column] or 0) * (100 if percent else 1) for r in rows]
        bars = ax.barh(y + (i - (len(columns) - 1) / 2) * height, values, height, label=label(column, short=False))
        _tag(bars, title, column)
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    ax.set_title(title, loc="left")
    if percent:
        ax.set_xlabel("% of attributions (unattributed: % of sentences)")
    _legend(fig, ax, len(columns))
    ax.grid(axis="x", alpha=0.3)
    return _svg(fig, title)


def _legend(fig, ax, n: int, handles=None) -> None:
    """The legend under the plot, outside it (never over the data)."""
    if handles is None:
        handles, labels = ax.get_legend_handles_labels()
    else:
        labels = [h.get_label() for h in handles]
    fig.legend(handles, labels, loc="outside lower center", ncols=min(n, 5), fontsize="small", frameon=False)


def _lines(rows: list[dict], dim: str, columns: tuple[str, ...], title: str, *, percent: bool = False) -> Chart:
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
    return _svg(fig, title)


def _period_axis(ax, periods: list[str]) -> None:
    step = max(1, len(periods) // 12)
    ax.set_xticks(range(0, len(periods), step), periods[::step], rotation=45, ha="right")


def _lines_per_outlet(table: Table, period: str, column: str, title: str) -> Chart:
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
    return _svg(fig, title)


def _stacked_types(table: Table, dim: str | None, title: str) -> Chart:
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
        _tag(ax.barh(groups, values, left=left, label=t, color=TYPE_COLOURS.get(t)), title, t)
        left = [a + b for a, b in zip(left, values)]
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of attributions")
    ax.set_title(title, loc="left")
    _legend(fig, ax, len(types))
    return _svg(fig, title)


def _top_speakers(table: Table, title: str) -> Chart:
    rows = table.to_dicts()
    fig, ax = _figure(8, 1.6 + 0.28 * len(rows))
    names = [r["speaker"] for r in rows]
    colours = [TYPE_COLOURS.get(r["type"], "#999999") for r in rows]
    _tag(ax.barh(names, [r["attributions"] for r in rows], color=colours), title, "attributions")
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
    return _svg(fig, title)


def _gender_stacked(table: Table, dim: str | None, words: bool, title: str) -> Chart:
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
        _tag(bars, title, label_)
        if label_ != "men":
            ax.bar_label(bars, labels=[f"{v:.0f}%" if v >= 4 else "" for v in values], label_type="center", fontsize="x-small")
        left = [a + b for a, b in zip(left, values)]
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of quoted words of person voices" if words else "% of quoted people (person voices)")
    ax.set_title(title, loc="left")
    _legend(fig, ax, 3)
    return _svg(fig, title)


def _gender_charts(tables: dict[str, Table]) -> list[Chart]:
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


def charts(tables: dict[str, Table]) -> list[Chart]:
    """The charts of the findings, each a title and an inline SVG element.

    Labels are data (outlet and speaker names): never read as math text, so
    "Save $5 or $10 Daily" is drawn as it is.
    """
    import matplotlib

    with _DRAWING, matplotlib.rc_context({"text.parse_math": False}):
        return _charts(tables)


def _charts(tables: dict[str, Table]) -> list[Chart]:
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


