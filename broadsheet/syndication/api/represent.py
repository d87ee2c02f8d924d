"""Turn articles, concepts, authors and sections into the content API's JSON shapes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import prefetch_related_objects
from django.http import HttpRequest
from django.urls import reverse
from wagtail.rich_text import expand_db_html

from broadsheet.concepts.models import Concept
from broadsheet.content.models import (
    ArticlePage,
    Author,
    BroadsheetImage,
    PublicationSettings,
    SectionPage,
    Video,
)

RENDITION_SPECS = {
    "small": "width-640|format-jpeg",
    "medium": "width-1024|format-jpeg",
    "large": "width-1600|format-jpeg",
}
"""The renditions listed for every image (never wider than the original)."""


def absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path) if path.startswith("/") else path


def image_data(request: HttpRequest, image: BroadsheetImage) -> dict[str, Any]:
    renditions = image.get_renditions(*RENDITION_SPECS.values())
    return {
        "id": image.pk,
        "title": image.title,
        "alt_text": image.alt_text,
        "caption": image.caption,
        "credit": image.credit,
        "licence": image.licence,
        "width": image.width,
        "height": image.height,
        "renditions": [
            {
                "name": name,
                "url": absolute(request, renditions[spec].url),
                "width": renditions[spec].width,
                "height": renditions[spec].height,
                "content_type": "image/jpeg",
            }
            for name, spec in RENDITION_SPECS.items()
        ],
    }


def video_data(request: HttpRequest, video: Video) -> dict[str, Any]:
    return {
        "id": video.pk,
        "title": video.title,
        "caption": video.caption,
        "credit": video.credit,
        "url": absolute(request, video.source_url),
        "content_type": video.mime_type,
        "duration_seconds": video.duration_seconds,
        "width": video.width,
        "height": video.height,
        "poster": image_data(request, video.poster) if video.poster else None,
    }


def section_summary(request: HttpRequest, section: SectionPage) -> dict[str, Any]:
    return {
        "id": section.pk,
        "slug": section.slug,
        "title": section.title,
        "url": section.get_full_url(request) or "",
    }


def section_data(request: HttpRequest, section: SectionPage) -> dict[str, Any]:
    return {
        **section_summary(request, section),
        "description": section.description,
        "concept": section.concept.slug if section.concept else None,
    }


def author_summary(request: HttpRequest, author: Author) -> dict[str, Any]:
    return {
        "id": author.pk,
        "slug": author.slug,
        "name": author.name,
        "url": absolute(request, author.get_absolute_url()) if author.has_page else None,
    }


def author_data(request: HttpRequest, author: Author) -> dict[str, Any]:
    return {
        **author_summary(request, author),
        "job_title": author.job_title,
        "bio": author.bio,
        "concept": author.concept.slug if author.concept else None,
        "links": [{"label": link.label, "url": link.url} for link in author.links.all()],
    }


def concept_summary(request: HttpRequest, concept: Concept) -> dict[str, Any]:
    return {
        "id": concept.pk,
        "slug": concept.slug,
        "uri": concept.uri,
        "type": concept.type,
        "label": concept.pref_label,
        "url": absolute(request, concept.get_absolute_url()),
    }


def concept_data(request: HttpRequest, concept: Concept) -> dict[str, Any]:
    def shown(group: Iterable[Concept]) -> list[dict[str, Any]]:
        return [
            concept_summary(request, c)
            for c in sorted(group, key=lambda c: c.pk)
            if c.is_active and c.superseded_by_id is None
        ]

    return {
        **concept_summary(request, concept),
        "description": concept.description,
        "aliases": [label.label for label in concept.labels.all() if label.kind == "alt"],
        "same_as": [link.url for link in concept.links.all()],
        "broader": shown(concept.broader.all()),
        "related": shown(concept.related.all()),
    }


def article_summary(request: HttpRequest, page: ArticlePage) -> dict[str, Any]:
    return {
        "id": page.pk,
        "url": page.get_full_url(request) or "",
        "headline": page.title,
        "standfirst": page.standfirst,
        "section": section_summary(request, page.section) if page.section else None,
        "published_at": page.published_at,
        "updated_at": page.updated_at,
        "last_published_at": page.last_published_at,
        "bylines": [
            {"author": author_summary(request, b.author), "location": b.location}
            for b in page.bylines.all()
        ],
        "lead_image": image_data(request, page.lead_image) if page.lead_image else None,
    }


def prefetch_body_media(page: ArticlePage) -> None:
    """Load every body image's renditions and every video's poster in a fixed number of queries."""
    images: list[BroadsheetImage] = []
    videos: list[Video] = []
    for block in page.body:
        if block.block_type == "image" and block.value["image"] is not None:
            images.append(block.value["image"])
        elif block.block_type == "video" and block.value is not None:
            videos.append(block.value)
    if videos:
        prefetch_related_objects(videos, "poster__renditions")
    if images:
        prefetch_related_objects(images, "renditions")


def body_data(request: HttpRequest, page: ArticlePage) -> list[dict[str, Any]]:
    prefetch_body_media(page)
    blocks: list[dict[str, Any]] = []
    for block in page.body:
        kind, value = block.block_type, block.value
        if kind == "paragraph":
            blocks.append({"type": kind, "html": expand_db_html(value.source)})
        elif kind == "subheading":
            blocks.append({"type": kind, "text": str(value)})
        elif kind in ("blockquote", "pullquote"):
            blocks.append(
                {"type": kind, "quote": value["quote"], "attribution": value["attribution"]}
            )
        elif kind == "image" and value["image"] is not None:
            image = value["image"]
            blocks.append(
                {
                    "type": kind,
                    "caption": value["caption"] or image.caption,
                    "image": image_data(request, image),
                }
            )
        elif kind == "video" and value is not None:
            blocks.append(
                {"type": kind, "caption": value.caption, "video": video_data(request, value)}
            )
        elif kind == "embed" and value is not None:
            blocks.append({"type": kind, "url": value.url})
    return blocks


def lead_media_data(request: HttpRequest, page: ArticlePage) -> dict[str, Any] | None:
    if page.lead_video is not None:
        return {"kind": "video", "image": None, "video": video_data(request, page.lead_video)}
    if page.lead_image is not None:
        return {"kind": "image", "image": image_data(request, page.lead_image), "video": None}
    return None


def article_data(request: HttpRequest, page: ArticlePage) -> dict[str, Any]:
    return {
        **article_summary(request, page),
        "social_headline": page.social_headline,
        "copyright_holder": page.copyright_line_holder(PublicationSettings.for_request(request)),
        "lead_media": lead_media_data(request, page),
        "body": body_data(request, page),
        "annotations": [
            {
                "concept": concept_summary(request, row.concept),
                "predicate": row.predicate,
                "source": row.source,
                "score": row.score,
                "evidence": row.evidence if isinstance(row.evidence, list) else [row.evidence],
            }
            for row in getattr(page, "public_annotations", [])
        ],
        "ninjs_url": absolute(request, reverse("api:article_ninjs", args=[page.pk])),
    }
