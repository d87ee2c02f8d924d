"""API-key authentication for the content API: ``Authorization: Bearer <key>`` or ``X-API-Key``.

A key that is sent but unknown or revoked is refused with its reason (``KeyRejected``); a
request with no key at all falls through both schemes and gets ninja's AuthenticationError,
which ``errors`` turns into a 401 saying how to send one. Each accepted request is counted
against the key's rate limit, which raises ``RateLimited``.
"""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import APIKeyHeader, HttpBearer

from broadsheet.syndication.api_keys import KeyRejected, count_request, key_for_secret
from broadsheet.syndication.models import ApiKey

KEY_MAX_CHARS = 200


def _accept(key: str) -> ApiKey:
    key = key.strip()
    if not key or len(key) > KEY_MAX_CHARS:
        raise KeyRejected("invalid API key: no key matches the one sent.")
    api_key = key_for_secret(key)
    count_request(api_key)
    return api_key


class BearerKey(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> ApiKey:
        return _accept(token)


class HeaderKey(APIKeyHeader):
    param_name = "X-API-Key"

    def authenticate(self, request: HttpRequest, key: str | None) -> ApiKey | None:
        if key is None:
            return None
        return _accept(key)


API_KEY_AUTH = [BearerKey(), HeaderKey()]
