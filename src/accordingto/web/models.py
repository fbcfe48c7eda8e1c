"""The request and response models of the HTTP API (they make its OpenAPI schema)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..schema import SourceType

FIELDS = ("text", "html", "published", "url", "outlet", "title", "id", "fast")


class AnalyzeRequest(BaseModel):
    """One article to analyse: exactly one of ``text`` and ``html``, and what is known of it."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"text": "Mayor Jane Smith said the bridge would reopen on Monday.", "published": "2026-03-14"}]},
    )

    text: str | None = Field(default=None, description="the article as plain text")
    html: str | None = Field(default=None, description="the article's web page (HTML); the article text is extracted from it")
    published: str | None = Field(
        default=None, description="publication date, YYYY-MM-DD: relative dates ('Tuesday') resolve against it"
    )
    url: str | None = Field(
        default=None, max_length=4096, description="where the article was published: metadata only, never fetched"
    )
    outlet: str | None = Field(default=None, max_length=500, description="the outlet that published it")
    title: str | None = Field(default=None, max_length=2000, description="the headline (default: from the text or page)")
    id: str | None = Field(default=None, max_length=500, description="your id for the article (predict: the record's id)")
    fast: bool = Field(default=False, description="rules only, no transformer: faster, less accurate")

    @model_validator(mode="after")
    def _one_of_text_and_html(self) -> AnalyzeRequest:
        if (self.text is None) == (self.html is None):
            raise ValueError("send exactly one of text and html")
        return self


class ErrorDetail(BaseModel):
    """Every error: one line saying what is wrong."""

    detail: str = Field(examples=["input is empty (no text, or only white space)"])


class Info(BaseModel):
    version: str = Field(description="accordingto's version")
    store: bool = Field(description="whether a corpus store is open (the /api/articles… endpoints work)")
    store_path: str | None = Field(description="the store file, when there is one")
    max_body_bytes: int = Field(description="largest request body accepted")
    timeout_s: float = Field(description="longest one analysis may take (0: no limit)")
    articles: int | None = Field(description="articles in the store, null without one")


class PredictedAttribution(BaseModel):
    source: list[list[int]] = Field(description="[start, end] fragments of the source")
    cue: list[list[int]] = Field(description="[start, end] fragments of the cue")
    content: list[list[int]] = Field(description="[start, end] fragments of the content")
    speaker: str | None = Field(description="canonical name of the speaker")


class Prediction(BaseModel):
    """The exchange record of ../shared/eval/PREDICTIONS.md: offsets into the text as sent (plain text is not cleaned)."""

    id: str
    attributions: list[PredictedAttribution]


class ArticleItem(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None = Field(description="YYYY-MM-DD")
    attributions: int | None
    voices: int | None
    n_words: int | None


class ArticleList(BaseModel):
    total: int = Field(description="articles matching the query (all pages)")
    items: list[ArticleItem]


class ArticleDetail(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    report: dict[str, Any] | None = Field(description="the stored report (docs/report.schema.json)")


class SpeakerItem(BaseModel):
    name: str
    type: SourceType | str
    articles: int = Field(description="articles quoting this speaker")
    attributions: int
    quoted_words: int
    outlets: list[str]
    article_ids: list[str] = Field(description="the first 20 of those articles' ids, sorted")


class SpeakerList(BaseModel):
    total: int = Field(description="speakers matching the query (all pages)")
    items: list[SpeakerItem]


class FindingsTable(BaseModel):
    title: str
    columns: list[str]
    rows: list[list[Any]]


class Findings(BaseModel):
    by: list[str] = Field(description="the dimensions grouped by, outlet first")
    tables: dict[str, FindingsTable] = Field(description="name → table, as accordingto findings prints them")


class Chart(BaseModel):
    id: str = Field(description="the chart's title as an id (lower case, hyphens)")
    title: str
    svg: str = Field(description="an <svg> element, to sit inline in a page")


class Charts(BaseModel):
    by: list[str] = Field(description="the dimensions grouped by, outlet first")
    charts: list[Chart] = Field(description="the charts of accordingto findings --html, in its order")
