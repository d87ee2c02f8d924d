"""The search page: check the form, call the search, render (400 with the reasons on bad input).

A valid search is the same for every reader, so it is a public page for shared caches: its
results carry their articles' keys and the page carries ``SEARCH_KEY``, which every publish,
edit or withdrawal purges (an article may now match any query).
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from broadsheet.core.http_cache import cache_publicly

from .forms import SearchForm
from .queries import concepts_named, search_articles

SEARCH_KEY = "list-search"
"""Purged whenever any article changes: the set of pages that might match is unknowable."""


def search_page(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    context: dict[str, object] = {
        "form": form,
        "query": "",
        "filters": None,
        "results": None,
        "concepts": [],
    }
    if not form.is_valid():
        return render(request, "search/search_page.html", context, status=400)
    cache_publicly(request, SEARCH_KEY)
    query, filters = form.query, form.filters()
    context.update(query=query, filters=filters)
    if query:
        context["concepts"] = concepts_named(query)
        context["results"] = search_articles(
            query, filters=filters, page=form.page_number, now=timezone.now()
        )
    return render(request, "search/search_page.html", context)
