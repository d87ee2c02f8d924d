"""Unsubscribe links: signed per follow and for all, confirmed on GET, done on a one-click POST."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from broadsheet.alerts.tokens import BadToken, make_token, read_token
from broadsheet.content.tests.factories import ConceptFactory
from broadsheet.follows.models import Delivery, Follow

from .factories import FollowFactory, ReaderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def csrf_client() -> Client:
    """A client that enforces CSRF like a browser without a session would meet it."""
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def follows():
    reader = ReaderFactory()
    return [
        FollowFactory(reader=reader, concept=ConceptFactory(pref_label="Strike")),
        FollowFactory(
            reader=reader, concept=ConceptFactory(pref_label="Harbour"), delivery=Delivery.DAILY
        ),
    ]


def deliveries(reader_id: int) -> list[tuple[str, str]]:
    return list(
        Follow.objects.filter(reader_id=reader_id)
        .order_by("concept__pref_label")
        .values_list("concept__pref_label", "delivery")
    )


def url(token: str) -> str:
    return reverse("alerts:unsubscribe", args=[token])


def test_get_shows_a_confirmation_and_changes_nothing(client, follows):
    strike = follows[0]
    token = make_token(reader_id=strike.reader_id, follow_ids=[strike.pk])

    response = client.get(url(token))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]  # never kept by a shared cache
    html = response.content.decode()
    assert "<li>Strike</li>" in html
    assert "Harbour" not in html
    assert f'<form method="post" action="{url(token)}">' in html
    assert deliveries(strike.reader_id) == [("Harbour", "daily"), ("Strike", "instant")]


def test_one_click_post_without_csrf_stops_one_follow_and_is_idempotent(csrf_client, follows):
    strike = follows[0]
    token = make_token(reader_id=strike.reader_id, follow_ids=[strike.pk])

    first = csrf_client.post(url(token), {"List-Unsubscribe": "One-Click"})
    second = csrf_client.post(url(token), {"List-Unsubscribe": "One-Click"})

    assert (first.status_code, second.status_code) == (200, 200)
    assert "no more alerts or digests about Strike" in first.content.decode()
    assert deliveries(strike.reader_id) == [("Harbour", "daily"), ("Strike", "none")]


def test_unsubscribe_from_everything(csrf_client, follows):
    reader_id = follows[0].reader_id
    other = FollowFactory(concept=follows[0].concept)

    response = csrf_client.post(url(make_token(reader_id=reader_id, follow_ids=None)))

    assert response.status_code == 200
    assert deliveries(reader_id) == [("Harbour", "none"), ("Strike", "none")]
    assert Follow.objects.get(pk=other.pk).delivery == Delivery.INSTANT


def test_after_unsubscribing_from_everything_new_follows_send_no_email_until_turned_back_on(
    csrf_client, follows
):
    from broadsheet.accounts.models import User
    from broadsheet.follows.actions import follow

    reader = User.objects.get(pk=follows[0].reader_id)
    csrf_client.post(url(make_token(reader_id=reader.pk, follow_ids=[follows[0].pk])))
    reader.refresh_from_db()
    assert reader.email_new_follows  # one follow's link leaves new follows alone

    csrf_client.post(url(make_token(reader_id=reader.pk, follow_ids=None)))

    reader.refresh_from_db()
    assert not reader.email_new_follows
    assert follow(reader, ConceptFactory(pref_label="Lighthouse")).delivery == Delivery.NONE
    csrf_client.force_login(reader)
    csrf_client.get("/account/")
    saved = csrf_client.post(
        "/account/",
        {
            "csrfmiddlewaretoken": csrf_client.cookies["csrftoken"].value,
            "time_zone": "Europe/London",
            "digest_hour": "7",
            "digest_weekday": "0",
            "email_new_follows": "on",
        },
    )
    assert saved.status_code == 302
    reader.refresh_from_db()
    assert reader.email_new_follows
    assert follow(reader, ConceptFactory(pref_label="Quay")).delivery == Delivery.DAILY
    assert deliveries(reader.pk) == [
        ("Harbour", "none"),
        ("Lighthouse", "none"),
        ("Quay", "daily"),
        ("Strike", "none"),
    ]


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_tampered_token_gets_a_clear_400_and_changes_nothing(csrf_client, follows, method):
    strike = follows[0]
    token = make_token(reader_id=strike.reader_id, follow_ids=[strike.pk])
    forged = make_token(reader_id=strike.reader_id + 1, follow_ids=None).split(":")[0]
    tampered = forged + token[token.index(":") :]

    response = getattr(csrf_client, method)(url(tampered))

    assert response.status_code == 400
    assert "This unsubscribe link is not valid" in response.content.decode()
    assert deliveries(strike.reader_id) == [("Harbour", "daily"), ("Strike", "instant")]


def test_a_token_for_another_purpose_is_refused():
    from django.core import signing

    other = signing.dumps({"r": 1, "f": None}, salt="broadsheet.something-else")
    with pytest.raises(BadToken):
        read_token(other)
    assert read_token(make_token(reader_id=1, follow_ids=[3, 2, 3])).follow_ids == (2, 3)


def test_other_methods_are_refused(client):
    response = client.put(url(make_token(reader_id=1, follow_ids=None)))
    assert response.status_code == 405
