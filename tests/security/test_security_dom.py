"""The DOM walk finds what a browser would run: a positive control for every XSS assertion."""

import pytest

from .dom import executable_constructs, is_active_url
from .payloads import PAYLOADS

INERT_AS_WRITTEN = {
    # An unquoted value ends at the tab or newline: href="java", then a junk attribute.
    "<a href=java\tscript:alert(1)>read more</a>",
    "<a href=java\nscript:alert(1)>read more</a>",
    "<!--<script>alert(1)</script>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    # Dangerous only after a sanitiser re-serialises it (mutation XSS); as parsed it is inert.
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<a href="https://example.org/" target="_blank" rel="opener">safe looking</a>',
    '<a href="https://example.org/">ok</a><p>\'quotes\' and "double" &amp; &lt;tags&gt;</p>',
    '<a href="/relative/path">relative</a><a href="mailto:desk@example.org">mail</a>',
}


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_payload_inserted_raw_is_found(payload):
    findings = executable_constructs(f"<!DOCTYPE html><html><body><p>{payload}</p></body></html>")

    assert bool(findings) is (payload not in INERT_AS_WRITTEN)


def test_escaped_payloads_are_not_found():
    from django.utils.html import escape

    page = "".join(f"<p title='{escape(p)}'>{escape(p)}</p>" for p in PAYLOADS)

    assert executable_constructs(page) == []


@pytest.mark.parametrize(
    ("url", "active"),
    [
        ("javascript:alert(1)", True),
        (" \x01JaVaScRiPt:alert(1)", True),
        ("java\tscr\nipt:alert(1)", True),
        ("data:text/html,x", True),
        ("VBScript:x", True),
        ("https://example.org/javascript:", False),
        ("/javascript/", False),
        ("#javascript:", False),
    ],
)
def test_active_urls_are_recognised_as_browsers_read_them(url, active):
    assert is_active_url(url) is active


def test_our_own_scripts_and_data_blocks_are_allowed():
    page = (
        '<script src="/static/js/broadsheet.js" defer></script>'
        '<script type="application/ld+json">{"headline": "A \\u003c/script\\u003e"}</script>'
    )

    assert executable_constructs(page) == []
    assert [
        f.reason for f in executable_constructs('<script type="application/ld+json">{</script>')
    ] == ["data block that is not valid JSON (broken out of?)"]
    assert [
        f.reason for f in executable_constructs('<script src="//evil.example/x.js"></script>')
    ] == ["script src"]
