"""API keys: issued by staff, stored hashed, revocable, rate limited; ETags on responses."""

from __future__ import annotations

import hashlib

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client

from broadsheet.syndication.api_keys import issue_api_key, revoke_api_key
from broadsheet.syndication.models import ApiKey

pytestmark = pytest.mark.django_db


def test_a_key_is_stored_as_prefix_and_sha256_only(issued):
    row = ApiKey.objects.get(pk=issued.api_key.pk)
    assert row.prefix == issued.key[:8]
    assert row.key_hash == hashlib.sha256(issued.key.encode()).hexdigest()
    stored = [str(v) for v in ApiKey.objects.filter(pk=row.pk).values().first().values()]
    assert issued.key not in stored


def test_the_key_works_as_bearer_token_or_x_api_key(issued, section):
    bearer = Client(headers={"Authorization": f"Bearer {issued.key}"})
    header = Client(headers={"X-API-Key": issued.key})
    assert bearer.get("/api/v1/sections").status_code == 200
    assert header.get("/api/v1/sections").status_code == 200


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ({}, "missing API key"),
        ({"Authorization": "Basic dXNlcjpwYXNz"}, "missing API key"),
        ({"Authorization": "Bearer not-a-key"}, "invalid API key"),
        ({"X-API-Key": "not-a-key"}, "invalid API key"),
        ({"X-API-Key": "x" * 5000}, "invalid API key"),
    ],
)
def test_missing_or_invalid_key_is_401_with_the_reason(db, headers, reason):
    response = Client(headers=headers).get("/api/v1/articles")
    assert response.status_code == 401
    assert reason in response.json()["detail"]
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_revoked_key_is_refused(issued, section):
    revoke_api_key(issued.api_key)
    response = Client(headers={"X-API-Key": issued.key}).get("/api/v1/sections")
    assert response.status_code == 401
    assert response.json()["detail"] == f"API key {issued.key[:8]}… has been revoked."
    assert ApiKey.objects.get(pk=issued.api_key.pk).revoked_at is not None


def test_over_the_limit_is_429_with_retry_after_until_the_next_minute(db, section):
    issued = issue_api_key(name="Small partner", requests_per_minute=3)
    client = Client(headers={"X-API-Key": issued.key})
    with time_machine.travel("2026-11-25 12:00:10Z", tick=False):
        assert [client.get("/api/v1/sections").status_code for _ in range(3)] == [200] * 3
        refused = client.get("/api/v1/sections")
        assert refused.status_code == 429
        assert refused["Retry-After"] == "50"
        assert "3 requests a minute" in refused.json()["detail"]
    with time_machine.travel("2026-11-25 12:01:00Z", tick=False):
        assert client.get("/api/v1/sections").status_code == 200


def test_limits_are_per_key(db, section):
    small = issue_api_key(name="Small", requests_per_minute=1)
    other = issue_api_key(name="Other", requests_per_minute=1)
    with time_machine.travel("2026-11-25 12:00:10Z", tick=False):
        assert Client(headers={"X-API-Key": small.key}).get("/api/v1/sections").status_code == 200
        assert Client(headers={"X-API-Key": small.key}).get("/api/v1/sections").status_code == 429
        assert Client(headers={"X-API-Key": other.key}).get("/api/v1/sections").status_code == 200


def test_etag_and_304_on_if_none_match(api, newsroom):
    url = f"/api/v1/articles/{newsroom['first'].pk}"
    first = api.get(url)
    etag = first["ETag"]
    assert etag.startswith('"')
    assert first["Cache-Control"] == "private, no-cache"
    again = api.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert api.get(url, headers={"If-None-Match": '"other"'}).status_code == 200


def test_issue_and_revoke_commands(db, capsys):
    call_command("issue_api_key", "Night desk tools", "--requests-per-minute", "30")
    lines = capsys.readouterr().out.strip().splitlines()
    key = lines[-1]
    row = ApiKey.objects.get(name="Night desk tools")
    assert row.requests_per_minute == 30
    assert row.key_hash == hashlib.sha256(key.encode()).hexdigest()
    call_command("revoke_api_key", key[:8])
    row.refresh_from_db()
    assert row.is_active is False


def test_a_secret_never_starts_with_a_dash(db, monkeypatch, capsys):
    """A dash-led secret would read as an option to ``revoke_api_key``: such a draw is redrawn."""
    draws = iter(["-dashfirst" + "a" * 30, "Plainfirst" + "b" * 30])
    monkeypatch.setattr("secrets.token_urlsafe", lambda nbytes: next(draws))
    issued = issue_api_key(name="Dash check")
    assert issued.key.startswith("Plainfir")
    assert issued.api_key.prefix == "Plainfir"
    call_command("revoke_api_key", issued.key[:8])
    assert not ApiKey.objects.get(name="Dash check").is_active
