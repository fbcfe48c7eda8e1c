"""CofeNet protocol: predictions projected onto token instances (CofeNet's, or built from the brat gold) and scored."""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..read.walk import files
from ..read.polnear import article_id, parse_ann, read_text, text_files
from .predictions import ROLES, Fragment, normalise, check_bounds
from .scores import Count
from .alignment import align_tokens


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
    for ann in files(ann_dir, ".ann"):
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
    preds = normalise(predictions)
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

    counts = {r: Count() for r in ROLES}
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
        check_bounds(aid, pred, text)

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
