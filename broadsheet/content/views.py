"""Author and concept pages: parse the cursor, call one query, render. And the brand stylesheet."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control

from broadsheet.concepts.models import Concept
from broadsheet.core.pagination import BadCursor, keyset_page

from .brand import ACCENT_PATTERN, DEFAULT_ACCENT
from .brand import brand_stylesheet as brand_css
from .models import Author, PublicationSettings
from .queries import ARTICLES_PER_PAGE, article_cards, articles_by_author


def author_page(request: HttpRequest, slug: str) -> HttpResponse:
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug, has_page=True)
    try:
        listing = articles_by_author(author, cursor=request.GET.get("before"))
    except BadCursor as error:
        raise Http404(str(error)) from error
    return render(
        request,
        "content/author_page.html",
        {"author": author, "listing": listing, "links": list(author.links.all())},
    )


def concept_page(request: HttpRequest, slug: str) -> HttpResponse:
    concept = get_object_or_404(Concept.objects.active(), slug=slug)
    try:
        listing = keyset_page(
            article_cards().filter(display_concept=concept),
            cursor=request.GET.get("before"),
            per_page=ARTICLES_PER_PAGE,
            time_field="published_at",
        )
    except BadCursor as error:
        raise Http404(str(error)) from error
    return render(request, "content/concept_page.html", {"concept": concept, "listing": listing})


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
