"""The terminal report (rich).

In order: the voices; every attribution in reading order (direct quotes,
loaded cues, secondhand and nested ones marked, with their chain); the
sourcing profile; hedged claims and scare quotes; the sentences asserted with
no source; the timeline.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..schema import Report


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _pct(x: float) -> str:
    return f"{round(100 * x)}%"


def _header(report: Report, console: Console) -> None:
    meta = report.article
    head = Text(meta.title or "Article", style="bold")
    facts = [x for x in (meta.site, meta.author, meta.published) if x]
    if facts:
        head.append("  " + " · ".join(facts), style="dim")
    console.print(head)
    console.print(
        f"{len(report.attributions)} attributions, {sum(1 for s in report.speakers if s.attributions)} voices, "
        f"{len(report.unattributed)} sentences with no source",
        style="dim",
    )


def _voices(report: Report, console: Console) -> None:
    voices = Table(title="Voices", title_justify="left", expand=False)
    voices.add_column("speaker", style="bold cyan")
    voices.add_column("type")
    voices.add_column("role")
    voices.add_column("gender (evidence)")
    voices.add_column("attributions", justify="right")
    voices.add_column("words quoted", justify="right")
    for sp in sorted(report.speakers, key=lambda s: (-s.attributions, s.id)):
        if sp.attributions:
            role = sp.role or ""
            if sp.author:
                role = f"by {sp.author}" if not role else f"{role}, by {sp.author}"
            voices.add_row(sp.name, sp.type, role, gender_cell(sp), str(sp.attributions), str(sp.quoted_words))
    console.print(voices)


def gender_cell(sp) -> str:
    """ "woman (text: she, Ms.)", "man (first name: Sean)", "unknown" — people only, else empty."""
    if sp.gender is None:
        return ""
    ev = sp.gender_evidence
    if ev is None or ev.kind == "none":
        return sp.gender
    words = list(dict.fromkeys(s.text for s in ev.spans))
    shown = ", ".join(words[:3]) + (", …" if len(words) > 3 else "")
    return f"{sp.gender} ({ev.kind}{': ' + shown if shown else ''})"


def _attributions(report: Report, console: Console) -> None:
    table = Table(title="Attributions, in reading order", title_justify="left", expand=True)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("speaker", style="cyan", ratio=3, min_width=14)
    table.add_column("cue", style="magenta", ratio=2, min_width=13)
    table.add_column("content", ratio=8, min_width=30)
    for a in report.attributions:
        who = Text(a.speaker or (" ".join(s.text for s in a.source) if a.source else "—"))
        if len(a.chain) > 1:
            who = Text(" → ".join(link.speaker or "?" for link in a.chain))
        cue = Text(" ".join(s.text for s in a.cue))
        if a.stance == "loaded":
            cue.append(" ⚑", style="bold red")
        mark = {"direct": "❝ ", "mixed": "❜ ", "indirect": ""}[a.kind]
        content = Text(mark, style="yellow") + Text(_short(" … ".join(s.text for s in a.content)))
        if a.secondhand:
            content.append("  [secondhand]", style="dim")
        table.add_row(str(a.id + 1), who, cue, content)
    console.print(table)
    console.print("❝ direct quote   ❜ mixed (partly quoted)   ⚑ loaded cue   A → B: B as reported by A", style="dim")


def _profile(report: Report, console: Console) -> None:
    p = report.profile
    if p is None:
        return
    types = ", ".join(f"{t} {_pct(v)}" for t, v in sorted(p.share_by_type.items(), key=lambda kv: -kv[1]) if v)
    console.print(Text("Sourcing profile", style="bold"))
    console.print(
        f"  {p.voices} voices · {p.attributions} attributions · {p.quoted_words} words quoted\n"
        f"  by source type: {types or '—'}\n"
        f"  secondhand {_pct(p.secondhand_share)} · anonymous {_pct(p.anonymous_share)} · nested {p.nested} · "
        f"loaded cues {p.loaded_cues} · hedged claims with no source {p.hedged} · "
        f"sentences with no source {_pct(p.unattributed_share)}",
        highlight=False,
    )
    people = sum(c.voices for c in p.by_gender.values())
    if people:
        parts = [
            f"{g} {c.voices} ({c.attributions} attrib., {c.quoted_words} words)"
            for g, c in p.by_gender.items()
        ]
        console.print(f"  person voices by gender: {' · '.join(parts)}", highlight=False)


def _lists(report: Report, console: Console) -> None:
    hedged = [h for h in report.hedges if not h.attributed]
    if hedged:
        console.print(Text("Hedged, with no named source", style="bold"))
        for h in hedged:
            sentence = h.sentence.text if h.sentence else h.text
            console.print(Text("• ") + Text(f"{h.text}: ", style="bold red") + Text(_short(sentence, 200)))
    if report.scare_quotes:
        console.print(Text("Scare quotes (quoted, no speaker)", style="bold"))
        console.print("  " + ", ".join(s.text for s in report.scare_quotes), highlight=False)
    if report.unattributed:
        console.print(Text("Asserted with no source", style="bold"))
        for s in report.unattributed:
            console.print(Text("• ") + Text(_short(s.text, 200)))
    if report.timeline:
        console.print(Text("Timeline", style="bold"))
        for e in report.timeline:
            when = e.date + (f" – {e.date_end}" if e.date_end and e.date_end != e.date else "")
            console.print(Text(f"  {when}  ", style="green") + Text(_short(e.sentence.text, 150)))


def print_report(report: Report, console: Console | None = None) -> None:
    console = console or Console()
    _header(report, console)
    _voices(report, console)
    _attributions(report, console)
    _profile(report, console)
    _lists(report, console)
