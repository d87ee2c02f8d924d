"""The publication's accent colour as a tiny stylesheet, legible on light and dark paper.

The content security policy forbids inline styles, so the colour set in PublicationSettings
reaches the page as ``/brand.css``. Text in the accent colour is darkened (light mode) or
lightened (dark mode) just enough to keep WCAG AA contrast, whatever colour an editor picks.
"""

import re
from collections.abc import Iterable

ACCENT_PATTERN = re.compile(r"#[0-9a-fA-F]{6}")
DEFAULT_ACCENT = "#a4161a"
"""Used when the stored colour is not "#" and six hex digits."""

LIGHT_BACKGROUNDS = ("#fcfbf8", "#f2f0eb")
"""--paper and --surface of light mode in static/css/broadsheet.css."""

DARK_BACKGROUNDS = ("#141517", "#1f2124")
"""--paper and --surface of dark mode in static/css/broadsheet.css."""

MIN_TEXT_CONTRAST = 4.5
"""WCAG 2 AA for body-size text."""

BLACK = "#000000"
WHITE = "#ffffff"


def _channels(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _hex(channels: Iterable[float]) -> str:
    return "#" + "".join(f"{round(c):02x}" for c in channels)


def relative_luminance(colour: str) -> float:
    """Return the WCAG relative luminance of a "#rrggbb" colour."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in _channels(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """Return the WCAG contrast ratio of two "#rrggbb" colours (1 to 21)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def legible_on(colour: str, backgrounds: tuple[str, ...], *, towards: str) -> str:
    """Return ``colour`` mixed towards ``towards`` until it reaches AA contrast on every background.

    The colour comes back unchanged when it is legible already.
    """
    start, end = _channels(colour), _channels(towards)
    for step in range(101):
        share = step / 100
        mixed = _hex(s + (e - s) * share for s, e in zip(start, end, strict=True))
        if all(contrast_ratio(mixed, bg) >= MIN_TEXT_CONTRAST for bg in backgrounds):
            return mixed
    return towards


def text_on(colour: str) -> str:
    """Return black or white, whichever reads better on ``colour`` (always at least 4.58:1)."""
    return WHITE if contrast_ratio(colour, WHITE) >= contrast_ratio(colour, BLACK) else BLACK


def brand_stylesheet(accent: str) -> str:
    """Return the CSS custom properties for one accent colour.

    Raises ValueError when ``accent`` is not "#" followed by six hex digits.
    """
    if not ACCENT_PATTERN.fullmatch(accent):
        raise ValueError(f'The accent colour must be "#" and six hex digits, not {accent!r}.')
    accent = accent.lower()
    ink_light = legible_on(accent, LIGHT_BACKGROUNDS, towards=BLACK)
    ink_dark = legible_on(accent, DARK_BACKGROUNDS, towards=WHITE)
    return (
        f":root{{--accent:{accent};--accent-ink:{ink_light};--on-accent:{text_on(accent)}}}\n"
        "@media (prefers-color-scheme:dark){"
        f":root{{--accent-ink:{ink_dark}}}"
        "}\n"
    )
