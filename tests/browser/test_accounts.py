"""A reader signs up, verifies by emailed code and reaches the account page in real Chromium,
under the strict content security policy; the sign-in pages pass axe."""

import re

import pytest

from .conftest import CHROMIUM, LAUNCH_ARGS, require_chromium
from .test_accessibility import describe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def chromium(live_server):
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


def test_sign_up_verify_by_code_and_set_preferences(chromium, live_server, smtp_server):
    page = chromium.new_context().new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )

    page.goto(live_server.url + "/account/signup/")
    page.get_by_label("Email").fill("lin@example.org")
    page.get_by_label("Password").fill("a-long-pass-phrase-41")
    page.get_by_role("button", name="Sign Up").click()

    page.wait_for_url(live_server.url + "/account/confirm-email/")
    [message] = smtp_server.messages
    [code] = re.findall(
        r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$",
        message.get_body(preferencelist=("plain",)).get_content(),
        re.MULTILINE,
    )
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Confirm").click()

    page.wait_for_url(live_server.url + "/account/")
    page.get_by_label("Time zone").select_option("Asia/Tokyo")
    page.get_by_role("button", name="Save preferences").click()
    page.wait_for_url(live_server.url + "/account/")
    assert page.get_by_role("status").inner_text().strip() == "Your email preferences are saved."
    assert page.get_by_label("Time zone").input_value() == "Asia/Tokyo"
    assert violations == []


def test_sign_in_with_a_wrong_password_announces_the_error_and_passes_axe(
    chromium, live_server, axe_script, reader_in_browser_db
):
    page = chromium.new_context(bypass_csp=True).new_page()
    page.goto(live_server.url + "/account/login/")
    page.get_by_label("Email").fill("ada@example.org")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign In").click()

    alert = page.get_by_role("alert")
    assert "not correct" in alert.inner_text()
    page.add_script_tag(path=axe_script)
    result = page.evaluate("() => axe.run(document, { resultTypes: ['violations'] })")
    assert describe(result["violations"]) == []


@pytest.fixture
def reader_in_browser_db(db):
    from broadsheet.accounts.tests.factories import ReaderFactory

    return ReaderFactory(email="ada@example.org")
