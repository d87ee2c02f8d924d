"""The site's URLs plus one view that fails, to see what a server error shows a reader."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from config.urls import handler404, handler500
from config.urls import urlpatterns as site_urlpatterns

ERROR_DETAIL = "tide-table-exploded-7f3a"
"""Text in the exception: it must never reach the reader."""


def explode(request: HttpRequest) -> HttpResponse:
    raise RuntimeError(f"{ERROR_DETAIL}: the view failed")


urlpatterns = [path("test-only/explode/", explode), *site_urlpatterns]

__all__ = ["handler404", "handler500", "urlpatterns"]
