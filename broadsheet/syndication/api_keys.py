"""Issue, revoke and check content-API keys; the one path for the admin, commands and the API."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.core.cache import cache
from django.utils import timezone

from .models import API_KEY_PREFIX_CHARS, ApiKey, hash_api_key

KEY_BYTES = 32
RATE_WINDOW_SECONDS = 60
LAST_USED_PRECISION = timedelta(minutes=5)
"""``last_used_at`` is written at most this often per key, so reads stay reads."""


class KeyRejected(Exception):
    """The key is unknown or revoked; the message says which, without echoing the key."""


class RateLimited(Exception):
    """The key has used its requests for this window."""

    def __init__(self, *, limit: int, retry_after_seconds: int) -> None:
        super().__init__(
            f"rate limit exceeded: this key may make {limit} requests a minute; "
            f"retry in {retry_after_seconds} seconds."
        )
        self.retry_after_seconds = retry_after_seconds


@dataclass(frozen=True, slots=True, kw_only=True)
class IssuedKey:
    api_key: ApiKey
    key: str
    """The secret: shown once, at creation, and never again."""


def issue_api_key(*, name: str, requests_per_minute: int = 120, user: Any = None) -> IssuedKey:
    """Create a key and return it with its secret, which is not stored and cannot be shown again."""
    while True:
        key = secrets.token_urlsafe(KEY_BYTES)
        if key.startswith("-"):
            # A secret or prefix that starts with a dash reads as an option on a command line
            # (``revoke_api_key -Xy...``); draw again rather than make people quote it.
            continue
        prefix = key[:API_KEY_PREFIX_CHARS]
        if not ApiKey.objects.filter(prefix=prefix).exists():
            break
    api_key = ApiKey.objects.create(
        name=name,
        prefix=prefix,
        key_hash=hash_api_key(key),
        requests_per_minute=requests_per_minute,
        created_by=user if getattr(user, "pk", None) else None,
    )
    return IssuedKey(api_key=api_key, key=key)


def revoke_api_key(api_key: ApiKey) -> None:
    """Revoke the key: from now on its requests get 401. Revoking it again changes nothing."""
    api_key.is_active = False
    api_key.save(update_fields=["is_active", "revoked_at"])


def key_for_secret(key: str) -> ApiKey:
    """Return the active key whose secret is ``key``; raise KeyRejected when there is none."""
    found = ApiKey.objects.filter(key_hash=hash_api_key(key)).first()
    if found is None:
        raise KeyRejected("invalid API key: no key matches the one sent.")
    if not found.is_active:
        raise KeyRejected(f"API key {found.prefix}… has been revoked.")
    now = timezone.now()
    if found.last_used_at is None or now - found.last_used_at > LAST_USED_PRECISION:
        ApiKey.objects.filter(pk=found.pk).update(last_used_at=now)
    return found


def count_request(api_key: ApiKey) -> None:
    """Count one request against the key's fixed one-minute window; raise RateLimited when over.

    The counter lives in Django's cache (Redis in production), keyed by key and window.
    """
    now = time.time()
    window = int(now // RATE_WINDOW_SECONDS)
    counter = f"api-rate:{api_key.pk}:{window}"
    cache.add(counter, 0, timeout=RATE_WINDOW_SECONDS + 5)
    try:
        used = cache.incr(counter)
    except ValueError:
        # The counter expired between add and incr: this request starts a fresh window.
        cache.set(counter, 1, timeout=RATE_WINDOW_SECONDS + 5)
        used = 1
    if used > api_key.requests_per_minute:
        retry_after = max(1, int((window + 1) * RATE_WINDOW_SECONDS - now + 0.999))
        raise RateLimited(limit=api_key.requests_per_minute, retry_after_seconds=retry_after)
