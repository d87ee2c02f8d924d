"""With DEBUG off, errors show our pages: no stack trace, no settings, no exception text."""

import pytest
from django.conf import settings
from django.test import Client

from .error_urls import ERROR_DETAIL

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.security.error_urls")]

NOT_FOUND_HEADING = "<h1>We can\u2019t find that page</h1>"
NEVER_IN_AN_ERROR_PAGE = (
    "Traceback",
    "RuntimeError",
    ERROR_DETAIL,
    "SECRET_KEY",
    "DATABASES",
    "INSTALLED_APPS",
    "Django Version",
    "Request Method",
    "Using the URLconf",
    "site-packages",
    ".py",
    str(settings.BASE_DIR),
)


def assert_reveals_nothing(body: str) -> None:
    assert [text for text in NEVER_IN_AN_ERROR_PAGE if text in body] == []
    assert settings.SECRET_KEY not in body


def test_a_server_error_shows_our_500_page_and_nothing_of_the_failure(settings):
    settings.DEBUG = False
    client = Client(raise_request_exception=False)

    response = client.get("/test-only/explode/")

    assert response.status_code == 500
    body = response.content.decode()
    assert "<h1>Something went wrong on our side</h1>" in body
    assert_reveals_nothing(body)
    assert "object-src 'none'" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "url",
    [
        "/no-such-page/",
        "/world/no-such-article/",
        "/media/original_images/missing.jpg",
        "/authors/nobody/",
    ],
)
def test_a_missing_page_shows_our_404_page(settings, site_tree, url):
    settings.DEBUG = False

    response = Client().get(url)

    assert response.status_code == 404
    body = response.content.decode()
    assert NOT_FOUND_HEADING in body
    assert_reveals_nothing(body)


def test_a_bad_listing_cursor_is_a_plain_404_without_the_reason(settings, section):
    settings.DEBUG = False

    response = Client().get(section.url, {"before": "<script>not-a-cursor</script>"})

    assert response.status_code == 404
    body = response.content.decode()
    assert NOT_FOUND_HEADING in body
    assert "not a page cursor" not in body
    assert "not-a-cursor" not in body
    assert_reveals_nothing(body)
