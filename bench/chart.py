"""A hand-written SVG bar chart: labelled horizontal bars, one panel per measure."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

WIDTH = 760
LABEL_X = 16
BAR_X = 300
BAR_MAX_WIDTH = 340
BAR_HEIGHT = 24
BAR_GAP = 10
PANEL_TITLE_HEIGHT = 30
PANEL_GAP = 18
TOP = 48
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"


@dataclass(frozen=True, slots=True, kw_only=True)
class Bar:
    label: str
    value: float
    value_text: str
    colour: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Panel:
    title: str
    bars: tuple[Bar, ...]


def bar_width(value: float, *, largest: float) -> float:
    """Return the drawn length of a bar: the largest fills the panel, none is thinner than 1."""
    if largest <= 0:
        return 1.0
    return max(1.0, round(value / largest * BAR_MAX_WIDTH, 1))


def bar_chart_svg(panels: Sequence[Panel], *, title: str, caption: str) -> str:
    """Return a standalone SVG document drawing each panel's bars to its own scale.

    Raises ValueError when a panel has no bars or a value is negative or not a number.
    """
    for panel in panels:
        if not panel.bars:
            raise ValueError(f'The panel "{panel.title}" has no bars.')
        for bar in panel.bars:
            if math.isnan(bar.value) or bar.value < 0:
                raise ValueError(
                    f'The bar "{bar.label}" in "{panel.title}" has the value {bar.value}; '
                    "bars need a number of 0 or more."
                )
    body: list[str] = []
    y = TOP
    for panel in panels:
        body.append(_text(LABEL_X, y + 18, panel.title, size=15, weight="600"))
        y += PANEL_TITLE_HEIGHT
        largest = max(bar.value for bar in panel.bars)
        for bar in panel.bars:
            width = bar_width(bar.value, largest=largest)
            middle = y + BAR_HEIGHT / 2 + 5
            body.append(_text(LABEL_X, middle, bar.label, size=13))
            body.append(
                f'<rect x="{BAR_X}" y="{y}" width="{width:g}" height="{BAR_HEIGHT}" '
                f"fill={quoteattr(bar.colour)}><title>{escape(bar.label)}: "
                f"{escape(bar.value_text)}</title></rect>"
            )
            body.append(_text(BAR_X + width + 8, middle, bar.value_text, size=13, weight="600"))
            y += BAR_HEIGHT + BAR_GAP
        y += PANEL_GAP
    height = y + 14
    body.append(_text(LABEL_X, height - 16, caption, size=12, fill="#555"))
    height += 4
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
            f'viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="chart-title">',
            f'<title id="chart-title">{escape(title)}</title>',
            f'<rect width="{WIDTH}" height="{height}" fill="#fff"/>',
            _text(LABEL_X, 28, title, size=17, weight="700"),
            *body,
            "</svg>",
            "",
        ]
    )


def _text(
    x: float, y: float, text: str, *, size: int, weight: str = "400", fill: str = "#111"
) -> str:
    return (
        f'<text x="{x:g}" y="{y:g}" font-family="{FONT}" font-size="{size}" '
        f'font-weight="{weight}" fill="{fill}">{escape(text)}</text>'
    )
