"""The URLs of pages known only by id and ``url_path``, as ``page.localized.url`` gives them,
and ``full_url``, ``page.get_full_url(request)`` with its path reversed once per process.

Wagtail builds a page's URL from the page instance: every instance costs a model
construction (all of ``Page``'s fields, modelcluster's relations) and every ``url`` reads the
site root paths from the cache again (a Redis round trip in production). The pages a body's
paragraphs link to need nothing but their ``url_path``, so ``page_urls`` reads the root paths
once and follows ``Page.get_url_parts`` and ``Page.get_url`` (no request) for each path.

This holds because no Broadsheet page type changes how its URL is built (none overrides
``get_url_parts``) and ``localized`` is the page itself while ``WAGTAIL_I18N_ENABLED`` is
off; with it on, the pages are read as instances and Wagtail answers.
``broadsheet/content/tests/test_page_urls.py`` compares both on single- and multi-site setups.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch
from wagtail.coreutils import WAGTAIL_APPEND_SLASH
from wagtail.models import Page, Site

from broadsheet.core.urls import url_for


def page_urls(rows: Iterable[tuple[int, str]]) -> dict[int, str | None]:
    """Return the URL of each ``(page id, url_path)``: relative with one site, absolute with
    several, None for a page outside every site (or one Wagtail cannot route)."""
    rows = list(rows)
    if not rows:
        return {}
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        pages = Page.objects.filter(pk__in=[page_id for page_id, _ in rows])
        return {page.pk: page.localized.url for page in pages}
    root_paths = Site.get_site_root_paths()
    one_site = len({root.site_id for root in root_paths}) == 1
    urls: dict[int, str | None] = {}
    for page_id, url_path in rows:
        urls[page_id] = None
        for _site_id, root_path, root_url, _language in root_paths:
            # The first root path the page lies under, as Wagtail picks it (most specific first).
            if url_path.startswith(root_path):
                page_path = _page_path(url_path, root_path)
                if page_path is not None:
                    urls[page_id] = page_path if one_site else root_url + page_path
                break
    return urls


def full_url(page: Page, request: HttpRequest | None) -> str | None:
    """Return ``page.get_full_url(request)``, its path reversed once per process (``url_for``).

    A page type with its own ``get_url_parts``, or Wagtail's i18n, is left to Wagtail.
    """
    if (
        getattr(settings, "WAGTAIL_I18N_ENABLED", False)
        or type(page).get_url_parts is not Page.get_url_parts
    ):
        return page.get_full_url(request)
    url_path = page.url_path
    # The root paths as Wagtail keeps them on the request, read once per request.
    possible = [
        root for root in page._get_site_root_paths(request) if url_path.startswith(root.root_path)
    ]
    if not possible:
        return None
    chosen = possible[0]
    if len({root.site_id for root in possible}) > 1 and isinstance(request, HttpRequest):
        # In more than one site: prefer the request's, as Wagtail does.
        site = Site.find_for_request(request)
        if site is not None:
            chosen = next((root for root in possible if root.site_id == site.pk), chosen)
    page_path = _page_path(url_path, chosen.root_path)
    return None if page_path is None else chosen.root_url + page_path


def _page_path(url_path: str, root_path: str) -> str | None:
    try:
        page_path = url_for("wagtail_serve", url_path[len(root_path) :])
    except NoReverseMatch:
        return None
    if not WAGTAIL_APPEND_SLASH and page_path != "/":
        page_path = page_path.rstrip("/")
    return page_path
