"""The terminal report (rich): the voices, every attribution in reading order, the unsourced sentences."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..schema import Report


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def print_report(report: Report, console: Console | None = None) -> None:
    console = console or Console()
    meta = report.article
    head = Text(meta.title or "Article", style="bold")
    facts = [x for x in (meta.site, meta.author, meta.published) if x]
    if facts:
        head.append("  " + " · ".join(facts), style="dim")
    console.print(head)
    console.print(
        f"{len(report.attributions)} attributions, {len(report.speakers)} voices, "
        f"{len(report.unattributed)} sentences with no source",
        style="dim",
    )

    voices = Table(title="Voices", title_justify="left", expand=False)
    voices.add_column("speaker", style="bold cyan")
    voices.add_column("type")
    voices.add_column("attributions", justify="right")
    voices.add_column("words quoted", justify="right")
    for sp in sorted(report.speakers, key=lambda s: (-s.attributions, s.id)):
        if sp.attributions:
            voices.add_row(sp.name, sp.type, str(sp.attributions), str(sp.quoted_words))
    console.print(voices)

    table = Table(title="Attributions, in reading order", title_justify="left", show_lines=False, expand=True)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("speaker", style="cyan", ratio=2, overflow="fold")
    table.add_column("cue", style="magenta", ratio=1, min_width=12, overflow="fold")
    table.add_column("content", ratio=6)
    for a in report.attributions:
        who = a.speaker or (" ".join(s.text for s in a.source) if a.source else "—")
        mark = {"direct": "❝ ", "mixed": "❜ ", "indirect": ""}[a.kind]
        content = Text(mark, style="yellow") + Text(_short(" … ".join(s.text for s in a.content)))
        table.add_row(str(a.id + 1), who, " ".join(s.text for s in a.cue), content)
    console.print(table)
    console.print("❝ direct quote   ❜ mixed (partly quoted)", style="dim")

    if report.unattributed:
        console.print(Text("Asserted with no source", style="bold"))
        for s in report.unattributed:
            console.print(Text("• ") + Text(_short(s.text, 200)))
