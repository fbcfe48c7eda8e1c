"""Reading: turn raw input (text, HTML) into an :class:`Article`.

``read_bytes``/``read_path``/``read_text`` decide the format, decode, clean
page furniture off and check the input is an English article; each refusal is
an :class:`accordingto.errors.InputError`.
"""

from __future__ import annotations

from pydantic import BaseModel

from ..schema import ArticleMeta


class Article(BaseModel):
    """The text to analyse and what is known about it."""

    text: str
    meta: ArticleMeta = ArticleMeta()


def read_input(data: str | bytes, *, format: str = "auto", url: str | None = None) -> Article:
    """Decode, detect text or HTML, strip page furniture, check the input (to be completed in read/)."""
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    return Article(text=text)
