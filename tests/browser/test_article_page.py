"""Every element of ARTICLE_PAGE.md is on the rendered article page, visible, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_article_page_shows_every_element_of_the_anatomy(new_page, page_urls, publication):
    page = new_page()
    page.goto(page_urls["article"])
    article = page.locator("article.article")

    # 1. kicker: the display concept, linking to its page
    kicker = article.locator(".article__kicker a")
    expect(kicker).to_be_visible()
    expect(kicker).to_have_text("Estuary barrage")
    expect(kicker).to_have_attribute("href", "/topics/estuary-barrage/")

    # 2-3. one headline, and the standfirst
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("h1")).to_have_text(publication.article.title)
    expect(article.locator(".article__standfirst")).to_have_text(publication.article.standfirst)

    # 4. lead image with caption and credit, both shown
    lead = article.locator("figure.lead-media")
    expect(lead.locator("img")).to_be_visible()
    expect(lead.locator("img")).to_have_attribute(
        "alt", "The estuary mouth at high tide, seen from the northern breakwater"
    )
    expect(lead.locator("figcaption")).to_have_text(
        "The estuary mouth, where the barrage will stand \u00a9\u00a0Coastline Pictures/Joana Neves"
    )

    # 5. bylines joined as English does, each author a link, each with a location
    expect(article.locator(".byline")).to_have_text(
        "By Inês Carvalho in Lisbon, Daniel Mwangi in Nairobi and Lucía Paredes in Lima"
    )
    names = article.locator(".byline a.byline__name")
    expect(names).to_have_count(3)
    assert [names.nth(i).get_attribute("href") for i in range(3)] == [
        "/authors/ines-carvalho/",
        "/authors/daniel-mwangi/",
        "/authors/lucia-paredes/",
    ]

    # 6. the timestamp: a <time> with the absolute moment
    stamp = article.locator(".article__time time")
    expect(stamp).to_be_visible()
    expect(stamp).to_have_attribute("datetime", "2026-03-10T10:00:00+00:00")
    expect(stamp).to_have_text(re.compile(r"^Published "))

    # 7. body: paragraphs, inline links to an article and a concept page, sub-heading, quotes,
    # an inline image with caption and credit
    body = article.locator(".article__body")
    expect(body.locator(".body-text")).to_have_count(13)
    expect(body.locator(".body-text a", has_text="rewritten its timetable")).to_have_attribute(
        "href", "/world/ferry-timetable-rewritten-as-the-new-quay-opens-early/"
    )
    expect(body.locator(".body-text a", has_text="barrage story so far")).to_have_attribute(
        "href", "/topics/estuary-barrage/"
    )
    expect(body.locator("h2.body-subheading")).to_have_text("What changes on the water")
    expect(body.locator("blockquote.body-blockquote")).to_contain_text(
        "We asked for a lock that works at every tide."
    )
    expect(body.locator("figure.pullquote blockquote")).to_have_text(
        "It\u2019s the biggest thing built here since the breakwater."
    )
    expect(body.locator("figure.body-figure figcaption")).to_have_text(
        "Mudflats upstream of the site at low tide \u00a9\u00a0Broadsheet/Ana Duarte"
    )

    # 8. ad slots labelled "Advertisement", between paragraphs
    slots = body.locator("aside.ad-slot")
    expect(slots).to_have_count(2)
    for index in range(2):
        slot = slots.nth(index)
        slot.scroll_into_view_if_needed()
        expect(slot.locator(".ad-slot__label")).to_have_text("Advertisement")
        expect(slot).to_have_attribute("aria-label", "Advertisement")
        expect(slot.locator("img")).to_have_attribute("alt", "Subscribe to the weekend edition")

    # 9. inline video: large play control with the duration from the file, caption and credit
    video = body.locator("figure.video")
    video.scroll_into_view_if_needed()
    expect(video.locator(".video__play")).to_be_visible()
    expect(video.locator(".video__play")).to_have_text("PLAY 00:53", use_inner_text=True)
    expect(video.locator("video")).to_have_attribute("preload", "none")
    expect(video.locator("video track[kind=captions]")).to_have_count(1)
    expect(video.locator("figcaption")).to_have_text(
        "Engineers show how the sluices follow the tide \u00a9\u00a0Broadsheet Video/Tomas Reid"
    )

    # 10. copyright line
    copyright_line = article.locator(".article__copyright")
    expect(copyright_line).to_be_visible()
    expect(copyright_line).to_have_text("Copyright © The Broadsheet 2026. All rights reserved.")

    # 11. follow the topics: display concept first, then the authors, each a link
    follow = article.locator("section.follow")
    expect(follow.locator("h2")).to_have_text("Follow the topics in this article")
    links = follow.locator("a")
    expect(links).to_have_count(4)
    assert [links.nth(i).get_attribute("href") for i in range(4)] == [
        "/topics/estuary-barrage/",
        "/authors/ines-carvalho/",
        "/authors/daniel-mwangi/",
        "/authors/lucia-paredes/",
    ]
    expect(links.first).to_be_visible()
