"""The Wagtail admin works in a real browser under the content security policy.

Chromium signs in, opens an article's edit page, opens the live preview (an iframe of the admin's
own preview URL) and adds a byline (an inline-panel script); not one policy violation may occur.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from broadsheet.content.tests.factories import make_article

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "harbour-admin-password-41"
HEADLINE = "Dredging of the inner harbour begins"
RECORD_VIOLATIONS = (
    "document.addEventListener('securitypolicyviolation', event => "
    "(window.__cspViolations = window.__cspViolations || [])"
    ".push(event.violatedDirective + ' ' + event.blockedURI))"
)

PREVIEW_HEADLINE = (
    "() => [...document.querySelectorAll('iframe')]"
    ".map(frame => frame.contentDocument && frame.contentDocument.querySelector('h1#headline'))"
    ".filter(Boolean).map(h1 => h1.textContent)[0]"
)
"""The headline inside the preview panel's iframe, once it has loaded (same origin, readable)."""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_admin_runs_under_the_policy_in_chromium(live_server, section, django_user_model):
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}: run `make test-deps`.")
    from playwright.sync_api import sync_playwright

    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    article = make_article(section=section, title=HEADLINE)
    console: list[str] = []

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("console", lambda message: console.append(message.text))

        page.goto(f"{live_server.url}/admin/login/")
        page.fill("#id_username", "editor")
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/admin/")
        dashboard_violations = page.evaluate("() => window.__cspViolations || []")

        page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
        page.wait_for_selector(".Draftail-Editor")
        page.click('[data-side-panel-toggle="preview"]')
        preview_headline = page.wait_for_function(PREVIEW_HEADLINE, timeout=30_000).json_value()
        # An empty byline makes the form invalid, so it is added after the preview has loaded.
        bylines_before = page.locator("#id_bylines-FORMS > [data-inline-panel-child]").count()
        page.click("#id_bylines-ADD")
        bylines_after = page.locator("#id_bylines-FORMS > [data-inline-panel-child]").count()
        edit_violations = page.evaluate("() => window.__cspViolations || []")
        browser.close()

    assert dashboard_violations == []
    assert edit_violations == []
    assert [text for text in console if "Content Security Policy" in text] == []
    assert (bylines_before, bylines_after) == (1, 2)
    assert preview_headline == HEADLINE
