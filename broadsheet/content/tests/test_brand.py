"""The brand stylesheet: the publication's accent colour, legible on light and dark paper."""

import pytest
from wagtail.models import Site

from broadsheet.content.brand import (
    DARK_BACKGROUNDS,
    LIGHT_BACKGROUNDS,
    MIN_TEXT_CONTRAST,
    brand_stylesheet,
    contrast_ratio,
    legible_on,
    text_on,
)
from broadsheet.content.models import PublicationSettings


@pytest.mark.parametrize(
    ("first", "second", "ratio"),
    [("#000000", "#ffffff", 21.0), ("#ffffff", "#ffffff", 1.0), ("#777777", "#ffffff", 4.48)],
)
def test_contrast_ratio_follows_wcag(first, second, ratio):
    assert contrast_ratio(first, second) == pytest.approx(ratio, abs=0.01)


def test_default_accent_is_kept_for_light_paper_and_lightened_for_dark():
    assert brand_stylesheet("#A4161A") == (
        ":root{--accent:#a4161a;--accent-ink:#a4161a;--on-accent:#ffffff}\n"
        "@media (prefers-color-scheme:dark){:root{--accent-ink:#c76f71}}\n"
    )


@pytest.mark.parametrize(
    "accent", ["#ffcc00", "#00ff00", "#0000ff", "#777777", "#000000", "#ffffff"]
)
def test_accent_text_is_legible_on_every_paper_whatever_the_colour(accent):
    light = legible_on(accent, LIGHT_BACKGROUNDS, towards="#000000")
    dark = legible_on(accent, DARK_BACKGROUNDS, towards="#ffffff")
    assert min(contrast_ratio(light, paper) for paper in LIGHT_BACKGROUNDS) >= MIN_TEXT_CONTRAST
    assert min(contrast_ratio(dark, paper) for paper in DARK_BACKGROUNDS) >= MIN_TEXT_CONTRAST
    assert contrast_ratio(text_on(accent), accent) >= MIN_TEXT_CONTRAST


@pytest.mark.parametrize("bad", ["red", "#fff", "#a4161a;}body{display:none}", "", "#GGGGGG"])
def test_anything_but_a_six_digit_hex_colour_is_refused(bad):
    with pytest.raises(ValueError, match="six hex digits"):
        brand_stylesheet(bad)


@pytest.fixture
def publication(site_tree):
    site = Site.objects.get(is_default_site=True)
    settings, _created = PublicationSettings.objects.update_or_create(
        site=site, defaults={"accent_colour": "#1d4ed8"}
    )
    return settings


def test_brand_css_serves_the_publications_colour_cached_for_a_year(client, publication):
    response = client.get("/brand.css?v=1d4ed8")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/css; charset=utf-8"
    assert response.content.decode() == brand_stylesheet("#1d4ed8")
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"


def test_brand_css_asked_for_an_old_colour_is_cached_for_five_minutes(client, publication):
    response = client.get("/brand.css?v=a4161a")
    assert response.content.decode() == brand_stylesheet("#1d4ed8")
    assert response["Cache-Control"] == "public, max-age=300"


def test_a_stored_colour_that_is_not_hex_falls_back_to_the_default(client, publication):
    PublicationSettings.objects.filter(pk=publication.pk).update(accent_colour="red;}*{")
    response = client.get("/brand.css")
    assert response.content.decode() == brand_stylesheet("#a4161a")


def test_pages_link_the_brand_stylesheet_for_the_current_colour(client, publication):
    response = client.get("/")
    assert response.status_code == 200
    assert '<link rel="stylesheet" href="/brand.css?v=1d4ed8">' in response.content.decode()
