"""Security headers on every kind of page; HSTS and secure cookies under the production values."""

from __future__ import annotations

import importlib
import secrets
from types import ModuleType

import pytest
from django.test import Client, override_settings

from broadsheet.content.tests.factories import AuthorFactory, make_article

pytestmark = pytest.mark.django_db

PRODUCTION_SECURITY_SETTINGS = (
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SAMESITE",
)


def policy(response) -> dict[str, list[str]]:
    """Return the Content-Security-Policy header as {directive: sources}."""
    header = response["Content-Security-Policy"]
    parts = [part.split() for part in header.split(";") if part.strip()]
    return {part[0]: part[1:] for part in parts}


@pytest.fixture
def production(monkeypatch) -> ModuleType:
    """Return config.settings.production as loaded with a real-looking secret."""
    monkeypatch.setenv("SECRET_KEY", secrets.token_urlsafe(60))
    monkeypatch.setenv("ALLOWED_HOSTS", "testserver")
    monkeypatch.delenv("SECURE_HSTS_SECONDS", raising=False)
    monkeypatch.delenv("SECURE_SSL_REDIRECT", raising=False)
    module = importlib.import_module("config.settings.production")
    return importlib.reload(module)


@pytest.fixture
def public_urls(section) -> dict[str, str]:
    author = AuthorFactory(name="Ines Duarte", slug="ines-duarte")
    article = make_article(section=section, authors=[(author, "Porto")])
    return {
        "article": article.url,
        "front page": "/",
        "author page": author.get_absolute_url(),
        "admin login": "/admin/login/",
        "404": "/no-such-page/",
    }


EXPECTED_STATUS = {
    "article": 200,
    "front page": 200,
    "author page": 200,
    "admin login": 200,
    "404": 404,
}


def assert_strict_policy(response) -> None:
    directives = policy(response)
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]


def test_every_kind_of_page_has_the_strict_policy_and_headers(client, public_urls):
    for name, url in public_urls.items():
        response = client.get(url)

        assert response.status_code == EXPECTED_STATUS[name], name
        assert_strict_policy(response)
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"


def test_production_values_send_a_year_of_hsts_over_https(production, public_urls):
    with override_settings(
        **{name: getattr(production, name) for name in PRODUCTION_SECURITY_SETTINGS}
    ):
        client = Client()
        for name, url in public_urls.items():
            response = client.get(url, secure=True)

            assert response.status_code == EXPECTED_STATUS[name], name
            assert response["Strict-Transport-Security"] == (
                "max-age=31536000; includeSubDomains; preload"
            )
            assert_strict_policy(response)


def test_production_values_redirect_plain_http_to_https(production, public_urls):
    with override_settings(
        **{name: getattr(production, name) for name in PRODUCTION_SECURITY_SETTINGS}
    ):
        client = Client()
        for url in public_urls.values():
            response = client.get(url)

            assert response.status_code == 301
            assert response["Location"] == f"https://testserver{url}"
            assert "Strict-Transport-Security" not in response


def test_production_values_trust_the_proxy_https_header(production, section):
    article = make_article(section=section)
    with override_settings(
        **{name: getattr(production, name) for name in PRODUCTION_SECURITY_SETTINGS}
    ):
        response = Client().get(article.url, headers={"X-Forwarded-Proto": "https"})

    assert response.status_code == 200
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_production_values_make_session_and_csrf_cookies_secure(production, admin_user):
    with override_settings(
        **{name: getattr(production, name) for name in PRODUCTION_SECURITY_SETTINGS}
    ):
        client = Client(enforce_csrf_checks=True)
        login_page = client.get("/admin/login/", secure=True)
        csrf_cookie = login_page.cookies["csrftoken"]
        response = client.post(
            "/admin/login/",
            {
                "username": "admin",
                "password": "password",
                "csrfmiddlewaretoken": csrf_cookie.value,
            },
            secure=True,
            headers={"Referer": "https://testserver/admin/login/"},
        )

    assert response.status_code == 302
    session_cookie = response.cookies["sessionid"]
    assert session_cookie["secure"] is True
    assert session_cookie["httponly"] is True
    assert session_cookie["samesite"] == "Lax"
    assert csrf_cookie["secure"] is True
    assert csrf_cookie["httponly"] is True


# --- The admin's exception ----------------------------------------------------------------


def test_signed_in_admin_pages_allow_their_inline_code_and_preview_frame(admin_client, section):
    article = make_article(section=section)

    for url in ("/admin/", "/admin/pages/", f"/admin/pages/{article.pk}/edit/"):
        response = admin_client.get(url)

        assert response.status_code == 200, url
        directives = policy(response)
        assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
        assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
        assert directives["frame-src"] == [
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
            "'self'",
        ]
        assert directives["object-src"] == ["'none'"]
        assert directives["frame-ancestors"] == ["'self'"]


def test_previews_and_public_pages_keep_the_strict_policy_for_a_signed_in_admin(
    admin_client, section
):
    article = make_article(section=section)
    urls = [
        article.url,
        "/",
        f"/admin/pages/{article.pk}/view_draft/",
        f"/admin/pages/{article.pk}/revisions/{article.live_revision_id}/view/",
    ]

    for url in urls:
        response = admin_client.get(url)

        assert response.status_code == 200, url
        assert_strict_policy(response)


def test_preview_may_be_framed_by_the_admin_only(admin_client, section):
    article = make_article(section=section)

    response = admin_client.get(f"/admin/pages/{article.pk}/edit/preview/?in_preview_panel=true")

    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert policy(response)["frame-ancestors"] == ["'self'"]


def test_a_signed_in_reader_gets_no_admin_exception(reader_client):
    response = reader_client.get("/admin/")

    assert response.status_code == 302
    assert_strict_policy(response)
