"""Findings tables shown: cells formatted and labelled, the terminal's rich tables, and CSV files."""

from __future__ import annotations

from pathlib import Path

from .queries import DIMENSIONS
from .table import Table


def format_value(column: str, value) -> str:
    """A cell as shown: shares as percentages, averages with two decimals."""
    if value is None:
        return "—"
    if isinstance(value, float):
        if column.endswith("share"):
            return f"{value:.1%}"
        return f"{value:.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


# Short headers for the terminal, where the measures tables are wide.
LABELS = {
    "attributions": "attrib.",
    "attributions_per_article": "attrib/art",
    "voices_per_article": "voices/art",
    "quoted_words_per_article": "quoted/art",
    "secondhand_share": "secondhand",
    "anonymous_share": "anonymous",
    "loaded_cues": "loaded",
    "loaded_share": "loaded",
    "hedged_per_article": "hedged/art",
    "unattributed_share": "unattributed",
    "first_published": "first",
    "last_published": "last",
    "women_share": "women",
    "men_share": "men",
    "unknown_share": "unknown",
    "women_words_share": "women",
    "men_words_share": "men",
    "unknown_words_share": "unknown",
}
_CAPTION = (
    "secondhand, anonymous, loaded: shares of the attributions; unattributed: share of an article's "
    "sentences with no source, averaged over the articles"
)


def label(column: str, *, short: bool = True) -> str:
    return (LABELS.get(column) if short else None) or column.replace("_", " ")


# The measures tables are wide: the terminal shows them as two narrower ones.
_TERMINAL_SPLIT = (
    ("per article", ("articles", "attributions_per_article", "voices_per_article", "quoted_words_per_article", "hedged_per_article")),
    ("shares", ("secondhand_share", "anonymous_share", "loaded_share", "unattributed_share")),
)


_GENDER_SPLIT = (
    ("share of quoted people", ("people", "women_share", "men_share", "unknown_share")),
    ("share of their quoted words", ("quoted_words", "women_words_share", "men_words_share", "unknown_words_share")),
)
_GENDER_CAPTION = (
    "person voices: how the article refers to each (she, Ms., congresswoman), else a statistic about "
    "the first name; never an identity. unknown: neither says."
)


def _split(table: Table, parts) -> list[Table]:
    dims = [c for c in table.columns if c in DIMENSIONS]
    views = []
    for suffix, columns in parts:
        keep = [table.columns.index(c) for c in (*dims, *columns)]
        views.append(
            Table(
                name=table.name,
                title=f"{table.title}: {suffix}",
                columns=[table.columns[i] for i in keep],
                rows=[tuple(row[i] for i in keep) for row in table.rows],
            )
        )
    return views


def _terminal_views(table: Table) -> list[Table]:
    if "women_share" in table.columns:
        return _split(table, _GENDER_SPLIT)
    if len(table.rows) == 1 and not any(c in DIMENSIONS for c in table.columns) and "secondhand_share" not in table.columns:
        # one row (the corpus): one line per column
        return [Table(table.name, table.title, ["", "value"], [(label(c, short=False), v) for c, v in zip(table.columns, table.rows[0])])]
    if "secondhand_share" not in table.columns:
        return [table]
    return _split(table, _TERMINAL_SPLIT)


def print_findings(tables: dict[str, Table], console=None) -> None:
    """Every table in the terminal (rich); the measures as two tables, per article and shares."""
    from rich.console import Console
    from rich.table import Table as RichTable
    from rich.text import Text

    console = console or Console()
    for full in tables.values():
        for table in _terminal_views(full):
            view = RichTable(title=Text(table.title), title_justify="left")
            if "secondhand_share" in table.columns and table.name == "overall":
                view.caption = _CAPTION
                view.caption_justify = "left"
            if table.name == "gender" and "people" in table.columns:
                view.caption = _GENDER_CAPTION
                view.caption_justify = "left"
            for column in table.columns:
                numeric = any(isinstance(r[table.columns.index(column)], (int, float)) for r in table.rows)
                view.add_column(label(column), justify="right" if numeric else "left", no_wrap=True)
            for row in table.rows:
                # Text, not a markup string: data is never markup ("[bold red]…" prints as it is)
                view.add_row(*(Text(format_value(c, v)) for c, v in zip(table.columns, row)))
            if not table.rows:
                view.caption = "no rows"
            console.print(view)
            console.print()


def write_csv(tables: dict[str, Table], directory: str | Path) -> list[Path]:
    """One CSV file per table (raw values, shares as 0–1) in ``directory``; the paths written."""
    import csv

    from .export import neutralise

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for table in tables.values():
        path = directory / f"{table.name}.csv"
        with path.open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(table.columns)
            writer.writerows(["" if v is None else neutralise(v) for v in row] for row in table.rows)
        written.append(path)
    return written
