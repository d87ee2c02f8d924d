"""The account page: email preferences, sections of other apps, my data, deleting the account."""

import json

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client

from broadsheet.accounts import registry
from broadsheet.accounts.models import User, Weekday
from broadsheet.accounts.tests.factories import PASSWORD, ReaderFactory
from broadsheet.accounts.tests.test_sign_in import code_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader_client(client, reader):
    client.force_login(reader)
    return client


@pytest.fixture
def registered():
    """Register a section and an exporter as a higher app would; remove them afterwards."""
    registry.register_account_section(
        registry.AccountSection(
            key="test-things",
            title="Things",
            description="Things you keep.",
            url_name="accounts:download_data",
        )
    )
    registry.register_account_section(
        registry.AccountSection(
            key="test-missing", title="Missing", description="Gone.", url_name="nowhere:at-all"
        )
    )
    registry.register_personal_data_exporter(
        "test-things", lambda user: [{"owner": user.email, "thing": "umbrella"}]
    )
    yield
    registry.unregister("test-things")
    registry.unregister("test-missing")


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/account/")

    assert response.status_code == 302
    assert response["Location"] == "/account/login/?next=/account/"


def test_account_page_is_private_and_shows_the_preferences(reader_client, reader):
    response = reader_client.get("/account/")

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    html = response.content.decode()
    assert '<label for="id_time_zone">' in html
    assert '<option value="Europe/London" selected>' in html
    assert '<option value="7" selected>07:00</option>' in html
    assert '<option value="0" selected>Monday</option>' in html
    assert 'id="id_email_new_follows" checked>' in html


def test_saving_email_preferences(reader_client, reader):
    response = reader_client.post(
        "/account/",
        {"time_zone": "America/New_York", "digest_hour": "18", "digest_weekday": "4"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/account/"
    reader.refresh_from_db()
    assert (reader.time_zone, reader.digest_hour, reader.digest_weekday) == (
        "America/New_York",
        18,
        Weekday.FRIDAY,
    )
    assert "Your email preferences are saved." in reader_client.get("/account/").content.decode()


def test_email_about_new_follows_is_turned_off_and_on_by_its_checkbox(reader_client, reader):
    preferences = {"time_zone": "Europe/London", "digest_hour": "7", "digest_weekday": "0"}

    reader_client.post("/account/", preferences)  # an unticked box is not sent
    reader.refresh_from_db()
    assert reader.email_new_follows is False
    assert 'id="id_email_new_follows">' in reader_client.get("/account/").content.decode()

    reader_client.post("/account/", {**preferences, "email_new_follows": "on"})
    reader.refresh_from_db()
    assert reader.email_new_follows is True


@pytest.mark.parametrize(
    ("field", "value"),
    [("time_zone", "Mars/Olympus_Mons"), ("digest_hour", "24"), ("digest_weekday", "7")],
)
def test_bad_preferences_are_refused_with_a_reason_and_change_nothing(
    reader_client, reader, field, value
):
    data = {"time_zone": "Asia/Tokyo", "digest_hour": "9", "digest_weekday": "2", field: value}

    response = reader_client.post("/account/", data)

    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "Select a valid choice" in html
    assert 'aria-invalid="true"' in html
    reader.refresh_from_db()
    assert (reader.time_zone, reader.digest_hour, reader.digest_weekday) == (
        "Europe/London",
        7,
        0,
    )


def test_preferences_need_a_csrf_token(reader):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)

    response = client.post(
        "/account/", {"time_zone": "Asia/Tokyo", "digest_hour": "9", "digest_weekday": "2"}
    )

    assert response.status_code == 403
    reader.refresh_from_db()
    assert reader.time_zone == "Europe/London"


def test_registered_sections_are_linked_and_unresolvable_ones_hidden(reader_client, registered):
    html = reader_client.get("/account/").content.decode()

    assert '<a href="/account/data/">Manage things</a>' in html
    assert "Missing" not in html


def test_download_my_data(reader_client, reader, registered):
    response = reader_client.get("/account/data/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="broadsheet-my-data.json"'
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "ada@example.org"
    assert data["account"]["time_zone"] == "Europe/London"
    assert data["account"]["digest_hour"] == 7
    assert data["account"]["digest_weekday"] == "Monday"
    assert data["account"]["email_new_follows"] is True
    assert data["account"]["email_addresses"] == [
        {"email": "ada@example.org", "verified": True, "primary": True}
    ]
    assert data["account"]["second_factors"] == []
    assert data["test-things"] == [{"owner": "ada@example.org", "thing": "umbrella"}]
    assert "password" not in data["account"]
    assert reader.password not in response.content.decode()


def test_download_my_data_is_only_my_data(client, reader):
    other = ReaderFactory(email="other@example.org")
    client.force_login(other)

    data = json.loads(client.get("/account/data/").content)

    assert data["account"]["email"] == "other@example.org"
    assert "ada@example.org" not in json.dumps(data)


def test_download_needs_sign_in(client):
    response = client.get("/account/data/")

    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")


def test_delete_my_account_with_password_removes_it_and_its_follows(reader_client, reader):
    from broadsheet.concepts.models import Concept
    from broadsheet.content.tests.factories import ConceptFactory
    from broadsheet.follows.models import Follow

    concept = ConceptFactory(pref_label="Tidal power", type="topic")
    Follow.objects.create(reader=reader, concept=concept)

    response = reader_client.post("/account/delete/", {"password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert not User.objects.filter(pk=reader.pk).exists()
    assert Follow.objects.count() == 0
    assert Concept.objects.filter(pk=concept.pk).exists()
    assert SESSION_KEY not in reader_client.session


def test_delete_with_a_wrong_password_keeps_the_account(reader_client, reader):
    response = reader_client.post("/account/delete/", {"password": "not-it"})

    assert response.status_code == 400
    assert "That is not your password." in response.content.decode()
    assert User.objects.filter(pk=reader.pk).exists()
    assert reader_client.session[SESSION_KEY] == str(reader.pk)


def test_delete_needs_a_post_with_a_csrf_token(reader):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)

    assert client.get("/account/delete/").status_code == 200
    response = client.post("/account/delete/", {"password": PASSWORD})

    assert response.status_code == 403
    assert User.objects.filter(pk=reader.pk).exists()


def test_a_reader_without_password_confirms_deletion_by_signing_in_with_a_code(client, smtp_server):
    reader = ReaderFactory(email="codeonly@example.org")
    reader.set_unusable_password()
    reader.save()
    client.force_login(reader)

    refused = client.post("/account/delete/", {})

    assert refused.status_code == 400
    assert "Sign in again with a code" in refused.content.decode()
    assert User.objects.filter(pk=reader.pk).exists()

    client.logout()
    client.post("/account/login/code/", {"email": reader.email})
    [message] = smtp_server.messages
    client.post("/account/login/code/confirm/", {"code": code_in(message)})
    response = client.post("/account/delete/", {})

    assert response.status_code == 302
    assert not User.objects.filter(pk=reader.pk).exists()
