import pytest

from broadsheet.accounts.tests.factories import ReaderFactory, StaffFactory


@pytest.fixture
def reader(db):
    return ReaderFactory(email="ada@example.org")


@pytest.fixture
def staff(db):
    return StaffFactory(username="editor", email="editor@newsroom.example.org")


@pytest.fixture
def second_factor_required(settings):
    settings.BROADSHEET_STAFF_SECOND_FACTOR = True


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """allauth counts attempts in the cache; start each test from zero."""
    from django.core.cache import cache

    cache.clear()
