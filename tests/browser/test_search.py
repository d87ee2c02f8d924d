"""Readers search from the header with script off, and reach a topic from the topic box."""

import pytest
from playwright.sync_api import expect

from .stories import HEADLINE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_header_search_box_works_without_javascript(new_page, page_urls, publication):
    page = new_page(java_script_enabled=False)
    page.goto(page_urls["front"])

    page.get_by_role("search", name="Site").get_by_label("Search articles").fill("estuary barrage")
    page.get_by_role("search", name="Site").get_by_role("button", name="Search").click()

    expect(page).to_have_url(page_urls["search"])
    results = page.locator(".search-results")
    expect(results.get_by_role("link", name=HEADLINE)).to_be_visible()
    expect(results.locator("mark").first).to_have_text("Estuary")


def test_the_topic_box_leads_to_the_concept_page(new_page, page_urls):
    page = new_page()
    page.goto(page_urls["search"])

    page.get_by_role("link", name="Topic: Estuary barrage — follow the coverage").click()

    expect(page).to_have_url(page_urls["topic"])
    expect(page.locator("h1")).to_have_text("Estuary barrage")
