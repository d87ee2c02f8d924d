"""On Redis, a process hears purges as they happen and serves the pages it holds with no read."""

from collections.abc import Iterator

import pytest
from django.core.cache import caches

from broadsheet.core.purge_watch import watch_for
from broadsheet.core.tests.redis_purges import (
    eventually,
    purge_in_another_process,
    use_redis_cache,
)


@pytest.fixture
def redis_app_cache(settings) -> Iterator[str]:
    settings.BROADSHEET_APP_CACHE = True
    yield from use_redis_cache(settings)


@pytest.fixture
def watch(redis_app_cache):
    found = watch_for("default")
    assert found is not None
    assert found.wait_until_subscribed(5)
    return found


@pytest.fixture
def cache_calls(redis_app_cache, monkeypatch):
    """The calls the middleware makes on the Redis app cache, by name."""
    cache = caches["default"]
    calls: list[str] = []
    for name in ("get", "get_many", "add", "set", "delete"):
        original = getattr(cache, name)

        def counted(*args, _name=name, _original=original, **kwargs):
            calls.append(_name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(cache, name, counted)
    return calls


@pytest.fixture
def page_cache(redis_app_cache):
    return redis_app_cache


def test_a_held_page_is_served_without_reading_the_cache_until_a_purge_is_heard(
    client, two_articles, watch, cache_calls, redis_app_cache
):
    article, other = two_articles
    assert client.get(article.url)["X-App-Cache"] == "miss"
    first_hit = client.get(article.url)
    assert first_hit["X-App-Cache"] == "hit"
    cache_calls.clear()
    for _ in range(3):
        again = client.get(article.url)
        assert again["X-App-Cache"] == "hit"
        assert again.content == first_hit.content
    assert cache_calls == []  # no round trip to Redis at all

    # Another process purges something this page does not show: once heard, the page is
    # checked again (its generation, then its own keys), still a hit, then held again.
    heard = watch.epoch()
    purge_in_another_process(redis_app_cache, "concept-999999")
    assert eventually(lambda: watch.epoch() not in (None, heard))
    assert client.get(article.url)["X-App-Cache"] == "hit"
    assert cache_calls[0] == "get"
    cache_calls.clear()
    assert client.get(article.url)["X-App-Cache"] == "hit"
    assert cache_calls == []

    # Another process purges this article: the next request renders it again.
    heard = watch.epoch()
    purge_in_another_process(redis_app_cache, f"articlepage-{article.pk}")
    assert eventually(lambda: watch.epoch() not in (None, heard))
    assert client.get(article.url)["X-App-Cache"] == "miss"
    assert client.get(other.url)["X-App-Cache"] == "miss"  # never asked for before
    assert client.get(other.url)["X-App-Cache"] == "hit"


def test_while_the_watch_is_not_trusted_a_hit_reads_the_purge_generation(
    client, two_articles, watch, cache_calls
):
    article, _ = two_articles
    client.get(article.url)
    assert client.get(article.url)["X-App-Cache"] == "hit"
    watch.stop()  # as when its connection is lost: nothing heard can be trusted
    cache_calls.clear()
    assert client.get(article.url)["X-App-Cache"] == "hit"
    assert cache_calls == ["get"]


def test_a_purge_published_by_this_process_is_not_waited_for(
    client, two_articles, watch, django_capture_on_commit_callbacks
):
    from broadsheet.content.models import ArticlePage

    article, _ = two_articles
    client.get(article.url)
    assert client.get(article.url)["X-App-Cache"] == "hit"
    page = ArticlePage.objects.get(pk=article.pk)
    page.title = "Trams return to the hills of Lisbon"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    fresh = client.get(article.url)  # at once: no wait for Redis to echo the purge
    assert fresh["X-App-Cache"] == "miss"
    assert b"Trams return to the hills of Lisbon" in fresh.content
