"""Values a process builds once and reuses across requests: site chrome, settings, ad inventory.

A ``VersionedMemo`` keeps what ``build`` returned in this process's memory, under a version
read from Django's cache (``BROADSHEET_APP_CACHE_ALIAS``, Redis in production), so a change
saved in any process (``invalidate()``) reaches every process on its next request. An entry is
also rebuilt after ``ttl_seconds`` whatever the version says, which bounds how stale a value can
be when the cache is per-process (the local-memory default with several workers) or a change
bypassed the signals that invalidate it.

Values are shared between requests and threads: callers treat them as read-only (or copy).

A ``PureMemo`` keeps the results of a pure function (sanitising, rendering) under a key that
holds everything the result depends on, so it never needs invalidating: an edit changes the
key, not the entry. It forgets everything when it would grow past ``max_entries``.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Hashable, Iterable
from typing import Any, Generic, TypeVar

from django.core.cache import caches
from django.db import transaction

T = TypeVar("T")

_VERSION_PREFIX = "broadsheet:memo:"
_registry: list[VersionedMemo[Any] | PureMemo[Any]] = []


def _cache() -> Any:
    from django.conf import settings

    return caches[getattr(settings, "BROADSHEET_APP_CACHE_ALIAS", "default")]


class VersionedMemo(Generic[T]):
    """A per-process dictionary of built values, dropped when its shared version changes."""

    def __init__(self, name: str, *, ttl_seconds: float = 60.0, max_entries: int = 64) -> None:
        self.name = name
        self.ttl_seconds = ttl_seconds
        """Rebuild an entry this long after it was built, even if no change was announced."""
        self.max_entries = max_entries
        """Forget every entry when there would be more (keys may come from request headers)."""
        self._entries: dict[Hashable, tuple[str, float, T]] = {}
        self._lock = threading.Lock()
        _registry.append(self)

    @property
    def _version_key(self) -> str:
        return f"{_VERSION_PREFIX}{self.name}"

    def _current_version(self) -> str:
        cache = _cache()
        version = cache.get(self._version_key)
        if version is None:
            version = uuid.uuid4().hex
            if not cache.add(self._version_key, version, timeout=None):
                version = cache.get(self._version_key) or version
        return str(version)

    def get(self, key: Hashable, build: Callable[[], T]) -> T:
        """Return the value for ``key``, building it (and keeping it) when missing or stale."""
        version = self._current_version()
        entry = self._entries.get(key)
        now = time.monotonic()
        if entry is not None and entry[0] == version and now - entry[1] < self.ttl_seconds:
            return entry[2]
        # The version is read before building: a change committed while building leaves this
        # entry under the old version, so the next request builds it again. A build that
        # changed the version itself (a settings row created on first read) builds once more.
        value = build()
        after = self._current_version()
        if after != version:
            version = after
            value = build()
        with self._lock:
            if len(self._entries) >= self.max_entries:
                self._entries.clear()
            self._entries[key] = (version, now, value)
        return value

    def get_many(
        self, keys: Iterable[Hashable], build_many: Callable[[list[Hashable]], dict[Hashable, T]]
    ) -> dict[Hashable, T]:
        """Return the values of ``keys``; those missing or stale are built by one call.

        ``build_many`` returns a value for each key it was given.
        """
        version = self._current_version()
        now = time.monotonic()
        found: dict[Hashable, T] = {}
        missing: list[Hashable] = []
        for key in dict.fromkeys(keys):
            entry = self._entries.get(key)
            if entry is not None and entry[0] == version and now - entry[1] < self.ttl_seconds:
                found[key] = entry[2]
            else:
                missing.append(key)
        if missing:
            built = build_many(missing)
            with self._lock:
                if len(self._entries) + len(built) > self.max_entries:
                    self._entries.clear()
                for key, value in built.items():
                    self._entries[key] = (version, now, value)
            found.update(built)
        return found

    def invalidate(self) -> None:
        """Drop every process's entries now and again once the current transaction commits.

        Now, so this process sees its own change at once; on commit, so a request that rebuilt
        from the old rows before the commit does not keep them.
        """
        self._bump()
        transaction.on_commit(self._bump)

    def _bump(self) -> None:
        _cache().set(self._version_key, uuid.uuid4().hex, timeout=None)
        with self._lock:
            self._entries.clear()

    def clear(self) -> None:
        """Forget this process's entries (the shared version is left alone)."""
        with self._lock:
            self._entries.clear()


class PureMemo(Generic[T]):
    """A bounded per-process dictionary of a pure function's results, by its whole input."""

    def __init__(self, name: str, *, max_entries: int = 4096) -> None:
        self.name = name
        self.max_entries = max_entries
        """Forget every entry when there would be more."""
        self._entries: dict[Hashable, T] = {}
        self._lock = threading.Lock()
        _registry.append(self)

    def get(self, key: Hashable, build: Callable[[], T]) -> T:
        """Return the value for ``key``, building it (and keeping it) when missing.

        ``key`` must hold everything ``build`` reads: the entry is never invalidated.
        """
        try:
            return self._entries[key]
        except KeyError:
            pass
        value = build()
        with self._lock:
            if len(self._entries) >= self.max_entries:
                self._entries.clear()
            self._entries[key] = value
        return value

    def clear(self) -> None:
        """Forget this process's entries."""
        with self._lock:
            self._entries.clear()


def clear_all() -> None:
    """Forget every memo's entries in this process (tests call it between cases)."""
    for memo in _registry:
        memo.clear()
