"""The accordingto spaCy components: each registered by name, one job each, declaring what it needs and sets.

In the order they run (``accordingto.pipeline.load_pipeline`` builds them after
spaCy's own, or add them to a pipeline of your own)::

    accordingto_quotes        quotation marks paired once     → doc.spans["quotes"]
    accordingto_attributions  source, cue, content            → doc.spans["source"|"cue"|"content"|"attributions"],
                                                                 doc._.accordingto["attributions"]
    accordingto_speakers      who each source is (and gender) → doc.spans["speakers"], …["speakers"]
    accordingto_sourcing      chains, stance, hedges, scare quotes, unattributed sentences, the profile
    accordingto_dates         date expressions and the timeline

``accordingto`` runs all five in one component (``nlp.add_pipe("accordingto",
config={"mode": "fast"})``). Settings are component config: ``mode``
("default": rules and the trained tagger; "fast": rules only), ``threads`` (the
tagger's), ``gender_overrides`` (a CSV of name,gender). ``mode`` and
``gender_overrides`` can also be given per call, through spaCy's
``component_cfg``. What they set is described in :mod:`.docdata`;
:meth:`accordingto.schema.Report.from_doc` turns it into the report.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.language import Language
from spacy.tokens import Doc

from ..schema import Attribution, Speaker
from . import docdata
from .docdata import KEY

MODES = ("default", "fast")
# what spaCy's en_core_web_sm declares it assigns, and these components read
_PARSE = ["token.tag", "token.dep", "token.head", "token.lemma", "doc.sents"]


def _mode(mode: str) -> str:
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    return mode


class Quotes:
    """Pairs the quotation marks once (:func:`accordingto.extract.quotes.paired_quotes`, which every
    later stage reads): ``doc.spans["quotes"]`` (label QUOTE, or SINGLE for ‘…’)."""

    def __init__(self, nlp: Language | None = None, name: str = "accordingto_quotes"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from ..extract.quotes import paired_quotes

        spans = [docdata.span(doc, s, e, "SINGLE" if single else "QUOTE") for s, e, _, single in paired_quotes(doc)]
        doc.spans["quotes"] = [s for s in spans if s is not None]
        return doc


class Attributions:
    """Finds every attribution (source, cue, content), speakers not yet resolved."""

    def __init__(self, nlp: Language | None = None, name: str = "accordingto_attributions", mode: str = "default",
                 threads: int = 1):
        self.name = name
        self.mode = _mode(mode)
        if mode == "default":
            from ..extract import tagger

            tagger.configure(threads)

    def __call__(self, doc: Doc, mode: str | None = None) -> Doc:
        from ..extract import extract

        attributions = extract(doc, fast=_mode(mode or self.mode) == "fast")
        docdata.put(doc, "attributions", attributions)
        _role_spans(doc, attributions)
        return doc


def _role_spans(doc: Doc, attributions: list[Attribution]) -> None:
    groups: dict[str, list] = {"source": [], "cue": [], "content": [], "attributions": []}
    for a in attributions:
        for role in ("source", "cue", "content"):
            for piece in getattr(a, role):
                s = docdata.span(doc, piece.start, piece.end, role.upper(), span_id=str(a.id))
                if s is not None:
                    groups[role].append(s)
                    groups["attributions"].append(s)
    for key, spans in groups.items():
        doc.spans[key] = sorted(spans, key=lambda s: (s.start, s.end)) if key == "attributions" else spans


class Speakers:
    """Resolves each source to a speaker across the article (names, coreference, type), and genders people."""

    def __init__(self, nlp: Language | None = None, name: str = "accordingto_speakers",
                 gender_overrides: str | None = None):
        from ..analyse.gender import load_overrides

        self.name = name
        self.gender_overrides = load_overrides(gender_overrides)

    def __call__(self, doc: Doc, gender_overrides: Mapping[str, str] | None = None) -> Doc:
        from ..analyse import assign_genders
        from ..doctext import doc_text
        from ..resolve import resolve

        attributions = docdata.get(doc, "attributions", Attribution, "accordingto_attributions")
        attributions, speakers = resolve(doc, attributions)
        overrides = gender_overrides if gender_overrides is not None else self.gender_overrides
        speakers = assign_genders(speakers, doc_text(doc), doc, overrides)
        docdata.put(doc, "attributions", attributions)
        docdata.put(doc, "speakers", speakers)
        spans = []
        for sp in speakers:
            for m in sp.mentions:
                s = docdata.span(doc, m.start, m.end, sp.type.upper(), span_id=str(sp.id), kb_id=sp.name)
                if s is not None:
                    spans.append(s)
        doc.spans["speakers"] = sorted(spans, key=lambda s: (s.start, s.end))
        return doc


class Sourcing:
    """Chains and secondhand sources, stance, unattributed sentences, hedges, scare quotes; then the profile."""

    def __init__(self, nlp: Language | None = None, name: str = "accordingto_sourcing"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from .. import analyse

        attributions = docdata.get(doc, "attributions", Attribution, "accordingto_attributions")
        speakers = docdata.get(doc, "speakers", Speaker, "accordingto_speakers")
        attributions = analyse.mark_stance(analyse.mark_chains(attributions, speakers))
        unattributed = analyse.unattributed_sentences(doc, attributions)
        hedges = analyse.find_hedges(doc, attributions)
        scare_quotes = analyse.find_scare_quotes(doc, attributions)
        n_sentences = sum(1 for _ in doc.sents)
        for key, value in (("attributions", attributions), ("unattributed", unattributed), ("hedges", hedges),
                           ("scare_quotes", scare_quotes)):
            docdata.put(doc, key, value)
        docdata.put(doc, "profile", analyse.build_profile(attributions, speakers, unattributed, hedges, n_sentences))
        return doc


class Dates:
    """Date and time expressions, resolved against ``doc._.article["published"]``, and the dated timeline."""

    def __init__(self, nlp: Language | None = None, name: str = "accordingto_dates"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from .. import analyse

        attributions = docdata.get(doc, "attributions", Attribution, "accordingto_attributions")
        dates = analyse.find_dates(doc, docdata.published(doc))
        docdata.put(doc, "dates", dates)
        docdata.put(doc, "timeline", analyse.build_timeline(doc, dates, attributions))
        return doc


class Accordingto:
    """All five components in one: what ``nlp.add_pipe("accordingto")`` adds."""

    def __init__(self, nlp: Language | None = None, name: str = "accordingto", mode: str = "default", threads: int = 1,
                 gender_overrides: str | None = None):
        self.name = name
        self.quotes = Quotes(nlp)
        self.attributions = Attributions(nlp, mode=mode, threads=threads)
        self.speakers = Speakers(nlp, gender_overrides=gender_overrides)
        self.sourcing = Sourcing(nlp)
        self.dates = Dates(nlp)

    def __call__(self, doc: Doc, mode: str | None = None, gender_overrides: Mapping[str, str] | None = None) -> Doc:
        doc = self.attributions(self.quotes(doc), mode=mode)
        doc = self.speakers(doc, gender_overrides=gender_overrides)
        return self.dates(self.sourcing(doc))


_DOC = f"doc._.{KEY}"


@Language.factory("accordingto_quotes", assigns=["doc.spans"])
def make_quotes(nlp: Language, name: str) -> Quotes:
    return Quotes(nlp, name)


@Language.factory("accordingto_attributions", default_config={"mode": "default", "threads": 1},
                  assigns=["doc.spans", _DOC], requires=_PARSE)
def make_attributions(nlp: Language, name: str, mode: str, threads: int) -> Attributions:
    return Attributions(nlp, name, mode=mode, threads=threads)


@Language.factory("accordingto_speakers", default_config={"gender_overrides": None},
                  assigns=["doc.spans", _DOC], requires=[_DOC, "token.ent_type", *_PARSE])
def make_speakers(nlp: Language, name: str, gender_overrides: str | None) -> Speakers:
    return Speakers(nlp, name, gender_overrides=gender_overrides)


@Language.factory("accordingto_sourcing", assigns=[_DOC], requires=[_DOC, *_PARSE])
def make_sourcing(nlp: Language, name: str) -> Sourcing:
    return Sourcing(nlp, name)


@Language.factory("accordingto_dates", assigns=[_DOC], requires=[_DOC, "token.ent_type", *_PARSE])
def make_dates(nlp: Language, name: str) -> Dates:
    return Dates(nlp, name)


@Language.factory("accordingto", default_config={"mode": "default", "threads": 1, "gender_overrides": None},
                  assigns=["doc.spans", _DOC], requires=["token.ent_type", *_PARSE])
def make_accordingto(nlp: Language, name: str, mode: str, threads: int, gender_overrides: str | None) -> Accordingto:
    return Accordingto(nlp, name, mode=mode, threads=threads, gender_overrides=gender_overrides)


# the components in the order they run, as load_pipeline adds them
COMPONENTS = ("accordingto_quotes", "accordingto_attributions", "accordingto_speakers", "accordingto_sourcing",
              "accordingto_dates")
