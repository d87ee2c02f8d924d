"""Fixtures for driving Debian's Chromium through Playwright against the live test server.

Playwright's sync API runs an event loop in the test thread, so Django's guard against ORM
calls from async code is switched off for these tests (they are synchronous).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .pages import VIEWPORTS

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
REPO = Path(__file__).resolve().parents[2]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"


@pytest.fixture(scope="session")
def browser() -> Iterator:
    """Launch Debian's Chromium once per run; fail (never skip) when it is not installed."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}: the browser tests need Debian's chromium "
            "package. Run `make test-deps` (or `apt-get install chromium`).",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """Return the path of axe-core; fail with what to run when npm has not installed it."""
    if not AXE.exists():
        pytest.fail(
            f"axe-core is missing at {AXE}: run `make test-deps` (npm install).", pytrace=False
        )
    return AXE


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture(scope="session")
def clip(tmp_path_factory):
    """Encode the test video once per run."""
    from .stories import make_clip

    return make_clip(tmp_path_factory.mktemp("clip"))


@pytest.fixture
def publication(live_server, clip, settings):
    """Build the demo publication in the database the live server reads, with media served."""
    from django.core.cache import caches

    from .stories import build_publication

    settings.ROOT_URLCONF = "tests.browser.urls"
    for cache in caches.all():
        cache.clear()
    address = urlsplit(live_server.url)
    return build_publication(clip, hostname=address.hostname, port=address.port)


@pytest.fixture
def page_urls(live_server, publication) -> dict[str, str]:
    """Return the absolute URLs of the four kinds of reading page."""
    return {
        "front": live_server.url + "/",
        "section": live_server.url + publication.world.url,
        "author": live_server.url + publication.authors[0].get_absolute_url(),
        "article": live_server.url + publication.article.url,
    }


@pytest.fixture
def new_page(browser):
    """Return a factory of pages in fresh contexts; every context is closed after the test."""
    contexts = []

    def make(**context_options):
        context = browser.new_context(
            viewport=context_options.pop("viewport", VIEWPORTS["wide"]), **context_options
        )
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
