"""accordingto: according to whom? The sourcing of news articles, structured and checkable.

    >>> import accordingto
    >>> report = accordingto.analyze(text, published="2018-07-09")
    >>> for a in report.attributions: print(a.speaker, a.cue[0].text, a.content[0].text)

Nothing heavy happens at import: spaCy and the tagger load on first use.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["analyze", "Report", "Attribution", "Speaker", "AccordingtoError", "InputError", "__version__"]

_LAZY = {
    "analyze": ("pipeline", "analyze"),
    "Report": ("schema", "Report"),
    "Attribution": ("schema", "Attribution"),
    "Speaker": ("schema", "Speaker"),
    "AccordingtoError": ("errors", "AccordingtoError"),
    "InputError": ("errors", "InputError"),
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(f".{module}", __name__), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'accordingto' has no attribute {name!r}")
