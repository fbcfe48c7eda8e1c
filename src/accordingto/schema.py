"""The report: typed models of everything accordingto returns.

These pydantic models are the only thing that leaves the library. Every
character span is a pair of offsets into ``Report.text`` (the analysed text,
Python string indices, end exclusive), so every claim in the report can be
checked against the article. ``accordingto schema`` prints the JSON Schema,
also published as ``docs/report.schema.json``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

AttributionKind = Literal["direct", "indirect", "mixed"]
# How the attribution was found: a cue next to the content, or one of the
# patterns with no cue of its own next to the content.
AttributionVia = Literal[
    "cue",  # "X said …", "…, X said"
    "according_to",  # "according to X"
    "colon",  # 'Riddell continues: "…"'
    "block",  # paragraphs of quoted text introduced by "…:" in the sentence before
    "continuation",  # a quote that runs on into the next sentence or paragraph
    "headline",  # "…, Says Union"
]
MentionKind = Literal["name", "last_name", "abbreviation", "pronoun", "nominal", "other"]
SourceType = Literal[
    "person",  # a named person
    "organisation",  # a named organisation, agency, party, company
    "outlet",  # a news outlet
    "document",  # letter, report, statement, court filing
    "anonymous",  # "a source", "officials" with no name
    "group",  # "protesters", "several people"
    "artefact",  # video, sign, tweet, post
    "unknown",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A stretch of the analysed text."""

    start: int = Field(ge=0, description="offset of the first character in Report.text")
    end: int = Field(ge=0, description="offset after the last character (exclusive)")
    text: str = Field(description="Report.text[start:end]")


Stance = Literal["neutral", "loaded"]


class ChainLink(_Model):
    """One step of a nested attribution's chain: who is reported as saying it, outermost first."""

    attribution_id: int = Field(description="Attribution.id of the enclosing attribution (or of this one, last)")
    speaker: str | None = Field(description="canonical name of that attribution's speaker")


class Hedge(_Model):
    """A hedging expression on a claim ("allegedly", "reportedly", "is said to")."""

    start: int
    end: int
    text: str
    sentence: Sentence | None = Field(default=None, description="the hedged sentence")
    attributed: bool = Field(description="whether the hedged claim lies inside an attribution with a named source")


class Attribution(_Model):
    """Who (source) says or thinks what (content), marked by which words (cue)."""

    id: int = Field(description="position in reading order, from 0")
    source: list[Span] = Field(description="the source's words; empty when the text names none")
    cue: list[Span] = Field(description="the words that mark the attribution (said, according to, a colon)")
    content: list[Span] = Field(description="what is attributed; several fragments when interrupted")
    kind: AttributionKind = Field(description="direct (all quoted), indirect (paraphrase) or mixed")
    via: AttributionVia = Field(default="cue", description="how the attribution was found")
    speaker_id: int | None = Field(default=None, description="Speaker.id of the source, null when unknown")
    speaker: str | None = Field(default=None, description="canonical name of the speaker, null when unknown")
    quoted_words: int = Field(default=0, description="words inside quotation marks in the content")
    stance: Stance = Field(
        default="neutral", description="of the cue: neutral (said, told, wrote) or loaded (claimed, admitted, insisted)"
    )
    secondhand: bool = Field(
        default=False, description="the source is another outlet or a document, not the reporter's own reporting"
    )
    depth: int = Field(default=0, description="0: reported by the article itself; 1: inside another attribution's content; …")
    chain: list[ChainLink] = Field(
        default_factory=list, description="who reports whom, outermost first, ending with this attribution"
    )


class Mention(_Model):
    """One place where the text refers to a speaker."""

    start: int
    end: int
    text: str
    kind: MentionKind = Field(description="how the speaker is named here")


Gender = Literal["woman", "man", "unknown"]
# Where a person's gender comes from: the article's words about them ("text"), else a statistic
# about their first name ("first name"), or a newsroom's overrides file ("override"); "none": nothing.
GenderEvidenceKind = Literal["text", "first name", "override", "none"]


class GenderSpan(_Model):
    """One place of the article that the gender rests on."""

    start: int
    end: int
    text: str
    cue: Literal["pronoun", "honorific", "role noun", "first name"] = Field(
        description="pronoun resolved to the person, honorific (Ms., Mr.), gendered role noun of their own mention, or their first name"
    )
    gender: Gender | None = Field(default=None, description="the gender this word expresses (null for a first name)")


class GenderEvidence(_Model):
    """How the article refers to a person, or failing that what their first name suggests; never an identity."""

    kind: GenderEvidenceKind = Field(description="text, first name, override or none")
    spans: list[GenderSpan] = Field(default_factory=list, description="the words it rests on, in reading order")
    note: str | None = Field(default=None, description="a conflict, the first name's statistic, or why there is none")


class Speaker(_Model):
    """One real source, across the whole article."""

    id: int
    name: str = Field(description="canonical (fullest) name, e.g. 'Sean J. Riddell'")
    type: SourceType = Field(default="unknown", description="kind of source")
    mentions: list[Mention] = Field(default_factory=list)
    role: str | None = Field(
        default=None, description="title or role the text gives ('lawyer', 'Mayor'); people and anonymous sources only"
    )
    affiliation: str | None = Field(default=None, description="organisation the text ties the speaker to")
    aliases: list[str] = Field(default_factory=list, description="other names: abbreviations, short forms")
    author: str | None = Field(
        default=None, description="for a document or artefact: the canonical name of whoever wrote or made it"
    )
    attributions: int = Field(default=0, description="number of attributions to this speaker")
    quoted_words: int = Field(default=0, description="words quoted directly from this speaker")
    gender: Gender | None = Field(
        default=None,
        description="people only: woman or man as the article refers to them (else as their first name suggests), or unknown",
    )
    gender_evidence: GenderEvidence | None = Field(default=None, description="people only: what the gender rests on")


class Sentence(_Model):
    """A sentence of the article, e.g. one asserted with no source."""

    start: int
    end: int
    text: str


class DateMention(_Model):
    """A date or time expression, resolved against the publication date where it is relative."""

    start: int
    end: int
    text: str
    date: str | None = Field(description="ISO date (YYYY-MM-DD) it resolves to; null when it cannot be resolved")
    date_end: str | None = Field(default=None, description="end of a range (ISO), when the expression is one")
    relative: bool = Field(description="whether it needs the publication date ('Tuesday', 'two weeks ago')")
    note: str | None = Field(default=None, description="why it is unresolved, when it is")


class TimelineEvent(_Model):
    """A sentence that reports an event, with the date it happened."""

    sentence: Sentence
    date: str = Field(description="ISO date")
    date_end: str | None = None
    expression: str = Field(description="the date expression the date comes from")


class VoiceShare(_Model):
    speaker: str
    type: SourceType
    attributions: int
    quoted_words: int
    gender: Gender | None = Field(default=None, description="people only (see Speaker.gender)")


class GenderCount(_Model):
    """Person voices of one gender label, and what they said."""

    voices: int
    attributions: int
    quoted_words: int


class Profile(_Model):
    """The article's sourcing at a glance."""

    voices: int = Field(description="distinct speakers with at least one attribution")
    attributions: int
    quoted_words: int
    by_voice: list[VoiceShare] = Field(default_factory=list)
    share_by_type: dict[str, float] = Field(
        default_factory=dict, description="share of attributions per source type (0–1)"
    )
    secondhand_share: float = Field(description="share of attributions marked secondhand (0–1)")
    anonymous_share: float = Field(description="share of attributions to anonymous sources (0–1)")
    nested: int = Field(description="attributions inside another attribution's content")
    hedged: int = Field(description="hedges on claims with no named source")
    loaded_cues: int
    unattributed_share: float = Field(description="share of the article's sentences asserted with no source (0–1)")
    n_sentences: int | None = Field(
        default=None, description="sentences of the article as spaCy split them (unattributed_share's denominator)"
    )
    by_gender: dict[str, GenderCount] = Field(
        default_factory=dict,
        description="person voices only: voices, attributions and quoted words per gender label (woman, man, unknown)",
    )


class ArticleMeta(_Model):
    """What is known of the article besides its text."""

    id: str | None = Field(default=None, description="the article's id in its corpus (file stem, record id)")
    title: str | None = None
    author: str | None = None
    site: str | None = None
    outlet: str | None = Field(default=None, description="the outlet that published it, where known")
    url: str | None = None
    published: str | None = Field(default=None, description="publication date, ISO 8601 (YYYY-MM-DD)")
    format: Literal["text", "html"] = "text"
    removed: list[str] = Field(
        default_factory=list, description="page furniture left out of the analysed text (lines)"
    )


class Report(_Model):
    """The sourcing of one article."""

    schema_version: str = SCHEMA_VERSION
    article: ArticleMeta
    text: str = Field(description="the analysed text; every offset in the report points into it")
    attributions: list[Attribution]
    speakers: list[Speaker]
    unattributed: list[Sentence] = Field(
        default_factory=list, description="sentences that assert something with no source"
    )
    hedges: list[Hedge] = Field(default_factory=list, description="hedging expressions, in reading order")
    scare_quotes: list[Span] = Field(
        default_factory=list, description="quoted phrases with no speaker ('agents \"trapped inside\"')"
    )
    dates: list[DateMention] = Field(default_factory=list, description="date and time expressions")
    timeline: list[TimelineEvent] = Field(default_factory=list, description="dated event sentences, in date order")
    profile: Profile | None = Field(default=None, description="the sourcing profile")

    @classmethod
    def from_doc(cls, doc) -> "Report":
        """The report of a spaCy Doc that went through the accordingto components (:mod:`accordingto.pipeline`).

        Reads what they left on the Doc (``doc._.accordingto``, ``doc._.article``:
        plain data, so a Doc read back from a ``DocBin`` gives the same report).
        Raises :class:`~accordingto.errors.NotAnalysedError` for a Doc they did not see.
        """
        from .errors import NotAnalysedError

        data = doc._.accordingto if doc.has_extension("accordingto") else None
        if not data or "attributions" not in data:
            raise NotAnalysedError(
                "this Doc has not been through the accordingto components: add them with "
                "nlp.add_pipe('accordingto'), or use accordingto.pipeline.load_pipeline()"
            )
        meta = doc._.article if doc.has_extension("article") else None
        fields = {k: data[k] for k in cls.model_fields if k in data}
        return cls.model_validate({"article": meta or {}, "text": doc.text, "speakers": [], **fields})

    def attributions_of(self, speaker: str) -> list[Attribution]:
        """The attributions whose speaker has this canonical name."""
        return [a for a in self.attributions if a.speaker == speaker]


Hedge.model_rebuild()


def json_schema() -> dict:
    """The JSON Schema of the report."""
    return Report.model_json_schema()
