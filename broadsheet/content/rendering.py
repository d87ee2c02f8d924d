"""The article page's repeated fragments written in Python: body blocks, figures and pictures.

Each function returns exactly what its template used to (the ``content/blocks/*.html`` templates of before, the lead
figure of ``content/article_page.html``), whitespace included, at a fraction of the cost of a
template render per block. Values are escaped as Django's autoescape does; rich text arrives
sanitised (``content.sanitise``) and is only rewritten and made typographic here.

Renditions are found through one shared ``Filter`` per spec among the image's
``prefetched_renditions`` (``content.renditions``); Wagtail's ``get_rendition`` would parse the
spec again and write every rendition back to its renditions cache on each render. A rendition
not found is created by Wagtail as before.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Hashable, Iterable, Mapping, Sequence
from datetime import datetime
from html import escape as _escape_text
from typing import Any

from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from wagtail.images.models import AbstractImage, AbstractRendition, Filter, Picture

from broadsheet.core.memo import PureMemo
from broadsheet.core.timewords import absolute_date

from .typography import smart_quotes

_NEWLINES = re.compile(r"\r\n|\r|\n")

LEAD_PICTURE_SPECS = "format-{webp,jpeg}|width-{480,800,1200,1600}"
BODY_PICTURE_SPECS = "format-{webp,jpeg}|width-{480,800,1200}"


def typographic(text: str | None) -> str:
    """Return plain text with typographic quotes, escaped (the ``smart_quotes`` filter)."""
    return str(conditional_escape(smart_quotes(text or "")))


def text(value: Any) -> str:
    """Return a value as a template's ``{{ value }}`` writes it: text, escaped."""
    if type(value) is str:
        # What conditional_escape does for plain text, without its lazy-text checks.
        return _escape_text(value)
    return str(conditional_escape("" if value is None else value))


@functools.cache
def image_filter(spec: str) -> Filter:
    """Return the one ``Filter`` of this process for ``spec`` (parsing a spec is not free)."""
    return Filter(spec=spec)


@functools.cache
def expanded_specs(specs: str) -> tuple[str, ...]:
    """Return the specs a ``{% picture %}`` argument such as ``format-{webp,jpeg}`` stands for."""
    return tuple(Filter.expand_spec(specs.split("|")))


class HeldRenditions(list[AbstractRendition]):
    """An image's renditions as this process holds them (``content.renditions``), with the
    lookups already made among them: the same specs find the same renditions until the list
    changes. A rendition added (Wagtail appends one it creates) forgets the lookups; a changed
    image or rendition replaces the whole list."""

    def __init__(self, renditions: Iterable[AbstractRendition] = ()) -> None:
        super().__init__(renditions)
        self.lookups: dict[Hashable, dict[str, AbstractRendition]] = {}

    def append(self, rendition: AbstractRendition) -> None:
        super().append(rendition)
        self.lookups.clear()


def renditions(image: AbstractImage, specs: Sequence[str]) -> dict[str, AbstractRendition]:
    """Return the image's renditions for ``specs``, by spec, creating those that do not exist.

    Among renditions held per process (``HeldRenditions``) a lookup is made once per set of
    specs and focal point; a render reads the result (a copy), never a stale list.
    """
    held = getattr(image, "prefetched_renditions", None)
    if not isinstance(held, HeldRenditions):
        return _renditions(image, specs)
    key = (
        tuple(specs),
        image.focal_point_x,
        image.focal_point_y,
        image.focal_point_width,
        image.focal_point_height,
    )
    found = held.lookups.get(key)
    if found is None:
        found = _renditions(image, specs)
        held.lookups[key] = found
    return dict(found)


def _renditions(image: AbstractImage, specs: Sequence[str]) -> dict[str, AbstractRendition]:
    filters = [image_filter(spec) for spec in specs]
    if image.is_svg():
        # An SVG drops its rasterising operations, as Wagtail's own lookup does.
        filters = [image.clean_filter_for_svg(chosen) for chosen in filters]
    found = image.find_existing_renditions(*filters)
    if len(found) < len(filters):
        # Wagtail keys these by the (possibly SVG-cleaned) spec of each filter.
        by_spec = image.get_renditions(*filters)
        return {spec: by_spec[chosen.spec] for spec, chosen in zip(specs, filters, strict=True)}
    return {spec: found[chosen] for spec, chosen in zip(specs, filters, strict=True)}


def rendition(image: AbstractImage, spec: str) -> AbstractRendition:
    """Return one rendition of the image, as ``image.get_rendition(spec)`` does."""
    return renditions(image, [spec])[spec]


_pictures: PureMemo[str] = PureMemo("content.picture_html")
"""``<picture>`` elements by their renditions' files and sizes and the element's attributes."""
_urls: PureMemo[str] = PureMemo("content.rendition_url", max_entries=16384)
"""Rendition URLs by file name (the storage and MEDIA_URL are fixed for the process)."""


def _identity(found: AbstractRendition) -> tuple[str, int, int]:
    return (found.file.name or "", found.width, found.height)


def url(found: AbstractRendition) -> str:
    """Return a rendition's URL (``rendition.url``), kept per process by its file name."""
    name = found.file.name or ""
    return _urls.get(name, lambda: str(found.url))


def picture(image: AbstractImage | None, specs: str, **attrs: Any) -> str:
    """Return the ``<picture>`` of ``{% picture image <specs> <attrs> %}``; "" without an image.

    Kept per process by everything the element shows: each rendition's spec, file and size,
    and the attributes (alt text included).
    """
    if image is None:
        return ""
    found = renditions(image, expanded_specs(specs))
    key = (
        tuple((spec, _identity(rendition)) for spec, rendition in found.items()),
        tuple(attrs.items()),
    )
    return _pictures.get(key, lambda: str(Picture(found, dict(attrs)).__html__()))


def caption(caption_text: str, credit: str) -> str:
    """Return the ``<figcaption>`` of a figure: caption, then credit."""
    shown = (
        f'<span class="media-caption__text">{typographic(caption_text)}</span>'
        if caption_text
        else ""
    )
    if credit:
        shown += f' <span class="media-caption__credit">&copy;&nbsp;{text(credit)}</span>'
    return f'<figcaption class="media-caption">{shown}</figcaption>'


def lead_figure(image: AbstractImage) -> SafeString:
    """Return the article's lead image figure."""
    shown = picture(
        image,
        LEAD_PICTURE_SPECS,
        sizes="(max-width: 840px) 100vw, 840px",
        alt=image.alt_text,  # type: ignore[attr-defined]
        **{"class": "lead-media__image"},
        fetchpriority="high",
    )
    return mark_safe(  # noqa: S308 - every part is escaped above
        f'<figure class="lead-media">\n    {shown}\n    '
        f"{caption(image.caption, image.credit)}\n  </figure>"  # type: ignore[attr-defined]
    )


def article_header(kicker: tuple[str, str] | None, title: str, standfirst: str) -> SafeString:
    """Return the article's header: the kicker (label and link), headline and standfirst."""
    shown_kicker = (
        f'<p class="kicker article__kicker"><a href="{text(kicker[1])}">{text(kicker[0])}</a></p>'
        if kicker
        else ""
    )
    return mark_safe(  # noqa: S308 - every value is escaped
        f"{shown_kicker}\n"
        f'    <h1 class="article__headline" id="headline">{typographic(title)}</h1>\n'
        f'    <p class="article__standfirst">{typographic(standfirst)}</p>'
    )


def subheading(value: str) -> SafeString:
    return mark_safe(f'<h2 class="body-subheading">{typographic(value)}</h2>\n')  # noqa: S308


def blockquote(quote: str, attribution: str) -> SafeString:
    lines = _NEWLINES.sub("\n", typographic(quote)).replace("\n", "<br>")
    footer = f"<footer>{text(attribution)}</footer>" if attribution else ""
    return mark_safe(  # noqa: S308 - escaped above
        f'<blockquote class="body-blockquote"><p>{lines}</p>{footer}</blockquote>\n'
    )


def pullquote(quote: str, attribution: str) -> SafeString:
    shown = f"<figcaption>{text(attribution)}</figcaption>" if attribution else ""
    return mark_safe(  # noqa: S308 - escaped above
        f'<figure class="pullquote"><blockquote><p>{typographic(quote)}</p></blockquote>'
        f"{shown}</figure>\n"
    )


def body_figure(image: AbstractImage | None, caption_text: str) -> SafeString:
    """Return an image block: the picture, its caption (or the image's own) and credit."""
    shown = picture(
        image,
        BODY_PICTURE_SPECS,
        sizes="(max-width: 700px) 100vw, 700px",
        alt=getattr(image, "alt_text", ""),
        loading="lazy",
        **{"class": "body-figure__image"},
    )
    caption_text = caption_text or getattr(image, "caption", "")
    return mark_safe(  # noqa: S308 - escaped above
        f'\n<figure class="body-figure">\n  {shown}\n  '
        f"{caption(caption_text, getattr(image, 'credit', ''))}\n</figure>\n\n"
    )


def video(value: Any, *, lead: bool = False) -> SafeString:
    """Return a video figure (a body block, or the lead media with ``lead``); "" without one."""
    if not value:
        return mark_safe("\n")
    poster = (
        f' poster="{text(url(rendition(value.poster, "width-1200|format-jpeg")))}"'
        if value.poster
        else ""
    )
    size = f' width="{text(value.width)}" height="{text(value.height)}"' if value.width else ""
    source_url = text(value.source_url)
    track = (
        f'<track kind="captions" src="{text(value.captions.url)}" '
        f'srclang="{text(value.captions_language)}" label="Captions" default>'
        if value.captions
        else ""
    )
    title = text(value.title)
    play = ""
    if value.duration_label:
        duration = text(value.duration_label)
        play = (
            f'<button type="button" class="video__play" data-video-play disabled aria-label="Play '
            f'{duration} video: {title}"><span class="video__play-icon" aria-hidden="true"></span>'
            f'<span class="video__play-word">Play</span> <time class="video__duration" '
            f'datetime="{text(value.iso_duration)}">{duration}</time></button>'
        )
    return mark_safe(  # noqa: S308 - escaped above
        f'\n<figure class="video{" lead-media" if lead else ""}" data-video>\n'
        f'  <div class="video__frame">\n    \n'
        f'    <video class="video__player" controls preload="none" playsinline{poster}{size} '
        f'aria-label="{title}">\n'
        f'      <source src="{source_url}" type="{text(value.mime_type)}">\n'
        f"      {track}\n"
        f'      <p>Your browser cannot play this video. <a href="{source_url}">Download it</a>.</p>\n'
        f"    </video>\n    {play}\n  </div>\n  "
        f"{caption(value.caption, value.credit)}\n</figure>\n\n"
    )


def article_body(items: Sequence[Mapping[str, Any]]) -> SafeString:
    """Return the article body: each block's HTML, or an inserted item's own ``html``.

    Laid out as the template loop it replaced wrote it, so the bytes stay the same.
    """
    parts = []
    for item in items:
        html = item.get("html")
        if html is None:
            html = item["block"].render()
        parts.append(f"\n      \n        {html}\n      \n    ")
    return mark_safe("".join(parts))  # noqa: S308 - blocks escape their values; items are safe


_timestamps: PureMemo[SafeString] = PureMemo("content.timestamp")
"""``<time>`` elements by their moments, prefix and the current time zone."""


def article_timestamp(page: Any) -> SafeString:
    """Return the article's "Published"/"Updated" ``<p>`` with its ``<time>``, or nothing before
    it is published (``ArticlePage.timestamp``)."""
    stamp = page.timestamp()
    if not stamp:
        return mark_safe("")
    shown = timestamp(stamp[1], stamp[0], page.published_at)
    return mark_safe(f'<p class="article__time">{shown}</p>')  # noqa: S308 - escaped by timestamp


def timestamp(
    moment: datetime | None, prefix: str, first_published: datetime | None = None
) -> SafeString:
    """Return a ``<time>``: machine-readable, with the absolute date (script makes it relative)
    and, when it is not the first publication, that date in its title."""
    # By their text: equal moments in different zones write different datetime attributes.
    key = (
        _isoformat(moment),
        prefix,
        _isoformat(first_published),
        timezone.get_current_timezone_name(),
    )
    return _timestamps.get(key, lambda: _timestamp(moment, prefix, first_published))


def _timestamp(
    moment: datetime | None, prefix: str, first_published: datetime | None
) -> SafeString:
    title = (
        f' title="First published {text(_absolute_date(first_published))}"'
        if first_published and first_published != moment
        else ""
    )
    shown_prefix = text(prefix)
    return mark_safe(  # noqa: S308 - every value is escaped
        f'<time class="timestamp" datetime="{text(_isoformat(moment))}" data-relative '
        f'data-prefix="{shown_prefix}"{title}>{shown_prefix} {text(_absolute_date(moment))}</time>\n'
    )


def _isoformat(moment: datetime | None) -> str:
    return moment.isoformat(timespec="seconds") if moment else ""


def _absolute_date(moment: datetime | None) -> str:
    return absolute_date(timezone.localtime(moment)) if moment else ""


def bylines(rows: Sequence[tuple[Any, str]]) -> SafeString:
    """Return "By" and each author (linked when they have a page) with where they filed from."""
    parts = ["By "]
    for byline, separator in rows:
        author = byline.author
        name = text(author.name)
        shown = (
            f'<a class="byline__name" href="{text(author.get_absolute_url())}" rel="author">'
            f"{name}</a>"
            if author.has_page
            else f'<span class="byline__name">{name}</span>'
        )
        if byline.location:
            shown += f' <span class="byline__location">in {text(byline.location)}</span>'
        parts.append(f'<span class="byline__author">{shown}</span>{text(separator)}')
    return mark_safe("".join(parts))  # noqa: S308 - every value is escaped


_chrome: PureMemo[SafeString] = PureMemo("content.site_chrome_html", max_entries=1024)


def site_header(
    *,
    name: str,
    search_url: str,
    login_url: str,
    sections: Sequence[tuple[int, str, str]],
    current_pk: int | None,
) -> SafeString:
    """Return the masthead, search box, sign-in link and section menu (current section marked).

    Kept per process by every input, so a page pays for it once per publication name, menu and
    current section.
    """
    key = ("header", name, search_url, login_url, tuple(sections), current_pk)

    def build() -> SafeString:
        menu = ""
        if sections:
            items = "".join(
                f'<li><a href="{text(url)}"'
                + (' aria-current="page"' if pk == current_pk else "")
                + f">{text(title)}</a></li>"
                for pk, title, url in sections
            )
            menu = (
                '\n  <nav class="site-nav" aria-label="Sections">\n'
                f'    <ul class="site-nav__list">\n      {items}\n    </ul>\n  </nav>\n  '
            )
        return mark_safe(  # noqa: S308 - every value is escaped above
            '\n<header class="site-header">\n  <div class="site-header__bar">\n'
            f'    <a class="site-header__name" href="/">{text(name)}</a>\n'
            '    <form class="site-search" role="search" aria-label="Site" method="get" '
            f'action="{text(search_url)}">\n'
            '      <label class="visually-hidden" for="site-search-q">Search articles</label>\n'
            '      <input class="site-search__input" id="site-search-q" type="search" name="q" '
            'maxlength="200">\n'
            '      <button class="site-search__button" type="submit">Search</button>\n'
            "    </form>\n"
            '    <nav class="site-header__tools" aria-label="Reader">\n'
            f'      <a href="{text(login_url)}">Sign in</a>\n'
            "    </nav>\n  </div>\n  "
            f"{menu}\n</header>\n"
        )

    return _chrome.get(key, build)


def site_footer(
    *, about_url: str, terms_url: str, privacy_url: str, copyright_holder: str, year: int
) -> SafeString:
    """Return the footer's links and copyright line, kept per process by every input."""
    key = ("footer", about_url, terms_url, privacy_url, copyright_holder, year)

    def build() -> SafeString:
        links = [
            f'<li><a href="{text(url)}">{label}</a></li>' if url else ""
            for url, label in (
                (about_url, "About us"),
                (terms_url, "Terms of use"),
                (privacy_url, "Privacy"),
            )
        ]
        return mark_safe(  # noqa: S308 - every value is escaped above
            '\n<footer class="site-footer">\n  <nav aria-label="About this publication">\n'
            '    <ul class="site-footer__links">\n'
            + "".join(f"      {link}\n" for link in links)
            + "    </ul>\n  </nav>\n"
            '  <p class="site-footer__copyright">Copyright &copy; '
            f"{text(copyright_holder)} {year}. All rights reserved.</p>\n</footer>\n\n"
        )

    return _chrome.get(key, build)
