"""What the accordingto components leave on a spaCy Doc, and how they read it back.

Everything is plain data, so a Doc keeps it through ``DocBin(store_user_data=True)``,
``Doc.to_bytes`` and ``nlp.pipe(…, n_process=2)``:

- ``doc._.accordingto``: a dict of the report's lists as JSON-ready dumps
  (``attributions``, ``speakers``, ``unattributed``, ``hedges``, ``scare_quotes``,
  ``dates``, ``timeline``, ``profile``), each key set by the
  component that finds it;
- ``doc._.article``: the article's metadata (:class:`~accordingto.schema.ArticleMeta`
  as a dict; ``published`` anchors relative dates), set by whoever makes the Doc;
- ``doc.spans``: ``"quotes"``, ``"source"``, ``"cue"``, ``"content"`` (each span's
  ``id_`` is its attribution's id), ``"attributions"`` (the three roles together,
  labelled by role, for ``displacy.render(doc, style="span", options={"spans_key": "attributions"})``)
  and ``"speakers"`` (each mention, labelled by source type, ``kb_id_`` the canonical name).

``doc._.attributions`` and ``doc._.speakers`` read the typed models back
(:class:`~accordingto.schema.Attribution`, :class:`~accordingto.schema.Speaker`);
:meth:`accordingto.schema.Report.from_doc` makes the whole report.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from spacy.tokens import Doc, Span

from ..schema import Attribution, Speaker

KEY = "accordingto"


def _typed(model: type[BaseModel], key: str):
    def get(doc: Doc) -> list | None:
        data = doc._.accordingto
        if not data or key not in data:
            return None
        return [model.model_validate(x) for x in data[key]]

    return get


for _name, _default in ((KEY, None), ("article", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
for _name, _model in (("attributions", Attribution), ("speakers", Speaker)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, getter=_typed(_model, _name))


def data(doc: Doc) -> dict[str, Any]:
    """The Doc's accordingto data, created empty on first use."""
    if doc._.accordingto is None:
        doc._.accordingto = {}
    return doc._.accordingto


def put(doc: Doc, key: str, items: list[BaseModel] | BaseModel | int) -> None:
    """Store a component's result under ``key`` as plain data."""
    if isinstance(items, BaseModel):
        value: Any = items.model_dump(mode="json")
    elif isinstance(items, list):
        value = [x.model_dump(mode="json") for x in items]
    else:
        value = items
    data(doc)[key] = value


def get(doc: Doc, key: str, model: type[BaseModel], needs: str) -> list:
    """The typed list stored under ``key``; a clear error naming the component ``needs`` if it did not run."""
    stored = data(doc)
    if key not in stored:
        raise ValueError(f"the Doc has no {key}: add the {needs!r} component before this one")
    return [model.model_validate(x) for x in stored[key]]


def published(doc: Doc) -> str | None:
    """The publication date (YYYY-MM-DD) the article's metadata gives, if any."""
    meta = doc._.article or {}
    return meta.get("published")


def span(doc: Doc, start: int, end: int, label: str, span_id: str = "", kb_id: str = "") -> Span | None:
    """The tokens covering text[start:end] as a labelled Span (None if no token falls there)."""
    s = doc.char_span(start, end, alignment_mode="expand")
    if s is None or not len(s):
        return None
    return Span(doc, s.start, s.end, label=label, span_id=span_id, kb_id=kb_id)
