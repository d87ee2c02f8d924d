"""What every reading page shows around its content, read once per process: the site, the
publication settings and the section menu.

``site_chrome(request)`` resolves the request's Wagtail site with Wagtail's own rules
(``get_site_for_hostname``) and keeps the site, its ``PublicationSettings`` and its live public
sections in a ``VersionedMemo``. The memo is invalidated (``invalidate_site_chrome``, connected
in ``signal_handlers``) when a site, the publication settings, a view restriction or any page
other than an article is saved, published, unpublished, moved or deleted. A request gets its
own copy of the site and settings, installed where Wagtail looks for them, so
``Site.find_for_request`` and ``PublicationSettings.for_request`` cost no query after that.
The menu's section URLs are worked out when the memo is built (``section_menu``), not by a
``{% pageurl %}`` per section per page.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from broadsheet.core.memo import VersionedMemo

from .models import PublicationSettings, SectionPage


@dataclass(frozen=True, slots=True)
class SectionLink:
    """A section in the menu: its page id, title and where it lives."""

    pk: int
    title: str
    site_id: int | None
    """The site whose root the URL is under (None: the section is not routable)."""
    root_url: str
    path: str


@dataclass(frozen=True, slots=True)
class SiteChrome:
    site: Site
    publication: PublicationSettings
    sections: tuple[SectionPage, ...]
    """Live, public sections under the site's root, in menu order."""
    section_links: tuple[SectionLink, ...] = ()
    """The same sections with their URL parts, worked out once (``{% pageurl %}`` each time)."""


_memo: VersionedMemo[SiteChrome | None] = VersionedMemo("content.site_chrome")
_REQUEST_ATTR = "_broadsheet_site_chrome"


def _build(hostname: str, port: str) -> SiteChrome | None:
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None
    sections = tuple(SectionPage.objects.live().public().child_of(site.root_page).order_by("path"))
    return SiteChrome(
        site=site,
        publication=PublicationSettings.for_site(site),
        sections=sections,
        section_links=tuple(_link(section) for section in sections),
    )


def _link(section: SectionPage) -> SectionLink:
    site_id, root_url, path = section.get_url_parts() or (None, "", "")
    return SectionLink(
        pk=section.pk,
        title=section.title,
        site_id=site_id,
        root_url=root_url or "",
        path=path or "",
    )


def site_chrome(request: HttpRequest) -> SiteChrome | None:
    """Return the request's site chrome and install its site and settings on the request.

    Returns None when no site answers for the request's host (Wagtail then serves a 404). Read
    once per request: the memo's version is a cache round trip (Redis in production).
    """
    held: tuple[SiteChrome | None] | None = getattr(request, _REQUEST_ATTR, None)
    if held is not None:
        return held[0]
    # Wagtail's own reading of the host: the raw host (ALLOWED_HOSTS was checked before).
    hostname = split_domain_port(request._get_raw_host())[0]  # type: ignore[attr-defined]
    port = request.get_port()
    chrome = _memo.get((hostname, port), lambda: _build(hostname, port))
    setattr(request, _REQUEST_ATTR, (chrome,))
    if chrome is None:
        return None
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = copy.copy(chrome.site)  # type: ignore[attr-defined]
    settings_attr = PublicationSettings.get_cache_attr_name()
    if not hasattr(request, settings_attr):
        publication = copy.copy(chrome.publication)
        publication._request = request  # type: ignore[attr-defined]
        setattr(request, settings_attr, publication)
    return chrome


def section_menu(request: Any) -> list[tuple[int, str, str]]:
    """Return the menu's sections as (page id, title, URL), the URL as ``{% pageurl %}`` writes
    it: relative on the request's own site, absolute on another."""
    chrome = site_chrome(request)
    if chrome is None:
        return []
    return [
        (
            link.pk,
            link.title,
            link.path if link.site_id == chrome.site.pk else f"{link.root_url}{link.path}",
        )
        for link in chrome.section_links
        if link.site_id is not None
    ]


def invalidate_site_chrome() -> None:
    """Make every process read the sites, publication settings and sections again."""
    _memo.invalidate()
