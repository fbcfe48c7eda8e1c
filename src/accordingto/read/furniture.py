"""Page furniture: lines of a page that are not the article ("Related: …", share buttons…).

Only whole lines go, and only short ones that match a known pattern; some
patterns (reaction buttons, "Watch: …", "Share") are furniture only in the
run of lines at the very end of the text. Every kept line is left exactly as
it was.
"""

from __future__ import annotations

import re

MAX_FURNITURE_CHARS = 200  # a longer line is prose, whatever it starts with

_APOS = "['\u2019]"
_SOCIAL = r"(facebook|twitter|x|linkedin|whatsapp|e-?mail|reddit|pinterest|telegram|instagram|youtube|tiktok|threads|bluesky|flipboard)"
_REACTIONS = r"(like|love|haha|wow|sad|angry|care|lol|omg|wtf|cute|fail|funny|win|hate|confused|dislike|upvote|downvote)"


def _lines(*patterns: str) -> re.Pattern[str]:
    """One pattern matching a whole (stripped) line, case-insensitive."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


# Furniture wherever it stands as a line of its own.
_ANYWHERE = _lines(
    # "Related: …", "Read more: …", "See also – …"
    r"(related|read more|read also|also read|see also|recommended|must read|don" + _APOS + r"t miss|more on this|trending)"
    r"(\s+(stories|articles|content|coverage|reading|links|posts|news))?\s*[:|»>\u2013\u2014].*",
    r"(related|read more|recommended( for you)?|you (may|might) also like|most (popular|read)|more stories|"
    r"related (stories|articles|content|coverage|posts))\s*:?",
    r"what" + _APOS + r"?s your reaction\s*\??",
    r"share (this|the) (article|story|post|page)\b.*",
    r"share (on|via|to|with) " + _SOCIAL + r"\b.*",
    r"(subscribe|sign up) (to|for)\b.*",
    r"click here\b.*",
    r"advertisements?|sponsored( content)?|ad|(story|article) continues below( advertisement)?|"
    r"continue reading( below)?|scroll to continue( with content)?",
    r"follow us (on|at)\b.*",
    r"(copyright\s*)?(\u00a9|\(c\)).*|copyright\s+\d{4}.*",
    r".*\ball rights reserved\.?",
    r"tags?\s*:.*",
    r"(\d+\s+)?comments?(\s*\(\d+\))?|(leave|add|post|view|show|hide) (a |the )?comments?",
    r"(image|photo|picture|video|graphic)s?\s+(credit|courtesy|source)s?\b.*",
    r"(photo|image|picture)s? by\b.{0,80}",  # a credit, not a sentence about photos
)
# Furniture only in the trailing run of lines.
_TAIL_ONLY = _lines(
    r"(watch|listen|video)\s*:.*",
    rf"(\d+\s*)?{_REACTIONS}s?(\s*\d+)?",
    r"\d+",
    r"(share|tweet|print|e-?mail|pin( it)?)",
    _SOCIAL,
    r"(previous|next) (article|post|story)\b.*",
)
_REACTION_HEADER = re.compile(r"what" + _APOS + r"?s your reaction", re.I)
_REACTION = _lines(rf"(\d+\s*)?{_REACTIONS}s?(\s*\d+)?", r"\d+")


def _is_furniture(line: str, *, tail: bool) -> bool:
    line = line.strip()
    if not line or len(line) > MAX_FURNITURE_CHARS:
        return False
    return bool(_ANYWHERE.fullmatch(line) or (tail and _TAIL_ONLY.fullmatch(line)))


def remove_furniture(text: str) -> tuple[str, list[str]]:
    """Remove furniture lines from ``text``; return the text and the removed lines.

    ``text`` has ``\\n`` line endings. Where lines go, the gap left behind
    becomes one blank line if it held a blank line, else a single line break;
    the result is stripped at both ends. Kept lines are unchanged.
    """
    lines = text.split("\n")
    drop = [False] * len(lines)
    # The trailing run: from the end, every blank or furniture line.
    i = len(lines) - 1
    while i >= 0 and (not lines[i].strip() or _is_furniture(lines[i], tail=True)):
        drop[i] = bool(lines[i].strip())
        i -= 1
    tail_start = i + 1
    # Elsewhere: unambiguous furniture, and the reaction buttons under a "What's Your Reaction?".
    in_reactions = False
    for i, line in enumerate(lines[:tail_start]):
        if not line.strip():
            continue
        if in_reactions and _REACTION.fullmatch(line.strip()):
            drop[i] = True
            continue
        drop[i] = _is_furniture(line, tail=False)
        in_reactions = drop[i] and bool(_REACTION_HEADER.match(line.strip()))
    if not any(drop):
        return text.strip(), []
    removed = [line.strip() for line, d in zip(lines, drop) if d]
    return _rejoin(lines, drop).strip(), removed


def _rejoin(lines: list[str], drop: list[bool]) -> str:
    """Join the kept lines, closing up each gap that held a removed line."""
    out: list[str] = []
    gap: list[str] = []  # blank and removed lines since the last kept line
    gap_dropped = False
    for line, d in zip(lines, drop):
        if d or not line.strip():
            gap.append(line)
            gap_dropped |= d
            continue
        if gap_dropped:
            # One blank line if the gap had any, else the lines were adjacent.
            if out and any(not g.strip() for g in gap):
                out.append("")
        else:
            out.extend(gap)  # untouched blank lines stay as they were
        gap, gap_dropped = [], False
        out.append(line)
    return "\n".join(out)
