"""The reading pages run under a strict content security policy with nothing inline to block."""

import re
from pathlib import Path

import pytest

from .pages import scroll_through

REPO = Path(__file__).resolve().parents[2]
PUBLIC_TEMPLATES = sorted(
    [
        *(REPO / "templates").rglob("*.html"),
        *(REPO / "broadsheet").glob("*/templates/*/*.html"),
        *(REPO / "broadsheet").glob("*/templates/*/blocks/*.html"),
    ]
)
INLINE = {
    "a <style> element": re.compile(r"<style\b", re.IGNORECASE),
    "a style attribute": re.compile(r"\sstyle\s*=", re.IGNORECASE),
    "an inline event handler": re.compile(r"\son[a-z]+\s*=", re.IGNORECASE),
    "a javascript: URL": re.compile(r"javascript:", re.IGNORECASE),
    "an inline <script>": re.compile(
        r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/ld\+json\")[^>]*>", re.IGNORECASE
    ),
}


def test_public_templates_hold_no_inline_script_or_style():
    assert len(PUBLIC_TEMPLATES) >= 15
    found = [
        f"{path.relative_to(REPO)}: {what}"
        for path in PUBLIC_TEMPLATES
        for what, pattern in INLINE.items()
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_article_page_is_served_with_the_policy_and_breaks_none_of_it(new_page, page_urls):
    page = new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', event => "
        "(window.__cspViolations = window.__cspViolations || [])"
        ".push(event.violatedDirective + ' ' + event.blockedURI))"
    )

    response = page.goto(page_urls["article"])
    scroll_through(page)
    page.locator("button.video__play").click()
    page.wait_for_function("() => document.querySelector('figure.video video').currentTime > 0")

    policy = response.headers["content-security-policy"]
    directives = {part.split()[0]: part.split()[1:] for part in policy.split("; ")}
    assert directives["object-src"] == ["'none'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert violations == []
    assert page.evaluate("() => window.__cspViolations || []") == []
    assert page.evaluate("() => document.querySelectorAll('[style], style').length") == 0
    assert page.evaluate("() => document.documentElement.className") == "js"
