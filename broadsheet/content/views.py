"""Author and concept pages: parse the cursor, call one query, render."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from broadsheet.concepts.models import Concept
from broadsheet.core.pagination import BadCursor, keyset_page

from .models import Author
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
