"""Score attribution predictions against PolNeAR gold.

Two protocols, both defined in ``shared/eval/PREDICTIONS.md``:

- :func:`score_predictions`, the article-level protocol: character spans per
  role (exact and overlap) and whole attributions, micro-averaged over
  articles;
- :func:`score_cofenet`, the CofeNet protocol: predictions projected onto the
  CofeNet paper's token instances, a span found when its first and last
  token match a gold span of the same role in the same instance.

Predictions are in the exchange format (``{"id": ..., "attributions": [...]}``
per JSON line, each role a list of ``[start, end]`` fragments); read them with
:func:`read_predictions`. Scores are dicts; precision, recall and F1 are in
percent (0-100), as the published figures are. :func:`format_scores` renders
them as a plain table.

Choices the protocol text leaves open, made here:

- Role spans are compared as sets of non-space character positions: a span's
  fragments are each stripped of surrounding white space, and fragments that
  only white space separates count as one (PolNeAR often splits a
  multi-sentence content at the space between sentences; a prediction of the
  whole stretch is the same span). Identical spans of one role in one
  article count once, on either side (two attributions sharing a source
  yield one source span).
- Overlap matching is one-to-one and greedy, largest overlap (in non-space
  characters) first; attribution matching likewise, by the sum of the three
  roles' overlaps. Empty sources are not source spans.
- CofeNet protocol: each role is projected and scored on its own, so a token
  may take several roles; a predicted fragment that runs over several
  instances makes one span in each.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import AccordingtoError
from .read.polnear import GoldAttribution, article_id, iter_articles, parse_ann, read_text, text_files

ROLES = ("source", "cue", "content")
Fragment = tuple[int, int]
Span = tuple[Fragment, ...]  # canonical: stripped, merged, sorted; () when empty


class PredictionFormatError(AccordingtoError, ValueError):
    """A predictions file or object does not follow the exchange format."""


# --------------------------------------------------------------------------
# Reading and validating predictions


def _fragment(value: Any, where: str) -> Fragment:
    if isinstance(value, Mapping):
        start, end = value.get("start"), value.get("end")
    elif hasattr(value, "start") and hasattr(value, "end") and not isinstance(value, (list, tuple)):
        start, end = value.start, value.end
    elif isinstance(value, (list, tuple)) and len(value) == 2:
        start, end = value
    else:
        raise PredictionFormatError(f"{where}: a fragment must be [start, end], got {value!r}")
    for v in (start, end):
        if not isinstance(v, int) or isinstance(v, bool):
            raise PredictionFormatError(f"{where}: offsets must be integers, got {value!r}")
    if start < 0 or start >= end:
        raise PredictionFormatError(f"{where}: fragment {[start, end]} needs 0 <= start < end")
    return (start, end)


def _attribution(value: Any, where: str) -> dict[str, list[Fragment]]:
    out = {}
    for role in ROLES:
        if isinstance(value, Mapping):
            frags = value.get(role, [])
        elif hasattr(value, role):
            frags = getattr(value, role)
        else:
            raise PredictionFormatError(f"{where}: an attribution must be an object, got {value!r}")
        if frags is None:
            frags = []
        if not isinstance(frags, (list, tuple)):
            raise PredictionFormatError(f"{where}: {role} must be a list of fragments, got {frags!r}")
        out[role] = sorted(_fragment(f, f"{where} {role}") for f in frags)
    return out


def _normalise(predictions: Mapping[str, Iterable[Any]]) -> dict[str, list[dict[str, list[Fragment]]]]:
    out = {}
    for aid, attrs in predictions.items():
        if isinstance(attrs, (str, bytes, Mapping)) or not isinstance(attrs, Iterable):
            raise PredictionFormatError(f"{aid}: attributions must be a list, got {type(attrs).__name__}")
        out[aid] = [_attribution(a, f"{aid} attribution {i}") for i, a in enumerate(attrs)]
    return out


def _check_bounds(aid: str, attrs: list[dict[str, list[Fragment]]], text: str) -> None:
    for i, a in enumerate(attrs):
        for role in ROLES:
            for start, end in a[role]:
                if end > len(text):
                    raise PredictionFormatError(
                        f"{aid} attribution {i} {role}: fragment {[start, end]} ends past the text ({len(text)} characters)"
                    )


def read_predictions(jsonl_path: str | Path) -> dict[str, list[dict[str, list[Fragment]]]]:
    """Read an exchange-format JSON Lines file: article id -> attributions.

    Each attribution comes back as ``{"source": [(s, e), ...], "cue": ..., "content": ...}``
    (other keys, such as ``speaker``, are dropped). Raises
    :class:`PredictionFormatError` on malformed lines, repeated ids, or
    fragments with ``start < 0`` or ``start >= end``; offsets past the end of
    the text are caught when scoring, where the text is known.
    """
    out: dict[str, list[dict[str, list[Fragment]]]] = {}
    with open(jsonl_path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            where = f"{jsonl_path}:{n}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise PredictionFormatError(f"{where}: not JSON ({e})") from None
            if not isinstance(obj, dict) or not isinstance(obj.get("id"), str):
                raise PredictionFormatError(f'{where}: each line must be an object with a string "id"')
            attrs = obj.get("attributions")
            if not isinstance(attrs, list):
                raise PredictionFormatError(f'{where}: "attributions" must be a list')
            if obj["id"] in out:
                raise PredictionFormatError(f"{where}: id {obj['id']!r} appears twice")
            out[obj["id"]] = [_attribution(a, f"{where} attribution {i}") for i, a in enumerate(attrs)]
    return out


def gold_predictions(gold_dir: str | Path) -> dict[str, list[dict]]:
    """The gold of ``gold_dir`` in the exchange format (a perfect prediction)."""
    return {aid: [g.to_prediction() for g in gold] for aid, _, gold in iter_articles(gold_dir)}


# --------------------------------------------------------------------------
# Spans


def _canonical(text: str, frags: Iterable[Fragment]) -> Span:
    """Fragments stripped, sorted, merged where only white space separates them."""
    parts = []
    for s, e in sorted(frags):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            parts.append((s, e))
    merged: list[Fragment] = []
    for s, e in parts:
        if merged and (s <= merged[-1][1] or not text[merged[-1][1] : s].strip()):
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return tuple(merged)


class _Chars:
    """Counts non-space characters of a text in O(1) per interval."""

    def __init__(self, text: str):
        self.prefix = [0]
        total = 0
        for ch in text:
            total += not ch.isspace()
            self.prefix.append(total)

    def overlap(self, a: Span, b: Span) -> int:
        i = j = total = 0
        while i < len(a) and j < len(b):
            s, e = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
            if s < e:
                total += self.prefix[e] - self.prefix[s]
            if a[i][1] < b[j][1]:
                i += 1
            else:
                j += 1
        return total


def _greedy(weights: dict[tuple[int, int], float]) -> int:
    """Size of a one-to-one matching taking the heaviest pairs first."""
    used_p, used_g = set(), set()
    for (p, g), _ in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0])):
        if p not in used_p and g not in used_g:
            used_p.add(p)
            used_g.add(g)
    return len(used_p)


@dataclass
class _Count:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, tp: int, predicted: int, gold: int) -> None:
        self.tp += tp
        self.predicted += predicted
        self.gold += gold

    def as_dict(self) -> dict:
        p = 100 * self.tp / self.predicted if self.predicted else 0.0
        r = 100 * self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"tp": self.tp, "predicted": self.predicted, "gold": self.gold, "p": p, "r": r, "f1": f}


@dataclass
class _Tally:
    exact: dict[str, _Count] = field(default_factory=lambda: {r: _Count() for r in ROLES})
    overlap: dict[str, _Count] = field(default_factory=lambda: {r: _Count() for r in ROLES})
    attribution: _Count = field(default_factory=_Count)
    attribution_exact: _Count = field(default_factory=_Count)


def _score_article(text: str, gold: list[dict[str, list[Fragment]]], pred: list[dict[str, list[Fragment]]],
                   chars: _Chars, tally: _Tally) -> None:
    gold_c = [{r: _canonical(text, a[r]) for r in ROLES} for a in gold]
    pred_c = [{r: _canonical(text, a[r]) for r in ROLES} for a in pred]

    for role in ROLES:
        g_spans = list(dict.fromkeys(a[role] for a in gold_c if a[role]))
        p_spans = list(dict.fromkeys(a[role] for a in pred_c if a[role]))
        exact = len(set(g_spans) & set(p_spans))
        tally.exact[role].add(exact, len(p_spans), len(g_spans))
        weights = {}
        for i, p in enumerate(p_spans):
            for j, g in enumerate(g_spans):
                w = chars.overlap(p, g)
                if w:
                    weights[i, j] = w
        tally.overlap[role].add(_greedy(weights), len(p_spans), len(g_spans))

    weights, weights_exact = {}, {}
    for i, p in enumerate(pred_c):
        for j, g in enumerate(gold_c):
            cue = chars.overlap(p["cue"], g["cue"])
            content = chars.overlap(p["content"], g["content"])
            source = chars.overlap(p["source"], g["source"])
            if cue and content and (source or (not p["source"] and not g["source"])):
                weights[i, j] = cue + content + source
                if all(p[r] == g[r] for r in ROLES):
                    weights_exact[i, j] = 1
    tally.attribution.add(_greedy(weights), len(pred_c), len(gold_c))
    tally.attribution_exact.add(_greedy(weights_exact), len(pred_c), len(gold_c))


def _as_fragments(gold: list[GoldAttribution]) -> list[dict[str, list[Fragment]]]:
    return [{"source": g.source, "cue": g.cue, "content": g.content} for g in gold]


def score_predictions(gold_dir: str | Path, predictions: Mapping[str, Iterable[Any]],
                      *, ids: set[str] | None = None) -> dict:
    """Score predictions against the gold of ``gold_dir`` (article-level protocol).

    ``gold_dir`` is a PolNeAR split dir (``text/``, ``attributions/``) or a
    flat dir of ``.txt`` and ``.ann``. ``predictions`` maps article id to a
    list of attributions (exchange-format dicts, or objects with ``source``,
    ``cue``, ``content`` lists of ``[start, end]`` or ``Span``-like items).
    Gold articles with no prediction count as predicting nothing
    (``missing``); predicted ids not in gold are ignored (``unknown``).

    Returns ``{"protocol": "article", "articles", "missing", "unknown",
    "roles": {role: {"exact": counts, "overlap": counts}}, "attribution":
    counts, "attribution_exact": counts}`` where counts is ``{"tp",
    "predicted", "gold", "p", "r", "f1"}`` (p, r, f1 in percent).
    ``ids``, when given, restricts the gold to those articles (a subset such
    as the held-out slice, :func:`accordingto.read.polnear.select`).
    Raises :class:`PredictionFormatError` on malformed or out-of-text spans.
    """
    preds = _normalise(predictions)
    tally = _Tally()
    seen, missing = set(), []
    for aid, text, gold in iter_articles(gold_dir):
        if ids is not None and aid not in ids:
            continue
        seen.add(aid)
        pred = preds.get(aid)
        if pred is None:
            missing.append(aid)
            pred = []
        _check_bounds(aid, pred, text)
        _score_article(text, _as_fragments(gold), pred, _Chars(text), tally)
    return {
        "protocol": "article",
        "articles": len(seen),
        "missing": missing,
        "unknown": sorted(set(preds) - seen),
        "roles": {
            r: {"exact": tally.exact[r].as_dict(), "overlap": tally.overlap[r].as_dict()} for r in ROLES
        },
        "attribution": tally.attribution.as_dict(),
        "attribution_exact": tally.attribution_exact.as_dict(),
    }


# --------------------------------------------------------------------------
# CofeNet protocol: aligning PTB tokens to the raw text

_PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_DQ = frozenset('"“”„‟«»″〝〞＂')
_SQ = frozenset("'‘’‚‛`´′＇")
_DASH = frozenset("-‐‑‒–—―−")
_IGNORABLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\xad")
_CLASSES = (_DQ, _SQ, _DASH)
_CONFIRM = 4  # tokens that must match in a row to resynchronise after a failure
_MAX_SKIP = 12  # tokens that may be skipped when resynchronising nearby
_NEAR_CHARS = 400  # how far (characters) to look nearby


def _forms(token: str) -> list[str]:
    forms = [_PTB.get(token, token)]
    if "\\" in token:  # old CoreNLP escapes: \/ \*
        forms.append(token.replace("\\", ""))
    try:  # a token tokenised from mojibake: "FranÃ§ois"
        fixed = token.encode("cp1252").decode("utf-8")
        if fixed != token:
            forms.append(fixed)
    except UnicodeError:
        pass
    return forms


def _same(a: str, b: str) -> bool:
    return a == b or any(a in c and b in c for c in _CLASSES)


def _match_form(text: str, i: int, form: str) -> int | None:
    """End offset when ``form`` matches the text at ``i``, allowing PTB quirks."""
    n, m = len(text), len(form)
    stack, seen = [(i, 0)], set()
    while stack:
        i, j = stack.pop()
        if j == m:
            return i
        if (i, j) in seen:
            continue
        seen.add((i, j))
        fc = form[j]
        if fc.isspace():  # "<tweet\xa0tweet-id=...>", "2 1/2"
            k = i
            while k < n and (text[k].isspace() or text[k] in _IGNORABLE):
                k += 1
            stack.append((k, j + 1))
            continue
        if i >= n:
            continue
        tc = text[i]
        # alternatives pushed last are tried first
        if tc in _IGNORABLE:
            stack.append((i + 1, j))
        if form.startswith("...", j) and tc == "…":
            stack.append((i + 1, j + 3))
        if form.startswith("--", j) and tc in _DASH:
            stack.append((i + 1, j + 2))
        if (form.startswith("``", j) or form.startswith("''", j)) and tc in _DQ:
            stack.append((i + 1, j + 2))
        if _same(fc, tc):
            stack.append((i + 1, j + 1))
    return None


def _match(text: str, i: int, token: str) -> int | None:
    for form in _forms(token):
        end = _match_form(text, i, form)
        if end is not None and end > i:
            return end
    return None


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and (text[i].isspace() or text[i] in _IGNORABLE):
        i += 1
    return i


def _match_run(text: str, i: int, tokens: list[str], k: int, count: int) -> bool:
    for t in tokens[k : k + count]:
        i = _skip_space(text, i)
        end = _match(text, i, t)
        if end is None:
            return False
        i = end
    return True


@dataclass
class Alignment:
    """Character span of each token; ``status`` per token: exact, approximate or unaligned."""

    spans: list[Fragment | None]
    status: list[str]


def align_tokens(text: str, tokens: list[str], start: int = 0) -> Alignment:
    """Align PTB tokens, in order, to ``text`` from offset ``start``.

    A token matches when its characters equal the text's up to PTB escapes
    (``` `` ``` and ``''`` for any double quote, ``-LRB-``, ``--`` for a dash,
    ``...`` for an ellipsis), quote and dash variants, and white space inside
    a token. A token that matches nowhere (mojibake, normalised characters)
    is skipped; the alignment resumes where the next tokens match again, and
    the skipped tokens share the text in between ("approximate"), or have
    no characters at all ("unaligned") when there is none.
    """
    spans: list[Fragment | None] = [None] * len(tokens)
    status = ["unaligned"] * len(tokens)
    cursor, k, n = start, 0, len(tokens)
    while k < n:
        pos = _skip_space(text, cursor)
        end = _match(text, pos, tokens[k])
        if end is not None:
            spans[k], status[k] = (pos, end), "exact"
            cursor, k = end, k + 1
            continue
        # PTB adds a sentence-final "." after "U.S." whose period it reuses.
        if tokens[k] == "." and k and spans[k - 1] and text[cursor - 1] == ".":
            spans[k], status[k] = (cursor - 1, cursor), "exact"
            k += 1
            continue
        found = _resync(text, pos, tokens, k)
        if found is None:  # nothing further matches: the rest stays unaligned
            found = (len(text), n)
        p, k2 = found
        # the last skipped tokens may still match just before where alignment resumes
        end = p
        while k2 > k:
            while end > cursor and (text[end - 1].isspace() or text[end - 1] in _IGNORABLE):
                end -= 1
            begin = _match_back(text, cursor, end, tokens[k2 - 1])
            if begin is None:
                break
            k2 -= 1
            spans[k2], status[k2] = (begin, end), "exact"
            end = begin
        _fill_gap(text, cursor, end, tokens, range(k, k2), spans, status)
        cursor, k = p, found[1]
    return Alignment(spans, status)


def _match_back(text: str, lo: int, end: int, token: str) -> int | None:
    """Start offset (>= ``lo``) of a match of ``token`` that ends exactly at ``end``."""
    for begin in range(end - 1, max(lo, end - 3 * len(token) - 4) - 1, -1):
        if _match(text, begin, token) == end:
            return begin
    return None


def _resync(text: str, pos: int, tokens: list[str], k: int) -> tuple[int, int] | None:
    """Where alignment resumes after token ``k`` failed at ``pos``: ``(offset, token)``.

    First nearby (a few tokens skipped, e.g. mojibake), the earliest offset
    winning; then anywhere (whole sentences missing from one side), the
    fewest skipped tokens winning, anchored on word tokens.
    """
    n = len(tokens)
    for p in range(pos, min(len(text), pos + _NEAR_CHARS)):
        if text[p].isspace():
            continue
        for k2 in range(k, min(n, k + _MAX_SKIP + 1)):
            if (k2, p) != (k, pos) and _match_run(text, p, tokens, k2, min(_CONFIRM, n - k2)):
                return p, k2
    for k2 in range(k, n):
        word = tokens[k2]
        if not word.isalnum():
            continue
        for m in re.finditer(re.escape(word), text[pos:]):
            p = pos + m.start()
            if (k2, p) != (k, pos) and _match_run(text, p, tokens, k2, min(2 * _CONFIRM, n - k2)):
                return p, k2
    return None


def _fill_gap(text: str, start: int, end: int, tokens: list[str], pending: range, spans: list,
              status: list) -> None:
    """Give the tokens that matched nowhere the text between their aligned neighbours.

    One piece of text each when the counts agree; the whole stretch to each
    when its length fits the tokens' (mojibake: "protegÃ" "©" for
    "protegé"); otherwise none (the tokens' words are not in the text).
    """
    if not pending:
        return
    pieces = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    if not pieces:
        return
    if len(pieces) == len(pending):
        for k, piece in zip(pending, pieces):
            spans[k], status[k] = piece, "approximate"
        return
    gap_chars = sum(e - s for s, e in pieces)
    token_chars = sum(len(_forms(tokens[k])[0]) for k in pending)
    if gap_chars <= 2 * token_chars + 4 and token_chars <= 2 * gap_chars + 4:
        whole = (pieces[0][0], pieces[-1][1])
        for k in pending:
            spans[k], status[k] = whole, "approximate"


# --------------------------------------------------------------------------
# CofeNet protocol: projecting and scoring


def _bio_spans(labels: list[str], role: str) -> set[Fragment]:
    spans, start = set(), None
    for i, lab in enumerate(labels + ["O"]):
        tag, _, r = lab.partition("-")
        inside = r == role and tag in ("B", "I")
        if start is not None and (not inside or tag == "B"):
            spans.add((start, i - 1))
            start = None
        if inside and start is None:
            start = i
    return spans


def read_cofenet(cofenet_jsonl: str | Path) -> list[dict]:
    """The instances of a CofeNet JSON Lines file, in file order."""
    with open(cofenet_jsonl, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def gold_instances(gold_dir: str | Path, *, ids: set[str] | None = None) -> list[dict]:
    """CofeNet-style token instances built from PolNeAR's brat gold, for splits CofeNet never tokenised.

    CofeNet's files exist for dev (and test) only; to score the held-out train
    slice the same way, this builds the same kind of instances: one per
    paragraph (a run of text between newlines; CofeNet's dev instances are
    paragraphs: 1,925 instances against 2,067 non-empty paragraphs), tokens
    from spaCy's English tokenizer (white space dropped), and BIO labels from
    **every** annotator's ``.ann`` (one instance list per annotation file, id
    ``<article>_<annotator>``, as CofeNet's files do). A token takes a role
    when it overlaps a fragment of that role; each fragment starts a ``B-``.
    On dev, scores under these instances are within a point of the real
    file's (2026-12-01, default pipeline: source / cue / content 79.1 / 72.1 /
    64.6 against 79.1 / 72.2 / 65.5; ``benchmarks/accuracy.py`` prints both).
    """
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    texts = text_files(gold_dir)
    ann_dir = Path(next(iter(texts.values()))).parent.parent / "attributions" if texts else Path(gold_dir)
    if not ann_dir.is_dir():
        ann_dir = Path(gold_dir)
    out: list[dict] = []
    for ann in sorted(ann_dir.glob("*.ann")):
        aid = article_id(ann.stem, texts)
        if aid is None or (ids is not None and aid not in ids):
            continue
        text = read_text(texts[aid])
        gold = parse_ann(read_text(ann))
        for m in re.finditer(r"[^\n]+", text):
            p_start, p_end = m.span()
            toks = [t for t in tokenizer(m.group()) if not t.is_space]
            if not toks:
                continue
            spans = [(p_start + t.idx, p_start + t.idx + len(t.text)) for t in toks]
            labels = ["O"] * len(toks)
            for g in gold:
                for role in ROLES:
                    for fs, fe in getattr(g, role):
                        if fe <= p_start or fs >= p_end:
                            continue
                        hit = [i for i, (s, e) in enumerate(spans) if s < fe and e > fs]
                        for k, i in enumerate(hit):
                            labels[i] = ("B-" if k == 0 else "I-") + role
            out.append({"id": ann.stem, "tokens": [t.text for t in toks], "labels": labels})
    return out


def score_cofenet(cofenet_jsonl: str | Path | list[dict], texts_dir: str | Path,
                  predictions: Mapping[str, Iterable[Any]], *, annotators: str = "all") -> dict:
    """Score predictions under the CofeNet protocol (token instances, exact first/last token).

    ``texts_dir`` holds the articles' ``.txt`` (directly or under ``text/``).
    Instance ids are ``<article id>_<annotator>``; with ``annotators="all"``
    (the published protocol) every annotator's instances count, with
    ``"first"`` only those of the first annotation id of each article in
    sorted order (PolNeAR gold). Articles with no prediction count as
    predicting nothing (``missing``); predicted ids with no instance are
    ignored (``unknown``).

    Returns ``{"protocol": "cofenet", "instances", "tokens", "articles",
    "missing", "unknown", "alignment": {...}, "roles": {role: {"exact":
    counts}}}``; ``alignment`` counts tokens aligned exactly, approximately
    and not at all, and instances whose text was not found.
    """
    if annotators not in ("all", "first"):
        raise ValueError(f"annotators must be 'all' or 'first', not {annotators!r}")
    preds = _normalise(predictions)
    texts = text_files(texts_dir)
    instances = cofenet_jsonl if isinstance(cofenet_jsonl, list) else read_cofenet(cofenet_jsonl)

    by_ann: dict[str, list[dict]] = defaultdict(list)
    for inst in instances:
        by_ann[inst["id"]].append(inst)
    article_of = {ann: article_id(ann, texts) for ann in by_ann}
    if annotators == "first":
        first: dict[str, str] = {}
        for ann in sorted(by_ann):
            if article_of[ann] is not None:
                first.setdefault(article_of[ann], ann)
        by_ann = {ann: v for ann, v in by_ann.items() if first.get(article_of[ann]) == ann}

    counts = {r: _Count() for r in ROLES}
    status_count: Counter[str] = Counter()
    no_text, instances_bad, missing = [], 0, set()
    n_instances = n_tokens = 0
    loaded: dict[str, str] = {}
    for ann, insts in by_ann.items():
        aid = article_of[ann]
        n_instances += len(insts)
        n_tokens += sum(len(i["tokens"]) for i in insts)
        if aid is None:
            no_text.append(ann)
            for inst in insts:
                for role in ROLES:
                    counts[role].add(0, 0, len(_bio_spans(inst["labels"], role)))
            continue
        if aid not in loaded:
            loaded[aid] = read_text(texts[aid])
        text = loaded[aid]
        pred = preds.get(aid)
        if pred is None:
            missing.add(aid)
            pred = []
        _check_bounds(aid, pred, text)

        tokens = [t for inst in insts for t in inst["tokens"]]
        align = align_tokens(text, tokens)
        status_count.update(align.status)
        # aligned tokens by start offset, to find the tokens a fragment overlaps
        order = sorted((span[0], span[1], i) for i, span in enumerate(align.spans) if span)
        starts = [s for s, _, _ in order]
        max_len = max((e - s for s, e, _ in order), default=0)
        inst_of: list[int] = []  # token -> instance
        bases: list[int] = []  # instance -> its first token
        for x, inst in enumerate(insts):
            bases.append(len(inst_of))
            inst_of.extend([x] * len(inst["tokens"]))
            if "unaligned" in align.status[bases[x] : len(inst_of)]:
                instances_bad += 1

        for role in ROLES:
            predicted: list[set[Fragment]] = [set() for _ in insts]
            for a in pred:
                for fs, fe in a[role]:
                    lo = bisect_left(starts, fs - max_len)
                    hit = sorted(
                        i for s, e, i in order[lo : bisect_left(starts, fe)] if s < fe and e > fs
                    )
                    per_inst: dict[int, list[int]] = defaultdict(list)
                    for i in hit:
                        per_inst[inst_of[i]].append(i)
                    for x, toks in per_inst.items():
                        predicted[x].add((toks[0] - bases[x], toks[-1] - bases[x]))
            for x, inst in enumerate(insts):
                gold = _bio_spans(inst["labels"], role)
                counts[role].add(len(gold & predicted[x]), len(predicted[x]), len(gold))

    covered = {article_of[a] for a in by_ann if article_of[a] is not None}
    return {
        "protocol": "cofenet",
        "annotators": annotators,
        "instances": n_instances,
        "tokens": n_tokens,
        "articles": len(covered),
        "missing": sorted(missing),
        "unknown": sorted(set(preds) - covered),
        "alignment": {
            "tokens_exact": status_count["exact"],
            "tokens_approximate": status_count["approximate"],
            "tokens_unaligned": status_count["unaligned"],
            "instances_with_unaligned_tokens": instances_bad,
            "annotations_without_text": no_text,
        },
        "roles": {r: {"exact": counts[r].as_dict()} for r in ROLES},
    }


# --------------------------------------------------------------------------
# Printing


def _row(name: str, c: dict) -> str:
    return f"{name:<22}{c['p']:>7.1f}{c['r']:>7.1f}{c['f1']:>7.1f}{c['tp']:>8}{c['predicted']:>8}{c['gold']:>8}"


def format_scores(scores: dict) -> str:
    """A plain-text table of the scores of :func:`score_predictions` or :func:`score_cofenet`."""
    head = f"{'':<22}{'P':>7}{'R':>7}{'F1':>7}{'found':>8}{'pred':>8}{'gold':>8}"
    lines = []
    if scores.get("protocol") == "cofenet":
        al = scores["alignment"]
        lines.append(
            ("CofeNet-style protocol, instances from the " + scores["instances_from"] + " "
             if scores.get("instances_from") else "CofeNet protocol ")
            + f"({scores['annotators']} annotators): {scores['instances']} instances, "
            f"{scores['tokens']} tokens, {scores['articles']} articles"
        )
        lines.append(
            f"alignment: {al['tokens_exact']} tokens exact, {al['tokens_approximate']} approximate, "
            f"{al['tokens_unaligned']} unaligned"
            + (f", {len(al['annotations_without_text'])} annotation files without text" if al["annotations_without_text"] else "")
        )
    else:
        lines.append(f"Article-level protocol: {scores['articles']} articles")
    if scores.get("missing"):
        lines.append(f"{len(scores['missing'])} articles with no prediction (scored as predicting nothing)")
    if scores.get("unknown"):
        lines.append(f"{len(scores['unknown'])} predicted ids not in gold (ignored)")
    lines.append(head)
    for role in ROLES:
        for kind, c in scores["roles"][role].items():
            lines.append(_row(f"{role} {kind}", c))
    if "attribution" in scores:
        lines.append(_row("attribution overlap", scores["attribution"]))
        lines.append(_row("attribution exact", scores["attribution_exact"]))
    return "\n".join(lines)

