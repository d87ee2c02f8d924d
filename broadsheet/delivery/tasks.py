"""Background purges: safe to run twice (a purge of a purged key changes nothing)."""

from __future__ import annotations

import logging
import time
from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from .actions import purge_now
from .backends import PurgeError

logger = logging.getLogger(__name__)

RETRY_DELAYS_SECONDS = (1, 5, 30)
"""Waits before the second, third and fourth attempt when an edge cache does not answer."""


@task()
def purge_keys_task(keys: list[str], attempt: int = 1) -> int:
    """Purge keys from every edge cache; return the attempt that succeeded, 0 if one comes later.

    A failing cache is tried again after each of RETRY_DELAYS_SECONDS: on a queue that can
    defer (the database queue) as a new task that runs later, so no worker sits waiting; on
    one that cannot (the immediate backend) by waiting in place. The last failure raises.
    """
    while True:
        try:
            purge_now(keys)
        except PurgeError as error:
            if attempt > len(RETRY_DELAYS_SECONDS):
                raise
            delay = RETRY_DELAYS_SECONDS[attempt - 1]
            attempt += 1
            if purge_keys_task.get_backend().supports_defer:
                later = timezone.now() + timedelta(seconds=delay)
                purge_keys_task.using(run_after=later).enqueue(keys, attempt)
                logger.info("Purge failed (%s); attempt %d runs at %s.", error, attempt, later)
                return 0
            time.sleep(delay)
        else:
            return attempt
