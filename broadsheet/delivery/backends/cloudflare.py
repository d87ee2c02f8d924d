"""Cloudflare: purge by cache tag through its API (``POST /zones/<id>/purge_cache``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .base import PurgeBackend, PurgeError


class CloudflareBackend(PurgeBackend):
    max_keys_per_request = 30

    def __init__(
        self,
        *,
        name: str,
        zone_id: str,
        api_token: str,
        api_url: str = "https://api.cloudflare.com/client/v4",
        **options: Any,
    ) -> None:
        super().__init__(name=name, **options)
        if not zone_id or not api_token:
            raise ValueError("The Cloudflare backend needs zone_id and api_token.")
        self.url = f"{api_url.rstrip('/')}/zones/{zone_id}/purge_cache"
        self.api_token = api_token

    def purge_batch(self, keys: Sequence[str]) -> None:
        body = self.send(
            self.url,
            method="POST",
            headers={"Authorization": f"Bearer {self.api_token}"},
            payload={"tags": list(keys)},
        )
        try:
            answer = json.loads(body or b"{}")
        except ValueError as error:
            raise PurgeError(f"{self.name}: Cloudflare answered with no JSON") from error
        if not answer.get("success", False):
            raise PurgeError(f"{self.name}: Cloudflare refused the purge: {answer.get('errors')}")
