"""Shared fixtures: a site tree, and media kept in a per-run temporary folder."""

import pytest

# `smtp_server`: a real SMTP server on loopback for tests that send email.
pytest_plugins = ["broadsheet.core.tests.smtp"]


@pytest.fixture
def site_tree(db):
    from broadsheet.content.tests.factories import make_site

    return make_site()


@pytest.fixture
def home(site_tree):
    return site_tree[0]


@pytest.fixture
def section(site_tree):
    return site_tree[1]


@pytest.fixture(autouse=True)
def _fresh_process_memos():
    """Each test reads sites, settings and ad inventory from its own database rows."""
    from broadsheet.core.memo import clear_all

    clear_all()
    yield
    clear_all()
