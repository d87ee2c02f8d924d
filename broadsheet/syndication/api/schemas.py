"""What the content API returns and accepts: the OpenAPI document is generated from these."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from ninja import Schema
from pydantic import Field

SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
TEXT_PATTERN = r"^[^\x00]*$"
"""Free text may be anything but NUL, which no database stores."""


class Error(Schema):
    detail: str = Field(description="What was wrong, in words.")


class Rendition(Schema):
    name: str
    url: str
    width: int
    height: int
    content_type: str


class Image(Schema):
    id: int
    title: str
    alt_text: str
    caption: str
    credit: str
    licence: str
    width: int
    height: int
    renditions: list[Rendition]


class Video(Schema):
    id: int
    title: str
    caption: str
    credit: str
    url: str
    content_type: str
    duration_seconds: float | None
    width: int | None
    height: int | None
    poster: Image | None


class LeadMedia(Schema):
    kind: Literal["image", "video"]
    image: Image | None
    video: Video | None


class SectionSummary(Schema):
    id: int
    slug: str
    title: str
    url: str


class Section(SectionSummary):
    description: str
    concept: str | None = Field(description="The section's concept slug, to filter by or follow.")


class AuthorSummary(Schema):
    id: int
    slug: str
    name: str
    url: str | None = Field(description="The author's page; null for wire writers without one.")


class Author(AuthorSummary):
    job_title: str
    bio: str
    concept: str | None
    links: list[dict[str, str]]


class Byline(Schema):
    author: AuthorSummary
    location: str


class ConceptSummary(Schema):
    id: int
    slug: str
    uri: str | None
    type: str
    label: str
    url: str


class Concept(ConceptSummary):
    description: str
    aliases: list[str]
    same_as: list[str]
    broader: list[ConceptSummary]
    related: list[ConceptSummary]


class Annotation(Schema):
    concept: ConceptSummary
    predicate: str = Field(description="about, majorMentions, mentions, hasAuthor, …")
    source: str = Field(description="auto (the engine), editor, wire, cms")
    score: float
    evidence: list[Any]


class BodyBlock(Schema):
    type: Literal["paragraph", "subheading", "blockquote", "pullquote", "image", "video", "embed"]
    html: str | None = Field(None, description="paragraph: sanitised HTML as stored")
    text: str | None = Field(None, description="subheading: plain text")
    quote: str | None = None
    attribution: str | None = None
    caption: str | None = None
    image: Image | None = None
    video: Video | None = None
    url: str | None = Field(None, description="embed: the page of the embedded player")


class ArticleSummary(Schema):
    id: int
    url: str
    headline: str
    standfirst: str
    section: SectionSummary | None
    published_at: datetime
    updated_at: datetime | None = Field(description="Set by editors for a substantive update.")
    last_published_at: datetime | None = Field(description="When the live version last changed.")
    bylines: list[Byline]
    lead_image: Image | None


class Article(ArticleSummary):
    social_headline: str
    copyright_holder: str
    lead_media: LeadMedia | None
    body: list[BodyBlock]
    annotations: list[Annotation]
    ninjs_url: str


class ArticleList(Schema):
    items: list[ArticleSummary]
    next_cursor: str | None = Field(
        description="Pass as ?cursor= for the next page; null at the end."
    )


class ConceptList(Schema):
    items: list[ConceptSummary]
    next_cursor: str | None


class AuthorList(Schema):
    items: list[AuthorSummary]
    next_cursor: str | None


class SectionList(Schema):
    items: list[Section]


class ArticleFilters(Schema):
    concept: str | None = Field(
        None, max_length=300, pattern=TEXT_PATTERN, description="A concept's slug or URI."
    )
    section: str | None = Field(None, max_length=200, pattern=SLUG_PATTERN)
    author: str | None = Field(None, max_length=200, pattern=SLUG_PATTERN)
    updated_since: datetime | None = Field(
        None, description="ISO 8601; only articles whose live version changed since then."
    )
    cursor: str | None = Field(None, max_length=400, pattern=TEXT_PATTERN)
    limit: int = Field(20, ge=1, le=100)


class ConceptFilters(Schema):
    q: str | None = Field(
        None, max_length=200, pattern=TEXT_PATTERN, description="Words in a label or alias."
    )
    type: (
        Literal["person", "organisation", "location", "topic", "story", "section", "author"] | None
    ) = Field(None, description="Only concepts of this type.")
    cursor: str | None = Field(None, max_length=400, pattern=TEXT_PATTERN)
    limit: int = Field(20, ge=1, le=100)


class PageFilters(Schema):
    cursor: str | None = Field(None, max_length=400, pattern=TEXT_PATTERN)
    limit: int = Field(20, ge=1, le=100)
