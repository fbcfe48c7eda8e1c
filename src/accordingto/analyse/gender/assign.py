"""The gender of each person speaker and its evidence: override, else the text, else the first name.

:func:`gender_of` decides for one speaker (the order and thresholds are in
:mod:`accordingto.analyse.gender`); :func:`assign_genders` sets ``gender`` and
``gender_evidence`` on every speaker of an article.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ...schema import GenderEvidence, GenderSpan, Speaker
from .clues import Clue, clues_of
from .names import MIN_COUNTS, first_name, name_data
from .overrides import override_key
from .pronouns import other_pronouns

PRONOUN_MAJORITY = 0.75


def gender_of(
    speaker: Speaker,
    text: str,
    doc=None,
    overrides: Mapping[str, str] | None = None,
    extra: list[Clue] | None = None,
) -> tuple[str, GenderEvidence]:
    """The gender of one person speaker and its evidence (see the module's docstring for the rule).

    ``extra``: more pronoun clues for this speaker (:func:`other_pronouns`)."""
    if overrides:
        keys = [override_key(speaker.name)]
        g = next((overrides[k] for k in keys if k in overrides), None)
        if g is not None:
            return g, GenderEvidence(kind="override", note="from the gender overrides file")
    clues = clues_of(speaker, text, doc)
    if extra:
        have = {(c.start, c.end) for c in clues}
        clues = sorted(clues + [c for c in extra if (c.start, c.end) not in have], key=lambda c: c.start)
    if clues:
        explicit = [c for c in clues if c.cue != "pronoun"]
        pronouns = [c for c in clues if c.cue == "pronoun"]
        if explicit:
            genders = {c.gender for c in explicit}
            if len(genders) > 1:
                return "unknown", GenderEvidence(
                    kind="text", spans=[c.span() for c in explicit], note="honorifics or role nouns disagree"
                )
            g = genders.pop()
            kept = [c for c in clues if c.gender == g]
            left = len(pronouns) - sum(c.gender == g for c in pronouns)
            note = f"{left} pronoun{'s' if left != 1 else ''} of the other gender left out" if left else None
            return g, GenderEvidence(kind="text", spans=[c.span() for c in kept], note=note)
        n = len(pronouns)
        counts = {g: sum(c.gender == g for c in pronouns) for g in ("woman", "man")}
        g = max(counts, key=counts.get)
        if counts[g] >= PRONOUN_MAJORITY * n:
            kept = [c for c in pronouns if c.gender == g]
            note = None if counts[g] == n else f"{n - counts[g]} of {n} pronouns disagree"
            return g, GenderEvidence(kind="text", spans=[c.span() for c in kept], note=note)
        return "unknown", GenderEvidence(
            kind="text",
            spans=[c.span() for c in pronouns],
            note=f"pronouns disagree: {counts['woman']} she/her, {counts['man']} he/him",
        )
    first = first_name(speaker.name)
    if first is None:
        return "unknown", GenderEvidence(kind="none", note="no gendered words and no first name")
    g, stat = name_data().gender(first)
    span = _first_name_span(speaker, text, first)
    if stat is None:
        note = f"first name {first!r} is not in the name data"
    else:
        note = f"first name {first!r}: p(woman) {stat.p_woman:.3f} over {stat.counts:,} people (nomquamgender)"
        if g == "unknown":
            note += ", ambiguous" if stat.counts >= MIN_COUNTS else ", too few"
    if g == "unknown":
        return "unknown", GenderEvidence(kind="none", spans=[span] if span else [], note=note)
    return g, GenderEvidence(kind="first name", spans=[span] if span else [], note=note)


def _first_name_span(speaker: Speaker, text: str, first: str) -> GenderSpan | None:
    for m in speaker.mentions:
        if m.kind in ("name", "other"):
            i = text.find(first, m.start, m.end)
            if i >= 0:
                return GenderSpan(start=i, end=i + len(first), text=first, cue="first name", gender=None)
    i = text.find(first)
    if i >= 0:
        return GenderSpan(start=i, end=i + len(first), text=first, cue="first name", gender=None)
    return None


def assign_genders(
    speakers: Iterable[Speaker], text: str, doc=None, overrides: Mapping[str, str] | None = None
) -> list[Speaker]:
    """The speakers, each ``person`` with ``gender`` and ``gender_evidence`` set (others unchanged)."""
    speakers = list(speakers)
    extra = other_pronouns(speakers, doc)
    out = []
    for sp in speakers:
        if sp.type != "person":
            out.append(sp.model_copy(update={"gender": None, "gender_evidence": None}))
            continue
        g, evidence = gender_of(sp, text, doc, overrides, extra.get(sp.id))
        out.append(sp.model_copy(update={"gender": g, "gender_evidence": evidence}))
    return out
