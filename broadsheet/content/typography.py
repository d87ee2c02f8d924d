"""Typographic quotation marks: "straight" quotes become curly ones, in text and in HTML."""

import re

_TAG = re.compile(r"(<[^>]*>)")
_BLOCK_TAG = re.compile(r"^</?(p|li|ul|ol|br|h[1-6]|blockquote|div)\b", re.IGNORECASE)
_OPENS_AFTER = r"(^|[\s(\[{\u2014\u2013/-])"


def smart_quotes(text: str) -> str:
    """Return plain text with straight quotes and apostrophes made typographic."""
    text = re.sub(_OPENS_AFTER + '"', "\\1\u201c", text)
    text = text.replace('"', "\u201d")
    text = re.sub(_OPENS_AFTER + "'", "\\1\u2018", text)
    return text.replace("'", "\u2019")


def smart_quotes_html(html: str) -> str:
    """Return HTML with typographic quotes in its text nodes; tags and attributes are untouched.

    Inline tags are transparent: in ``<a>Reuters</a>'s`` the apostrophe still closes.
    """
    out: list[str] = []
    previous = " "
    for part in _TAG.split(html):
        if part.startswith("<"):
            out.append(part)
            if _BLOCK_TAG.match(part):
                previous = " "
            continue
        if not part:
            continue
        text = part.replace("&quot;", '"').replace("&#x27;", "'").replace("&#39;", "'")
        out.append(smart_quotes(previous + text)[1:])
        previous = text[-1]
    return "".join(out)
