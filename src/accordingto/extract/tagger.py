"""The trained attribution tagger: BIO tags for source, cue and content over the whole article.

A fine-tuned all-MiniLM-L6-v2 (see :mod:`accordingto.training.fit`), run with ONNX
Runtime in int8 over overlapping windows of the article; each wordpiece takes
its scores from the window where it sits furthest from an edge, and a
constrained Viterbi pass (an I- tag only after the same role) picks one tag per
word.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import ModelError
from .encoding import ENTITY_TAGS, ENTITY_TYPES, LABELS, ROLES, STRIDE, WINDOW, encode, get_tokenizer, windows, word_spans

MODEL_FILE = Path(__file__).resolve().parent.parent / "models" / "tagger.onnx"
BATCH = 8


_THREADS = 1  # ONNX Runtime's intra-op threads: the ``threads`` setting of the accordingto_attributions component


def configure(threads: int) -> None:
    """Run the tagger on ``threads`` threads (one session per process; a new count makes a new session)."""
    global _THREADS
    if threads < 1:
        raise ValueError(f"threads must be at least 1, not {threads}")
    if threads != _THREADS:
        _THREADS = threads
        get_session.cache_clear()


@lru_cache(maxsize=1)
def get_session():
    """The ONNX Runtime session, created once, on :func:`configure`'s number of threads (default 1)."""
    import onnxruntime as ort

    if not MODEL_FILE.exists():
        raise ModelError(f"the tagger model is missing: {MODEL_FILE} (rebuild it with `make train`)")
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = _THREADS
    opts.inter_op_num_threads = 1
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    try:
        return ort.InferenceSession(str(MODEL_FILE), opts, providers=["CPUExecutionProvider"])
    except Exception as err:  # a corrupt or truncated file
        raise ModelError(f"cannot load the tagger model {MODEL_FILE}: {err}") from None


def _allowed(labels: tuple[str, ...] = LABELS) -> np.ndarray:
    """allowed[i, j]: tag j may follow tag i (I-X only after B-X or I-X)."""
    n = len(labels)
    ok = np.ones((n, n), dtype=bool)
    for j, lab in enumerate(labels):
        if lab.startswith("I-"):
            role = lab[2:]
            ok[:, j] = [labels[i] in (f"B-{role}", f"I-{role}") for i in range(n)]
    return ok


_ALLOWED = _allowed()
_START_OK = np.array([not lab.startswith("I-") for lab in LABELS])
_E_ALLOWED = _allowed(ENTITY_TAGS)
_E_START_OK = np.array([not lab.startswith("I-") for lab in ENTITY_TAGS])


def has_entities() -> bool:
    """Does the shipped model also tag named entities (an entity head after the roles)?"""
    width = get_session().get_outputs()[0].shape[-1]
    return width == len(LABELS) + len(ENTITY_TAGS)


def viterbi(logp: np.ndarray, allowed: np.ndarray = _ALLOWED, start_ok: np.ndarray = _START_OK) -> list[int]:
    """Best valid tag sequence for [words, tags] log-probabilities."""
    n, k = logp.shape
    if n == 0:
        return []
    neg = -1e9
    trans = np.where(allowed, 0.0, neg)
    score = np.where(start_ok, logp[0], neg)
    back = np.zeros((n, k), dtype=np.int64)
    for t in range(1, n):
        cand = score[:, None] + trans  # [from, to]
        back[t] = cand.argmax(0)
        score = cand.max(0) + logp[t]
    tags = [int(score.argmax())]
    for t in range(n - 1, 0, -1):
        tags.append(int(back[t, tags[-1]]))
    return tags[::-1]


def context_margin(s: int, e: int, n: int) -> np.ndarray:
    """For each piece of window ``[s, e)`` of an ``n``-piece text: its context in that window.

    The context is the number of pieces the window holds on the piece's
    poorer side. A window edge that is also the text's edge is no edge (the
    piece has all the context there is on that side), so only the other side
    counts there; a window that spans the whole text gives every piece ``n``.
    """
    pos = np.arange(s, e)
    left = pos - s if s > 0 else np.full(e - s, n)
    right = e - 1 - pos if e < n else np.full(e - s, n)
    return np.minimum(left, right)


def piece_logprobs(ids: np.ndarray, case: np.ndarray, quote: np.ndarray | None = None) -> np.ndarray:
    """Log-probabilities [pieces, labels] for a whole article, windowed.

    ``quote`` (quote depth per piece) is fed to models that take it (``quote_ids``:
    those trained since 2026-12-01); older models ignore it.
    """
    session = get_session()
    takes_quote = any(i.name == "quote_ids" for i in session.get_inputs())
    if quote is None:
        quote = np.zeros_like(ids)
    tok = get_tokenizer()
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    n = len(ids)
    out = None
    best_margin = np.full(n, -1, dtype=np.int64)
    spans = windows(n, WINDOW, STRIDE)
    for b in range(0, len(spans), BATCH):
        chunk = spans[b : b + BATCH]
        width = max(e - s for s, e in chunk) + 2
        x = np.zeros((len(chunk), width), dtype=np.int64)
        c = np.zeros_like(x)
        m = np.zeros_like(x)
        q = np.zeros_like(x)
        for i, (s, e) in enumerate(chunk):
            x[i, : e - s + 2] = np.concatenate([[cls], ids[s:e], [sep]])
            c[i, 1 : e - s + 1] = case[s:e]
            q[i, 1 : e - s + 1] = quote[s:e]
            m[i, : e - s + 2] = 1
        feeds = {"input_ids": x, "attention_mask": m, "case_ids": c}
        if takes_quote:
            feeds["quote_ids"] = q
        logits = session.run(["logits"], feeds)[0]
        k = len(LABELS)
        parts = [logits[..., :k]] + ([logits[..., k:]] if logits.shape[-1] > k else [])  # roles, then entities
        logp = np.concatenate([_log_softmax(p) for p in parts], -1)
        if out is None:
            out = np.zeros((n, logp.shape[-1]), dtype=np.float32)
        for i, (s, e) in enumerate(chunk):
            margin = context_margin(s, e, n)
            take = margin > best_margin[s:e]
            out[s:e][take] = logp[i, 1 : e - s + 1][take]
            best_margin[s:e][take] = margin[take]
    return out if out is not None else np.zeros((n, len(LABELS)), dtype=np.float32)


def _log_softmax(x: np.ndarray) -> np.ndarray:
    x = x - x.max(-1, keepdims=True)
    return x - np.log(np.exp(x).sum(-1, keepdims=True))


def tag_article(text: str) -> tuple[dict[str, list[tuple[int, int]]], list[tuple[int, int, str]] | None]:
    """(role spans, entities) of ``text``: character spans of every source, cue and
    content, and ``(start, end, type)`` of every named entity if the model has an
    entity head (else None)."""
    enc = encode(text)
    if len(enc.word_starts) == 0:
        return {r: [] for r in ROLES}, None
    logp = piece_logprobs(enc.ids, enc.case, enc.quote)[enc.word_starts]
    k = len(LABELS)
    spans = word_spans(enc, [LABELS[t] for t in viterbi(logp[:, :k])])
    if logp.shape[1] == k:
        return spans, None
    tags = viterbi(logp[:, k:], _E_ALLOWED, _E_START_OK)
    by_type = word_spans(enc, [ENTITY_TAGS[t] for t in tags], roles=ENTITY_TYPES)
    return spans, sorted((s, e, t) for t, found in by_type.items() for s, e in found)


def tag_spans(text: str) -> dict[str, list[tuple[int, int]]]:
    """Character spans of every source, cue and content the tagger finds in ``text``."""
    return tag_article(text)[0]
