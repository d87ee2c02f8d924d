import pytest

from broadsheet.delivery.backends import dummy


@pytest.fixture
def purged():
    """The keys the dummy purge backend was asked to purge during the test, one list per call.

    Purges merge per transaction level until it commits; the test transaction never commits,
    so forget what the fixtures before this one left pending.
    """
    from broadsheet.delivery import actions

    actions._local.__dict__.pop("pending", None)
    dummy.purged.clear()
    yield dummy.purged
    dummy.purged.clear()


@pytest.fixture
def app_cache(settings):
    from django.core.cache import cache

    cache.clear()
    settings.BROADSHEET_APP_CACHE = True
    yield cache
    cache.clear()
