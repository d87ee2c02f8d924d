"""Template tags for the reading pages: feed links, JSON-LD, absolute URLs.

Content templates load these by name; content code never imports syndication.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import escape, format_html_join
from django.utils.safestring import SafeString, mark_safe

from broadsheet.content import rendering
from broadsheet.content.models import PublicationSettings
from broadsheet.content.page_urls import full_url

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

OG_IMAGE_RENDITION = "fill-1200x630|format-jpeg"

FEED_ROUTES = {
    "front": "syndication:front_feed",
    "section": "syndication:section_feed",
    "topic": "syndication:concept_feed",
    "author": "syndication:author_feed",
}


def json_ld_script(data: Any) -> SafeString:
    """Return ``data`` inside ``<script type="application/ld+json">``, safe to put in HTML."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    # str.replace per character: str.translate looks every character of the text up in a dict.
    for char, escaped in JSON_LD_ESCAPES.items():
        text = text.replace(chr(char), escaped)
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
def article_head(context: dict[str, Any]) -> SafeString:
    """Return the article page's description, canonical link, Open Graph, Twitter and article
    meta tags, then its NewsArticle JSON-LD script, with the canonical URL worked out once.

    Reads what the article page context already loaded: ``page``, ``publication``,
    ``bylines``, ``annotations`` and ``same_as``.
    """
    request = context.get("request")
    page = context["page"]
    publication = context["publication"]
    canonical = full_url(page, request)
    description = escape(page.meta_description or page.standfirst)
    social = escape(page.social_headline or page.title)
    url = escape(canonical)
    lines = [
        "",
        f'<meta name="description" content="{description}">',
        f'<link rel="canonical" href="{url}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:site_name" content="{escape(publication.name)}">',
        f'<meta property="og:title" content="{social}">',
        f'<meta property="og:description" content="{description}">',
        f'<meta property="og:url" content="{url}">',
    ]
    image = page.lead_image
    if image is not None:
        og_image = rendering.rendition(image, OG_IMAGE_RENDITION)
        lines.append(
            f'<meta property="og:image" content="{escape(absolute(request, rendering.url(og_image)))}">'
            f'<meta property="og:image:width" content="{og_image.width}">'
            f'<meta property="og:image:height" content="{og_image.height}">'
            f'<meta property="og:image:alt" content="{escape(image.alt_text)}">'
        )
    else:
        lines.append("")
    lines += [
        '<meta name="twitter:card" content="summary_large_image">',
        f'<meta name="twitter:title" content="{social}">',
        f'<meta name="twitter:description" content="{description}">',
        f'<meta property="article:section" content="{escape(page.section.title)}">'
        if page.section is not None
        else "",
        f'<meta property="article:published_time" content="{_isoformat(page.published_at)}">',
        f'<meta property="article:modified_time" content="{_isoformat(page.updated_at)}">'
        if page.updated_at
        else "",
        _article_json_ld(context, canonical=canonical),
        "",
        "",
    ]
    return mark_safe("\n".join(lines))  # noqa: S308 - every value is escaped


def _isoformat(moment: datetime | None) -> str:
    return moment.isoformat(timespec="seconds") if moment else ""


def _article_json_ld(context: dict[str, Any], *, canonical: str | None = None) -> SafeString:
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
        canonical=canonical,
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
