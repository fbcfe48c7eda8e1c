"""Score speaker resolution against the hand-made set ``tests/data/speakers/dev_speakers.jsonl``.

The set gives, for every gold Source span of 35 PolNeAR dev articles, the real
speaker it refers to (``speaker``: its canonical name) and the speaker's type
(``type``, one of :data:`accordingto.schema.SourceType`); see
``tests/data/speakers/README.md`` for how it was made.

:func:`score_speakers` rebuilds, for each article of the set, the article's
gold attributions (gold source, cue and content, as ``tests/test_resolve.py``
does), runs the spaCy pipeline (:func:`accordingto.pipeline.parse`) and
:func:`accordingto.resolve.resolve`, and compares, per source span:

- the speaker: the predicted canonical name against the gold one, see
  :func:`same_speaker`;
- the type: the predicted speaker's type against the gold type (a source
  with no predicted speaker has the type ``"none"``).

Choices made here:

- A source span is a gold Source's fragments; several gold attributions may
  share one (the same ``T`` line). The span's prediction is that of the first
  of them in the ``.ann`` file's order.
- Each attribution gets the gold source, cue and content fragments; its kind
  is "direct" when the content opens with a quotation mark, else
  "indirect"; ``via`` is left at "cue". Attributions with no source are
  passed too (the resolver skips them).
- Gold rows whose speaker is null (not determinable from the article) count
  as right when the resolver gives no speaker. Rows whose type is null
  (those, and the few sources that are no speaker at all: "the mind", "the
  euro crisis") are left out of the type scores.
- Names are compared after :func:`normalise_name`: lowercase, curly quotes
  straightened, a trailing possessive dropped, punctuation other than
  in-word hyphens, apostrophes and ampersands removed, and leading
  determiners and quantifiers ("the", "a", "an", "this", "that", "these",
  "those", "some", "many", "several", "most", "all", "both") dropped. "The
  Washington Post" = "Washington Post"; "a senior official" = "senior
  official"; "Many Democrats" = "Democrats".
- Alias rule (the same person under a longer or shorter full name): with
  titles ("Sen.", "Mr.", "President" …) and suffixes ("Jr.", "II") dropped
  from the front and back of both, the names match when one's words are a
  subset of the other's and both have the same first and the same last
  word: "Donald J. Trump" = "Donald Trump", "Hillary Rodham Clinton" =
  "Hillary Clinton", "Sen. Elizabeth Warren" = "Elizabeth Warren"; but
  "Trump" ≠ "Donald Trump" (a bare last name is not the fullest name the
  article gives) and "de Blasio" ≠ "Bill de Blasio". A nickname the gold
  name quotes stands for the first name: 'Robert C. "Bobby" Scott' =
  "Bobby Scott". Possessives are dropped ("Clinton's campaign" = "Clinton
  campaign").
- Unnamed sources (gold type anonymous, group, document, artefact, or
  none): the gold name is the source's noun phrase with its restrictive
  modifiers ("Republicans on the House Financial Services Committee", "a
  number of tax experts I spoke to …"); a predicted name that starts with
  all of the gold's words and goes on (an apposition or clause more) is
  accepted; one that stops short ("Republicans") is not.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..names import strip_titles
from ..read.polnear import GoldAttribution, iter_articles

TYPES = ("person", "organisation", "outlet", "document", "anonymous", "group", "artefact")
NO_TYPE = "none"  # the type of a source the resolver gave no speaker

_DETERMINERS = frozenset("the a an this that these those some many several most all both".split())
_UNNAMED = frozenset({"anonymous", "group", "document", "artefact", None})


# --------------------------------------------------------------------------
# Names


def normalise_name(name: str | None) -> str:
    """Lowercase words of a name, for comparison (see the module's docstring)."""
    if not name:
        return ""
    s = name.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').lower().strip()
    s = re.sub(r"\s+", " ", s)
    s = re.sub(r"'s?$", "", s)  # a trailing possessive: "Clinton's" / "voters'"
    s = re.sub(r"'s\b", "", s)  # an inner possessive too: "clinton's campaign" -> "clinton campaign"
    s = re.sub(r"[^\w\s'&-]", " ", s)  # punctuation, periods of initials ("J." -> "J")
    s = re.sub(r"(?<!\w)[-']|[-'](?!\w)", " ", s)  # hyphens/apostrophes not inside a word
    words = s.split()
    while len(words) > 1 and words[0] in _DETERMINERS:
        words = words[1:]
    return " ".join(words)


def _core(words: list[str]) -> list[str]:
    """A name's words without titles and suffixes, by the resolver's normaliser (:mod:`accordingto.names`)."""
    return strip_titles(words)


def same_speaker(predicted: str | None, gold: str | None, gold_type: str | None = "person") -> bool:
    """Whether a predicted canonical name names the gold speaker (see the module's docstring)."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    p, g = normalise_name(predicted), normalise_name(gold)
    if p == g:
        return True
    pw, gw = _core(p.split()), _core(g.split())
    if not pw or not gw:
        return False
    if pw == gw:
        return True
    if gold_type in _UNNAMED and len(pw) > len(gw) and pw[: len(gw)] == gw:
        return True  # the gold phrase and more
    nick = re.search(r'["“]([^"”]+)["”]', gold)
    if nick and pw == [normalise_name(nick.group(1)), gw[-1]]:
        return True
    small, big = (pw, gw) if len(pw) <= len(gw) else (gw, pw)
    return set(small) <= set(big) and small[0] == big[0] and small[-1] == big[-1]


# --------------------------------------------------------------------------
# The set


def read_gold(path: str | Path) -> list[dict]:
    """The rows of a speakers JSONL file."""
    rows = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            row = json.loads(line)
            for key in ("article", "start", "end", "text", "speaker", "type"):
                if key not in row:
                    raise ValueError(f"{path}:{n}: no {key!r}")
            rows.append(row)
    return rows


def _attributions(text: str, gold: list[GoldAttribution]):
    from ..schema import Attribution, Span

    def spans(frags):
        return [Span(start=s, end=e, text=text[s:e]) for s, e in frags]

    out = []
    for g in gold:
        content = spans(g.content)
        quoted = content and content[0].text.lstrip()[:1] in ('"', "“")
        out.append(
            Attribution(
                id=len(out),
                source=spans(g.source),
                cue=spans(g.cue),
                content=content,
                kind="direct" if quoted else "indirect",
            )
        )
    return out


def predict_article(nlp, text: str, gold: list[GoldAttribution]) -> dict[tuple[int, int], dict]:
    """Resolve an article's gold attributions; (start, end) of each source span → predicted speaker and type.

    A source span's (start, end) is that of its first and last fragment.
    """
    from ..resolve import resolve

    doc = nlp(text)
    out, speakers = resolve(doc, _attributions(text, gold))
    pred: dict[tuple[int, int], dict] = {}
    for g, a in zip(gold, out):
        if not g.source:
            continue
        key = (g.source[0][0], g.source[-1][1])
        if key in pred:
            continue
        sp = speakers[a.speaker_id] if a.speaker_id is not None else None
        pred[key] = {
            "speaker": sp.name if sp else None,
            "type": sp.type if sp else NO_TYPE,
            "mentions": [m.text for m in sp.mentions] if sp else [],
        }
    return pred


def gold_articles(polnear_dir: str | Path, articles: Iterable[str]):
    """``(article, text, gold)`` of each of ``articles`` in a PolNeAR split; FileNotFoundError
    (after the others) when some are not there."""
    wanted, seen = set(articles), set()
    for article, text, gold in iter_articles(polnear_dir):
        if article in wanted:
            seen.add(article)
            yield article, text, gold
    missing = wanted - seen
    if missing:
        raise FileNotFoundError(f"not in {polnear_dir}: {sorted(missing)}")


def predict(polnear_dev_dir: str | Path, articles: Iterable[str], nlp=None) -> dict[str, dict]:
    """article id → :func:`predict_article`'s output, with the article's text under ``"text"``."""
    if nlp is None:
        from ..pipeline import parse

        nlp = parse
    return {
        article: {"text": text, "spans": predict_article(nlp, text, gold)}
        for article, text, gold in gold_articles(polnear_dev_dir, articles)
    }


# --------------------------------------------------------------------------
# Scores


def _acc(right: int, total: int) -> float:
    return right / total if total else 0.0


def score_speakers(gold_rows: list[dict], polnear_dev_dir: str | Path, nlp=None) -> dict[str, Any]:
    """Speaker and type accuracy of the resolver on the set's rows.

    Returns a dict: ``rows``, ``articles``, ``speaker_accuracy``,
    ``type_accuracy`` (0–1), ``per_type`` (gold type → rows, speaker and
    type accuracy), ``per_outlet`` (outlet → rows, speaker and type
    accuracy), ``confusion`` (gold type → predicted type → count) and
    ``errors`` (one dict per wrong row: the row, the prediction, which of
    speaker/type is wrong, and an error category from :func:`error_category`).
    """
    by_article: dict[str, list[dict]] = defaultdict(list)
    for row in gold_rows:
        by_article[row["article"]].append(row)
    preds = predict(polnear_dev_dir, by_article, nlp=nlp)

    speaker_right = type_right = typed = 0
    per_type: dict[str, Counter] = defaultdict(Counter)
    per_outlet: dict[str, Counter] = defaultdict(Counter)
    confusion: dict[str, Counter] = defaultdict(Counter)
    errors = []
    for article, rows in by_article.items():
        spans = preds[article]["spans"]
        for row in rows:
            p = spans.get((row["start"], row["end"]))
            if p is None:
                raise ValueError(f"{article} {row['start']}-{row['end']}: not a gold source span")
            gtype = row["type"]
            s_ok = same_speaker(p["speaker"], row["speaker"], gtype)
            t_ok = gtype is None or p["type"] == gtype
            speaker_right += s_ok
            outlet = article.split("_")[0]
            per_outlet[outlet]["rows"] += 1
            per_outlet[outlet]["speaker"] += s_ok
            if gtype is not None:
                typed += 1
                type_right += t_ok
                per_type[gtype]["rows"] += 1
                per_type[gtype]["speaker"] += s_ok
                per_type[gtype]["type"] += t_ok
                per_outlet[outlet]["typed"] += 1
                per_outlet[outlet]["type"] += t_ok
                confusion[gtype][p["type"]] += 1
            if not (s_ok and t_ok):
                err = {
                    "article": article,
                    "start": row["start"],
                    "end": row["end"],
                    "text": row["text"],
                    "gold_speaker": row["speaker"],
                    "gold_type": gtype,
                    "pred_speaker": p["speaker"],
                    "pred_type": p["type"],
                    "speaker_ok": s_ok,
                    "type_ok": t_ok,
                }
                err["category"] = error_category(err, preds[article]["text"])
                errors.append(err)
    total = len(gold_rows)
    return {
        "rows": total,
        "articles": len(by_article),
        "speaker_accuracy": _acc(speaker_right, total),
        "type_accuracy": _acc(type_right, typed),
        "per_type": {
            t: {
                "rows": c["rows"],
                "speaker_accuracy": _acc(c["speaker"], c["rows"]),
                "type_accuracy": _acc(c["type"], c["rows"]),
            }
            for t, c in sorted(per_type.items())
        },
        "per_outlet": {
            o: {
                "rows": c["rows"],
                "speaker_accuracy": _acc(c["speaker"], c["rows"]),
                "type_accuracy": _acc(c["type"], c["typed"]),
            }
            for o, c in sorted(per_outlet.items())
        },
        "confusion": {g: dict(c) for g, c in sorted(confusion.items())},
        "errors": errors,
    }


# --------------------------------------------------------------------------
# Error categories

_PRONOUNS = frozenset(
    "he she they it him her them his their its i we me us who which that whom whose you each all".split()
)
_POSSESSIVE_WORDS = frozenset("his her their its whose him them".split())
_NAMED = frozenset({"person", "organisation", "outlet"})


def _words(text: str | None) -> list[str]:
    return _core(normalise_name(text).split())


def error_category(err: dict, text: str = "") -> str:
    """A coarse reason for one error, for the benchmark's tally; the first that applies of:

    - ``no speaker``: the resolver gave the source no speaker;
    - ``type only: <gold> → <predicted>``: the speaker is right, the type is not;
    - ``name glued to neighbouring words``: the predicted name is the source's
      words and the words next to them ("Washington Post Trump", "Clinton Plan",
      "WALLACE: Governor"), a named-entity span that runs over;
    - ``headline source``: a source in the headline (before the first blank line),
      where names are glued to verbs ("Clinton Plan", "Obama Sees 'Personal Insult")
      and nominals ("Former DNC chairman") name someone the body names;
    - ``several speakers → one``: the gold speaker is several ("Jon Tester and
      David Vitter", "Obama and others") and the resolver gave one of them;
    - ``short name``: the right speaker under a shorter name than the fullest the
      article gives ("O'Neill" for "James O'Neill", "Security Council" for "United
      Nations Security Council");
    - ``pronoun → wrong antecedent``: a pronoun source ("he", "they", "who",
      "which") resolved to another speaker;
    - ``pronoun inside the phrase``: a noun phrase with a pronoun in it ("his
      aides", "her campaign", "whose leaders") kept as written;
    - ``kept as written, not linked``: a noun phrase or short form ("the
      senator", "The bank", "S.E.C.") kept as its own speaker though the article
      says whom it refers to;
    - ``phrase cut short`` / ``phrase garbled``: an unnamed source (a group, a
      document) named by too few of its words ("Republicans" for "Republicans on
      the House Financial Services Committee"), or by words from outside the
      source ("move enraged critics");
    - ``linked to wrong entity``: anything else.
    """
    gold, pred, src = err["gold_speaker"], err["pred_speaker"], err["text"]
    if err["speaker_ok"]:
        return f"type only: {err['gold_type']} → {err['pred_type']}"
    if pred is None:
        return "no speaker"
    gw, pw, sw = _words(gold), _words(pred), _words(src)
    unnamed_short = err["gold_type"] not in _NAMED and pw and set(pw) < set(gw)
    if _glued(pred, err["start"], err["end"], text) and not unnamed_short:
        return "name glued to neighbouring words"
    para = text.find("\n\n")
    if text and 0 <= err["start"] < para:
        return "headline source"
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", gold or "")
    if len(parts) > 1 and pw and any(set(pw) <= set(_words(part)) for part in parts):
        return "several speakers → one"
    if gold is not None and err["gold_type"] in _NAMED and pw and set(pw) < set(gw):
        return "short name"
    if normalise_name(src) in _PRONOUNS:
        return "pronoun → wrong antecedent"
    ws = normalise_name(src).split()
    if ws and (ws[0] in _POSSESSIVE_WORDS or len(ws) <= 5 and set(ws) & {"him", "her", "them"}) and set(pw) <= set(sw):
        return "pronoun inside the phrase"
    gc, pc = set(gw) - _FUNCTION_WORDS, set(pw) - _FUNCTION_WORDS
    if gold is not None and set(pw) <= set(sw) | {"from"} and not (gc & pc) or (
        err["gold_type"] in _NAMED and set(pw) <= set(sw) and normalise_name(src) != normalise_name(gold)
    ):
        return "kept as written, not linked"
    if gold is not None and err["gold_type"] not in _NAMED and gc & pc:
        return "phrase cut short" if set(pw) <= set(gw) else "phrase garbled"
    return "linked to wrong entity"


_FUNCTION_WORDS = frozenset("i we you of in on at for to and or by with from".split())


def _glued(pred: str, start: int, end: int, text: str) -> bool:
    """Whether the predicted name is the source's words run on into the words around it."""
    if not text or len(pred) <= end - start:
        return False
    for m in re.finditer(re.escape(pred), text):
        if m.start() <= start and end <= m.end():
            return True
    return False
