"""The distillation plumbing (accordingto.training.distil): packing encoders small, aligning two tokenizers' words.

The GPU step itself (teacher, soft labels, student) is smoke-tested here when torch and
transformers are installed (`make train`); the numbers it gives need a GPU (docs/TRAINING.md).
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from accordingto.training import distil
from accordingto.extract.encoding import TOKENIZER_FILE
from conftest import SHARED

safetensors_numpy = pytest.importorskip("safetensors.numpy")
POLNEAR = SHARED / "data" / "polnear"


def _encoder(tmp_path):
    rng = np.random.default_rng(0)
    state = {
        "embeddings.word_embeddings.weight": rng.normal(size=(50, 16)).astype(np.float32),
        "encoder.layer.0.attention.self.query.weight": rng.normal(scale=0.05, size=(16, 16)).astype(np.float32),
        "encoder.layer.0.attention.self.query.bias": rng.normal(size=16).astype(np.float32),
        "embeddings.LayerNorm.weight": np.ones(16, dtype=np.float32),
    }
    base = tmp_path / "base"
    base.mkdir()
    safetensors_numpy.save_file(state, str(base / "model.safetensors"))
    (base / "config.json").write_text(json.dumps({"model_type": "bert"}))
    return base, state


@pytest.mark.parametrize("precision,tolerance", [("int8", 1 / 127), ("fp16", 1e-3)])
def test_pack_and_unpack_keep_every_weight(tmp_path, precision, tolerance):
    base, state = _encoder(tmp_path)
    chunks = distil.pack(base, tmp_path / "packed", chunk_mb=0.0005, precision=precision)
    assert len(chunks) > 1  # a tensor that does not fit the chunk under way starts a new one
    back = safetensors_numpy.load_file(str(distil.unpack(tmp_path / "packed", tmp_path / "out") / "model.safetensors"))
    assert set(back) == set(state)
    for k, w in state.items():
        scale = np.abs(w).max(axis=-1, keepdims=True) if w.ndim == 2 else np.abs(w).max()
        assert np.all(np.abs(back[k] - w) <= tolerance * scale + 1e-6), k
    assert (tmp_path / "out" / "config.json").exists()


def test_pack_refuses_an_unknown_precision(tmp_path):
    base, _ = _encoder(tmp_path)
    with pytest.raises(ValueError):
        distil.pack(base, tmp_path / "packed", precision="int4")


@pytest.mark.skipif(not (POLNEAR / "train").is_dir(), reason="PolNeAR is not in ../shared")
def test_prepare_aligns_every_student_word_with_the_teachers(tmp_path):
    """With the student's own tokenizer as the 'teacher', every word maps to itself."""
    teacher = tmp_path / "teacher"
    teacher.mkdir()
    (teacher / "tokenizer.json").write_bytes(TOKENIZER_FILE.read_bytes())
    d = np.load(distil.prepare(POLNEAR, teacher, tmp_path / "data.npz", limit=2))
    src = d["s_train_src"]
    assert (d["t_train_ids"] == d["s_train_ids"]).all()
    # each aligned student piece points at the teacher's piece with the same id
    flat_ids = d["a_ids"][d["a_word"]]
    rows, cols = np.nonzero(src >= 0)
    assert len(rows) > 1000
    assert (flat_ids[src[rows, cols]] == d["s_train_ids"][rows, cols]).all()
    # only the first piece of a word, never [CLS]/[SEP] or padding, carries a soft label
    assert (src[:, 0] == -1).all() and (src[d["s_train_mask"] == 0] == -1).all()
    # the held-out slice is never among the training articles
    assert len(d["a_start"]) == 3


@pytest.mark.slow
def test_the_gpu_step_runs_end_to_end_on_a_cpu(tmp_path, monkeypatch):
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from accordingto.training.fit import base_model_dir

    if not (POLNEAR / "train").is_dir():
        pytest.skip("PolNeAR is not in ../shared")
    base = base_model_dir()  # the small encoder stands in for the teacher: same plumbing, minutes less
    distil.pack(base, tmp_path / "teacher", precision="int8")
    distil.pack(base, tmp_path / "student", precision="fp16")
    data = distil.prepare(POLNEAR, base, tmp_path / "data.npz", limit=2)
    info = distil.run(data, tmp_path / "teacher", tmp_path / "student", tmp_path / "out", teacher_epochs=1,
                      student_epochs=1, batch_size=2, max_steps=1, layers=2, log=lambda m: None)
    assert info["student"]["distil"] == [0.5, 2.0] and info["student"]["layers"] == 2
    assert info["student"]["quote"] is True  # the quote-depth feature is trained
    assert list((tmp_path / "out" / "student").glob("weights-*.pt"))
    # what comes back exports to the ONNX model the tagger loads, quote depth among its inputs
    import onnxruntime as ort

    from accordingto.training.fit import export

    onnx = export(tmp_path / "out" / "student", tmp_path / "student.onnx")
    session = ort.InferenceSession(str(onnx), providers=["CPUExecutionProvider"])
    assert [i.name for i in session.get_inputs()] == ["input_ids", "attention_mask", "case_ids", "quote_ids"]
    assert info["student"]["entities"] is True
    # with an entity head, the default pipeline leaves spaCy's NER out and the tagger sets doc.ents
    import accordingto.extract.tagger as tagger
    from accordingto.pipeline import api, load
    from accordingto.read import Article

    monkeypatch.setattr(tagger, "get_session", lambda: session)
    assert tagger.has_entities() and api._skipped(fast=False) == ["ner"] and api._skipped(fast=True) == []
    seen = {}
    original = load.load_pipeline()

    class Spy:
        def __getattr__(self, name):  # max_length, make_doc and the rest: the real pipeline's
            return getattr(original, name)

        def __call__(self, doc, disable=(), component_cfg=None):
            seen["disable"] = list(disable)
            doc = original(doc, disable=disable, component_cfg=component_cfg)
            seen["doc"] = doc
            return doc

    monkeypatch.setattr(load, "load_pipeline", lambda: Spy())
    monkeypatch.setattr(api, "load_pipeline", lambda: Spy())
    report = api.analyze_article(Article(text="Fares Rise\n\nThe mayor said fares would rise."))
    assert seen["disable"] == ["ner"] and report.text.startswith("Fares")
    assert seen["doc"].has_annotation("ENT_IOB")  # set by the tagger's entity head (this tiny model's guesses)
