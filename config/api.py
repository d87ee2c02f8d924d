"""The content API: one NinjaAPI at /api/v1/, its routers from the apps."""

from django.http import HttpRequest, JsonResponse
from django.urls import URLPattern, URLResolver, re_path

from broadsheet.syndication.api import ContentApi
from broadsheet.syndication.api import router as content_router

api = ContentApi(
    title="Broadsheet content API",
    version="1",
    description="Read-only access to published articles, concepts, authors and sections. "
    "See docs/api.md.",
    urls_namespace="api",
    docs_url=None,
)
api.add_router("/", content_router)


def _not_found(request: HttpRequest, rest: str = "") -> JsonResponse:
    return JsonResponse({"detail": "no such endpoint; see /api/v1/openapi.json."}, status=404)


def api_urls() -> tuple[list[URLPattern | URLResolver], str, str]:
    """Return the API's URL patterns, ending with a JSON 404 for any other path under it."""
    patterns, app_name, namespace = api.urls
    return [*patterns, re_path(r"^(?P<rest>.*)$", _not_found)], app_name, namespace
