"""Absolute addresses: the request's Wagtail site, else ``settings.BASE_URL``."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Site


def site_root_url(request: HttpRequest | None) -> str:
    """Return the scheme and host pages are published under, without a trailing slash.

    The same root Wagtail uses for ``page.full_url`` (canonical links), so feeds, sitemaps and
    JSON-LD name one address per page. Never the request's Host header.
    """
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return str(settings.BASE_URL).rstrip("/")
    return str(site.root_url).rstrip("/")


def absolute(request: HttpRequest | None, path: str) -> str:
    """Return ``path`` on this site as an absolute URL (absolute URLs are returned unchanged)."""
    if path.startswith(("http://", "https://")):
        return path
    return site_root_url(request) + path
