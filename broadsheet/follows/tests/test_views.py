from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import feedparser
import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from broadsheet.content.models import Author
from broadsheet.content.tests.factories import AuthorFactory, ConceptFactory, make_article
from broadsheet.core.pagination import Cursor
from broadsheet.follows.models import Delivery, FeedState, Follow

from .factories import ABOUT, FollowFactory, ReaderFactory, tagged_article

START = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def follow_url(concept):
    return reverse("follows:follow", args=[concept.pk])


def test_state_tells_a_signed_in_reader_what_they_follow_privately(reader_client, reader, concept):
    other = ConceptFactory(pref_label="Ferry services")
    FollowFactory(reader=reader, concept=concept)
    response = reader_client.get(
        reverse("follows:state"), {"concept": [concept.pk, other.pk, 999_999]}
    )
    data = response.json()
    assert (data["signed_in"], data["following"]) == (True, [concept.pk])
    assert data["csrf_token"]
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_state_for_an_anonymous_reader_and_bad_input(client, concept):
    assert client.get(reverse("follows:state"), {"concept": concept.pk}).json() == {
        "signed_in": False,
        "following": [],
    }
    response = client.get(reverse("follows:state"), {"concept": "one"})
    assert response.status_code == 400
    assert response.json() == {"error": "concept must be a number"}


def test_follow_with_the_form_returns_to_next_and_twice_changes_nothing(
    reader_client, reader, concept
):
    for _ in range(2):
        response = reader_client.post(follow_url(concept), {"next": "/world/some-article/"})
        assert response.status_code == 302
        assert response["Location"] == "/world/some-article/"
    assert Follow.objects.filter(reader=reader, concept=concept).count() == 1


def test_follow_in_place_answers_json(reader_client, reader, concept):
    response = reader_client.post(follow_url(concept), HTTP_ACCEPT="application/json")
    assert response.json() == {"concept": concept.pk, "following": True}
    response = reader_client.post(
        reverse("follows:unfollow", args=[concept.pk]), HTTP_ACCEPT="application/json"
    )
    assert response.json() == {"concept": concept.pk, "following": False}
    assert not Follow.objects.filter(reader=reader).exists()


def test_next_off_site_is_ignored(reader_client, concept):
    response = reader_client.post(follow_url(concept), {"next": "https://evil.example/"})
    assert response["Location"] == concept.get_absolute_url()


def test_unknown_or_retired_concept_is_404(reader_client, reader):
    retired = ConceptFactory(pref_label="Old quango", is_active=False)
    assert reader_client.post(reverse("follows:follow", args=[999_999])).status_code == 404
    assert reader_client.post(follow_url(retired)).status_code == 404
    assert reader_client.get(reverse("follows:confirm", args=[999_999])).status_code == 404
    assert not Follow.objects.filter(reader=reader).exists()


def test_missing_csrf_token_is_403(reader, concept):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)
    response = client.post(follow_url(concept), {"next": "/"})
    assert response.status_code == 403
    assert not Follow.objects.filter(reader=reader).exists()


def test_get_never_follows(reader_client, reader, concept):
    assert reader_client.get(follow_url(concept)).status_code == 405
    assert not Follow.objects.filter(reader=reader).exists()


def test_an_anonymous_click_leads_through_sign_in_to_the_confirm_page(client, reader, concept):
    response = client.post(follow_url(concept), {"next": "/world/report/"})
    assert response.status_code == 302
    login = urlsplit(response["Location"])
    next_url = parse_qs(login.query)["next"][0]
    assert next_url == reverse("follows:confirm", args=[concept.pk]) + "?next=%2Fworld%2Freport%2F"
    assert not Follow.objects.exists()

    client.force_login(reader)  # what signing in at LOGIN_URL does
    page = client.get(next_url)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    html = page.content.decode()
    assert f'action="{follow_url(concept)}"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'value="/world/report/"' in html

    done = client.post(follow_url(concept), {"next": "/world/report/"})
    assert done["Location"] == "/world/report/"
    assert Follow.objects.filter(reader=reader, concept=concept).count() == 1


def test_confirm_page_offers_unfollow_to_a_follower(reader_client, reader, concept):
    FollowFactory(reader=reader, concept=concept)
    html = reader_client.get(reverse("follows:confirm", args=[concept.pk])).content.decode()
    assert f'action="{reverse("follows:unfollow", args=[concept.pk])}"' in html


def test_article_page_html_is_the_same_for_every_reader_and_has_follow_buttons(
    section, client, reader, concept
):
    author = AuthorFactory(name="Rosa Marin", slug="rosa-marin")
    article = make_article(section=section, authors=[(author, "")], display_concept=concept)
    FollowFactory(reader=reader, concept=concept)
    anonymous = client.get(article.url).content
    signed_in = Client()
    signed_in.force_login(reader)
    assert signed_in.get(article.url).content == anonymous
    html = anonymous.decode()
    assert "csrfmiddlewaretoken" not in html
    author.refresh_from_db()
    for concept_id in (concept.pk, author.concept_id):
        assert f'action="{reverse("follows:confirm", args=[concept_id])}"' in html
    assert "js/follow.js" in html


def test_concept_and_author_pages_have_a_follow_button(section, client, concept):
    author = AuthorFactory(name="Rosa Marin", slug="rosa-marin")
    make_article(section=section, authors=[(author, "")])
    author = Author.objects.get(pk=author.pk)
    concept_html = client.get(concept.get_absolute_url()).content.decode()
    assert f'data-follow-concept="{concept.pk}"' in concept_html
    author_html = client.get(author.get_absolute_url()).content.decode()
    assert f'data-follow-concept="{author.concept_id}"' in author_html


@pytest.fixture
def feed_setup(section, reader, concept):
    FollowFactory(reader=reader, concept=concept)
    old = tagged_article(section, at=START, title="Barrage vote delayed", tags=[(concept, ABOUT)])
    new = tagged_article(
        section, at=START + timedelta(days=2), title="Barrage approved", tags=[(concept, ABOUT)]
    )
    FeedState.objects.create(reader=reader, visited_at=START + timedelta(days=1))
    return old, new


def test_my_feed_says_why_and_marks_what_is_new(reader_client, reader, feed_setup):
    with time_machine.travel(START + timedelta(days=3), tick=False):
        response = reader_client.get(reverse("follows:my_feed"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    items = response.context["feed"].items
    assert [(i.article.title, i.is_new) for i in items] == [
        ("Barrage approved", True),
        ("Barrage vote delayed", False),
    ]
    html = response.content.decode()
    assert "Because you follow" in html
    assert html.count('class="feed-item__new"') == 1
    state = FeedState.objects.get(reader=reader)
    assert state.previous_visit_at == START + timedelta(days=1)
    assert state.visited_at == START + timedelta(days=3)


def test_my_feed_deeper_pages_mark_against_the_same_visit(reader_client, reader, feed_setup):
    response = reader_client.get(reverse("follows:my_feed"))
    assert response.context["since"] == START + timedelta(days=1)
    first = response.context["feed"]
    assert len(first.items) == 2
    cursor = Cursor(published_at=first.items[0].article.published_at, pk=first.items[0].article.pk)
    deeper = reader_client.get(reverse("follows:my_feed"), {"before": cursor.encode()})
    assert deeper.context["since"] == START + timedelta(days=1)
    assert [i.article.title for i in deeper.context["feed"].items] == ["Barrage vote delayed"]


def test_my_feed_bad_input(reader_client):
    assert Client().get(reverse("follows:my_feed")).status_code == 302
    assert reader_client.get(reverse("follows:my_feed"), {"before": "xx"}).status_code == 404
    assert reader_client.get(reverse("follows:my_feed"), {"concept": "x"}).status_code == 400
    other = ConceptFactory(pref_label="Unfollowed topic")
    assert reader_client.get(reverse("follows:my_feed"), {"concept": other.pk}).status_code == 404


def test_my_feed_query_count_is_constant(section, client):
    counts = []
    for size in (1, 4):
        reader = ReaderFactory(username=f"size{size}")
        for n in range(size):
            concept = ConceptFactory(pref_label=f"Size {size} topic {n}", type="topic")
            FollowFactory(reader=reader, concept=concept)
            tagged_article(
                section,
                at=START + timedelta(hours=n),
                title=f"S{size} {n}",
                tags=[(concept, ABOUT)],
            )
        client.force_login(reader)
        client.get(reverse("follows:my_feed"))  # warms the site and settings caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("follows:my_feed"))
        assert len(response.context["feed"].items) == size
        counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1]


def test_private_atom_feed_and_revocation(reader_client, reader, feed_setup):
    reader_client.post(reverse("follows:atom_token"), {"action": "regenerate"})
    page = reader_client.get(reverse("follows:manage"))
    url = page.context["new_atom_url"]
    assert url.startswith("http://testserver/myfeed/atom/")
    # Shown once only.
    assert reader_client.get(reverse("follows:manage")).context["new_atom_url"] is None

    response = Client().get(urlsplit(url).path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "no-store" in response["Cache-Control"]
    parsed = feedparser.parse(response.content)
    assert [e.title for e in parsed.entries] == ["Barrage approved", "Barrage vote delayed"]
    assert parsed.entries[0].summary == "Because you follow Estuary barrage"

    reader_client.post(reverse("follows:atom_token"), {"action": "revoke"})
    assert Client().get(urlsplit(url).path).status_code == 404
    assert Client().get("/myfeed/atom/guessed-token/").status_code == 404
    assert reader_client.post(reverse("follows:atom_token"), {"action": "x"}).status_code == 400


def test_manage_page_changes_delivery_and_mentions_and_unfollows(reader_client, reader, concept):
    following = FollowFactory(reader=reader, concept=concept)
    page = reader_client.get(reverse("follows:manage"))
    assert page.status_code == 200
    assert "Estuary barrage" in page.content.decode()
    response = reader_client.post(
        reverse("follows:update", args=[concept.pk]),
        {"delivery": Delivery.INSTANT, "include_mentions": "on"},
    )
    assert response["Location"] == reverse("follows:manage")
    following.refresh_from_db()
    assert (following.delivery, following.include_mentions) == (Delivery.INSTANT, True)

    bad = reader_client.post(reverse("follows:update", args=[concept.pk]), {"delivery": "hourly"})
    assert bad.status_code == 400
    following.refresh_from_db()
    assert following.delivery == Delivery.INSTANT

    reader_client.post(
        reverse("follows:unfollow", args=[concept.pk]), {"next": reverse("follows:manage")}
    )
    assert not Follow.objects.filter(reader=reader).exists()


def test_manage_page_needs_sign_in_and_only_changes_own_follows(client, reader, concept):
    assert client.get(reverse("follows:manage")).status_code == 302
    FollowFactory(reader=reader, concept=concept)
    intruder = ReaderFactory(username="intruder")
    client.force_login(intruder)
    response = client.post(
        reverse("follows:update", args=[concept.pk]), {"delivery": Delivery.NONE}
    )
    assert response.status_code == 404
    assert Follow.objects.get(reader=reader).delivery == Delivery.DAILY
