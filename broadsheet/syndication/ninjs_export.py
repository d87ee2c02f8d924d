"""Export a published article as one IPTC ninjs 2.1 item, the shape ``import_ninjs`` reads back.

The mapping mirrors docs/ninjs.md, so exporting and importing into an empty site gives back
the same headline, standfirst, body, bylines with locations, times, copyright holder, images
and the article's concepts as the sender's tags (``subjects``, ``people``, ``organisations``,
``places``; ``rel`` is the predicate). docs/api.md lists what does not survive the trip.
"""

from __future__ import annotations

import html
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from wagtail.rich_text import expand_db_html

from broadsheet.content.bylines import BylinePart, byline_text
from broadsheet.content.models import ArticlePage, BroadsheetImage, PublicationSettings, Video

NINJS_RENDITIONS = {
    "baseImage": "width-1600|format-jpeg",
    "thumbnail": "width-640|format-jpeg",
}
"""Picture renditions in an export: the importer takes "baseImage" (ninjs' name for the main one)."""

TAG_FIELDS = {
    "topic": "subjects",
    "story": "subjects",
    "person": "people",
    "organisation": "organisations",
    "location": "places",
}
"""The ninjs field each concept type is exported in; other types (authors, sections) are not."""

PREDICATE_STRENGTH = {"about": 0, "majorMentions": 1, "mentions": 2}


def _absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path) if path.startswith("/") else path


def _picture(
    request: HttpRequest, key: str, image: BroadsheetImage, caption: str
) -> dict[str, Any]:
    renditions = image.get_renditions(*NINJS_RENDITIONS.values())
    descriptions = [{"role": "caption", "contenttype": "text/plain", "value": caption}]
    if image.alt_text:
        descriptions.append({"role": "alt", "contenttype": "text/plain", "value": image.alt_text})
    association: dict[str, Any] = {
        "name": key,
        "type": "picture",
        "uri": _absolute(request, image.file.url),
        "headlines": [{"role": "main", "value": image.title}],
        "descriptions": descriptions,
        "renditions": [
            {
                "name": name,
                "href": _absolute(request, renditions[spec].url),
                "contenttype": "image/jpeg",
                "width": renditions[spec].width,
                "height": renditions[spec].height,
            }
            for name, spec in NINJS_RENDITIONS.items()
        ],
    }
    if image.credit:
        association["by"] = image.credit
    return association


def _video(request: HttpRequest, key: str, video: Video) -> dict[str, Any]:
    rendition: dict[str, Any] = {
        "name": "original",
        "href": _absolute(request, video.source_url),
        "contenttype": video.mime_type,
    }
    if video.width and video.height:
        rendition.update(width=video.width, height=video.height)
    renditions = [rendition]
    if video.poster is not None:
        poster = _picture(request, key, video.poster, video.poster.caption)["renditions"][0]
        renditions.append({**poster, "name": "poster"})
    association: dict[str, Any] = {
        "name": key,
        "type": "video",
        "uri": _absolute(request, video.source_url),
        "headlines": [{"role": "main", "value": video.title}],
        "descriptions": [{"role": "caption", "contenttype": "text/plain", "value": video.caption}],
        "renditions": renditions,
    }
    if video.poster is not None and video.poster.alt_text:
        association["descriptions"].append(
            {"role": "alt", "contenttype": "text/plain", "value": video.poster.alt_text}
        )
    if video.credit:
        association["by"] = video.credit
    return association


def _quote(value: Any) -> str:
    lines = "".join(
        f"<p>{html.escape(line, quote=False)}</p>"
        for line in str(value["quote"]).splitlines()
        if line.strip()
    )
    attribution = value["attribution"]
    footer = f"<footer>{html.escape(attribution, quote=False)}</footer>" if attribution else ""
    return f"<blockquote>{lines}{footer}</blockquote>"


def _body(request: HttpRequest, page: ArticlePage) -> tuple[str, list[dict[str, Any]]]:
    """Return the body as HTML and the associations its figures place."""
    parts: list[str] = []
    associations: list[dict[str, Any]] = []
    for block in page.body:
        kind, value = block.block_type, block.value
        if kind == "paragraph":
            parts.append(expand_db_html(value.source))
        elif kind == "subheading":
            parts.append(f"<h2>{html.escape(str(value), quote=False)}</h2>")
        elif kind in ("blockquote", "pullquote"):
            parts.append(_quote(value))
        elif kind == "image" and value["image"] is not None:
            key = f"image-{len(associations) + 1}"
            image = value["image"]
            associations.append(_picture(request, key, image, value["caption"] or image.caption))
            parts.append(f'<figure data-association="{key}"></figure>')
        elif kind == "video" and value is not None:
            key = f"video-{len(associations) + 1}"
            associations.append(_video(request, key, value))
            parts.append(f'<figure data-association="{key}"></figure>')
        elif kind == "embed" and value is not None:
            url = html.escape(value.url, quote=True)
            parts.append(f'<p><a href="{url}">{url}</a></p>')
    return "".join(parts), associations


def _tags(request: HttpRequest, page: ArticlePage) -> dict[str, list[dict[str, Any]]]:
    """Return the article's concepts as ninjs tags, each concept once with its strongest predicate."""
    strongest: dict[int, Any] = {}
    for row in getattr(page, "public_annotations", []):
        if row.concept.type not in TAG_FIELDS or row.predicate not in PREDICATE_STRENGTH:
            continue
        known = strongest.get(row.concept_id)
        if known is None or PREDICATE_STRENGTH[row.predicate] < PREDICATE_STRENGTH[known.predicate]:
            strongest[row.concept_id] = row
    tags: dict[str, list[dict[str, Any]]] = {}
    for row in sorted(strongest.values(), key=lambda r: r.concept_id):
        concept = row.concept
        tag: dict[str, Any] = {"name": concept.pref_label, "rel": row.predicate}
        tag["uri"] = concept.uri or _absolute(request, concept.get_absolute_url())
        tags.setdefault(TAG_FIELDS[concept.type], []).append(tag)
    return tags


def article_ninjs(request: HttpRequest, page: ArticlePage) -> dict[str, Any]:
    """Return the published article ``page`` as a ninjs 2.1 item.

    ``page`` comes from ``api.queries.article_detail`` (bylines and annotations prefetched).
    """
    publication = PublicationSettings.for_request(request)
    holder = page.copyright_line_holder(publication)
    body, associations = _body(request, page)
    if page.lead_video is not None:
        associations.insert(0, _video(request, "featuremedia", page.lead_video))
    elif page.lead_image is not None:
        associations.insert(
            0, _picture(request, "featuremedia", page.lead_image, page.lead_image.caption)
        )
    headlines = [{"role": "main", "contenttype": "text/plain", "value": page.title}]
    if page.social_headline:
        headlines.append(
            {"role": "social", "contenttype": "text/plain", "value": page.social_headline}
        )
    published_at = page.published_at or page.first_published_at or page.latest_revision_created_at
    if published_at is None:
        raise ValueError("only a published article can be exported")
    item: dict[str, Any] = {
        "uri": page.wire_uri or _absolute(request, reverse("api:article", args=[page.pk])),
        "type": "text",
        "profile": "broadsheet-article",
        "version": str(page.latest_revision_id or 1),
        "firstcreated": published_at.isoformat(),
        "versioncreated": (page.updated_at or published_at).isoformat(),
        "pubstatus": "usable",
        "language": page.locale.language_code if page.locale_id else "en",
        "headlines": headlines,
        "descriptions": [
            {"role": "summary", "contenttype": "text/plain", "value": page.standfirst}
        ],
        "bodies": [{"role": "main", "contenttype": "text/html", "value": body}],
        "by": byline_text(
            [BylinePart(name=b.author.name, location=b.location) for b in page.bylines.all()]
        ),
        "copyrightholder": holder,
        "copyrightnotice": f"© {published_at.year} {holder}. All rights reserved.",
        "altids": [{"role": "url", "value": page.get_full_url(request) or ""}],
        **_tags(request, page),
    }
    if associations:
        item["associations"] = associations
    return item
