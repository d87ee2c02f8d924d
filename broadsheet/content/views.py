"""Author and concept pages: parse the cursor, call one query, render. The lean route of article
pages, and the brand stylesheet."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from wagtail import hooks
from wagtail.url_routing import RouteResult
from wagtail.views import serve as wagtail_serve
from wagtail.wagtail_hooks import check_view_restrictions

from broadsheet.concepts.models import Concept, ConceptType
from broadsheet.core.http_cache import cache_publicly, key_for
from broadsheet.core.pagination import BadCursor

from . import chrome
from .brand import ACCENT_PATTERN, DEFAULT_ACCENT
from .brand import brand_stylesheet as brand_css
from .models import ArticlePage, Author, PublicationSettings
from .queries import (
    articles_by_author,
    articles_for_concept,
    related_concepts,
    servable_article,
)

SAFE_METHODS = ("GET", "HEAD")


def article_page(request: HttpRequest, section: str, slug: str) -> HttpResponseBase:
    """Serve ``/<section>/<slug>/`` when it is a live, unrestricted article; else ask Wagtail.

    Wagtail's ``serve`` walks the tree a level at a time and checks view restrictions with
    queries of their own; this finds the article by its URL path in one query (which also
    tells whether a restriction or an alias is in its trail) and renders it with the same
    ``ArticlePage.serve``, template and context. Anything else (another page type, a draft,
    a restricted or aliased page, another method, an unknown site) is handed to Wagtail's
    ``serve`` unchanged, so it answers exactly as before. ArticlePage reads no query
    parameter, so a query string changes nothing here either.
    """
    path = f"{section}/{slug}/"
    if request.method in SAFE_METHODS:
        site_chrome = chrome.site_chrome(request)
        page = servable_article(site_chrome.site, path) if site_chrome is not None else None
        if page is not None:
            return serve_article(page, request)
    return wagtail_serve(request, path)


def _serve(page: ArticlePage, request: HttpRequest, args: Any, kwargs: Any) -> HttpResponseBase:
    response: HttpResponseBase = page.serve(request, *args, **kwargs)
    return response


def serve_article(page: ArticlePage, request: HttpRequest) -> HttpResponseBase:
    """Serve a routed article as ``wagtail.views.serve`` does: its ``before_serve_page`` hooks,
    then ``on_serve_page`` around ``page.serve``.

    Wagtail's own ``check_view_restrictions`` is left out of the chain: ``servable_article``
    returns only pages with no restriction on them or their ancestors.
    """
    request._wagtail_route_for_request = RouteResult(page)  # type: ignore[attr-defined]
    chain = _serve
    for wrap in reversed(hooks.get_hooks("on_serve_page")):
        if wrap is not check_view_restrictions:
            chain = wrap(chain)
    for before in hooks.get_hooks("before_serve_page"):
        result = before(page, request, (), {})
        if isinstance(result, HttpResponse):
            return result
    return chain(page, request, (), {})


def author_page(request: HttpRequest, slug: str) -> HttpResponse:
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug, has_page=True)
    try:
        listing = articles_by_author(author, cursor=request.GET.get("before"))
    except BadCursor as error:
        raise Http404(str(error)) from error
    cache_publicly(request, key_for(author), key_for(author, listing=True))
    return render(
        request,
        "content/author_page.html",
        {"author": author, "listing": listing, "links": list(author.links.all())},
    )


def concept_page(request: HttpRequest, slug: str) -> HttpResponse:
    """A page for any concept: its description, latest articles and related concepts.

    Authors and sections have pages of their own, and merged concepts live on as redirects.
    """
    concept = get_object_or_404(Concept.objects.select_related("superseded_by"), slug=slug)
    if concept.superseded_by_id is not None:
        return redirect(concept.survivor().get_absolute_url(), permanent=True)
    if not concept.is_active:
        raise Http404("This concept is no longer in use.")
    if concept.type == ConceptType.AUTHOR and hasattr(concept, "author"):
        return redirect(concept.author.get_absolute_url(), permanent=True)
    if concept.type == ConceptType.SECTION and hasattr(concept, "section"):
        return redirect(concept.section.url or "/", permanent=True)
    try:
        listing = articles_for_concept(concept, cursor=request.GET.get("before"))
    except BadCursor as error:
        raise Http404(str(error)) from error
    related = related_concepts(concept)
    cache_publicly(
        request,
        key_for(concept),
        key_for(concept, listing=True),
        *(key_for(other) for other in related),
    )
    context = {"concept": concept, "listing": listing, "related": related}
    return render(request, "content/concept_page.html", context)


def brand_stylesheet(request: HttpRequest) -> HttpResponse:
    """Serve the publication's accent colour as CSS custom properties (inline styles are blocked).

    ``?v=<hex>`` matching the current colour is cached for a year: base.html links that URL, so
    changing the colour changes the address. Any other request is cached for five minutes.
    """
    accent = PublicationSettings.for_request(request).accent_colour
    if not ACCENT_PATTERN.fullmatch(accent):
        accent = DEFAULT_ACCENT
    response = HttpResponse(brand_css(accent), content_type="text/css; charset=utf-8")
    if request.GET.get("v", "").lower() == accent[1:].lower():
        patch_cache_control(response, public=True, max_age=31_536_000, immutable=True)
    else:
        patch_cache_control(response, public=True, max_age=300)
    return response
