"""Every public page type is cacheable by a shared cache, names what it shows, and sets no cookie."""

import re

import pytest
from django.urls import reverse

from broadsheet.concepts.models import Concept
from broadsheet.content.tests.factories import AuthorFactory, make_article

DIRECTIVES = re.compile(
    r"^public, max-age=\d+, s-maxage=\d+, stale-while-revalidate=\d+, stale-if-error=\d+$"
)


@pytest.fixture
def story(section):
    lisbon = Concept.objects.create(
        uri="bs:place/lisbon", type="location", pref_label="Lisbon", slug="lisbon"
    )
    author = AuthorFactory(name="Ana Reis", slug="ana-reis")
    article = make_article(
        section=section,
        title="Trams return to Lisbon",
        body=[("paragraph", "<p>Trams in Lisbon ran again on Monday after the repairs.</p>")],
        authors=[(author, "Lisbon")],
    )
    return article, lisbon, author


def keys(response):
    return set(response["Surrogate-Key"].split())


def assert_public(response):
    assert response.status_code == 200
    assert DIRECTIVES.match(response["Cache-Control"]), response["Cache-Control"]
    assert response["ETag"].startswith('"')
    assert not response.cookies
    assert "Set-Cookie" not in response
    assert "cookie" not in response.get("Vary", "").lower()
    assert response["Cache-Tag"] == ",".join(sorted(keys(response)))
    assert response["xkey"] == response["Surrogate-Key"]


def test_article_page_names_the_article_its_concepts_authors_and_section(client, story, section):
    article, lisbon, author = story
    response = client.get(article.url)
    assert_public(response)
    assert {
        "site",
        f"articlepage-{article.pk}",
        f"concept-{lisbon.pk}",
        f"author-{author.pk}",
        f"sectionpage-{section.pk}",
    } <= keys(response)


def test_article_page_names_its_display_concept_even_before_annotation(client, section):
    # The kicker and the first topic to follow come from the display concept an editor chose:
    # renaming that concept must refresh the page, annotated yet or not.
    story_line = Concept.objects.create(
        uri="bs:story/harbour-strike", type="story", pref_label="Harbour strike", slug="strike"
    )
    article = make_article(section=section, title="Talks resume", display_concept=story_line)
    response = client.get(article.url)
    assert_public(response)
    assert b'href="/topics/strike/"' in response.content
    assert f"concept-{story_line.pk}" in keys(response)


def test_front_page_names_its_listing_and_every_article_it_shows(client, story, home):
    article, _, _ = story
    response = client.get(home.url)
    assert_public(response)
    assert {
        "site",
        f"homepage-{home.pk}",
        f"list-homepage-{home.pk}",
        f"articlepage-{article.pk}",
    } <= keys(response)


def test_a_listing_names_the_concept_each_card_shows_as_its_kicker(client, home, section):
    # A card shows its kicker's label: renaming that concept must refresh the listing.
    story_line = Concept.objects.create(
        uri="bs:story/ferry-timetable", type="story", pref_label="Ferry timetable", slug="ferries"
    )
    article = make_article(section=section, title="New ferry times", display_concept=story_line)
    for page in (home, section):
        response = client.get(page.url)
        assert_public(response)
        assert b"Ferry timetable" in response.content
        assert {f"articlepage-{article.pk}", f"concept-{story_line.pk}"} <= keys(response)


def test_section_page(client, story, section):
    article, _, _ = story
    response = client.get(section.url)
    assert_public(response)
    assert {f"list-sectionpage-{section.pk}", f"articlepage-{article.pk}"} <= keys(response)


def test_concept_page(client, story):
    article, lisbon, _ = story
    response = client.get(reverse("content:concept", args=[lisbon.slug]))
    assert_public(response)
    assert {
        f"concept-{lisbon.pk}",
        f"list-concept-{lisbon.pk}",
        f"articlepage-{article.pk}",
    } <= keys(response)


def test_author_page(client, story):
    article, _, author = story
    response = client.get(reverse("content:author", args=[author.slug]))
    assert_public(response)
    assert {f"author-{author.pk}", f"list-author-{author.pk}", f"articlepage-{article.pk}"} <= keys(
        response
    )


def test_a_matching_etag_gets_304_with_no_body(client, story):
    article, _, _ = story
    first = client.get(article.url)
    again = client.get(article.url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert again["Cache-Control"] == first["Cache-Control"]


def test_a_signed_in_reader_gets_the_same_cacheable_html(client, story, django_user_model):
    article, _, _ = story
    anonymous = client.get(article.url)
    reader = django_user_model.objects.create_user("reader", "reader@example.org", "pw-12345678")
    client.force_login(reader)
    signed_in = client.get(article.url)
    assert_public(signed_in)
    assert signed_in.content == anonymous.content


def test_html_is_gzipped_when_the_client_accepts_it(client, story):
    article, _, _ = story
    response = client.get(article.url, HTTP_ACCEPT_ENCODING="gzip, br")
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]


def test_search_results_are_public_and_name_what_they_show(client, story):
    article, lisbon, author = story
    response = client.get(reverse("search:search"), {"q": "Lisbon"})
    assert_public(response)
    assert b"Trams return to <mark>Lisbon</mark>" in response.content
    assert {
        "list-search",
        f"articlepage-{article.pk}",
        f"concept-{lisbon.pk}",
        f"author-{author.pk}",
    } <= keys(response)
    assert_public(client.get(reverse("search:search")))


def test_a_bad_search_is_not_cached(client, story):
    response = client.get(reverse("search:search"), {"q": "Lisbon", "published_from": "soon"})
    assert response.status_code == 400
    assert response["Cache-Control"] == "private, no-store"
    assert "Surrogate-Key" not in response


def test_admin_and_unknown_pages_are_private(client, story, django_user_model):
    assert client.get("/no-such-page/")["Cache-Control"] == "private, no-store"
    editor = django_user_model.objects.create_superuser("ed", "ed@example.org", "pw-12345678")
    client.force_login(editor)
    admin = client.get("/admin/")
    assert "private" in admin["Cache-Control"] or "no-cache" in admin["Cache-Control"]
    assert "Surrogate-Key" not in admin


def test_a_preview_is_never_public(client, story, django_user_model):
    article, _, _ = story
    editor = django_user_model.objects.create_superuser("ed", "ed@example.org", "pw-12345678")
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[article.pk]))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    for header in ("Surrogate-Key", "Cache-Tag", "xkey"):
        assert header not in response


@pytest.mark.parametrize("filename", ["rss.xml", "atom.xml", "feed.json"])
def test_feeds_are_public_and_named_like_their_listing(client, story, home, section, filename):
    article, lisbon, author = story
    cases = {
        reverse("syndication:front_feed", args=[filename]): f"list-homepage-{home.pk}",
        reverse("syndication:section_feed", args=[section.slug, filename]): (
            f"list-sectionpage-{section.pk}"
        ),
        reverse("syndication:concept_feed", args=[lisbon.slug, filename]): (
            f"list-concept-{lisbon.pk}"
        ),
        reverse("syndication:author_feed", args=[author.slug, filename]): (
            f"list-author-{author.pk}"
        ),
    }
    for url, listing_key in cases.items():
        response = client.get(url)
        assert_public(response)
        assert {listing_key, f"articlepage-{article.pk}"} <= keys(response), url
