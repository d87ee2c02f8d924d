"""Install the request's site and publication settings from the chrome memo before a view runs.

Wagtail's ``serve`` (front and section pages), the concept and author views and the settings
context processor each ask ``Site.find_for_request``, which reads the ``Site`` table on every
request, and ``PublicationSettings.for_request``, which reads the settings row. ``content.chrome``
keeps both per process under a version in the cache (``core.memo``); installing them on the
request first answers those questions from memory. Only reads of the reader's pages
(``NOT_UNDER`` lists what is left alone).
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest
from django.http.response import HttpResponseBase

from .chrome import site_chrome

READS = ("GET", "HEAD")
NOT_UNDER = ("/admin/", "/api/", "/documents/", "/media/", "/healthz")
"""The admin (a request that changes the settings reads them as Wagtail does), the content API
(its schema needs no database), files and the health probe: none shows the site's pages."""


class SiteChromeMiddleware:
    """Call ``content.chrome.site_chrome`` for every read of a reader's page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method in READS and not request.path_info.startswith(NOT_UNDER):
            site_chrome(request)
        return self.get_response(request)
