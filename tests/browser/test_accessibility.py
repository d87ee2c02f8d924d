"""axe-core finds no violation on the reading pages, wide and phone, light and dark.

axe is injected as a script tag, which the content security policy would block, so these
contexts (and only these) bypass it; test_csp.py checks the policy itself. Each page is also
saved as a screenshot in test-artifacts/screenshots/ for people to look at.
"""

import pytest

from .pages import VIEWPORTS, scroll_through

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

COMBINATIONS = [
    (viewport, scheme) for viewport in ("wide", "phone") for scheme in ("light", "dark")
]


def describe(violations: list[dict]) -> list[str]:
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} -> "
        + "; ".join(", ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in violations
    ]


@pytest.mark.parametrize("name", ["front", "section", "author", "topic", "article", "search"])
def test_reading_page_has_no_axe_violations(new_page, page_urls, axe_script, screenshots, name):
    found: dict[str, list[str]] = {}
    for viewport, scheme in COMBINATIONS:
        page = new_page(viewport=VIEWPORTS[viewport], color_scheme=scheme, bypass_csp=True)
        page.goto(page_urls[name])
        scroll_through(page)
        page.screenshot(
            path=screenshots / f"{name}-{VIEWPORTS[viewport]['width']}-{scheme}.png",
            full_page=True,
        )
        page.add_script_tag(path=axe_script)
        result = page.evaluate("() => axe.run(document, { resultTypes: ['violations'] })")
        found[f"{viewport}/{scheme}"] = describe(result["violations"])
        page.context.close()

    assert found == {f"{viewport}/{scheme}": [] for viewport, scheme in COMBINATIONS}
