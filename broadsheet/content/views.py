"""Author and concept pages: parse the cursor, call one query, render. And the brand stylesheet."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control

from broadsheet.concepts.models import Concept, ConceptType
from broadsheet.core.http_cache import cache_publicly, key_for
from broadsheet.core.pagination import BadCursor

from .brand import ACCENT_PATTERN, DEFAULT_ACCENT
from .brand import brand_stylesheet as brand_css
from .models import Author, PublicationSettings
from .queries import articles_by_author, articles_for_concept, related_concepts


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
