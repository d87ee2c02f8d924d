"""Staff need a TOTP code (allauth.mfa) before the admin opens; readers never get in."""

import re

import pyotp
import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth import SESSION_KEY

from broadsheet.accounts.tests.factories import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("second_factor_required")]

SECOND_FACTOR = "/account/staff/second-factor/"


def sign_in_to_admin(client, username: str) -> None:
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session[SESSION_KEY]


@pytest.fixture
def staff_secret(staff) -> str:
    secret = pyotp.random_base32()
    TOTP.activate(staff, secret)
    return secret


def test_staff_without_an_authenticator_set_one_up_before_the_admin_opens(client, staff):
    sign_in_to_admin(client, "editor")

    response = client.get("/admin/pages/")

    assert response.status_code == 302
    assert response["Location"] == f"{SECOND_FACTOR}?next=%2Fadmin%2Fpages%2F"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    html = page.content.decode()
    assert "Set up your authenticator app" in html
    assert 'src="data:image/svg+xml;base64,' in html
    [secret] = re.findall(r'<code class="totp-secret">([A-Z2-7]+)</code>', html)

    wrong = client.post(SECOND_FACTOR, {"code": "000000", "next": "/admin/pages/"})
    assert wrong.status_code == 400
    assert not Authenticator.objects.filter(user=staff).exists()
    assert client.get("/admin/pages/").status_code == 302

    response = client.post(
        SECOND_FACTOR, {"code": pyotp.TOTP(secret).now(), "next": "/admin/pages/"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert Authenticator.objects.get(user=staff).type == Authenticator.Type.TOTP
    assert client.get("/admin/pages/").status_code == 200


def test_staff_with_an_authenticator_enter_a_code_at_every_sign_in(client, staff, staff_secret):
    sign_in_to_admin(client, "editor")

    response = client.get("/admin/")
    assert response["Location"] == f"{SECOND_FACTOR}?next=%2Fadmin%2F"
    html = client.get(response["Location"]).content.decode()
    assert "Enter your authenticator code" in html
    assert "totp-secret" not in html

    wrong = client.post(SECOND_FACTOR, {"code": "123456", "next": "/admin/"})
    assert wrong.status_code == 400
    assert 'role="alert"' in wrong.content.decode()
    assert client.get("/admin/").status_code == 302

    response = client.post(SECOND_FACTOR, {"code": pyotp.TOTP(staff_secret).now()})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200

    # Signing out ends it: the next sign-in asks again.
    client.post("/admin/logout/")
    sign_in_to_admin(client, "editor")
    assert client.get("/admin/")["Location"].startswith(SECOND_FACTOR)


def test_a_session_signed_in_any_other_way_still_needs_the_code(client, staff, staff_secret):
    client.force_login(staff)

    for url in ["/admin/", "/admin/pages/", "/admin/users/", "/admin/api/main/pages/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(SECOND_FACTOR), url


def test_staff_who_sign_in_on_the_readers_page_answer_allauths_code_prompt(
    client, staff, staff_secret
):
    response = client.post("/account/login/", {"login": staff.email, "password": PASSWORD})
    assert response["Location"] == "/account/2fa/authenticate/"
    assert SESSION_KEY not in client.session

    response = client.post("/account/2fa/authenticate/", {"code": pyotp.TOTP(staff_secret).now()})

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_code_counts_only_for_the_user_who_entered_it(client, staff, staff_secret):
    from broadsheet.accounts.tests.factories import StaffFactory

    sign_in_to_admin(client, "editor")
    client.post(SECOND_FACTOR, {"code": pyotp.TOTP(staff_secret).now()})
    assert client.get("/admin/").status_code == 200
    other = StaffFactory(username="other-editor")
    records = client.session["account_authentication_methods"]

    client.force_login(other)
    session = client.session
    session["account_authentication_methods"] = records
    session.save()

    assert client.get("/admin/")["Location"].startswith(SECOND_FACTOR)


def test_the_next_address_stays_on_this_site(client, staff, staff_secret):
    sign_in_to_admin(client, "editor")

    response = client.post(
        SECOND_FACTOR,
        {"code": pyotp.TOTP(staff_secret).now(), "next": "https://evil.example/admin/"},
    )

    assert response["Location"] == "/admin/"


def test_the_admin_login_page_stays_open(client):
    assert client.get("/admin/login/").status_code == 200


@pytest.mark.parametrize("second_factor", [True, False])
def test_readers_never_reach_the_admin(client, reader, settings, second_factor):
    settings.BROADSHEET_STAFF_SECOND_FACTOR = second_factor
    client.force_login(reader)

    for url in ["/admin/", "/admin/pages/", "/admin/users/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url
    assert client.get(SECOND_FACTOR).status_code == 403
    assert not Authenticator.objects.filter(user=reader).exists()


def test_readers_who_sign_in_on_the_admin_login_still_cannot_use_it(client, reader):
    client.post("/admin/login/", {"username": reader.username, "password": PASSWORD})

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_production_always_asks_staff_for_the_second_factor():
    from tests.security.test_security_deploy import HOSTS, REAL_LOOKING_KEY, run_production

    result = run_production(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.BROADSHEET_STAFF_SECOND_FACTOR)",
        SECRET_KEY=REAL_LOOKING_KEY,
        ALLOWED_HOSTS=HOSTS,
        STAFF_SECOND_FACTOR="false",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "True"
