"""The search page over HTTP: results, filters, bad input, the topic box, escaping, query count."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from broadsheet.concepts.models import ConceptLabel, LabelKind
from broadsheet.content.tests.factories import AuthorFactory, ConceptFactory
from tests.security.dom import executable_constructs

from .factories import make_story

pytestmark = pytest.mark.django_db


def titles(html: str) -> list[str]:
    return re.findall(r'<h2 class="card__headline"><a href="[^"]+">(.*?)</a></h2>', html)


def test_the_empty_page_offers_the_form(client):
    response = client.get("/search/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<label for="search-q">Search for</label>' in html
    assert '<input id="search-q" type="search" name="q" value="" maxlength="200">' in html
    assert "Type a word or a name to search every published article." in html
    assert titles(html) == []


def test_results_are_listed_with_marked_headline_and_snippet(client, section):
    make_story(section=section, title="Pelicans return", text="Volunteers counted pelicans.")

    response = client.get("/search/", {"q": "pelicans"})

    html = response.content.decode()
    assert response.status_code == 200
    assert titles(html) == ["<mark>Pelicans</mark> return"]
    assert '<p class="search-result__snippet">A short account of what happened.</p>' not in html
    assert "Volunteers counted <mark>pelicans</mark>." in html
    assert "1 article for “pelicans”." in html
    assert '<meta name="robots" content="noindex">' in html


def test_no_match_says_so(client, section):
    response = client.get("/search/", {"q": "zeppelin"})

    assert response.status_code == 200
    assert "No published article matches “zeppelin”." in response.content.decode()


def test_filters_narrow_and_are_kept_in_the_form(client, section, other_section):
    ana = AuthorFactory(name="Ana Lima", slug="ana-lima")
    make_story(
        section=other_section,
        title="Ana's ferry",
        text="ferry",
        authors=[(ana, "")],
        published_at=datetime(2026, 5, 10, 9, tzinfo=UTC),
    )
    make_story(section=section, title="World ferry", text="ferry")

    response = client.get(
        "/search/",
        {
            "q": "ferry",
            "section": "business",
            "author": "ana-lima",
            "published_from": "2026-05-01",
            "published_to": "2026-05-31",
        },
    )

    html = response.content.decode()
    assert titles(html) == ["Ana&#x27;s <mark>ferry</mark>"]
    assert '<option value="business" selected>Business</option>' in html
    assert 'value="2026-05-01"' in html
    assert '<input type="hidden" name="author" value="ana-lima"' in html
    assert "Only by Ana Lima" in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (
            {"published_from": "2026-13-01"},
            "Published from: Give the date as year-month-day, for example 2026-03-01.",
        ),
        (
            {"published_to": "yesterday"},
            "Published to: Give the date as year-month-day, for example 2026-03-01.",
        ),
        (
            {"published_from": "2026-05-02", "published_to": "2026-05-01"},
            "The “published from” date is after the “published to” date.",
        ),
        ({"section": "nowhere"}, "Section: There is no such section."),
        ({"concept": "nothing-like-it"}, "Concept: There is no such topic."),
        ({"author": "nobody"}, "Author: There is no such author."),
        ({"page": "two"}, "Page: The page number must be a whole number."),
        ({"page": "0"}, "Page: The page number must be 1 or more."),
        ({"page": "11"}, "Page: Results stop at page 10: narrow the search instead."),
        (
            {"q": "x" * 201},
            "Search for: Ensure this value has at most 200 characters (it has 201).",
        ),
    ],
)
def test_bad_input_gets_400_with_the_reason_and_no_results(client, section, params, message):
    make_story(section=section, title="Ferry", text="ferry")

    response = client.get("/search/", {"q": "ferry", **params})

    html = response.content.decode()
    assert response.status_code == 400
    assert '<div class="form-errors" role="alert">' in html
    assert f"<li>{message}</li>" in html
    assert titles(html) == []


def test_a_query_naming_a_concept_offers_its_page_before_the_results(client, section):
    concept = ConceptFactory(pref_label="Port strike", slug="port-strike")
    ConceptLabel.objects.create(concept=concept, label="Dock walkout", kind=LabelKind.ALT)
    make_story(section=section, title="Dock walkout ends", text="The dock walkout ended.")

    html = client.get("/search/", {"q": "DOCK WALKOUT"}).content.decode()

    box = html.index('<aside class="topic-box"')
    assert box < html.index('<ol class="listing search-results">')
    assert '<a href="/topics/port-strike/">Topic: Port strike — follow the coverage</a>' in html
    assert 'href="?q=DOCK+WALKOUT&amp;concept=port-strike"' in html


def test_pages_link_to_each_other_keeping_the_filters(client, section, monkeypatch):
    from broadsheet.search import queries

    monkeypatch.setattr(queries, "RESULTS_PER_PAGE", 1)
    now = datetime.now(UTC)
    make_story(section=section, title="Newer", text="ferry", published_at=now - timedelta(1))
    make_story(section=section, title="Older", text="ferry", published_at=now - timedelta(9))

    first = client.get("/search/", {"q": "ferry", "section": "world"}).content.decode()
    second = client.get(
        "/search/", {"q": "ferry", "section": "world", "page": "2"}
    ).content.decode()

    assert titles(first) == ["Newer"]
    assert '<a rel="next" href="?q=ferry&amp;section=world&amp;page=2">More results</a>' in first
    assert titles(second) == ["Older"]
    assert (
        '<a rel="prev" href="?q=ferry&amp;section=world&amp;page=1">Previous results</a>' in second
    )
    assert 'rel="next"' not in second


def test_hostile_text_in_headline_and_body_is_escaped(client, section):
    make_story(
        section=section,
        title='Pelican <img src=x onerror="alert(1)">',
        standfirst="<script>alert('pelican')</script>",
        text="&lt;script&gt;alert('pelican')&lt;/script&gt; <a href=\"javascript:alert(1)\">pelican</a>",
    )

    response = client.get("/search/", {"q": "pelican"})

    html = response.content.decode()
    assert titles(html) == ["<mark>Pelican</mark> &lt;img src=x onerror=&quot;alert(1)&quot;&gt;"]
    assert executable_constructs(html) == []


def test_the_query_count_does_not_grow_with_the_results(client, section):
    make_story(section=section, title="Ferry one", text="ferry", authors=[(AuthorFactory(), "")])

    def queries_for_search() -> int:
        # Publishing clears Wagtail's site and settings caches: warm them first.
        client.get("/search/", {"q": "ferry", "section": "world"})
        with CaptureQueriesContext(connection) as context:
            assert client.get("/search/", {"q": "ferry", "section": "world"}).status_code == 200
        return len(context.captured_queries)

    one = queries_for_search()
    for n in range(3):
        make_story(
            section=section,
            title=f"Ferry {n}",
            text="ferry",
            authors=[(AuthorFactory(), ""), (AuthorFactory(), "")],
        )
    four = queries_for_search()

    assert one == four == 10  # the site and settings come from the chrome memo


def test_every_page_has_a_labelled_search_box_that_works_without_script(client, home):
    html = client.get("/").content.decode()

    form = re.search(r'<form class="site-search"[^>]*>(.*?)</form>', html, re.S)
    assert form is not None
    assert 'role="search"' in form.group(0)
    assert 'method="get" action="/search/"' in form.group(0)
    assert (
        '<label class="visually-hidden" for="site-search-q">Search articles</label>'
        in form.group(1)
    )
    assert 'id="site-search-q" type="search" name="q"' in form.group(1)
    assert '<button class="site-search__button" type="submit">Search</button>' in form.group(1)
