"""The training settings' defaults: one set, for :func:`accordingto.training.fit.fit` and ``accordingto train``.

A light module (no torch, no numpy), so the command line can show them without loading the trainer.
"""

EPOCHS = 12
BATCH_SIZE = 32
LR = 1e-4
LAYERS = 6  # encoder layers kept: all of all-MiniLM-L6-v2's six
THREADS = 2  # CPU threads for torch
