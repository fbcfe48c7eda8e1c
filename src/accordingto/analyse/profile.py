"""The article's sourcing profile: who speaks, how much, through whom.

Counted from the attributions themselves (not from ``Speaker.attributions``),
so the profile always agrees with the attributions it summarises:

- ``voices``: distinct speakers with at least one attribution;
- ``attributions``, ``quoted_words``: totals over all attributions;
- ``by_voice``: one :class:`VoiceShare` per voice, most attributions first
  (then most words quoted, then first speaker id);
- ``share_by_type``: share of attributions per speaker type; an attribution
  with no speaker (or one missing from ``speakers``) counts as ``unknown``;
  only types that occur are listed;
- ``secondhand_share``, ``anonymous_share`` (speaker type ``anonymous``);
- ``nested``: attributions with ``depth >= 1``;
- ``hedged``: hedges whose claim no named source carries (``attributed``
  False);
- ``loaded_cues``: attributions with a loaded cue;
- ``unattributed_share``: unattributed sentences / all sentences, capped at
  1 (0 for an article with no sentences);
- ``by_gender``: person voices only (speakers of type ``person`` with an
  attribution), per gender label (``woman``, ``man``, ``unknown``, all three
  always listed; a person with no label counts as ``unknown``): voices,
  their attributions and their quoted words.

Shares are rounded to 3 decimals; an article with no attributions gets a
profile of zeros.
"""

from __future__ import annotations

from collections import Counter

from ..schema import Attribution, GenderCount, Hedge, Profile, Sentence, Speaker, VoiceShare

__all__ = ["build_profile"]


def _share(part: int, whole: int) -> float:
    return round(min(part / whole, 1.0), 3) if whole else 0.0


def build_profile(
    attributions: list[Attribution], speakers: list[Speaker], unattributed: list[Sentence], hedges: list[Hedge], n_sentences: int
) -> Profile:
    """The sourcing profile of an article from its analysed parts."""
    by_id = {sp.id: sp for sp in speakers}
    n = len(attributions)
    counts: Counter[int] = Counter()
    words: Counter[int] = Counter()
    types: Counter[str] = Counter()
    for a in attributions:
        sp = by_id.get(a.speaker_id) if a.speaker_id is not None else None
        types[sp.type if sp else "unknown"] += 1
        if sp is not None:
            counts[sp.id] += 1
            words[sp.id] += a.quoted_words
    by_voice = [
        VoiceShare(
            speaker=by_id[i].name, type=by_id[i].type, attributions=counts[i], quoted_words=words[i], gender=by_id[i].gender
        )
        for i in sorted(counts, key=lambda i: (-counts[i], -words[i], i))
    ]
    by_gender = {g: {"voices": 0, "attributions": 0, "quoted_words": 0} for g in ("woman", "man", "unknown")}
    for i in counts:
        sp = by_id[i]
        if sp.type != "person":
            continue
        row = by_gender[sp.gender if sp.gender in by_gender else "unknown"]
        row["voices"] += 1
        row["attributions"] += counts[i]
        row["quoted_words"] += words[i]
    return Profile(
        voices=len(counts),
        attributions=n,
        quoted_words=sum(a.quoted_words for a in attributions),
        by_voice=by_voice,
        share_by_type={t: _share(c, n) for t, c in sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))},
        secondhand_share=_share(sum(a.secondhand for a in attributions), n),
        anonymous_share=_share(types.get("anonymous", 0), n),
        nested=sum(1 for a in attributions if a.depth >= 1),
        hedged=sum(1 for h in hedges if not h.attributed),
        loaded_cues=sum(1 for a in attributions if a.stance == "loaded"),
        unattributed_share=_share(len(unattributed), n_sentences),
        n_sentences=n_sentences,
        by_gender={g: GenderCount(**v) for g, v in by_gender.items()},
    )
