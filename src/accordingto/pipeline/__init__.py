"""The spaCy side: one pipeline, loaded once, and the road from an article to its report.

- :mod:`.tokenizer`: spaCy's tokenizer, bounded on very long runs of characters;
- :mod:`.sentences`: the ``paragraph_breaks`` component (sentence starts from the layout);
- :mod:`.components`: the accordingto components, registered with spaCy by name;
- :mod:`.docdata`: what they leave on the Doc (plain data: ``DocBin`` and ``n_process`` keep it);
- :mod:`.load`: the one pipeline (:func:`load_pipeline`) and parse-only use of it (:func:`parse`);
- :mod:`.pieces`: long texts in pieces, and one report from the pieces';
- :mod:`.api`: :func:`analyze` (``accordingto.analyze``) and :func:`analyze_article`.
"""

from __future__ import annotations

from .api import PIECE_CHARS, analyze, analyze_article, analyze_doc, iso_date
from .load import SPACY_MODEL, load_pipeline, parse
from .pieces import split_text

__all__ = ["analyze", "analyze_article", "analyze_doc", "load_pipeline", "parse", "split_text", "PIECE_CHARS",
           "SPACY_MODEL", "iso_date"]
