"""Analysis of the article as a whole: what is asserted with no source."""

from __future__ import annotations

from .unattributed import unattributed_sentences

__all__ = ["unattributed_sentences"]
