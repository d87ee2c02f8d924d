"""Staff issue API keys in the admin and see the key once; revoking there refuses it."""

from __future__ import annotations

import hashlib
import re

import pytest
from django.test import Client

from broadsheet.syndication.models import ApiKey

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client, django_user_model):
    user = django_user_model.objects.create_superuser("desk", "desk@example.org", "pw-for-tests")
    client.force_login(user)
    return client


def test_issuing_shows_the_key_once_and_stores_its_hash(staff, section):
    response = staff.post(
        "/admin/api_keys/new/",
        {"name": "Partner app", "requests_per_minute": "60", "is_active": "on"},
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    key = re.search(r'class="api-key-secret">([^<]+)<', response.content.decode()).group(1)
    row = ApiKey.objects.get(name="Partner app")
    assert row.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert row.requests_per_minute == 60
    assert Client(headers={"X-API-Key": key}).get("/api/v1/sections").status_code == 200
    listing = staff.get("/admin/api_keys/").content.decode()
    assert row.prefix in listing
    assert key not in listing
    assert key not in staff.get(f"/admin/api_keys/edit/{row.pk}/").content.decode()


def test_unticking_active_revokes(staff, section):
    staff.post(
        "/admin/api_keys/new/", {"name": "Old app", "requests_per_minute": "60", "is_active": "on"}
    )
    row = ApiKey.objects.get(name="Old app")
    response = staff.post(
        f"/admin/api_keys/edit/{row.pk}/", {"name": "Old app", "requests_per_minute": "60"}
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.is_active is False
    assert row.revoked_at is not None


def test_readers_cannot_reach_the_key_admin(client, django_user_model):
    reader = django_user_model.objects.create_user("reader", "reader@example.org", "pw-for-tests")
    client.force_login(reader)
    assert client.get("/admin/api_keys/").status_code == 302
    assert (
        client.post("/admin/api_keys/new/", {"name": "x", "requests_per_minute": "9"}).status_code
        == 302
    )
    assert not ApiKey.objects.exists()
