"""Sanitise rich text by an allowlist, whatever path it came in by (editor, crafted POST, import)."""

import nh3

from broadsheet.core.memo import PureMemo

ALLOWED_TAGS = {"p", "a", "b", "i", "strong", "em", "ul", "ol", "li", "br"}
ALLOWED_ATTRIBUTES = {"a": {"href", "linktype", "id"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
MAX_PASSES = 4

_cleaned: PureMemo[str] = PureMemo("content.clean_rich_text")
MEMO_MAX_CHARS = 20_000
"""Longer inputs (whole imported documents) are cleaned every time rather than kept."""


def clean_rich_text(html: str) -> str:
    """Return the HTML with only the closed set of tags, attributes and link schemes left.

    Relative links are kept; ``javascript:``, ``data:`` and every other scheme are removed.
    Idempotent: cleaning clean text changes nothing. The result depends on the input alone, so
    it is kept per process by that input (every article read cleans each paragraph again).
    """
    if len(html) > MEMO_MAX_CHARS:
        return _clean(html)
    return _cleaned.get(html, lambda: _clean(html))


def _clean(html: str) -> str:
    cleaned = _clean_once(html)
    # Dropping a tag can leave nesting that parses differently when read back
    # (<p><object></p> becomes <p><p></p></p>, which is three sibling paragraphs): clean again
    # until the output reads back as itself, so what is stored is what a browser will build.
    for _ in range(MAX_PASSES - 1):
        again = _clean_once(cleaned)
        if again == cleaned:
            break
        cleaned = again
    return cleaned


def _clean_once(html: str) -> str:
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        # "*": no attribute on every tag (nh3 otherwise keeps title and lang everywhere).
        attributes={"*": set(), **ALLOWED_ATTRIBUTES},
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    # An encoded carriage return (&#13;) comes out raw, and HTML parsing turns a raw one into a
    # line feed: normalise here so a second cleaning changes nothing.
    return cleaned.replace("\r\n", "\n").replace("\r", "\n")
