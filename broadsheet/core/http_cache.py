"""Shared-cache rules for public pages: opt-in, surrogate keys, key versions for the app cache.

A view (or a template, through ``{% cache_tag %}``) opts a response into the shared cache by
naming what it shows with ``cache_publicly(request, *keys)``. The middleware in
``broadsheet.core.cache_middleware`` then sends ``Cache-Control: public``, the keys in
``Surrogate-Key``/``Cache-Tag``/``xkey``, and keeps the page in the app cache. A response that
set a cookie or varies on the cookie (it read the session) is personal and is sent
``private, no-store`` instead, whatever the view asked for.

Keys are short strings: ``<model>-<pk>`` for what a page shows (``articlepage-12``,
``concept-5``) and ``list-<model>-<pk>`` for a listing that new articles join (the concept page
of concept 5 is ``list-concept-5``); ``site`` is on every public page (chrome, settings).
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterable
from typing import Any, Protocol

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.http import HttpRequest

SITE_KEY = "site"
"""On every public page: purging it empties the whole shared cache (settings, navigation)."""

_REQUEST_ATTR = "_broadsheet_surrogate_keys"
_VERSION_PREFIX = "broadsheet:sk:"


class _HasPk(Protocol):
    pk: Any


def key_for(obj: _HasPk, *, listing: bool = False) -> str:
    """Return the surrogate key of a model instance, or of the listing it heads."""
    name = f"{obj._meta.model_name}-{obj.pk}"  # type: ignore[attr-defined]
    return f"list-{name}" if listing else name


def cache_publicly(request: HttpRequest, *keys: str) -> None:
    """Mark this request's response as the same for every reader and name what it shows."""
    collected: set[str] | None = getattr(request, _REQUEST_ATTR, None)
    if collected is None:
        collected = {SITE_KEY}
        setattr(request, _REQUEST_ATTR, collected)
    collected.update(key for key in keys if key)


def public_keys(request: HttpRequest) -> list[str] | None:
    """Return the sorted keys of a page marked public, or None when it was not marked."""
    collected: set[str] | None = getattr(request, _REQUEST_ATTR, None)
    return sorted(collected) if collected is not None else None


def _cache() -> Any:
    from django.conf import settings

    return caches[getattr(settings, "BROADSHEET_APP_CACHE_ALIAS", "default")]


def version_name(key: str) -> str:
    """Return the cache key under which the last purge time of surrogate key ``key`` is kept."""
    return f"{_VERSION_PREFIX}{key}"


def purged_at(keys: Iterable[str]) -> dict[str, float]:
    """Return when each key was last purged (0.0 for a key never purged), in epoch seconds."""
    names = {version_name(key): key for key in keys}
    found = _cache().get_many(list(names))
    return {key: float(found.get(name, 0.0)) for name, key in names.items()}


def mark_purged(keys: Iterable[str], *, at: float | None = None) -> None:
    """Invalidate every app-cached page that lists one of these keys and began rendering before now.

    A page keeps the time its rendering began; it is stale once any of its keys was purged
    after that, so a purge that lands while the page renders is not lost.
    """
    moment = time.time() if at is None else at
    cache = _cache()
    cache.set_many({f"{_VERSION_PREFIX}{key}": moment for key in set(keys)}, timeout=None)
    # After the times, so that whoever sees the new generation also sees them.
    bump_generation(cache)


GENERATION_KEY = "broadsheet:purges"
"""A counter every purge moves on: while it stands still, no page has gone stale by a purge."""


def start_generation(cache: Any) -> None:
    """Create the purge generation if the cache has none (new, flushed or evicted).

    It starts from the clock in nanoseconds, never from 0: a generation lost and started again
    must not come back to a number a process remembers from before.
    """
    cache.add(GENERATION_KEY, time.time_ns(), timeout=None)


def bump_generation(cache: Any) -> None:
    """Move the purge generation on: Redis ``INCR``, elsewhere a value never used before.

    On Redis the move is announced in the same transaction to every process's purge watch
    (``broadsheet.core.purge_watch``), which lets their held pages be served without a read.
    Other caches shared by several processes (files, the demo's) have no atomic increment: two
    purges at once could both write n + 1, and a process that read the first one's n + 1 would
    never see the second. A fresh random value cannot be written twice; the last write wins and
    differs from anything a process read before it.
    """
    from . import purge_watch  # it imports this module

    if isinstance(cache, RedisCache):
        purge_watch.bump_and_announce(cache)
    else:
        cache.set(GENERATION_KEY, secrets.randbits(62), timeout=None)
    purge_watch.heard_here()
