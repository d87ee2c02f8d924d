"""schema.org JSON-LD: NewsArticle and BreadcrumbList for articles, the publication for the front.

Builds plain dicts from rows the page has already loaded (bylines, annotations with their
concepts' exact-match links, the publication settings); the only work added is image
renditions, which Wagtail reads from its renditions cache once warm.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.templatetags.static import static

from broadsheet.concepts.models import Concept, ConceptType
from broadsheet.content import rendering
from broadsheet.content.models import (
    ArticleAnnotation,
    ArticleByline,
    ArticlePage,
    Predicate,
    PublicationSettings,
)
from broadsheet.content.page_urls import full_url

from .links import absolute, site_root_url

LOGO_STATIC_PATH = "favicon.svg"
"""The publisher logo, a static file until PublicationSettings carries an uploaded logo."""

IMAGE_RENDITIONS = {
    "16x9": "fill-1200x675|format-jpeg",
    "4x3": "fill-1200x900|format-jpeg",
    "1x1": "fill-1200x1200|format-jpeg",
}
"""The lead image in the three aspect ratios Google asks for, up to 1200 pixels wide (a smaller
original gives a smaller rendition in the same ratio)."""

SCHEMA_TYPES = {
    ConceptType.PERSON: "Person",
    ConceptType.AUTHOR: "Person",
    ConceptType.ORGANISATION: "Organization",
    ConceptType.LOCATION: "Place",
}
"""schema.org type of a concept; every other type is a Thing."""

HEADLINE_MAX_CHARS = 110


def language_tag() -> str:
    """Return the site language as a BCP 47 tag (``en-GB``)."""
    language, _, region = str(settings.LANGUAGE_CODE).partition("-")
    return f"{language}-{region.upper()}" if region else language


def is_accessible_for_free(page: ArticlePage) -> bool:
    """Return whether anyone may read the article: true unless it carries a paid access level.

    There is no paywall yet; once articles have ``access_level`` this reads it.
    """
    return getattr(page, "access_level", "free") in ("", "free")


def organisation(
    publication: PublicationSettings, *, request: HttpRequest | None
) -> dict[str, Any]:
    """Return the publication as a NewsMediaOrganization with its logo."""
    root = site_root_url(request)
    data: dict[str, Any] = {
        "@type": "NewsMediaOrganization",
        "@id": f"{root}/#organisation",
        "name": publication.name,
        "url": f"{root}/",
        "logo": {"@type": "ImageObject", "url": absolute(request, static(LOGO_STATIC_PATH))},
    }
    if publication.about_url:
        data["publishingPrinciples"] = absolute(request, publication.about_url)
    return data


def front_page_graph(
    publication: PublicationSettings, *, request: HttpRequest | None
) -> dict[str, Any]:
    """Return the front page's JSON-LD: the organisation and the WebSite it publishes."""
    root = site_root_url(request)
    return {
        "@context": "https://schema.org",
        "@graph": [
            organisation(publication, request=request),
            {
                "@type": "WebSite",
                "@id": f"{root}/#website",
                "url": f"{root}/",
                "name": publication.name,
                "description": publication.tagline or publication.name,
                "inLanguage": language_tag(),
                "publisher": {"@id": f"{root}/#organisation"},
            },
        ],
    }


def concept_thing(
    concept: Concept, *, same_as: Sequence[str], request: HttpRequest | None
) -> dict[str, Any]:
    """Return a concept as a schema.org thing with its page and its exact-match links."""
    data: dict[str, Any] = {
        "@type": SCHEMA_TYPES.get(ConceptType(concept.type), "Thing"),
        "name": concept.pref_label,
        "url": absolute(request, concept.get_absolute_url()),
    }
    if same_as:
        data["sameAs"] = list(same_as)
    return data


def about_and_mentions(
    annotations: Iterable[ArticleAnnotation],
    *,
    same_as: Mapping[int, Sequence[str]],
    request: HttpRequest | None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Split an article's annotations into ``about`` and ``mentions`` things, each concept once.

    ``same_as`` maps concept ids to their exact-match URLs.
    """
    about: dict[int, Concept] = {}
    mentions: dict[int, Concept] = {}
    rows = list(annotations)
    for row in rows:
        if row.predicate == Predicate.ABOUT:
            about.setdefault(row.concept_id, row.concept)
    for row in rows:
        if row.predicate in (Predicate.MAJOR_MENTIONS, Predicate.MENTIONS) and (
            row.concept_id not in about
        ):
            mentions.setdefault(row.concept_id, row.concept)
    return (
        [concept_thing(c, same_as=same_as.get(c.pk, ()), request=request) for c in about.values()],
        [
            concept_thing(c, same_as=same_as.get(c.pk, ()), request=request)
            for c in mentions.values()
        ],
    )


def lead_images(page: ArticlePage, *, request: HttpRequest | None) -> list[dict[str, Any]]:
    """Return the lead image in 16:9, 4:3 and 1:1, as ImageObjects with absolute URLs."""
    if page.lead_image is None:
        return []
    images = []
    found = rendering.renditions(page.lead_image, list(IMAGE_RENDITIONS.values()))
    for rendition in found.values():
        images.append(
            {
                "@type": "ImageObject",
                "url": absolute(request, rendering.url(rendition)),
                "width": rendition.width,
                "height": rendition.height,
            }
        )
    return images


def news_article(
    page: ArticlePage,
    *,
    request: HttpRequest | None,
    bylines: Iterable[ArticleByline],
    annotations: Iterable[ArticleAnnotation],
    same_as: Mapping[int, Sequence[str]],
    publication: PublicationSettings,
    canonical: str | None = None,
) -> dict[str, Any]:
    """Return the article's NewsArticle object (Google's article and news rich results).

    ``canonical`` is the page's full URL when the caller has it already.
    """
    canonical = canonical or full_url(page, request)
    published = page.published_at
    modified = (
        page.updated_at
        if page.updated_at and published and page.updated_at > published
        else published
    )
    about, mentions = about_and_mentions(annotations, same_as=same_as, request=request)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": f"{canonical}#article",
        "mainEntityOfPage": {
            "@type": "WebPage",
            "@id": canonical,
            "url": canonical,
            "breadcrumb": breadcrumbs(page, request=request, canonical=canonical),
        },
        "url": canonical,
        "headline": (page.social_headline or page.title)[:HEADLINE_MAX_CHARS],
        "description": page.meta_description or page.standfirst,
        "inLanguage": language_tag(),
        "datePublished": published.isoformat() if published else None,
        "dateModified": modified.isoformat() if modified else None,
        "author": [
            {
                "@type": "Person",
                "name": byline.author.name,
                **(
                    {"url": absolute(request, byline.author.get_absolute_url())}
                    if byline.author.has_page
                    else {}
                ),
            }
            for byline in bylines
        ],
        "publisher": organisation(publication, request=request),
        "copyrightHolder": {
            "@type": "Organization",
            "name": page.copyright_line_holder(publication),
        },
        "copyrightYear": published.year if published else None,
        "isAccessibleForFree": is_accessible_for_free(page),
        "articleSection": page.section.title if page.section is not None else None,
        "image": lead_images(page, request=request) or None,
        "about": about or None,
        "mentions": mentions or None,
    }
    video = page.lead_video
    if video is not None and video.duration_seconds:
        data["video"] = {
            "@type": "VideoObject",
            "name": video.title,
            "description": video.caption or video.title,
            "duration": video.iso_duration,
            "uploadDate": video.created_at.isoformat(),
            "contentUrl": absolute(request, video.source_url),
        }
        if video.poster is not None:
            poster = rendering.rendition(video.poster, IMAGE_RENDITIONS["16x9"])
            data["video"]["thumbnailUrl"] = absolute(request, rendering.url(poster))
    return {key: value for key, value in data.items() if value is not None}


def breadcrumbs(
    page: ArticlePage, *, request: HttpRequest | None, canonical: str | None = None
) -> dict[str, Any]:
    """Return the article's BreadcrumbList: front page, section, article.

    It hangs off the NewsArticle's ``mainEntityOfPage`` WebPage, so an article page carries one
    JSON-LD object. ``canonical`` is the article's full URL when the caller has it already.
    """
    trail: list[tuple[str, str | None]] = [("Home", f"{site_root_url(request)}/")]
    if page.section is not None:
        trail.append((page.section.title, full_url(page.section, request)))
    trail.append((page.social_headline or page.title, canonical or full_url(page, request)))
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }
