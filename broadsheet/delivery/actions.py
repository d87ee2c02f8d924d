"""purge(): drop pages from the app cache and every edge cache once a change commits."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable

from django.db import transaction

from broadsheet.core.http_cache import mark_purged

logger = logging.getLogger(__name__)
_local = threading.local()


class _Pending:
    """Keys purged inside one transaction, flushed together when it commits."""

    def __init__(self, level: tuple[str | None, ...]) -> None:
        self.level = level
        self.keys: set[str] = set()
        self.callback: Callable[[], None] = self.flush

    def flush(self) -> None:
        if _local.__dict__.get("pending") is self:
            del _local.pending
        _flush(sorted(self.keys))


def purge(keys: Iterable[str]) -> None:
    """Purge every page carrying one of keys, once the current transaction commits.

    Purges within one transaction are merged into one: the app cache forgets the pages at
    commit and one purge_keys_task tells the edge caches (retrying one that does not answer).
    Nothing is purged if the transaction rolls back.
    """
    wanted = set(keys)
    if not wanted:
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _flush(sorted(wanted))
        return
    # One pending purge per savepoint level: it runs when that level's work commits.
    level = tuple(connection.savepoint_ids)
    pending: _Pending | None = _local.__dict__.get("pending")
    registered = (
        pending is not None
        and pending.level == level
        and any(entry[1] is pending.callback for entry in connection.run_on_commit)
    )
    if pending is None or not registered:
        pending = _Pending(level)
        _local.pending = pending
        transaction.on_commit(pending.callback)
    pending.keys.update(wanted)


def _flush(keys: list[str]) -> None:
    from .tasks import purge_keys_task

    mark_purged(keys)
    purge_keys_task.enqueue(keys)


def purge_now(keys: list[str]) -> None:
    """Tell every configured edge cache to purge keys; raise PurgeError if one fails."""
    from .backends import PurgeError, purge_backends

    failures: list[str] = []
    for backend in purge_backends():
        try:
            backend.purge(keys)
        except Exception as error:  # one cache failing must not stop the others
            logger.warning("Purge through %s failed: %s", backend.name, error)
            failures.append(f"{backend.name}: {error}")
    if failures:
        raise PurgeError("; ".join(failures))
