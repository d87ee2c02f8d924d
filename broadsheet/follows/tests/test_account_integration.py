"""Follows appear on the account page and in "download my data"."""

import json

import pytest
from django.urls import reverse

from broadsheet.concepts.models import Concept
from broadsheet.follows.actions import follow


@pytest.fixture
def reader(django_user_model):
    return django_user_model.objects.create_user(
        "reader", "reader@example.org", "a-long-passphrase-9"
    )


@pytest.fixture
def lisbon(db):
    return Concept.objects.create(
        uri="bs:place/lisbon", type="location", pref_label="Lisbon", slug="lisbon"
    )


def test_the_account_page_links_to_the_follows_page(client, reader):
    client.force_login(reader)
    response = client.get(reverse("accounts:account"))
    assert response.status_code == 200
    assert reverse("follows:manage").encode() in response.content


def test_download_my_data_lists_my_follows(client, reader, lisbon):
    follow(reader, lisbon)
    client.force_login(reader)
    response = client.get(reverse("accounts:download_data"))
    data = json.loads(response.content)
    assert [f["concept_uri"] for f in data["follows"]["follows"]] == ["bs:place/lisbon"]
    assert data["follows"]["follows"][0]["concept_url"] == "/topics/lisbon/"
