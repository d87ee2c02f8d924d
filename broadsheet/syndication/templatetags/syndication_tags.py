"""Template tags for the reading pages: feed links, JSON-LD, absolute URLs.

Content templates load these by name; content code never imports syndication.
"""

from __future__ import annotations

import json
from typing import Any

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe

from broadsheet.content.models import PublicationSettings

from .. import structured_data
from ..feeds import FEED_FILES
from ..links import absolute

register = template.Library()

JSON_LD_ESCAPES = {
    ord("<"): "\\u003C",
    ord(">"): "\\u003E",
    ord("&"): "\\u0026",
    ord("\u2028"): "\\u2028",
    ord("\u2029"): "\\u2029",
}
"""Characters written as JSON escapes so no string can close the script element or open a
comment; the JSON still parses to the same text."""

FEED_ROUTES = {
    "front": "syndication:front_feed",
    "section": "syndication:section_feed",
    "topic": "syndication:concept_feed",
    "author": "syndication:author_feed",
}


def json_ld_script(data: Any) -> SafeString:
    """Return ``data`` inside ``<script type="application/ld+json">``, safe to put in HTML."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_LD_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped


@register.simple_tag(takes_context=True)
def absolute_url(context: dict[str, Any], path: str) -> str:
    """Return a path on this site as an absolute URL (on the site's root, never the Host header)."""
    return absolute(context.get("request"), path)


@register.simple_tag(takes_context=True)
def feed_links(context: dict[str, Any], kind: str, slug: str = "", title: str = "") -> SafeString:
    """Return ``<link rel="alternate">`` elements for the RSS, Atom and JSON feeds of a page.

    ``kind`` is front, section, topic or author; ``slug`` names the section, concept or author.
    """
    request = context.get("request")
    publication = PublicationSettings.for_request(request) if request is not None else None
    name = publication.name if publication is not None else ""
    label = f"{title} | {name}" if title else name
    rows = []
    for filename, feed_format in FEED_FILES.items():
        kwargs = {"filename": filename, **({"slug": slug} if kind != "front" else {})}
        href = absolute(request, reverse(FEED_ROUTES[kind], kwargs=kwargs))
        rows.append((feed_format.media_type, f"{label} ({feed_format.label})", href))
    return format_html_join("", '<link rel="alternate" type="{}" title="{}" href="{}">', rows)


@register.simple_tag(takes_context=True)
def article_structured_data(context: dict[str, Any]) -> SafeString:
    """Return the article page's NewsArticle JSON-LD script (its page carries the breadcrumbs).

    Reads what the article page context already loaded: ``bylines``, ``annotations``,
    ``same_as`` (concept id to exact-match URLs) and ``publication``.
    """
    request = context.get("request")
    page = context["page"]
    bylines = [row[0] if isinstance(row, tuple) else row for row in context.get("bylines", [])]
    article = structured_data.news_article(
        page,
        request=request,
        bylines=bylines,
        annotations=context.get("annotations", []),
        same_as=context.get("same_as", {}),
        publication=context["publication"],
    )
    return json_ld_script(article)


@register.simple_tag(takes_context=True)
def front_page_structured_data(context: dict[str, Any]) -> SafeString:
    """Return the front page's organisation and website JSON-LD script."""
    request = context.get("request")
    publication = PublicationSettings.for_request(request)
    return json_ld_script(structured_data.front_page_graph(publication, request=request))


@register.simple_tag(takes_context=True)
def social_meta(
    context: dict[str, Any], *, title: str, description: str, url: str, image: Any = None
) -> SafeString:
    """Return Open Graph and Twitter card tags for a listing page (front, section, topic, author).

    ``url`` is a path or an absolute URL; ``image`` an optional Wagtail image.
    """
    request = context.get("request")
    publication = PublicationSettings.for_request(request)
    tags = [
        ("property", "og:type", "website"),
        ("property", "og:site_name", publication.name),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", absolute(request, url)),
        ("name", "twitter:card", "summary"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
    ]
    if image is not None:
        rendition = image.get_rendition("fill-600x600|format-jpeg")
        tags.append(("property", "og:image", absolute(request, rendition.url)))
        tags.append(("property", "og:image:alt", image.alt_text))
    return format_html_join("", '<meta {}="{}" content="{}">', tags)
