"""Front, section, author and concept pages: what they list, in which order, a page at a time."""

from datetime import UTC, datetime, timedelta

import html5lib
import pytest
import time_machine

from broadsheet.content.models import TopStory
from broadsheet.content.queries import ARTICLES_PER_PAGE
from broadsheet.content.tests.factories import AuthorFactory, ConceptFactory, make_article

START = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


def headlines(response, cls="card__headline"):
    tree = html5lib.parse(response.content, treebuilder="etree", namespaceHTMLElements=False)
    return [
        "".join(e.itertext()).strip() for e in tree.iter() if cls in (e.get("class") or "").split()
    ]


def publish_series(section, count, **kwargs):
    articles = []
    for n in range(count):
        with time_machine.travel(START + timedelta(hours=n), tick=False):
            articles.append(make_article(section=section, title=f"Story {n:03d}", **kwargs))
    return articles


def test_section_page_lists_newest_first_with_keyset_pages(section, client):
    publish_series(section, ARTICLES_PER_PAGE + 5)
    first = client.get(section.url)
    assert first.status_code == 200
    expected = [f"Story {n:03d}" for n in range(ARTICLES_PER_PAGE + 4, -1, -1)]
    assert headlines(first) == expected[:ARTICLES_PER_PAGE]
    cursor = first.context["listing"].next_cursor
    second = client.get(section.url, {"before": cursor})
    assert headlines(second) == expected[ARTICLES_PER_PAGE:]
    assert second.context["listing"].next_cursor is None


def test_a_page_published_during_browsing_does_not_shift_the_next_page(section, client):
    publish_series(section, ARTICLES_PER_PAGE + 2)
    cursor = client.get(section.url).context["listing"].next_cursor
    with time_machine.travel(START + timedelta(days=3), tick=False):
        make_article(section=section, title="Breaking")
    second = client.get(section.url, {"before": cursor})
    assert headlines(second) == ["Story 001", "Story 000"]


def test_a_forged_cursor_is_a_404_not_a_500(section, client):
    assert client.get(section.url, {"before": "not-a-cursor"}).status_code == 404


def test_section_listing_query_count_is_constant(section, client, django_assert_num_queries):
    publish_series(section, 3, authors=[(AuthorFactory(), "Rome"), (AuthorFactory(), "Oslo")])
    client.get(section.url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(section.url)
    publish_series(section, 12)
    with CaptureQueriesContext(connection) as many:
        client.get(section.url)
    assert len(few) == len(many)


def test_drafts_are_not_listed(section, client):
    make_article(section=section, title="Published one")
    make_article(section=section, title="Draft one", publish=False)
    assert headlines(client.get(section.url)) == ["Published one"]


def test_author_page_lists_what_they_wrote_or_cowrote(section, client):
    ana = AuthorFactory(name="Ana Lima", slug="ana-lima", bio="Covers ports and shipping.")
    ben = AuthorFactory(name="Ben Okafor", slug="ben-okafor")
    with time_machine.travel(START, tick=False):
        make_article(section=section, title="Solo", authors=[(ana, "")])
    with time_machine.travel(START + timedelta(hours=1), tick=False):
        make_article(section=section, title="Joint", authors=[(ben, "Lagos"), (ana, "Lisbon")])
    with time_machine.travel(START + timedelta(hours=2), tick=False):
        make_article(section=section, title="Not hers", authors=[(ben, "")])
    response = client.get("/authors/ana-lima/")
    assert response.status_code == 200
    assert headlines(response) == ["Joint", "Solo"]
    assert "Covers ports and shipping." in response.content.decode()


def test_author_pages_paginate(section, client):
    ana = AuthorFactory(name="Ana Lima", slug="ana-lima")
    publish_series(section, ARTICLES_PER_PAGE + 1, authors=[(ana, "")])
    first = client.get("/authors/ana-lima/")
    assert len(headlines(first)) == ARTICLES_PER_PAGE
    second = client.get("/authors/ana-lima/", {"before": first.context["listing"].next_cursor})
    assert headlines(second) == ["Story 000"]


def test_unknown_author_and_author_without_page_are_404(section, client):
    AuthorFactory(name="Wire Writer", slug="wire-writer", has_page=False)
    assert client.get("/authors/nobody/").status_code == 404
    assert client.get("/authors/wire-writer/").status_code == 404


def test_concept_page_lists_articles_with_that_kicker(section, client):
    story = ConceptFactory(pref_label="Energy crisis", slug="energy-crisis")
    make_article(section=section, title="Grid warning", display_concept=story)
    make_article(section=section, title="Unrelated")
    response = client.get("/topics/energy-crisis/")
    assert response.status_code == 200
    assert headlines(response) == ["Grid warning"]


def test_front_page_has_lead_top_stories_rails_and_latest(home, section, client):
    from broadsheet.content.models import SectionPage

    business = home.add_child(instance=SectionPage(title="Business", slug="business"))
    world = publish_series(section, 8)
    with time_machine.travel(START + timedelta(days=1), tick=False):
        chip = make_article(section=business, title="Chip plant opens")
    home.lead_story = world[2]
    home.save()
    TopStory.objects.create(home=home, article=world[5], sort_order=0)
    TopStory.objects.create(home=home, article=chip, sort_order=1)
    response = client.get("/")
    assert response.status_code == 200
    context = response.context
    assert context["lead_story"].title == "Story 002"
    assert [a.title for a in context["top_stories"]][:2] == ["Story 005", "Chip plant opens"]
    assert len(context["top_stories"]) == 4
    rails = {s.title: [a.title for a in articles] for s, articles in context["section_rails"]}
    shown = {context["lead_story"].title, *(a.title for a in context["top_stories"])}
    assert set(rails) <= {"World", "Business"}
    for titles in rails.values():
        assert not shown & set(titles)
        assert len(titles) <= 4
    assert all(a.title not in shown for a in context["latest"])


def test_each_rail_shows_its_sections_four_newest_not_already_on_the_page(home, section, client):
    from broadsheet.content.models import SectionPage

    business = home.add_child(instance=SectionPage(title="Business", slug="business"))
    culture = home.add_child(instance=SectionPage(title="Culture", slug="culture"))
    world = publish_series(section, 6)
    with time_machine.travel(START + timedelta(days=1), tick=False):
        deals = [make_article(section=business, title=f"Deal {n}") for n in range(3)]
    with time_machine.travel(START + timedelta(days=2), tick=False):
        make_article(section=culture, title="Opera reopens")
    home.lead_story = world[0]
    home.save()
    TopStory.objects.create(home=home, article=deals[1], sort_order=0)
    context = client.get("/").context
    shown = [context["lead_story"].title, *(a.title for a in context["top_stories"])]
    assert shown[:2] == ["Story 000", "Deal 1"]
    rails = {s.title: [a.title for a in articles] for s, articles in context["section_rails"]}
    newest_first = {
        "World": [f"Story {n:03d}" for n in range(5, -1, -1)],
        "Business": ["Deal 2", "Deal 1", "Deal 0"],  # same moment: the newest id first
        "Culture": ["Opera reopens"],
    }
    for title, expected in newest_first.items():
        assert rails.get(title, []) == [t for t in expected if t not in shown][:4]
    assert list(rails) == [t for t in ("World", "Business", "Culture") if rails.get(t)]


def test_front_page_queries_do_not_grow_with_sections_or_articles(home, section, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from broadsheet.content.models import SectionPage

    publish_series(section, 3)
    client.get("/")
    with CaptureQueriesContext(connection) as few:
        client.get("/")
    for name in ("Business", "Culture", "Sport", "Science"):
        other = home.add_child(instance=SectionPage(title=name, slug=name.lower()))
        publish_series(other, 5)
    client.get("/")
    with CaptureQueriesContext(connection) as many:
        response = client.get("/")
    assert len(response.context["section_rails"]) == 5
    assert len(many) == len(few)


def test_front_page_leads_with_the_newest_article_when_none_is_chosen(home, section, client):
    publish_series(section, 3)
    response = client.get("/")
    assert response.context["lead_story"].title == "Story 002"


def test_empty_front_page_says_so(home, client):
    response = client.get("/")
    assert response.status_code == 200
    assert "Nothing has been published yet." in response.content.decode()


@pytest.mark.parametrize("url", ["/no-such-page/", "/world/no-such-article/", "/topics/nothing/"])
def test_missing_pages_get_the_sites_404(section, client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "We can\u2019t find that page" in response.content.decode()
