"""Every account page: the site's chrome, labelled fields, nothing inline for the strict CSP;
and signing in leaves the article pages cacheable."""

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

ANONYMOUS_PAGES = [
    "/account/login/",
    "/account/signup/",
    "/account/login/code/",
    "/account/password/reset/",
]
READER_PAGES = [
    "/account/",
    "/account/delete/",
    "/account/email/",
    "/account/password/change/",
    "/account/2fa/",
    "/account/logout/",
]


def assert_fits_the_site(html: str) -> None:
    assert 'class="site-header"' in html
    assert 'class="skip-link"' in html
    assert "accounts/accounts.css" in html
    # Scripts come from files only (JSON data blocks never run); no style attributes.
    for attributes in re.findall(r"<script([^>]*)>", html):
        assert "src=" in attributes or "application/json" in attributes, attributes
    assert not re.search(r"\sstyle=", html)
    assert "<style" not in html
    # Every visible input has a label.
    for field_id in re.findall(r'<(?:input|select|textarea)[^>]*\bid="([^"]+)"', html):
        assert f'for="{field_id}"' in html, field_id


@pytest.mark.parametrize("url", ANONYMOUS_PAGES)
def test_anonymous_account_pages(client, url):
    response = client.get(url)

    assert response.status_code == 200
    assert_fits_the_site(response.content.decode())


@pytest.mark.parametrize("url", READER_PAGES)
def test_reader_account_pages(client, reader, url):
    client.force_login(reader)

    response = client.get(url)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert_fits_the_site(response.content.decode())


def test_signing_in_leaves_article_pages_the_same_for_everyone(section, reader):
    from broadsheet.content.tests.factories import make_article

    article = make_article(section=section)
    anonymous = Client().get(article.url)
    signed_in = Client()
    signed_in.force_login(reader)

    response = signed_in.get(article.url)

    assert anonymous.status_code == response.status_code == 200
    assert "Cookie" not in anonymous.get("Vary", "")
    assert "Cookie" not in response.get("Vary", "")
    assert not anonymous.cookies
    assert response.content == anonymous.content
    assert 'href="/account/login/">Sign in</a>' in anonymous.content.decode()
