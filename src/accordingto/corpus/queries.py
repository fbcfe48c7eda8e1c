"""The SQL of every findings table: the sourcing of a corpus, per outlet, per period and overall.

Every number is one DuckDB SQL query over the store (:mod:`.columns`), so each
can be checked, or rerun by hand in ``duckdb corpus.duckdb``. The measures
of one group of articles (all of them, one outlet, one month…):

- ``articles``; ``attributions`` (all of them) and ``attributions_per_article``;
- ``voices_per_article``: distinct speakers with at least one attribution;
- ``quoted_words_per_article``: words quoted directly;
- ``secondhand_share``: share of the attributions marked secondhand (another
  outlet or a document as the source), pooled over the group's attributions;
- ``anonymous_share``: share of the attributions whose speaker is of type
  ``anonymous``, pooled;
- ``loaded_cues`` and ``loaded_share``: attributions with a loaded cue
  (claimed, admitted, insisted), count and pooled share;
- ``hedged`` and ``hedged_per_article``: hedges on claims with no named source;
- ``unattributed_share``: share of an article's sentences asserted with no
  source, averaged over the articles.

and, besides: ``source_types`` (share of the attributions per speaker type;
``(none)`` for an attribution with no speaker), ``top_speakers`` (the most
quoted speakers, by attributions then quoted words, with their most frequent
type; one speaker's names are merged across articles: "Donald J. Trump",
"Donald Trump" and, where no other Trump is quoted often, "Trump" are one
voice, shown under its most frequent full name), ``gender`` (person voices
by gender, see :func:`_gender_sql`). Groups: ``outlet`` (``(unknown)`` when the store has none) and one
period of ``day``, ``week`` (ISO, ``2018-W28``), ``month``, ``year`` of the
publication date (``(undated)`` when there is none).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..names import KEY_TITLES
from .connection import StoreError

PERIODS = {"day": "%Y-%m-%d", "week": "%G-W%V", "month": "%Y-%m", "year": "%Y"}
DIMENSIONS = ("outlet", *PERIODS)
TOP_SPEAKERS = 20
TOP_SPEAKERS_PER_GROUP = 5


def parse_by(by: str | Sequence[str]) -> tuple[str, ...]:
    """``"outlet,month"`` or ``("outlet", "month")`` → the checked dimensions (at most one period, outlet first)."""
    if isinstance(by, str):
        by = [part for part in by.replace(" ", "").split(",") if part]
    dims = tuple(dict.fromkeys(d.strip().lower() for d in by))
    for d in dims:
        if d not in DIMENSIONS:
            raise StoreError(f"cannot group by {d!r}: use outlet and/or one of {', '.join(PERIODS)}")
    if sum(d in PERIODS for d in dims) > 1:
        raise StoreError("group by one period at most (day, week, month or year)")
    return tuple(sorted(dims, key=lambda d: d != "outlet"))  # outlet first: by_outlet_month


def _dim_sql(dim: str) -> str:
    if dim == "outlet":
        return "coalesce(a.outlet, '(unknown)')"
    return f"coalesce(strftime(a.published, '{PERIODS[dim]}'), '(undated)')"


def _groups_cte(dims: Sequence[str]) -> str:
    """``groups(id, <dims>)``: every article with the value of each dimension."""
    cols = "".join(f", {_dim_sql(d)} AS {d}" for d in dims)
    return f"groups AS (SELECT a.id{cols} FROM articles a)"


def _measures_sql(dims: Sequence[str]) -> str:
    keys = ", ".join(f"g.{d}" for d in dims)
    select_keys = f"{keys}, " if dims else ""
    group = f"GROUP BY {keys} ORDER BY {keys}" if dims else ""
    return f"""
WITH {_groups_cte(dims)},
per_attribution AS (
  SELECT article_id,
         count(*) AS n,
         count(DISTINCT speaker_id) AS voices,
         count(*) FILTER (WHERE secondhand) AS secondhand,
         count(*) FILTER (WHERE speaker_type = 'anonymous') AS anonymous,
         count(*) FILTER (WHERE stance = 'loaded') AS loaded,
         sum(quoted_words) AS quoted_words
  FROM attributions GROUP BY article_id
),
per_article AS (
  SELECT g.*, a.hedged, a.unattributed_share,
         coalesce(t.n, 0) AS n, coalesce(t.voices, 0) AS voices, coalesce(t.secondhand, 0) AS secondhand,
         coalesce(t.anonymous, 0) AS anonymous, coalesce(t.loaded, 0) AS loaded,
         coalesce(t.quoted_words, 0) AS quoted_words
  FROM groups g JOIN articles a ON a.id = g.id LEFT JOIN per_attribution t ON t.article_id = g.id
)
SELECT {select_keys}
       count(*) AS articles,
       sum(n)::BIGINT AS attributions,
       avg(n) AS attributions_per_article,
       avg(voices) AS voices_per_article,
       avg(quoted_words) AS quoted_words_per_article,
       sum(secondhand) / nullif(sum(n), 0) AS secondhand_share,
       sum(anonymous) / nullif(sum(n), 0) AS anonymous_share,
       sum(loaded)::BIGINT AS loaded_cues,
       sum(loaded) / nullif(sum(n), 0) AS loaded_share,
       sum(hedged)::BIGINT AS hedged,
       avg(hedged) AS hedged_per_article,
       avg(unattributed_share) AS unattributed_share
FROM per_article g
{group}
"""


def _source_types_sql(dims: Sequence[str]) -> str:
    keys = ", ".join(f"g.{d}" for d in dims)
    select_keys = f"{keys}, " if dims else ""
    partition = f"PARTITION BY {keys}" if dims else ""
    return f"""
WITH {_groups_cte(dims)}
SELECT {select_keys}
       coalesce(t.speaker_type, '(none)') AS speaker_type,
       count(*) AS attributions,
       count(*) / sum(count(*)) OVER ({partition}) AS share
FROM attributions t JOIN groups g ON g.id = t.article_id
GROUP BY {select_keys} speaker_type
ORDER BY {select_keys} attributions DESC, speaker_type
"""


# Honorifics and titles that are not part of a name ("Mr. Trump", "Sen. Warren"): the name normaliser's
# (accordingto.names.KEY_TITLES, whose Python form is accordingto.names.voice_key).
_TITLES = "|".join(sorted(KEY_TITLES | {"the"}))
# SQL expression: the key under which one voice's names meet across articles.
# Lower case, letters and digits only, no titles, no initials: "Donald J. Trump",
# "Donald Trump" and "President Donald Trump" share the key "donald trump";
# "The Associated Press" and "Associated Press" share theirs.
VOICE_KEY_SQL = (
    "coalesce(nullif(trim(regexp_replace(regexp_replace(regexp_replace("
    "lower({name}), '[^a-z0-9]+', ' ', 'g'), "
    "'\\b(" + _TITLES + r")\b|\b[a-z]\b', ' ', 'g'), '\s+', ' ', 'g')), ''), lower({name}))"
)
# A last name alone ("Trump") joins the full name of the same last name when
# that full name accounts for at least this share of the articles quoting a
# person of that last name (so "Clinton" stays apart when Bill and Hillary
# are both quoted often).
LAST_NAME_SHARE = 0.75


def voices_cte(where: str = "TRUE") -> str:
    """CTEs ending in ``voices``: one row per speaker with an attribution, with ``voice`` (its key
    across articles) and ``voice_name`` (the name shown for that voice: its most frequent full form).

    Within an article the resolver has already merged a speaker's names; this
    merges them across articles (see :data:`VOICE_KEY_SQL`, :data:`LAST_NAME_SHARE`).
    ``where`` filters the speakers (alias ``s``).
    """
    key = VOICE_KEY_SQL.format(name="s.name")
    return f"""
named AS (
  SELECT s.article_id, s.name, s.type, s.n_attributions, s.quoted_words, {key} AS key
  FROM speakers s
  WHERE s.n_attributions > 0 AND s.name IS NOT NULL AND ({where})
),
full_names AS (
  SELECT key, string_split(key, ' ')[-1] AS last, count(DISTINCT article_id) AS n
  FROM named WHERE type = 'person' AND contains(key, ' ') GROUP BY key
),
last_names AS (
  SELECT last, arg_max(key, n) AS full_key, max(n) AS top, sum(n) AS total FROM full_names GROUP BY last
),
keyed AS (
  SELECT n.*,
         CASE WHEN n.type = 'person' AND NOT contains(n.key, ' ') AND l.top >= {LAST_NAME_SHARE} * l.total
              THEN l.full_key ELSE n.key END AS voice
  FROM named n LEFT JOIN last_names l ON l.last = n.key
),
shown AS (
  SELECT voice, arg_max(name, (contains(name, ' ')::INT, c, name)) AS voice_name
  FROM (SELECT voice, name, count(*) AS c FROM keyed GROUP BY voice, name) GROUP BY voice
),
voices AS (SELECT k.*, s.voice_name FROM keyed k JOIN shown s USING (voice))"""


def _top_speakers_sql(dims: Sequence[str], limit: int) -> str:
    keys = ", ".join(dims)
    select_keys = f"{keys}, " if dims else ""
    partition = f"PARTITION BY {keys}" if dims else ""
    inner_keys = "".join(f"g.{d}, " for d in dims)
    return f"""
WITH {_groups_cte(dims)},{voices_cte()},
totals AS (
  SELECT {inner_keys}
         any_value(v.voice_name) AS speaker,
         mode(v.type ORDER BY v.type) AS type,
         count(DISTINCT v.article_id) AS articles,
         sum(v.n_attributions)::BIGINT AS attributions,
         sum(v.quoted_words)::BIGINT AS quoted_words
  FROM voices v JOIN groups g ON g.id = v.article_id
  GROUP BY {inner_keys} v.voice
)
SELECT {select_keys} speaker, type, articles, attributions, quoted_words
FROM (SELECT *, row_number() OVER ({partition} ORDER BY attributions DESC, quoted_words DESC, speaker) AS rank FROM totals)
WHERE rank <= {limit}
ORDER BY {select_keys} rank
"""


GENDER_LABELS = ("woman", "man", "unknown")


def _gender_sql(dims: Sequence[str], gender_column: bool = True) -> str:
    """Person voices by gender: the quoted people (speakers of type ``person`` with at least one
    attribution, one per article they speak in) and the words quoted from them.

    ``women``, ``men``, ``unknown`` count the people; ``women_share``,
    ``men_share``, ``unknown_share`` are their shares of the people (the
    three add up to 1: the unknown share is part of every figure);
    ``quoted_words`` the words quoted directly from them and
    ``women_words_share`` … ``unknown_words_share`` the shares of those words.
    A person with no recorded gender (an article stored before the store
    recorded it) counts as unknown. ``gender_column`` False: the store has
    no gender column (all unknown).
    """
    keys = ", ".join(f"g.{d}" for d in dims)
    select_keys = f"{keys}, " if dims else ""
    group = f"GROUP BY {keys} ORDER BY {keys}" if dims else ""
    gender = "s.gender" if gender_column else "NULL::VARCHAR"
    return f"""
WITH {_groups_cte(dims)},
people AS (
  SELECT s.article_id, CASE WHEN {gender} IN ('woman', 'man') THEN {gender} ELSE 'unknown' END AS gender,
         s.quoted_words
  FROM speakers s WHERE s.type = 'person' AND s.n_attributions > 0
)
SELECT {select_keys}
       count(p.article_id) AS people,
       count(p.article_id) FILTER (WHERE p.gender = 'woman') AS women,
       count(p.article_id) FILTER (WHERE p.gender = 'man') AS men,
       count(p.article_id) FILTER (WHERE p.gender = 'unknown') AS unknown,
       count(p.article_id) FILTER (WHERE p.gender = 'woman') / nullif(count(p.article_id), 0) AS women_share,
       count(p.article_id) FILTER (WHERE p.gender = 'man') / nullif(count(p.article_id), 0) AS men_share,
       count(p.article_id) FILTER (WHERE p.gender = 'unknown') / nullif(count(p.article_id), 0) AS unknown_share,
       coalesce(sum(p.quoted_words), 0)::BIGINT AS quoted_words,
       coalesce(sum(p.quoted_words) FILTER (WHERE p.gender = 'woman'), 0) / nullif(sum(p.quoted_words), 0) AS women_words_share,
       coalesce(sum(p.quoted_words) FILTER (WHERE p.gender = 'man'), 0) / nullif(sum(p.quoted_words), 0) AS men_words_share,
       coalesce(sum(p.quoted_words) FILTER (WHERE p.gender = 'unknown'), 0) / nullif(sum(p.quoted_words), 0) AS unknown_words_share
FROM groups g LEFT JOIN people p ON p.article_id = g.id
{group}
"""


_CORPUS_SQL = """
SELECT (SELECT count(*) FROM articles) AS articles,
       (SELECT count(DISTINCT outlet) FROM articles) AS outlets,
       (SELECT min(published) FROM articles)::VARCHAR AS first_published,
       (SELECT max(published) FROM articles)::VARCHAR AS last_published,
       (SELECT count(*) FROM articles WHERE published IS NULL) AS undated,
       (SELECT count(*) FROM attributions) AS attributions,
       (SELECT count(*) FROM speakers) AS speakers,
       (SELECT count(*) FROM failures) AS failures
"""


def queries(
    by: str | Sequence[str] = ("outlet", "month"), *, top: int = TOP_SPEAKERS, gender_column: bool = True
) -> dict[str, tuple[str, str]]:
    """name → (title, SQL) of every findings table for these dimensions, in display order.

    ``gender_column``: whether the store's speakers have a ``gender`` column
    (:func:`~.findings.has_gender`; stores written before it count everyone as unknown)."""
    dims = parse_by(by)
    out: dict[str, tuple[str, str]] = {
        "corpus": ("The corpus", _CORPUS_SQL),
        "overall": ("All articles", _measures_sql(())),
    }
    for d in dims:
        out[f"by_{d}"] = (f"Per {d}", _measures_sql((d,)))
    if len(dims) > 1:
        out[f"by_{'_'.join(dims)}"] = (f"Per {' and '.join(dims)}", _measures_sql(dims))
    out["source_types"] = ("Share of attributions by source type", _source_types_sql(()))
    for d in dims:
        out[f"source_types_by_{d}"] = (f"Source types per {d}", _source_types_sql((d,)))
    out["gender"] = ("Quoted people by gender (person voices)", _gender_sql((), gender_column))
    for d in dims:
        out[f"gender_by_{d}"] = (f"Quoted people by gender, per {d}", _gender_sql((d,), gender_column))
    if len(dims) > 1:
        out[f"gender_by_{'_'.join(dims)}"] = (
            f"Quoted people by gender, per {' and '.join(dims)}",
            _gender_sql(dims, gender_column),
        )
    out["top_speakers"] = ("Most quoted speakers", _top_speakers_sql((), top))
    if "outlet" in dims:
        out["top_speakers_by_outlet"] = (
            f"Most quoted speakers per outlet (top {TOP_SPEAKERS_PER_GROUP})",
            _top_speakers_sql(("outlet",), TOP_SPEAKERS_PER_GROUP),
        )
    return out
