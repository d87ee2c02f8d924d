"""Purges heard as they happen, so that a process need not ask the cache on every hit.

The app cache (``broadsheet.core.cache_middleware``) keeps the pages a process served fresh in
that process's memory. Without more, a hit on one of them still asks the shared cache whether
anything was purged since (one ``GET`` of the purge generation): on Redis that round trip is
most of what a hit costs.

When the app cache is Redis, every purge also ``PUBLISH``es on a channel named after the purge
generation's key (with the cache's ``KEY_PREFIX``), and each process keeps one subscription to
it in a daemon thread. ``PurgeWatch.epoch()`` counts what that thread heard: a page held in
epoch 7 is served with no cache read at all while the epoch is still 7.

What could make a process miss a purge makes it stop trusting the watch instead:

- the subscription is confirmed before the watch is trusted, and every confirmation (the first,
  and each one after redis-py reconnected on its own) moves the epoch on, since purges published
  while it was away were not heard;
- the thread pings Redis every ``PING_EVERY`` seconds on the subscribed connection; when no
  reply, message or confirmation came for ``TRUSTED_FOR`` seconds (a connection that died without
  a word), ``epoch()`` returns None and hits ask the cache as before;
- a failure of the connection moves the epoch on and stops trusting the watch until it is
  subscribed again (the thread retries with a growing pause).

A purge made in this process moves the epoch on at once (``announce_purge``); another process's
purge arrives as fast as Redis delivers a message and the subscribing thread gets to run, which
is well under a millisecond on an idle machine and a few under load (the interpreter hands the
thread its turn at least every 5 ms). A cache that is not Redis (local memory in tests and the
embedded default, files, database) has no watch: ``watch_for`` returns None.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from typing import Any

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.core.signals import setting_changed
from django.dispatch import receiver

from .http_cache import GENERATION_KEY

logger = logging.getLogger(__name__)

PING_EVERY = 1.0
"""Seconds between the watch's pings on its subscribed connection."""
TRUSTED_FOR = 3.0
"""Seconds without a word from Redis after which the watch is not trusted."""
RETRY_AFTER = 0.5
"""Seconds before the first retry of a failed subscription (doubling up to RETRY_AT_MOST)."""
RETRY_AT_MOST = 30.0

_PING = "broadsheet-purge-watch"


class PurgeWatch:
    """One process's subscription to the purges of one Redis cache."""

    def __init__(self, cache: RedisCache, channel: str) -> None:
        self.channel = channel
        self.pid = os.getpid()
        self._cache = cache
        self._epoch = 0
        self._trusted = False
        self._heard_at = 0.0
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._subscribed = threading.Event()
        self._thread = threading.Thread(
            target=self._run, name=f"purge-watch {channel}", daemon=True
        )

    def start(self) -> PurgeWatch:
        self._thread.start()
        return self

    def stop(self, *, wait: float = 2 * PING_EVERY) -> None:
        """Stop listening (the thread ends within one ping interval)."""
        self._stopping.set()
        with self._lock:
            self._trusted = False
            self._epoch += 1
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(wait)

    def wait_until_subscribed(self, timeout: float) -> bool:
        """Block until the subscription is confirmed (tests, and a worker that wants to know)."""
        return self._subscribed.wait(timeout)

    def epoch(self) -> int | None:
        """How many purges (and reconnections) this process heard, or None if it may have missed one.

        Two calls that return the same number prove that no purge was published in between.
        """
        if not self._trusted or time.monotonic() - self._heard_at > TRUSTED_FOR:
            return None
        return self._epoch

    def heard(self) -> None:
        """A purge happened (heard on the channel, or made by this process): move the epoch on."""
        with self._lock:
            self._epoch += 1

    def _run(self) -> None:
        pause = RETRY_AFTER
        while not self._stopping.is_set():
            pubsub = None
            try:
                pubsub = self._cache._cache.get_client(write=True).pubsub()
                pubsub.subscribe(self.channel)
                next_ping = 0.0
                while not self._stopping.is_set():
                    now = time.monotonic()
                    if now >= next_ping:
                        pubsub.ping(_PING)
                        next_ping = now + PING_EVERY
                    message = pubsub.get_message(timeout=PING_EVERY)
                    if message is not None:
                        self._on_message(message)
                        pause = RETRY_AFTER
            except Exception as error:  # a lost connection: heard again once resubscribed
                logger.warning(
                    "Purge watch on %s lost its connection (%s); hits ask the cache until it is "
                    "back, retrying in %.1f s.",
                    self.channel,
                    error,
                    pause,
                )
            finally:
                with self._lock:
                    self._trusted = False
                    self._epoch += 1
                self._subscribed.clear()
                if pubsub is not None:
                    with contextlib.suppress(Exception):  # it may have failed already
                        pubsub.close()
            if self._stopping.wait(pause):
                break
            pause = min(pause * 2, RETRY_AT_MOST)

    def _on_message(self, message: dict[str, Any]) -> None:
        kind = message.get("type")
        with self._lock:
            self._heard_at = time.monotonic()
            if kind == "subscribe":
                # First confirmation, or redis-py resubscribed after a reconnection: anything
                # published while the connection was down went unheard.
                self._epoch += 1
                self._trusted = True
                self._subscribed.set()
            elif kind == "message":
                self._epoch += 1
            elif kind == "unsubscribe":
                self._epoch += 1
                self._trusted = False
                self._subscribed.clear()


_watches: dict[str, PurgeWatch | None] = {}
_watches_pid = os.getpid()
_watches_lock = threading.Lock()


def channel_for(cache: Any) -> str:
    """The channel a cache's purges are announced on: the purge generation's full key."""
    return str(cache.make_and_validate_key(GENERATION_KEY))


def watch_for(alias: str) -> PurgeWatch | None:
    """Return this process's watch on the cache ``alias``, started on first use; None if not Redis."""
    global _watches_pid
    if _watches_pid == os.getpid():
        try:
            return _watches[alias]
        except KeyError:
            pass
    with _watches_lock:
        if _watches_pid != os.getpid():
            # A forked child (a gunicorn worker) inherits the dict but not the threads.
            _watches.clear()
            _watches_pid = os.getpid()
        if alias not in _watches:
            cache = caches[alias]
            _watches[alias] = (
                PurgeWatch(cache, channel_for(cache)).start()
                if isinstance(cache, RedisCache)
                else None
            )
        return _watches[alias]


def heard_here() -> None:
    """A purge made in this process: its own watches move on at once, not when Redis echoes it."""
    if _watches_pid == os.getpid():
        for watch in list(_watches.values()):
            if watch is not None:
                watch.heard()


def bump_and_announce(cache: RedisCache) -> None:
    """Move a Redis cache's purge generation on and announce it, in one transaction.

    ``MULTI``: start the generation from the clock if the cache lost it, ``INCR`` it, ``PUBLISH``
    on its channel, ``EXEC``. Either all three happen or none does, so no process can miss a
    purge that moved the generation on.
    """
    key = cache.make_and_validate_key(GENERATION_KEY)
    pipeline = cache._cache.get_client(key, write=True).pipeline(transaction=True)
    # The generation starts from the clock in nanoseconds, never from 0 (see start_generation).
    pipeline.set(key, time.time_ns(), nx=True)
    pipeline.incr(key)
    pipeline.publish(str(key), "purge")
    pipeline.execute()


def stop_watches() -> None:
    """Stop every watch this process started (settings changed, or a test is done)."""
    with _watches_lock:
        watches = [watch for watch in _watches.values() if watch is not None]
        _watches.clear()
    for watch in watches:
        if watch.pid == os.getpid():
            watch.stop()


@receiver(setting_changed)
def _forget_watches(*, setting: str, **kwargs: Any) -> None:
    if setting in ("CACHES", "BROADSHEET_APP_CACHE_ALIAS"):
        stop_watches()
