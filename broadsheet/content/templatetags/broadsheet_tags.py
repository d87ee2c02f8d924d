"""Template helpers for the reading pages: time, typography, site sections."""

from datetime import datetime
from typing import Any
from urllib.parse import quote

from django import template
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from broadsheet.core.timewords import absolute_date as _absolute_date
from broadsheet.core.urls import url_for

from .. import chrome, rendering
from ..typography import smart_quotes as _smart_quotes
from ..typography import smart_quotes_html

register = template.Library()


@register.filter
def isoformat(moment: datetime | None) -> str:
    return moment.isoformat(timespec="seconds") if moment else ""


@register.filter
def absolute_date(moment: datetime | None) -> str:
    return _absolute_date(timezone.localtime(moment)) if moment else ""


@register.filter
def smart_quotes(text: str | None) -> SafeString:
    """Make plain text's quotation marks typographic, then escape it."""
    return mark_safe(str(escape(_smart_quotes(text or ""))))  # noqa: S308 - escaped


@register.filter
def smart_quotes_rich(html: Any) -> SafeString:
    """Make quotation marks typographic in already-safe rich text HTML."""
    return mark_safe(smart_quotes_html(str(html)))  # noqa: S308 - input is rendered rich text


def _publication(context: Any) -> Any:
    from ..models import PublicationSettings

    request = context.get("request")
    if request is not None:
        return PublicationSettings.for_request(request)
    return context["settings"].content.PublicationSettings


@register.simple_tag(takes_context=True)
def site_header(context: Any) -> SafeString:
    """The masthead, search, sign-in and section menu (``content.rendering.site_header``)."""
    page = context.get("page")
    request = context.get("request")
    return rendering.site_header(
        name=_publication(context).name,
        search_url=url_for("search:search"),
        login_url=url_for("account_login"),
        sections=chrome.section_menu(request) if request is not None else [],
        current_pk=getattr(page, "pk", None),
    )


@register.simple_tag(takes_context=True)
def brand_stylesheet(context: Any) -> SafeString:
    """Return the ``<link>`` of the publication's brand colours (``content:brand_css``),
    versioned by the accent colour so a new colour is a new URL for every cache."""
    version = quote(str(_publication(context).accent_colour)[1:].lower(), safe="/")
    href = escape(f"{url_for('content:brand_css')}?v={version}")
    return mark_safe(f'<link rel="stylesheet" href="{href}">')  # noqa: S308 - escaped


@register.simple_tag(takes_context=True)
def site_footer(context: Any) -> SafeString:
    """The footer's links and copyright line (``content.rendering.site_footer``)."""
    publication = _publication(context)
    return rendering.site_footer(
        about_url=publication.about_url,
        terms_url=publication.terms_url,
        privacy_url=publication.privacy_url,
        copyright_holder=publication.copyright_holder,
        year=timezone.localdate().year,
    )


@register.simple_tag
def lead_figure(image: Any) -> SafeString:
    """Return the article's lead image figure (``content.rendering``)."""
    return rendering.lead_figure(image)


@register.simple_tag
def video_figure(video: Any, *, lead: bool = False) -> SafeString:
    """Return a video figure, as a body block renders it (``lead`` marks the lead media)."""
    return rendering.video(video, lead=lead)


@register.simple_tag
def rendition(image: Any, spec: str) -> Any:
    """Return the image's rendition for ``spec`` (``{% image ... as name %}`` without writing
    every rendition back to Wagtail's renditions cache)."""
    return rendering.rendition(image, spec)


@register.simple_tag
def article_body(items: list[dict[str, Any]]) -> SafeString:
    """Return the article body from the page's ``body_items`` (``content.rendering``)."""
    return rendering.article_body(items)


@register.simple_tag
def article_header(kicker: tuple[str, str] | None, title: str, standfirst: str) -> SafeString:
    """Return the article's kicker, headline and standfirst (``content.rendering``)."""
    return rendering.article_header(kicker, title, standfirst)


@register.simple_tag
def article_timestamp(page: Any) -> SafeString:
    """Return the article's published or updated time (``content.rendering``)."""
    return rendering.article_timestamp(page)


@register.simple_tag
def timestamp(
    moment: datetime | None, prefix: str = "", first_published: datetime | None = None
) -> SafeString:
    """Return a ``<time class="timestamp">`` for ``moment`` (``content.rendering``)."""
    return rendering.timestamp(moment, prefix, first_published)


@register.simple_tag
def bylines(rows: list[tuple[Any, str]]) -> SafeString:
    """Return an article's byline from ``(byline, separator)`` pairs (``content.rendering``)."""
    return rendering.bylines(rows)
