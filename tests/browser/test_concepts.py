"""Readers reach concept pages from the kicker and from "Follow the topics in this article"."""

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_kicker_leads_to_the_concept_page_that_lists_the_article(new_page, page_urls, publication):
    page = new_page()
    page.goto(page_urls["article"])
    page.locator(".article__kicker a").click()
    expect(page).to_have_url(page_urls["topic"])
    expect(page.locator("h1")).to_have_text("Estuary barrage")
    expect(
        page.locator(".listing").get_by_role("link", name=publication.article.title)
    ).to_be_visible()


def test_every_follow_link_is_reachable_by_keyboard_and_opens_a_page(new_page, page_urls):
    page = new_page()
    page.goto(page_urls["article"])
    follow = page.locator("section.follow")
    expect(follow.get_by_role("heading", name="Follow the topics in this article")).to_be_visible()
    links = follow.get_by_role("link")
    count = links.count()
    assert count >= 2
    hrefs = [links.nth(i).get_attribute("href") for i in range(count)]
    assert hrefs[0] == "/topics/estuary-barrage/"
    assert any(href.startswith("/authors/") for href in hrefs)
    links.nth(0).focus()
    expect(links.nth(0)).to_be_focused()
    for href in hrefs:
        response = page.goto(page_urls["front"].rstrip("/") + href)
        assert response is not None
        assert response.status == 200
        expect(page.locator("h1")).to_have_count(1)
