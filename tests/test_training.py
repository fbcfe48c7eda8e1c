"""Training's settings: ``fit()`` and ``accordingto train`` share one set of defaults."""

from __future__ import annotations

import inspect

from typer.main import get_command

from accordingto.cli import app
from accordingto.training import defaults
from accordingto.training.fit import fit

SETTINGS = ("epochs", "batch_size", "lr", "layers", "threads")


def test_fit_and_the_command_share_their_defaults():
    command = {p.name: p.default for p in get_command(app).commands["train"].params}
    signature = inspect.signature(fit).parameters
    for name in SETTINGS:
        assert signature[name].default == command[name] == getattr(defaults, name.upper()), name
    assert (command["epochs"], command["batch_size"], command["lr"], command["layers"]) == (12, 32, 1e-4, 6)
