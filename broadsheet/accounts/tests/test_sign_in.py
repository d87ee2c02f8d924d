"""Sign-up with email verification, sign-in by password or emailed code, reset, rate limits."""

import re
from email.message import EmailMessage

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import SESSION_KEY

from broadsheet.accounts.models import User
from broadsheet.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

CODE_LINE = r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$"
"""allauth's one-time codes: two groups of four letters or digits, alone on a line."""


def code_in(message: EmailMessage) -> str:
    """Return the one-time code printed on its own line in an allauth email."""
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    [code] = re.findall(CODE_LINE, body.get_content(), re.MULTILINE)
    return code


def link_in(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    [link] = re.findall(r"https?://\S+", body.get_content())
    return link


def signed_in_user_id(client) -> str | None:
    return client.session.get(SESSION_KEY)


def test_sign_up_sends_a_verification_code_and_the_code_signs_the_reader_in(client, smtp_server):
    response = client.post(
        "/account/signup/", {"email": "grace@example.org", "password1": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == "/account/confirm-email/"
    assert signed_in_user_id(client) is None
    [message] = smtp_server.messages
    assert message["To"] == "grace@example.org"
    assert message["From"] == "Broadsheet <newsroom@localhost>"
    assert "email" in message["Subject"].lower()
    user = User.objects.get(email="grace@example.org")
    assert user.username  # set from the email: staff keep signing in with usernames
    assert not user.is_staff
    assert EmailAddress.objects.get(user=user).verified is False

    response = client.post("/account/confirm-email/", {"code": code_in(message)})

    assert response.status_code == 302
    assert response["Location"] == "/account/"
    assert EmailAddress.objects.get(user=user).verified is True
    assert signed_in_user_id(client) == str(user.pk)


def test_a_wrong_verification_code_leaves_the_address_unverified(client, smtp_server):
    client.post("/account/signup/", {"email": "grace@example.org", "password1": PASSWORD})
    [message] = smtp_server.messages
    wrong = "AAAA-AAAA" if code_in(message) != "AAAA-AAAA" else "BBBB-BBBB"

    response = client.post("/account/confirm-email/", {"code": wrong})

    assert response.status_code == 200
    assert b"Incorrect code" in response.content
    assert b'role="alert"' in response.content
    assert EmailAddress.objects.get(email="grace@example.org").verified is False
    assert signed_in_user_id(client) is None


def test_an_unverified_reader_cannot_sign_in_with_the_password(client, smtp_server):
    user = User.objects.create_user(username="u", email="new@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=False)

    response = client.post("/account/login/", {"login": user.email, "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/account/confirm-email/"
    assert signed_in_user_id(client) is None
    [message] = smtp_server.messages
    assert message["To"] == "new@example.org"


def test_a_verified_reader_signs_in_with_email_and_password(client, reader):
    response = client.post("/account/login/", {"login": reader.email, "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/account/"
    assert signed_in_user_id(client) == str(reader.pk)


def test_sign_in_by_emailed_code(client, reader, smtp_server):
    response = client.post("/account/login/code/", {"email": reader.email})

    assert response.status_code == 302
    assert response["Location"] == "/account/login/code/confirm/"
    [message] = smtp_server.messages
    assert message["To"] == reader.email
    assert signed_in_user_id(client) is None

    response = client.post("/account/login/code/confirm/", {"code": code_in(message)})

    assert response.status_code == 302
    assert response["Location"] == "/account/"
    assert signed_in_user_id(client) == str(reader.pk)


def test_a_code_for_an_unknown_address_reveals_nothing(client, reader, smtp_server):
    known = client.post("/account/login/code/", {"email": reader.email})
    client.cookies.clear()
    unknown = client.post("/account/login/code/", {"email": "nobody@example.org"})

    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])
    [to_reader] = smtp_server.messages_to(reader.email)
    [to_stranger] = smtp_server.messages_to("nobody@example.org")
    assert code_in(to_reader)
    # The stranger hears that no account uses the address, and gets no code.
    assert not re.search(CODE_LINE, to_stranger.get_content(), re.MULTILINE)


def test_repeated_failed_sign_ins_are_refused_even_with_the_right_password(client, reader):
    for _attempt in range(5):
        response = client.post("/account/login/", {"login": reader.email, "password": "wrong"})
        assert response.status_code == 200
        assert signed_in_user_id(client) is None

    response = client.post("/account/login/", {"login": reader.email, "password": PASSWORD})

    assert response.status_code == 200
    assert b"Too many failed login attempts" in response.content
    assert signed_in_user_id(client) is None


def test_a_forged_forwarded_for_header_does_not_reset_the_count_per_address(client, reader):
    for attempt in range(10):
        client.post(
            "/account/login/",
            {"login": f"guess{attempt}@example.org", "password": "wrong"},
            HTTP_X_FORWARDED_FOR=f"203.0.113.{attempt}",
        )

    response = client.post(
        "/account/login/",
        {"login": reader.email, "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )

    assert b"Too many failed login attempts" in response.content
    assert signed_in_user_id(client) is None


def test_password_reset_by_emailed_link(client, reader, smtp_server):
    response = client.post("/account/password/reset/", {"email": reader.email})

    assert response.status_code == 302
    [message] = smtp_server.messages
    assert message["To"] == reader.email
    response = client.get(link_in(message))
    assert response.status_code == 302
    set_password_url = response["Location"]
    response = client.post(
        set_password_url,
        {"password1": "a-new-pass-phrase-91", "password2": "a-new-pass-phrase-91"},
    )

    assert response.status_code == 302
    reader.refresh_from_db()
    assert reader.check_password("a-new-pass-phrase-91")
    assert not reader.check_password(PASSWORD)


@pytest.mark.parametrize(
    "url",
    ["/account/login/", "/account/signup/", "/account/login/code/", "/account/password/reset/"],
)
def test_sign_in_pages_are_private_and_never_stored(client, url):
    response = client.get(url)

    assert response.status_code == 200
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control


def test_sign_in_page_uses_the_site_chrome_and_labels_every_field(client):
    response = client.get("/account/login/")
    html = response.content.decode()

    assert 'class="site-header"' in html
    assert "accounts/accounts.css" in html
    assert '<label for="id_login">' in html
    assert '<label for="id_password">' in html
    assert "<script>" not in html
    assert " style=" not in html
