"""The publication's accent colour, a setting, reaches every page through /brand.css."""

import pytest
from wagtail.models import Site

from broadsheet.content.models import PublicationSettings

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def blue_publication(publication):
    PublicationSettings.objects.filter(site=Site.objects.get(root_page=publication.home)).update(
        accent_colour="#1d4ed8"
    )
    return publication


def test_accent_colour_from_the_settings_colours_the_page(blue_publication, new_page, page_urls):
    page = new_page()
    page.goto(page_urls["article"])
    header_rule = page.locator(".site-header").evaluate(
        "header => getComputedStyle(header).borderTopColor"
    )
    kicker = page.locator(".article__kicker").evaluate("kicker => getComputedStyle(kicker).color")
    assert (header_rule, kicker) == ("rgb(29, 78, 216)", "rgb(29, 78, 216)")
    assert page.locator("link[href^='/brand.css']").get_attribute("href") == "/brand.css?v=1d4ed8"


def test_dark_mode_lightens_the_accent_for_text(blue_publication, new_page, page_urls):
    page = new_page(color_scheme="dark")
    page.goto(page_urls["article"])
    kicker = page.locator(".article__kicker").evaluate("kicker => getComputedStyle(kicker).color")
    paper = page.locator("body").evaluate("body => getComputedStyle(body).backgroundColor")
    assert (paper, kicker) == ("rgb(20, 21, 23)", "rgb(97, 131, 228)")  # #141517, #6183e4
