"""Background purges: safe to run twice (a purge of a purged key changes nothing)."""

from __future__ import annotations

import time

from django_tasks import task

from .actions import purge_now
from .backends import PurgeError

RETRY_DELAYS_SECONDS = (1, 5, 30)
"""Waits between attempts when an edge cache does not answer."""


@task()
def purge_keys_task(keys: list[str]) -> int:
    """Purge keys from every edge cache, retrying a failing cache with backoff; return attempts."""
    for attempt, delay in enumerate((*RETRY_DELAYS_SECONDS, None), start=1):
        try:
            purge_now(keys)
            return attempt
        except PurgeError:
            if delay is None:
                raise
            time.sleep(delay)
    return 0  # unreachable: the last attempt returns or raises
