"""The shapes of the demo's data: what a section, author, picture, clip and article are made of.

Paragraph text uses a small link markup, resolved when the demo loads:
``[words](article:slug)`` links to another demo article through a Wagtail page link,
``[words](topic:slug)`` to a concept's page, ``[words](https://…)`` to the web.
Standfirsts, paragraphs and quotes may name weekdays as ``{day}`` (the day of publication),
``{day-1}`` or ``{day+3}``, since publication times are counted back from the moment of loading.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

Colour = tuple[int, int, int]


@dataclass(frozen=True, slots=True, kw_only=True)
class Publication:
    name: str
    tagline: str
    copyright_holder: str
    accent_colour: str


@dataclass(frozen=True, slots=True, kw_only=True)
class SectionSpec:
    slug: str
    title: str
    description: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ConceptSpec:
    slug: str
    label: str
    type: str
    description: str


@dataclass(frozen=True, slots=True, kw_only=True)
class AuthorSpec:
    slug: str
    name: str
    job_title: str
    bio: str
    colour: Colour
    links: tuple[tuple[str, str], ...] = ()
    """(label, url) pairs shown on the author's page."""
    has_page: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class Picture:
    """A generated landscape and what the newsroom says about it."""

    key: str
    scene: str
    palette: str
    alt: str
    caption: str
    credit: str
    licence: str = "all-rights-reserved"

    @property
    def title(self) -> str:
        return self.key.replace("-", " ").capitalize()


@dataclass(frozen=True, slots=True, kw_only=True)
class ClipSpec:
    """A short video drawn from a scene, with its poster and WebVTT captions."""

    key: str
    title: str
    scene: str
    palette: str
    caption: str
    credit: str
    cues: tuple[str, ...]
    """Caption lines, shown one after another across the clip's length."""
    poster_alt: str
    max_seconds: float | None = None
    """A cap on the clip's length; None takes the length asked of the loader."""

    @property
    def poster(self) -> Picture:
        return Picture(
            key=f"{self.key}-poster",
            scene=self.scene,
            palette=self.palette,
            alt=self.poster_alt,
            caption=self.caption,
            credit=self.credit,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class HouseAdSpec:
    name: str
    size: tuple[int, int]
    brand: str
    headline: str
    offer: str
    button: str
    background: Colour
    accent: Colour
    link_url: str
    alt_text: str
    section_slugs: tuple[str, ...] = ()
    """Empty: every section."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str


@dataclass(frozen=True, slots=True)
class Subheading:
    text: str


@dataclass(frozen=True, slots=True)
class BlockQuote:
    quote: str
    attribution: str = ""


@dataclass(frozen=True, slots=True)
class PullQuote:
    quote: str
    attribution: str = ""


@dataclass(frozen=True, slots=True)
class Figure:
    picture: Picture
    caption: str = ""


@dataclass(frozen=True, slots=True)
class Clip:
    key: str


BodyItem = Paragraph | Subheading | BlockQuote | PullQuote | Figure | Clip


@dataclass(frozen=True, slots=True, kw_only=True)
class Byline:
    author: str
    """The author's slug."""
    location: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleSpec:
    slug: str
    section: str
    headline: str
    standfirst: str
    bylines: tuple[Byline, ...]
    published_ago: timedelta
    body: tuple[BodyItem, ...]
    lead: Picture | None = None
    lead_clip: str | None = None
    concept: str | None = None
    """The slug of the display concept (kicker); None falls back to the section."""
    updated_ago: timedelta | None = None
    copyright_holder: str = ""
    wire_uri: str | None = None
