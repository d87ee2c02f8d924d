"""The embedded default cache is files: a purge made by another process (the task worker) counts."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import caches

from broadsheet.core.http_cache import GENERATION_KEY
from broadsheet.core.tests.redis_purges import purge_from_another_process


@pytest.fixture
def file_cache(settings, tmp_path) -> Iterator[dict[str, Any]]:
    """The default cache as the settings make it without CACHE_URL, in a folder of the test's own."""
    config = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(tmp_path / "cache"),
        "OPTIONS": {"MAX_ENTRIES": 10_000, "CULL_FREQUENCY": 10},
    }
    settings.CACHES = {**settings.CACHES, "default": config}
    settings.BROADSHEET_APP_CACHE = True
    yield config
    caches["default"].clear()


@pytest.fixture
def page_cache(file_cache):
    return file_cache


def test_a_purge_made_by_another_process_reaches_the_pages_this_one_serves(
    client, two_articles, file_cache
):
    article, other = two_articles
    assert client.get(article.url)["X-App-Cache"] == "miss"
    assert client.get(other.url)["X-App-Cache"] == "miss"
    assert client.get(article.url)["X-App-Cache"] == "hit"
    assert client.get(other.url)["X-App-Cache"] == "hit"

    # As the task worker does when it annotates the article again: another process, same files.
    purge_from_another_process(file_cache, f"articlepage-{article.pk}")

    assert client.get(article.url)["X-App-Cache"] == "miss"
    assert client.get(other.url)["X-App-Cache"] == "hit"  # it does not show that article
    assert client.get(article.url)["X-App-Cache"] == "hit"


def test_every_purge_leaves_a_generation_never_seen_before(file_cache):
    """Files have no atomic increment: each purge writes a fresh value, so none is lost."""
    from broadsheet.core.http_cache import mark_purged

    cache = caches["default"]
    seen = set()
    for _ in range(20):
        mark_purged(["site"])
        seen.add(cache.get(GENERATION_KEY))
    assert None not in seen
    assert len(seen) == 20
