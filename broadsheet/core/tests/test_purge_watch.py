"""The purge watch hears purges from other processes through a real Redis, and distrusts itself.

Each test has its own key prefix on its own Redis database, so the channel and the generation are
its own.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from django.core.cache import caches

from broadsheet.core.http_cache import GENERATION_KEY, mark_purged
from broadsheet.core.purge_watch import TRUSTED_FOR, PurgeWatch, watch_for

from .redis_purges import eventually, purge_in_another_process, use_redis_cache


@pytest.fixture
def redis_cache(settings) -> Iterator[str]:
    yield from use_redis_cache(settings)


@pytest.fixture
def watch(redis_cache) -> PurgeWatch:
    found = watch_for("default")
    assert found is not None
    assert found.wait_until_subscribed(5)
    return found


def test_a_cache_that_is_not_redis_has_no_watch():
    assert watch_for("default") is None


def test_the_watch_is_trusted_once_subscribed(redis_cache):
    watch = watch_for("default")
    assert watch is not None
    assert watch_for("default") is watch  # one per process and cache
    assert watch.channel == f"{redis_cache}:1:{GENERATION_KEY}"
    assert watch.wait_until_subscribed(5)
    assert isinstance(watch.epoch(), int)


def test_a_purge_in_another_process_moves_the_epoch_on(redis_cache, watch):
    before = watch.epoch()
    assert before is not None
    purge_in_another_process(redis_cache, "articlepage-1")
    assert eventually(lambda: watch.epoch() not in (None, before))
    # The generation moved on in the same transaction as the announcement.
    assert caches["default"].get(GENERATION_KEY) is not None


def test_a_purge_in_this_process_moves_the_epoch_on_at_once(redis_cache, watch):
    before = watch.epoch()
    generation = caches["default"].get(GENERATION_KEY)
    mark_purged(["concept-3"])
    assert watch.epoch() != before  # no wait for Redis to echo it
    assert caches["default"].get(GENERATION_KEY) != generation


def test_a_lost_subscription_is_not_trusted_and_comes_back_with_a_new_epoch(redis_cache, watch):
    before = watch.epoch()
    client = caches["default"]._cache.get_client(write=True)
    assert client.client_kill_filter(_type="pubsub") >= 1
    # Whatever was published while the connection was down went unheard: the epoch moves on,
    # and it is trusted again only once the subscription is confirmed anew.
    assert eventually(lambda: watch.epoch() not in (None, before), seconds=10)
    later = watch.epoch()
    purge_in_another_process(redis_cache, "section-2")
    assert eventually(lambda: watch.epoch() not in (None, later))


def test_a_watch_that_heard_nothing_for_a_while_is_not_trusted():
    watch = PurgeWatch(caches["default"], "never-started")  # type: ignore[arg-type]
    assert watch.epoch() is None  # not subscribed
    watch._trusted = True
    watch._heard_at = time.monotonic()
    assert watch.epoch() == 0
    watch._heard_at = time.monotonic() - TRUSTED_FOR - 1
    assert watch.epoch() is None  # a connection that died without a word


def test_a_stopped_watch_is_not_trusted(redis_cache, watch):
    watch.stop()
    assert watch.epoch() is None
    assert not watch._thread.is_alive()
