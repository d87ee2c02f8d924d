"""url_for: the URL reverse gives, kept per process by everything reverse reads."""

from django.urls import reverse, set_script_prefix

from broadsheet.core.urls import url_for


def test_url_for_is_reverse_with_the_current_script_prefix():
    assert url_for("content:author", "ana-lima") == reverse("content:author", args=["ana-lima"])
    try:
        set_script_prefix("/news/")
        assert url_for("content:author", "ana-lima") == "/news/authors/ana-lima/"
    finally:
        set_script_prefix("/")
    assert url_for("content:author", "ana-lima") == "/authors/ana-lima/"


def test_url_for_follows_the_urlconf(settings):
    assert url_for("content:author", "ana-lima") == "/authors/ana-lima/"
    settings.ROOT_URLCONF = "config.wagtail_serve_urls"
    assert url_for("follows:confirm", 7) == reverse("follows:confirm", args=[7])
