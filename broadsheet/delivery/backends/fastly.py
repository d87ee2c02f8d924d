"""Fastly: purge by surrogate key through its API (``POST /service/<id>/purge``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .base import PurgeBackend


class FastlyBackend(PurgeBackend):
    max_keys_per_request = 256

    def __init__(
        self,
        *,
        name: str,
        service_id: str,
        api_token: str,
        soft: bool = True,
        api_url: str = "https://api.fastly.com",
        **options: Any,
    ) -> None:
        super().__init__(name=name, **options)
        if not service_id or not api_token:
            raise ValueError("The Fastly backend needs service_id and api_token.")
        self.url = f"{api_url.rstrip('/')}/service/{service_id}/purge"
        self.api_token = api_token
        self.soft = soft

    def purge_batch(self, keys: Sequence[str]) -> None:
        headers = {"Fastly-Key": self.api_token, "Surrogate-Key": " ".join(keys)}
        if self.soft:
            # Soft purge marks pages stale, so stale-if-error can still serve them.
            headers["Fastly-Soft-Purge"] = "1"
        self.send(self.url, method="POST", headers=headers)
