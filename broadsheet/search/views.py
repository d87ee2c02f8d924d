"""The search page: check the form, call the search, render (400 with the reasons on bad input)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from .forms import SearchForm
from .queries import concepts_named, search_articles


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
    query, filters = form.query, form.filters()
    context.update(query=query, filters=filters)
    if query:
        context["concepts"] = concepts_named(query)
        context["results"] = search_articles(
            query, filters=filters, page=form.page_number, now=timezone.now()
        )
    return render(request, "search/search_page.html", context)
