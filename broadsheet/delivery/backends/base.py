"""The interface every purge backend implements."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar


class PurgeError(RuntimeError):
    """An edge cache refused or did not answer a purge; the task retries it."""


class PurgeBackend:
    """Purge pages from one edge cache by surrogate key."""

    max_keys_per_request: ClassVar[int] = 100
    """How many keys one purge request may carry."""
    supports_keys: ClassVar[bool] = True
    """Whether the cache can purge by key (all of ours can)."""

    def __init__(self, *, name: str, timeout: float = 10.0, **options: Any) -> None:
        self.name = name
        self.timeout = timeout
        if options:
            raise TypeError(f"Unknown options for purge backend {name!r}: {sorted(options)}")

    def purge(self, keys: Sequence[str]) -> None:
        """Purge every page carrying one of keys; raise PurgeError when the cache refuses."""
        for batch in self.batches(keys):
            self.purge_batch(batch)

    def purge_batch(self, keys: Sequence[str]) -> None:
        raise NotImplementedError

    def batches(self, keys: Sequence[str]) -> Iterator[list[str]]:
        ordered = sorted(set(keys))
        for start in range(0, len(ordered), self.max_keys_per_request):
            yield ordered[start : start + self.max_keys_per_request]

    def send(
        self,
        url: str,
        *,
        method: str,
        headers: dict[str, str],
        payload: dict[str, Any] | None = None,
    ) -> bytes:
        """Make one HTTP request; raise PurgeError on a network error or a non-2xx answer."""
        data = json.dumps(payload).encode() if payload is not None else None
        if data is not None:
            headers = {**headers, "Content-Type": "application/json"}
        request = urllib.request.Request(url, data=data, headers=headers, method=method)  # noqa: S310 -- URLs come from settings
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                body: bytes = response.read()
                return body
        except OSError as error:  # URLError and HTTPError are OSErrors
            raise PurgeError(f"{self.name}: {method} {url} failed: {error}") from error
