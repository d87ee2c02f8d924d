"""Fixtures for driving Debian's Chromium through Playwright against the live test server.

Playwright's sync API runs an event loop in the test thread, so Django's guard against ORM
calls from async code is switched off for these tests (they are synchronous).
"""

from __future__ import annotations

import os
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


def require_chromium() -> None:
    """Fail (never skip) with what to install when Debian's Chromium is missing."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}: the browser tests need Debian's chromium "
            "package. Run `make test-deps` (or `apt-get install chromium`).",
            pytrace=False,
        )


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
    """Return the absolute URLs of each kind of reading page, and of the updated article."""
    return {
        "front": live_server.url + "/",
        "section": live_server.url + publication.world.url,
        "author": live_server.url + publication.authors[0].get_absolute_url(),
        "article": live_server.url + publication.article.url,
        "topic": live_server.url + publication.concept.get_absolute_url(),
        "search": live_server.url + "/search/?q=estuary+barrage",
        "updated article": live_server.url + publication.updated_article.url,
    }


@pytest.fixture
def new_page(page_urls):
    """Return a factory of pages, each in a fresh browser context of one Chromium per test.

    Chromium starts after the publication is built and stops before the database is reset:
    while Playwright's sync API runs its event loop, Django gives the test thread a second
    database connection, and the test database's setup and teardown must not run on it.
    """
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)

        def make(**context_options):
            context = chromium.new_context(
                viewport=context_options.pop("viewport", VIEWPORTS["wide"]), **context_options
            )
            return context.new_page()

        yield make
        chromium.close()
