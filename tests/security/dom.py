"""Find executable constructs in an HTML page by walking its html5lib DOM, as a browser parses it."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import html5lib

URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "poster",
        "data",
        "background",
        "cite",
        "longdesc",
        "ping",
        "manifest",
        "codebase",
        "dynsrc",
        "lowsrc",
        "xlink:href",
        "to",
        "from",
        "values",
    }
)
"""Attributes whose value a browser follows or loads as a URL (SVG animation sets href too)."""

SRCSET_ATTRIBUTES = frozenset({"srcset", "imagesrcset"})
ACTIVE_SCHEMES = ("javascript:", "data:", "vbscript:")
ACTIVE_ELEMENTS = frozenset({"object", "embed", "applet", "base", "frame", "frameset"})
DATA_SCRIPT_TYPES = frozenset({"application/ld+json", "application/json"})
ACTIVE_CSS = re.compile(r"expression\s*\(|javascript:|vbscript:|-moz-binding|behavior\s*:", re.I)
# Browsers drop ASCII tab and newline anywhere in a URL and C0 controls and spaces at its ends.
_URL_IGNORED = re.compile(r"[\t\n\r]")
_URL_TRIM = "".join(chr(c) for c in range(0x21))


@dataclass(frozen=True, slots=True)
class Finding:
    """One executable construct: the element, what makes it active, and a short excerpt."""

    tag: str
    reason: str
    excerpt: str

    def __str__(self) -> str:
        return f"<{self.tag}> {self.reason}: {self.excerpt[:160]!r}"


def parse(html: str) -> Any:
    """Parse as a browser with JavaScript on does (``noscript`` content is then raw text)."""
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
    return parser.parse(html, scripting=True)


def _local(name: str) -> str:
    """Return ``xlink:href`` for ``{http://www.w3.org/1999/xlink}href``, else the bare name."""
    if name.startswith("{http://www.w3.org/1999/xlink}"):
        return "xlink:" + name.split("}", 1)[1]
    return name.split("}", 1)[1] if name.startswith("{") else name


def is_active_url(value: str) -> bool:
    """Return whether a browser would treat this attribute value as a script or data URL."""
    url = _URL_IGNORED.sub("", value).strip(_URL_TRIM).lower()
    return url.startswith(ACTIVE_SCHEMES)


def _elements(root: Any) -> Iterator[Any]:
    for element in root.iter():
        if isinstance(element.tag, str):
            yield element


def executable_constructs(
    html: str,
    *,
    allowed_inline_scripts: frozenset[str] = frozenset(),
    allowed_script_paths: tuple[str, ...] = ("/static/",),
) -> list[Finding]:
    """Return every construct in ``html`` that could run script or load active content.

    Allowed: JSON data blocks (``application/ld+json``, ``application/json``) whose text parses
    as JSON, external scripts under ``allowed_script_paths``, and inline scripts whose
    normalised text (see ``script_shape``) is in ``allowed_inline_scripts`` (the admin's own).
    """
    findings: list[Finding] = []
    for element in _elements(parse(html)):
        tag = _local(element.tag).lower()
        attributes = {_local(name).lower(): value for name, value in element.attrib.items()}
        text = "".join(element.itertext())
        if tag == "script":
            reason = _script_reason(attributes, text, allowed_inline_scripts, allowed_script_paths)
            if reason:
                findings.append(Finding(tag, reason, text or str(attributes)))
        if tag in ACTIVE_ELEMENTS:
            findings.append(Finding(tag, "active element", str(attributes)))
        if tag == "iframe":
            if "srcdoc" in attributes:
                findings.append(Finding(tag, "srcdoc", attributes["srcdoc"]))
            source = attributes.get("src", "")
            if source and not source.startswith("https://"):
                findings.append(Finding(tag, "non-https frame", source))
        if tag == "meta" and attributes.get("http-equiv", "").lower() == "refresh":
            findings.append(Finding(tag, "meta refresh", attributes.get("content", "")))
        if tag == "style" and ACTIVE_CSS.search(text):
            findings.append(Finding(tag, "active CSS", text))
        for name, value in attributes.items():
            if name.startswith("on"):
                findings.append(Finding(tag, f"event handler {name}", value))
            elif _has_active_url(name, value):
                findings.append(Finding(tag, f"active URL in {name}", value))
            elif name == "style" and ACTIVE_CSS.search(value):
                findings.append(Finding(tag, "active CSS in style attribute", value))
    return findings


def _has_active_url(name: str, value: str) -> bool:
    if name in SRCSET_ATTRIBUTES:
        candidates = [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]
        return any(is_active_url(candidate) for candidate in candidates)
    return name in URL_ATTRIBUTES and is_active_url(value)


def _script_reason(
    attributes: dict[str, str],
    text: str,
    allowed_inline_scripts: frozenset[str],
    allowed_script_paths: tuple[str, ...],
) -> str:
    script_type = attributes.get("type", "").strip().lower()
    if script_type in DATA_SCRIPT_TYPES and "src" not in attributes:
        try:
            json.loads(text)
        except ValueError:
            return "data block that is not valid JSON (broken out of?)"
        return ""
    source = attributes.get("src")
    if source is not None:
        allowed = source.startswith(allowed_script_paths) and not text.strip()
        return "" if allowed else "script src"
    if script_shape(text) in allowed_inline_scripts:
        return ""
    return "inline script"


def script_shape(text: str) -> str:
    """Return an inline script's text with numbers and quoted strings replaced, for comparison."""
    shape = re.sub(r'"(?:[^"\\]|\\.)*"', '""', text)
    shape = re.sub(r"'(?:[^'\\]|\\.)*'", "''", shape)
    return re.sub(r"\d+", "0", shape).strip()


def inline_script_shapes(html: str) -> frozenset[str]:
    """Return the shapes of the inline scripts in a page (used as the allowlist for the admin)."""
    return frozenset(
        script_shape("".join(element.itertext()))
        for element in _elements(parse(html))
        if _local(element.tag).lower() == "script"
        and "src" not in element.attrib
        and element.attrib.get("type", "").lower() not in DATA_SCRIPT_TYPES
    )


def json_ld_objects(html: str) -> list[Any]:
    """Return the parsed JSON-LD objects of a page."""
    return [
        json.loads("".join(element.itertext()))
        for element in _elements(parse(html))
        if _local(element.tag).lower() == "script"
        and element.attrib.get("type", "").lower() == "application/ld+json"
    ]
