"""Readers follow topics from an article page, with and without JavaScript, and read My feed."""

from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a long reader passphrase"


@pytest.fixture
def reader(publication):
    # A reader who signed up and verified the address: allauth signs in only those.
    from broadsheet.accounts.tests.factories import ReaderFactory

    return ReaderFactory(email="rita@example.org", password=PASSWORD)


def signed_in_page(new_page, live_server, reader, **options):
    """Return a page whose browser carries a session of ``reader`` (as signing in leaves)."""
    client = Client()
    client.force_login(reader)
    page = new_page(**options)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return page


def barrage_button(page):
    return page.locator("section.follow form[data-follow-concept]").first.get_by_role("button")


def test_follow_in_place_with_javascript(new_page, live_server, page_urls, publication, reader):
    from broadsheet.follows.models import Follow

    page = signed_in_page(new_page, live_server, reader)
    violations: list[str] = []
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.goto(page_urls["article"])
    button = barrage_button(page)
    expect(button).to_have_attribute("aria-pressed", "false")
    expect(button).to_have_accessible_name("Follow Estuary barrage")

    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(button).to_contain_text("Following")
    expect(page).to_have_url(page_urls["article"])
    assert list(Follow.objects.filter(reader=reader).values_list("concept_id", flat=True)) == [
        publication.concept.pk
    ]

    page.reload()
    expect(barrage_button(page)).to_have_attribute("aria-pressed", "true")
    barrage_button(page).click()
    expect(barrage_button(page)).to_have_attribute("aria-pressed", "false")
    assert not Follow.objects.filter(reader=reader).exists()
    assert violations == []


def test_follow_without_javascript(new_page, live_server, page_urls, publication, reader):
    from broadsheet.follows.models import Follow

    page = signed_in_page(new_page, live_server, reader, java_script_enabled=False)
    page.goto(page_urls["article"])
    button = barrage_button(page)
    expect(button).not_to_have_attribute("aria-pressed", "true")
    button.click()
    expect(page.locator("h1")).to_have_text("Estuary barrage")
    page.get_by_role("button", name="Follow Estuary barrage").click()
    expect(page).to_have_url(page_urls["article"])
    assert Follow.objects.filter(reader=reader, concept=publication.concept).count() == 1


def test_anonymous_follow_leads_through_sign_in(new_page, page_urls, publication, reader):
    """Signs in with email and password at settings.LOGIN_URL (allauth's form)."""
    from broadsheet.follows.models import Follow

    page = new_page()
    page.goto(page_urls["article"])
    barrage_button(page).click()
    expect(page.locator("input[name='password']")).to_be_visible()
    page.locator("input[name='login']").fill(reader.email)
    page.locator("input[name='password']").fill(PASSWORD)
    page.locator("input[name='password']").press("Enter")
    page.get_by_role("button", name="Follow Estuary barrage").click()
    expect(page).to_have_url(page_urls["article"])
    expect(barrage_button(page)).to_have_attribute("aria-pressed", "true")
    assert Follow.objects.filter(reader=reader, concept=publication.concept).count() == 1


def test_my_feed_shows_the_article_with_its_reason(new_page, live_server, publication, reader):
    from broadsheet.follows.actions import follow

    follow(reader, publication.concept)
    page = signed_in_page(new_page, live_server, reader)
    page.goto(live_server.url + "/myfeed/")
    item = page.locator(".feed-item").filter(has_text=publication.article.title)
    expect(item).to_have_count(1)
    expect(item.locator(".feed-item__because")).to_have_text("Because you follow Estuary barrage")
    item.get_by_role("link", name=publication.article.title).click()
    assert urlsplit(page.url).path == publication.article.url
