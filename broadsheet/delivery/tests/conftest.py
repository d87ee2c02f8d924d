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


@pytest.fixture
def page_cache(app_cache):
    """The cache the app cache keeps pages in; a module of tests on another cache overrides it."""
    return app_cache


@pytest.fixture
def two_articles(section, page_cache):
    """Two articles of one section, made once the test's page cache is in place."""
    from broadsheet.content.tests.factories import make_article

    first = make_article(section=section, title="Trams return to Lisbon")
    second = make_article(section=section, title="Ferries run late")
    return first, second
