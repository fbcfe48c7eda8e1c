"""The rules' registry: each rule is a function registered by name, run in the order of its number.

A rule reads the :class:`~.context.Context` (the Doc, its text, its quotes and
the candidates the rules before it proposed) and returns its own candidates.
Order matters: when two candidates claim the same cue, the one with the lower
``rank`` wins and, between equal ranks, the earlier proposed one; and a rule
may leave alone what earlier rules took (``surface`` skips the verbs that
``verbs`` already read). To add a rule, write it in a module of this package,
decorate it with ``@rule("name", order=…)`` and import the module in
``__init__``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .candidates import Cand
    from .context import Context

Rule = Callable[["Context"], "Iterable[Cand]"]

_RULES: dict[str, tuple[int, Rule]] = {}


def rule(name: str, *, order: int) -> Callable[[Rule], Rule]:
    """Register the decorated function as the rule ``name``, run at place ``order`` (lower first)."""

    def register(fn: Rule) -> Rule:
        if name in _RULES:
            raise ValueError(f"a rule named {name!r} is registered already")
        if any(o == order for o, _ in _RULES.values()):
            raise ValueError(f"another rule runs at order {order}")
        _RULES[name] = (order, fn)
        return fn

    return register


def rules_in_order() -> list[tuple[str, Rule]]:
    """(name, rule) of every registered rule, in the order they run."""
    return [(name, fn) for name, (_, fn) in sorted(_RULES.items(), key=lambda kv: kv[1][0])]
