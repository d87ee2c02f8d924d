"""What every reading page shows around its content, read once per process: the site, the
publication settings and the section menu.

``site_chrome(request)`` resolves the request's Wagtail site with Wagtail's own rules
(``get_site_for_hostname``) and keeps the site, its ``PublicationSettings`` and its live public
sections in a ``VersionedMemo``. The memo is invalidated (``invalidate_site_chrome``, connected
in ``signal_handlers``) when a site, the publication settings, a view restriction or any page
other than an article is saved, published, unpublished, moved or deleted. A request gets its
own copy of the site and settings, installed where Wagtail looks for them, so
``Site.find_for_request`` and ``PublicationSettings.for_request`` cost no query after that.
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
class SiteChrome:
    site: Site
    publication: PublicationSettings
    sections: tuple[SectionPage, ...]
    """Live, public sections under the site's root, in menu order."""


_memo: VersionedMemo[SiteChrome | None] = VersionedMemo("content.site_chrome")

_SECTIONS_ATTR = "_broadsheet_sections"


def _build(hostname: str, port: str) -> SiteChrome | None:
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None
    sections = tuple(SectionPage.objects.live().public().child_of(site.root_page).order_by("path"))
    return SiteChrome(site=site, publication=PublicationSettings.for_site(site), sections=sections)


def site_chrome(request: HttpRequest) -> SiteChrome | None:
    """Return the request's site chrome and install its site and settings on the request.

    Returns None when no site answers for the request's host (Wagtail then serves a 404).
    """
    # Wagtail's own reading of the host: the raw host (ALLOWED_HOSTS was checked before).
    hostname = split_domain_port(request._get_raw_host())[0]  # type: ignore[attr-defined]
    port = request.get_port()
    chrome = _memo.get((hostname, port), lambda: _build(hostname, port))
    if chrome is None:
        return None
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = copy.copy(chrome.site)  # type: ignore[attr-defined]
    settings_attr = PublicationSettings.get_cache_attr_name()
    if not hasattr(request, settings_attr):
        publication = copy.copy(chrome.publication)
        publication._request = request  # type: ignore[attr-defined]
        setattr(request, settings_attr, publication)
    if not hasattr(request, _SECTIONS_ATTR):
        setattr(request, _SECTIONS_ATTR, list(chrome.sections))
    return chrome


def site_sections(request: Any) -> list[SectionPage]:
    """Return the live sections of the request's site, in menu order (cached per request)."""
    cached: list[SectionPage] | None = getattr(request, _SECTIONS_ATTR, None)
    if cached is None:
        chrome = site_chrome(request)
        cached = list(chrome.sections) if chrome is not None else []
        setattr(request, _SECTIONS_ATTR, cached)
    return cached


def invalidate_site_chrome() -> None:
    """Make every process read the sites, publication settings and sections again."""
    _memo.invalidate()
