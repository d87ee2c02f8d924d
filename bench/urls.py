"""The site's URLs and one bare view: the least any response through Broadsheet's stack costs."""

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, path

from bench.stack import BARE_BODY, BARE_PATH
from config.urls import urlpatterns as site_urlpatterns


def bare(request: HttpRequest) -> HttpResponse:
    """Answer a few bytes without a template, a query or the session: mode (e) of `make bench`."""
    return HttpResponse(BARE_BODY, content_type="text/plain; charset=utf-8")


urlpatterns: list[URLPattern | URLResolver] = [
    path(BARE_PATH.lstrip("/"), bare, name="bench-bare"),
    *site_urlpatterns,
]
