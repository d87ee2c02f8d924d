"""Highlighted snippets: the text is escaped first, then the matched words are wrapped in <mark>.

Only plain text goes in (headlines, standfirsts and the searchable text of body blocks, from
which Wagtail has stripped the markup), and every character of it is escaped, so nothing from an
article's body reaches the page as markup except the <mark> elements added here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

SNIPPET_CHARS = 240
"""About how long a snippet is, cut at word boundaries."""
LEAD_IN_CHARS = 80
"""How much text a snippet shows before the first match."""
SUFFIXES = ("ing", "es", "ed", "s")
"""Endings taken off a query word, so "strikes" also marks "strike" and "striking"."""


def query_terms(query: str) -> list[str]:
    """Return the words of a query, lower-cased, stemmed lightly, longest first, without repeats."""
    stems = set()
    for word in re.findall(r"\w+", query.casefold()):
        for suffix in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
        if len(word) >= 2:
            stems.add(word)
    return sorted(stems, key=lambda stem: (-len(stem), stem))


def _pattern(terms: list[str]) -> re.Pattern[str] | None:
    if not terms:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\w*", re.IGNORECASE)


def highlight(text: str, terms: list[str]) -> SafeString:
    """Return ``text`` escaped, with each word starting with one of ``terms`` in <mark>."""
    pattern = _pattern(terms)
    if pattern is None:
        return mark_safe(escape(text))  # noqa: S308 - escaped just now
    parts: list[str] = []
    position = 0
    for match in pattern.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text was escaped


def snippet(texts: Iterable[str], terms: list[str]) -> SafeString:
    """Return a highlighted passage of the first text that contains a term, else of the first text.

    The passage starts a little before the first match and is cut at word boundaries, with an
    ellipsis where text was left out.
    """
    pattern = _pattern(terms)
    first = ""
    for text in texts:
        text = " ".join(text.split())
        if not text:
            continue
        first = first or text
        match = pattern.search(text) if pattern else None
        if match is not None:
            return highlight(_window(text, match.start()), terms)
    return highlight(_window(first, 0), terms)


def _window(text: str, at: int) -> str:
    start = max(0, at - LEAD_IN_CHARS)
    if start:
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 else 0
    end = start + SNIPPET_CHARS
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > at else end
    passage = text[start:end].strip()
    return ("… " if start else "") + passage + (" …" if end < len(text) else "")
