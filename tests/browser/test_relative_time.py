"""Timestamps read "Published 4 hours ago" in the browser and stay current as time passes.

The browser's clock is fixed with Playwright (paused, so nothing depends on how fast the test
runs); the server always renders the absolute date, which is what readers without script see.
"""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from .stories import FIXED_NOW

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def paused_at(page, moment):
    page.clock.install(time=moment - timedelta(minutes=1))
    page.clock.pause_at(moment)


def test_article_published_four_hours_ago_says_so(new_page, page_urls):
    page = new_page()
    paused_at(page, FIXED_NOW)
    page.goto(page_urls["article"])
    expect(page.locator(".article__time time")).to_have_text("Published 4 hours ago")


def test_wording_moves_on_when_the_clock_does(new_page, page_urls):
    page = new_page()
    paused_at(page, FIXED_NOW)
    page.goto(page_urls["article"])
    stamp = page.locator(".article__time time")
    expect(stamp).to_have_text("Published 4 hours ago")

    page.clock.fast_forward("02:00:00")

    expect(stamp).to_have_text("Published 6 hours ago")


def test_updated_article_says_when_it_was_updated(new_page, page_urls):
    page = new_page()
    paused_at(page, FIXED_NOW)
    page.goto(page_urls["updated article"])
    stamp = page.locator(".article__time time")
    expect(stamp).to_have_text("Updated 25 minutes ago")
    expect(stamp).to_have_attribute("datetime", "2026-03-10T13:35:00+00:00")
    expect(stamp).to_have_attribute("title", "First published 9 March 2026")


@pytest.mark.parametrize(
    ("elapsed", "wording"),
    [
        (timedelta(seconds=59), "Published just now"),
        (timedelta(minutes=12), "Published 12 minutes ago"),
        (timedelta(minutes=1), "Published 1 minute ago"),
        (timedelta(hours=23, minutes=59), "Published 23 hours ago"),
        (timedelta(days=3, hours=5), "Published 3 days ago"),
        (timedelta(days=7), "Published 10 March 2026"),
        (-timedelta(minutes=5), "Published just now"),
    ],
)
def test_wording_follows_the_rules_of_timewords(new_page, page_urls, elapsed, wording):
    published_at = FIXED_NOW - timedelta(hours=4)
    page = new_page()
    paused_at(page, published_at + elapsed)
    page.goto(page_urls["article"])
    expect(page.locator(".article__time time")).to_have_text(wording)


def test_teaser_cards_use_the_same_wording_without_a_prefix(new_page, page_urls):
    page = new_page()
    paused_at(page, FIXED_NOW)
    page.goto(page_urls["front"])
    expect(page.locator(".front-lead .card__meta time")).to_have_text("4 hours ago")


def test_without_script_the_absolute_date_shows(new_page, page_urls):
    page = new_page(java_script_enabled=False)
    page.goto(page_urls["article"])
    expect(page.locator(".article__time time")).to_have_text("Published 10 March 2026")
    assert page.locator("html").get_attribute("class") == "no-js"
