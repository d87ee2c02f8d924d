"""Draw the demo's pictures with Pillow: landscape scenes, author portraits and ad creatives.

Everything is drawn from a seed, so the same name always gives the same picture. Scenes carry no
text; portraits are initials on colour; creatives use the publication's own fonts.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from io import BytesIO
from pathlib import Path

from django.conf import settings
from PIL import Image, ImageDraw, ImageFilter, ImageFont

Colour = tuple[int, int, int]

SCENE_SIZE = (1600, 900)
PORTRAIT_SIZE = (800, 800)

PALETTES: dict[str, dict[str, Colour]] = {
    "dawn": {
        "sky_top": (44, 62, 112),
        "sky_bottom": (246, 176, 132),
        "sun": (255, 226, 170),
        "far": (120, 110, 150),
        "mid": (70, 66, 104),
        "near": (34, 34, 58),
        "water": (96, 104, 150),
        "ground": (84, 74, 88),
    },
    "noon": {
        "sky_top": (58, 122, 196),
        "sky_bottom": (188, 220, 240),
        "sun": (255, 250, 226),
        "far": (132, 160, 186),
        "mid": (84, 124, 96),
        "near": (46, 82, 58),
        "water": (40, 104, 160),
        "ground": (120, 150, 82),
    },
    "dry": {
        "sky_top": (96, 150, 200),
        "sky_bottom": (238, 214, 170),
        "sun": (255, 244, 210),
        "far": (186, 150, 120),
        "mid": (168, 122, 78),
        "near": (120, 84, 52),
        "water": (150, 140, 120),
        "ground": (196, 158, 102),
    },
    "dusk": {
        "sky_top": (36, 30, 72),
        "sky_bottom": (236, 120, 84),
        "sun": (255, 196, 120),
        "far": (110, 70, 100),
        "mid": (66, 44, 74),
        "near": (28, 22, 40),
        "water": (120, 72, 96),
        "ground": (60, 40, 60),
    },
    "night": {
        "sky_top": (8, 12, 34),
        "sky_bottom": (34, 52, 96),
        "sun": (236, 236, 214),
        "far": (30, 40, 70),
        "mid": (20, 28, 50),
        "near": (10, 14, 28),
        "water": (20, 34, 66),
        "ground": (16, 22, 40),
    },
    "storm": {
        "sky_top": (52, 60, 70),
        "sky_bottom": (132, 144, 150),
        "sun": (200, 206, 210),
        "far": (92, 102, 112),
        "mid": (64, 74, 84),
        "near": (36, 44, 52),
        "water": (58, 74, 84),
        "ground": (70, 76, 78),
    },
    "winter": {
        "sky_top": (120, 156, 200),
        "sky_bottom": (226, 236, 244),
        "sun": (255, 250, 240),
        "far": (118, 134, 162),
        "mid": (92, 110, 136),
        "near": (72, 90, 116),
        "water": (110, 140, 170),
        "ground": (232, 238, 244),
    },
    "ocean": {
        "sky_top": (30, 96, 170),
        "sky_bottom": (170, 210, 232),
        "sun": (255, 248, 220),
        "far": (110, 150, 180),
        "mid": (24, 90, 140),
        "near": (12, 56, 96),
        "water": (18, 84, 138),
        "ground": (216, 196, 150),
    },
}


def _mix(a: Colour, b: Colour, t: float) -> Colour:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def _shade(colour: Colour, factor: float) -> Colour:
    return _mix(colour, (0, 0, 0) if factor < 0 else (255, 255, 255), abs(factor))


def _soften(mask: Image.Image, radius: float, *, shrink: int = 4) -> Image.Image:
    """Return the mask blurred by ``radius``, blurring a smaller copy because it is much faster."""
    small = mask.resize((max(1, mask.width // shrink), max(1, mask.height // shrink)))
    small = small.filter(ImageFilter.GaussianBlur(radius / shrink))
    return small.resize(mask.size, Image.Resampling.BILINEAR)


class Canvas:
    """A scene being drawn: the image, its palette and a seeded random source."""

    def __init__(self, palette: dict[str, Colour], seed: str, size: tuple[int, int]) -> None:
        self.width, self.height = size
        self.palette = palette
        self.random = random.Random(seed)  # noqa: S311 - pictures, not secrets
        self.image = Image.new("RGB", size, palette["sky_top"])
        self.draw = ImageDraw.Draw(self.image)
        self.horizon = round(self.height * 0.62)

    def y(self, fraction: float) -> int:
        return round(self.height * fraction)

    def x(self, fraction: float) -> int:
        return round(self.width * fraction)


# --- Layers -------------------------------------------------------------------------------


def _vertical_gradient(canvas: Canvas, top: Colour, bottom: Colour, y0: int, y1: int) -> None:
    span = max(1, y1 - y0)
    for y in range(y0, y1):
        canvas.draw.line([(0, y), (canvas.width, y)], fill=_mix(top, bottom, (y - y0) / span))


def sky(canvas: Canvas) -> None:
    _vertical_gradient(
        canvas, canvas.palette["sky_top"], canvas.palette["sky_bottom"], 0, canvas.height
    )


def sun(canvas: Canvas, *, x: float = 0.7, y: float = 0.42, radius: float = 0.06) -> None:
    cx, cy, r = canvas.x(x), canvas.y(y), canvas.y(radius)
    glow = Image.new("L", (canvas.width, canvas.height), 0)
    glow_draw = ImageDraw.Draw(glow)
    for step in range(12, 0, -1):
        rr = r + step * r * 0.35
        glow_draw.ellipse([cx - rr, cy - rr, cx + rr, cy + rr], fill=round(90 / step))
    glow = _soften(glow, r * 0.6)
    canvas.image.paste(Image.new("RGB", canvas.image.size, canvas.palette["sun"]), mask=glow)
    canvas.draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=canvas.palette["sun"])


def stars(canvas: Canvas, *, count: int = 260) -> None:
    for _ in range(count):
        x = canvas.random.randrange(canvas.width)
        y = canvas.random.randrange(canvas.horizon)
        brightness = canvas.random.randrange(140, 256)
        size = canvas.random.choice((1, 1, 1, 2))
        canvas.draw.ellipse([x, y, x + size, y + size], fill=(brightness,) * 3)


def comet(canvas: Canvas) -> None:
    head_x, head_y = canvas.x(0.68), canvas.y(0.22)
    tail = Image.new("L", canvas.image.size, 0)
    tail_draw = ImageDraw.Draw(tail)
    for i in range(60):
        t = i / 60
        x = head_x - t * canvas.width * 0.32
        y = head_y - t * canvas.height * 0.14
        r = 4 + t * 26
        tail_draw.ellipse([x - r, y - r, x + r, y + r], fill=round(150 * (1 - t)))
    tail = _soften(tail, 9, shrink=2)
    canvas.image.paste(Image.new("RGB", canvas.image.size, (210, 236, 255)), mask=tail)
    canvas.draw.ellipse([head_x - 6, head_y - 6, head_x + 6, head_y + 6], fill=(255, 255, 255))


def clouds(canvas: Canvas, *, count: int = 7, colour: Colour | None = None) -> None:
    layer = Image.new("L", canvas.image.size, 0)
    layer_draw = ImageDraw.Draw(layer)
    for _ in range(count):
        cx = canvas.random.randrange(canvas.width)
        cy = canvas.random.randrange(canvas.y(0.06), canvas.y(0.4))
        for _ in range(6):
            w = canvas.random.randrange(80, 220)
            h = canvas.random.randrange(24, 60)
            ox = canvas.random.randrange(-160, 160)
            oy = canvas.random.randrange(-20, 20)
            layer_draw.ellipse([cx + ox - w, cy + oy - h, cx + ox + w, cy + oy + h], fill=120)
    layer = _soften(layer, 18)
    fill = colour or _mix(canvas.palette["sky_bottom"], (255, 255, 255), 0.5)
    canvas.image.paste(Image.new("RGB", canvas.image.size, fill), mask=layer)


def _ridge_points(
    canvas: Canvas, *, base: float, amplitude: float, roughness: float
) -> list[tuple[int, int]]:
    """Return a ridge line by midpoint displacement across the full width."""
    count = 65
    heights = [0.0] * count
    step = count - 1
    scale = amplitude
    heights[0] = canvas.random.uniform(-scale, scale)
    heights[-1] = canvas.random.uniform(-scale, scale)
    while step > 1:
        half = step // 2
        for i in range(half, count - 1, step):
            heights[i] = (heights[i - half] + heights[i + half]) / 2 + canvas.random.uniform(
                -scale, scale
            )
        scale *= roughness
        step = half
    return [
        (round(i * canvas.width / (count - 1)), canvas.y(base) - round(h * canvas.height))
        for i, h in enumerate(heights)
    ]


def ridge(
    canvas: Canvas,
    *,
    base: float,
    amplitude: float,
    colour: Colour,
    roughness: float = 0.55,
    snow: bool = False,
) -> None:
    points = _ridge_points(canvas, base=base, amplitude=amplitude, roughness=roughness)
    canvas.draw.polygon([*points, (canvas.width, canvas.height), (0, canvas.height)], fill=colour)
    if snow:
        top = min(y for _x, y in points)
        line = top + canvas.y(amplitude * 0.6)
        # The snow's lower edge follows the ridge down a ragged way, never below the snow line.
        lower = [
            (
                x,
                max(
                    y,
                    min(
                        line + canvas.random.randrange(-30, 30), y + canvas.random.randrange(30, 90)
                    ),
                ),
            )
            for x, y in points
        ]
        snow_layer = Image.new("L", canvas.image.size, 0)
        ImageDraw.Draw(snow_layer).polygon([*points, *reversed(lower)], fill=235)
        canvas.image.paste(Image.new("RGB", canvas.image.size, (244, 248, 252)), mask=snow_layer)


def water(canvas: Canvas, *, top: float = 0.64) -> None:
    y0 = canvas.y(top)
    base = canvas.palette["water"]
    _vertical_gradient(canvas, _shade(base, 0.15), _shade(base, -0.35), y0, canvas.height)
    for _ in range(140):
        y = canvas.random.randrange(y0 + 4, canvas.height)
        x = canvas.random.randrange(-100, canvas.width)
        length = canvas.random.randrange(30, 40 + (y - y0))
        canvas.draw.line([(x, y), (x + length, y)], fill=_shade(base, 0.3), width=2)


def sun_path(canvas: Canvas, *, x: float = 0.7, top: float = 0.64) -> None:
    """Glints of the sun on the water below it."""
    cx = canvas.x(x)
    for _ in range(90):
        y = canvas.random.randrange(canvas.y(top) + 2, canvas.height)
        spread = (y - canvas.y(top)) * 0.5 + 20
        x0 = cx + canvas.random.uniform(-spread, spread)
        length = canvas.random.randrange(10, 70)
        canvas.draw.line(
            [(x0, y), (x0 + length, y)], fill=_mix(canvas.palette["sun"], (255, 255, 255), 0.3)
        )


def fields(canvas: Canvas, *, top: float = 0.64, furrows: int = 26) -> None:
    y0 = canvas.y(top)
    base = canvas.palette["ground"]
    _vertical_gradient(canvas, _shade(base, 0.1), _shade(base, -0.25), y0, canvas.height)
    vanish_x = canvas.x(0.5)
    for i in range(-furrows, furrows + 1):
        x_bottom = vanish_x + i * canvas.width / furrows * 1.4
        canvas.draw.line(
            [(vanish_x + i * 6, y0), (x_bottom, canvas.height)], fill=_shade(base, -0.18), width=3
        )
    for i in range(1, 9):
        y = y0 + (canvas.height - y0) * (i / 9) ** 1.8
        canvas.draw.line([(0, y), (canvas.width, y)], fill=_shade(base, -0.08), width=1)


def cracked_earth(canvas: Canvas, *, top: float = 0.7) -> None:
    y0 = canvas.y(top)
    base = canvas.palette["ground"]
    _vertical_gradient(canvas, _shade(base, 0.12), _shade(base, -0.2), y0, canvas.height)
    for _ in range(70):
        x = canvas.random.randrange(canvas.width)
        y = canvas.random.randrange(y0, canvas.height)
        points = [(x, y)]
        for _ in range(4):
            x += canvas.random.randrange(-60, 60)
            y += canvas.random.randrange(-10, 24)
            points.append((x, y))
        canvas.draw.line(points, fill=_shade(base, -0.35), width=2)


def trees(canvas: Canvas, *, base: float, count: int = 14, scale: float = 1.0) -> None:
    y = canvas.y(base)
    colour = canvas.palette["near"]
    for _ in range(count):
        x = canvas.random.randrange(canvas.width)
        h = round(canvas.random.randrange(40, 90) * scale)
        w = round(h * 0.45)
        canvas.draw.rectangle([x - 3, y - h * 0.3, x + 3, y], fill=_shade(colour, -0.2))
        canvas.draw.ellipse([x - w, y - h, x + w, y - h * 0.25], fill=colour)


def acacias(canvas: Canvas, *, base: float, count: int = 5) -> None:
    y = canvas.y(base)
    colour = canvas.palette["near"]
    for _ in range(count):
        x = canvas.random.randrange(canvas.width)
        h = canvas.random.randrange(70, 150)
        canvas.draw.line([(x, y), (x + 6, y - h)], fill=colour, width=6)
        canvas.draw.ellipse([x - h * 0.8, y - h - 22, x + h * 0.8, y - h + 10], fill=colour)


def skyline(
    canvas: Canvas,
    *,
    base: float,
    colour: Colour,
    tallest: float = 0.3,
    windows: bool = False,
    density: int = 34,
) -> None:
    y = canvas.y(base)
    x = -20
    while x < canvas.width:
        w = canvas.random.randrange(40, 110)
        h = canvas.random.uniform(0.05, tallest) * canvas.height
        if canvas.random.random() < 0.1:
            h *= 1.4
        canvas.draw.rectangle([x, y - h, x + w, y], fill=colour)
        if canvas.random.random() < 0.2:
            canvas.draw.rectangle([x + w * 0.4, y - h - 24, x + w * 0.45, y - h], fill=colour)
        if windows:
            light = _mix(canvas.palette["sun"], (255, 214, 140), 0.5)
            for wy in range(round(y - h + 10), y - 8, 16):
                for wx in range(x + 6, x + w - 8, 12):
                    if canvas.random.random() < 0.28:
                        canvas.draw.rectangle([wx, wy, wx + 5, wy + 7], fill=light)
        x += w + canvas.random.randrange(0, max(1, 1600 // density))


def cranes(canvas: Canvas, *, base: float, count: int = 4) -> None:
    y = canvas.y(base)
    colour = canvas.palette["near"]
    for i in range(count):
        x = canvas.x(0.12 + i * 0.8 / max(1, count))
        h = canvas.random.randrange(220, 320)
        canvas.draw.rectangle([x, y - h, x + 14, y], fill=colour)
        for k in range(0, h, 28):
            canvas.draw.line([(x, y - k), (x + 14, y - k - 28)], fill=colour, width=2)
        jib = canvas.random.randrange(180, 280)
        canvas.draw.rectangle([x - 60, y - h - 10, x + jib, y - h], fill=colour)
        canvas.draw.line([(x + 7, y - h - 60), (x + jib, y - h - 5)], fill=colour, width=3)
        canvas.draw.line([(x + 7, y - h - 60), (x - 60, y - h - 5)], fill=colour, width=3)
        hook_x = x + canvas.random.randrange(60, jib)
        canvas.draw.line([(hook_x, y - h), (hook_x, y - h + 120)], fill=colour, width=2)
        canvas.draw.rectangle([hook_x - 30, y - h + 120, hook_x + 30, y - h + 150], fill=colour)


def containers(canvas: Canvas, *, base: float) -> None:
    y = canvas.y(base)
    colours = [(168, 52, 48), (40, 96, 140), (196, 140, 48), (64, 120, 88), (120, 120, 128)]
    for row in range(3):
        x = canvas.x(0.05) + row * 30
        while x < canvas.x(0.9):
            w = canvas.random.choice((90, 180))
            colour = _mix(canvas.random.choice(colours), canvas.palette["near"], 0.45)
            canvas.draw.rectangle([x, y - 34 * (row + 1), x + w - 4, y - 34 * row - 3], fill=colour)
            x += w + canvas.random.choice((0, 0, 0, 60))


def boats(canvas: Canvas, *, base: float, count: int = 5, sails: bool = False) -> None:
    y = canvas.y(base)
    colour = canvas.palette["near"]
    for _ in range(count):
        x = canvas.random.randrange(canvas.x(0.05), canvas.x(0.95))
        w = canvas.random.randrange(60, 140)
        canvas.draw.polygon(
            [(x, y), (x + w, y), (x + w * 0.85, y + 16), (x + w * 0.12, y + 16)], fill=colour
        )
        mast = canvas.random.randrange(60, 150)
        canvas.draw.line([(x + w * 0.45, y), (x + w * 0.45, y - mast)], fill=colour, width=3)
        if sails:
            canvas.draw.polygon(
                [(x + w * 0.47, y - mast), (x + w * 0.47, y - 8), (x + w * 0.95, y - 8)],
                fill=_mix(canvas.palette["sky_bottom"], (255, 255, 255), 0.6),
            )


def bridge(canvas: Canvas, *, base: float) -> None:
    deck = canvas.y(base)
    colour = canvas.palette["near"]
    canvas.draw.rectangle([0, deck - 10, canvas.width, deck + 6], fill=colour)
    towers = [canvas.x(0.28), canvas.x(0.72)]
    for tx in towers:
        canvas.draw.rectangle([tx - 12, deck - 260, tx + 12, deck + 120], fill=colour)
        canvas.draw.rectangle([tx - 20, deck - 180, tx + 20, deck - 168], fill=colour)
    top = deck - 250
    spans = [(-canvas.x(0.16), towers[0]), (towers[0], towers[1]), (towers[1], canvas.x(1.16))]
    for x0, x1 in spans:
        points = []
        for i in range(41):
            t = i / 40
            sag = 4 * t * (1 - t)
            points.append((x0 + (x1 - x0) * t, top + sag * 230))
        canvas.draw.line(points, fill=colour, width=4)
        for px, py in points[::2]:
            canvas.draw.line([(px, py), (px, deck - 10)], fill=colour, width=1)


def runners(canvas: Canvas, *, base: float, count: int = 22) -> None:
    y = canvas.y(base)
    colour = canvas.palette["near"]
    for _ in range(count):
        x = canvas.random.randrange(canvas.width)
        h = canvas.random.randrange(34, 56)
        lean = canvas.random.choice((-1, 1))
        canvas.draw.ellipse([x - 5, y - h - 10, x + 5, y - h], fill=colour)
        canvas.draw.line([(x, y - h), (x + lean * 4, y - h * 0.45)], fill=colour, width=5)
        canvas.draw.line([(x + lean * 4, y - h * 0.45), (x - 8, y)], fill=colour, width=4)
        canvas.draw.line([(x + lean * 4, y - h * 0.45), (x + 10, y - 2)], fill=colour, width=4)
        canvas.draw.line([(x, y - h * 0.85), (x + 11 * lean, y - h * 0.55)], fill=colour, width=3)


def columns(canvas: Canvas, *, base: float) -> None:
    y = canvas.y(base)
    stone = _mix(canvas.palette["far"], (236, 226, 206), 0.6)
    shadow = _shade(stone, -0.3)
    left, right = canvas.x(0.18), canvas.x(0.82)
    canvas.draw.rectangle([left - 30, y - 20, right + 30, y], fill=shadow)
    canvas.draw.rectangle([left - 10, y - 380, right + 10, y - 340], fill=stone)
    canvas.draw.polygon(
        [(left - 20, y - 380), (right + 20, y - 380), ((left + right) / 2, y - 480)], fill=stone
    )
    canvas.draw.polygon(
        [(left + 30, y - 392), (right - 30, y - 392), ((left + right) / 2, y - 460)], fill=shadow
    )
    count = 8
    for i in range(count):
        cx = left + 20 + i * (right - left - 40) / (count - 1)
        canvas.draw.rectangle([cx - 20, y - 340, cx + 20, y - 20], fill=stone)
        canvas.draw.rectangle([cx - 20, y - 340, cx - 12, y - 20], fill=shadow)
    for step in range(4):
        canvas.draw.rectangle(
            [left - 60 - step * 30, y + step * 18, right + 60 + step * 30, y + step * 18 + 18],
            fill=_shade(stone, -0.05 * step),
        )


def dome(canvas: Canvas, *, base: float) -> None:
    y = canvas.y(base)
    stone = _mix(canvas.palette["mid"], (230, 214, 190), 0.5)
    cx = canvas.x(0.5)
    canvas.draw.rectangle([cx - 420, y - 220, cx + 420, y], fill=_shade(stone, -0.1))
    canvas.draw.rectangle([cx - 240, y - 330, cx + 240, y - 220], fill=stone)
    canvas.draw.pieslice([cx - 220, y - 560, cx + 220, y - 110], 180, 360, fill=_shade(stone, 0.1))
    canvas.draw.rectangle([cx - 8, y - 400, cx + 8, y - 335], fill=stone)
    canvas.draw.ellipse([cx - 18, y - 420, cx + 18, y - 384], fill=canvas.palette["sun"])
    for i in range(9):
        wx = cx - 380 + i * 95
        canvas.draw.rounded_rectangle(
            [wx, y - 180, wx + 40, y - 60], radius=20, fill=_mix(canvas.palette["sun"], stone, 0.3)
        )


def factory(canvas: Canvas, *, base: float) -> None:
    y = canvas.y(base)
    wall = _mix(canvas.palette["far"], (226, 230, 236), 0.55)
    roof = _shade(wall, -0.25)
    canvas.draw.rectangle([canvas.x(0.08), y - 170, canvas.x(0.92), y], fill=wall)
    canvas.draw.rectangle([canvas.x(0.08), y - 186, canvas.x(0.92), y - 170], fill=roof)
    for i in range(6):
        x = canvas.x(0.14 + i * 0.13)
        canvas.draw.rectangle([x, y - 250, x + 110, y - 186], fill=_shade(wall, -0.08))
        canvas.draw.rectangle([x + 40, y - 300, x + 58, y - 250], fill=roof)
    for i in range(24):
        x = canvas.x(0.1) + i * 56
        canvas.draw.rectangle([x, y - 120, x + 34, y - 60], fill=(96, 140, 176))
    canvas.draw.rectangle([canvas.x(0.45), y - 50, canvas.x(0.55), y], fill=roof)


def track(canvas: Canvas, *, top: float = 0.66) -> None:
    y0 = canvas.y(top)
    base = (186, 84, 64)
    _vertical_gradient(canvas, _shade(base, 0.1), _shade(base, -0.2), y0, canvas.height)
    for lane in range(9):
        points = []
        for i in range(41):
            t = i / 40
            x = canvas.width * t
            curve = math.sin(t * math.pi) * 40
            points.append((x, y0 + 10 + lane * (canvas.height - y0) / 9 + curve * (lane / 9)))
        canvas.draw.line(points, fill=(240, 236, 228), width=3)


def stands(canvas: Canvas, *, base: float) -> None:
    y = canvas.y(base)
    colour = canvas.palette["mid"]
    canvas.draw.polygon(
        [(0, y), (0, y - 220), (canvas.width, y - 160), (canvas.width, y)], fill=colour
    )
    for row in range(12):
        yy = y - 20 - row * 16
        for x in range(0, canvas.width, 9):
            if canvas.random.random() < 0.55:
                shade = canvas.random.choice(((200, 60, 60), (240, 240, 240), (60, 90, 160)))
                canvas.draw.point((x, yy - x * 0.04 + row), fill=_mix(shade, colour, 0.5))
    canvas.draw.rectangle([0, y - 260, canvas.width, y - 236], fill=_shade(colour, -0.3))
    for x in range(canvas.x(0.1), canvas.width, canvas.x(0.27)):
        canvas.draw.rectangle([x, y - 420, x + 10, y - 236], fill=_shade(colour, -0.4))
        canvas.draw.rectangle([x - 40, y - 440, x + 50, y - 410], fill=(250, 246, 220))


def rain(canvas: Canvas, *, count: int = 700) -> None:
    colour = _mix(canvas.palette["sky_bottom"], (255, 255, 255), 0.3)
    for _ in range(count):
        x = canvas.random.randrange(-100, canvas.width)
        y = canvas.random.randrange(canvas.height)
        length = canvas.random.randrange(14, 34)
        canvas.draw.line([(x, y), (x + length * 0.3, y + length)], fill=colour, width=1)


def waves(canvas: Canvas, *, top: float = 0.6) -> None:
    y0 = canvas.y(top)
    base = canvas.palette["water"]
    _vertical_gradient(canvas, _shade(base, 0.1), _shade(base, -0.4), y0, canvas.height)
    for row in range(14):
        y = y0 + (canvas.height - y0) * (row / 14) ** 1.4
        amplitude = 4 + row * 2.5
        wavelength = 60 + row * 16
        phase = canvas.random.uniform(0, 6.28)
        points = [
            (x, y + math.sin(x / wavelength + phase) * amplitude)
            for x in range(0, canvas.width + 20, 20)
        ]
        canvas.draw.line(points, fill=_shade(base, 0.35), width=2 + row // 4)


def hill_rows(canvas: Canvas, *, base: float) -> None:
    """Bushes in rows over a hillside: a plantation."""
    y0 = canvas.y(base)
    colour = canvas.palette["mid"]
    for row in range(10):
        y = y0 + row * (canvas.height - y0) / 10
        radius = 10 + row * 4
        for x in range(-40, canvas.width + 40, radius * 2 + 6):
            jitter = canvas.random.randrange(-4, 5)
            canvas.draw.ellipse(
                [x - radius, y - radius + jitter, x + radius, y + radius + jitter],
                fill=_shade(colour, -0.05 * (row % 3)),
            )


def crowd(canvas: Canvas, *, base: float, count: int = 160) -> None:
    y = canvas.y(base)
    clothes = [(52, 58, 74), (96, 48, 52), (44, 70, 88), (70, 66, 60), (120, 96, 64)]
    for _ in range(count):
        colour = _mix(canvas.random.choice(clothes), canvas.palette["near"], 0.3)
        x = canvas.random.randrange(canvas.width)
        h = canvas.random.randrange(60, 110)
        yy = y + canvas.random.randrange(0, 80)
        canvas.draw.ellipse([x - 9, yy - h - 16, x + 9, yy - h + 2], fill=colour)
        canvas.draw.rounded_rectangle([x - 16, yy - h, x + 16, yy + 40], radius=10, fill=colour)
    for _ in range(7):
        x = canvas.random.randrange(canvas.x(0.05), canvas.x(0.9))
        canvas.draw.line([(x, y), (x, y - 200)], fill=(40, 40, 48), width=4)
        banner = _mix(canvas.palette["sun"], (230, 80, 60), 0.5)
        canvas.draw.rectangle([x - 70, y - 250, x + 70, y - 190], fill=banner)


def tram(canvas: Canvas, *, base: float) -> None:
    y = canvas.y(base)
    body = (196, 44, 52)
    x0, x1 = canvas.x(0.2), canvas.x(0.8)
    canvas.draw.line([(0, y + 10), (canvas.width, y + 10)], fill=(60, 60, 66), width=6)
    canvas.draw.line([(0, y - 210), (canvas.width, y - 210)], fill=canvas.palette["near"], width=2)
    canvas.draw.line(
        [(x0 + 200, y - 150), (x0 + 260, y - 210)], fill=canvas.palette["near"], width=3
    )
    canvas.draw.rounded_rectangle([x0, y - 150, x1, y], radius=36, fill=body)
    canvas.draw.rectangle([x0, y - 40, x1, y - 28], fill=(240, 236, 228))
    for i in range(9):
        wx = x0 + 40 + i * (x1 - x0 - 80) / 9
        canvas.draw.rounded_rectangle(
            [wx, y - 128, wx + 70, y - 62],
            radius=8,
            fill=_mix(canvas.palette["sky_bottom"], (30, 40, 60), 0.5),
        )


def vignette(canvas: Canvas) -> None:
    mask = Image.new("L", canvas.image.size, 0)
    draw = ImageDraw.Draw(mask)
    step = min(canvas.width, canvas.height) / 64
    for i in range(30):
        inset = round(i * step)
        draw.rectangle(
            [inset, inset, canvas.width - inset, canvas.height - inset], outline=round(90 - i * 3)
        )
    mask = _soften(mask, step * 3)
    canvas.image.paste(Image.new("RGB", canvas.image.size, (0, 0, 0)), mask=mask)


# --- Scenes -------------------------------------------------------------------------------

Recipe = Callable[[Canvas], None]


def _harbour(c: Canvas) -> None:
    sky(c)
    sun(c, x=0.3, y=0.5)
    ridge(c, base=0.6, amplitude=0.08, colour=c.palette["far"])
    skyline(c, base=0.62, colour=c.palette["mid"], tallest=0.18)
    water(c, top=0.62)
    sun_path(c, x=0.3, top=0.62)
    containers(c, base=0.66)
    cranes(c, base=0.66)
    boats(c, base=0.8, count=3)


def _farmland(c: Canvas) -> None:
    sky(c)
    sun(c, x=0.78, y=0.25, radius=0.05)
    ridge(c, base=0.6, amplitude=0.06, colour=c.palette["far"])
    cracked_earth(c, top=0.6)
    acacias(c, base=0.62, count=4)


def _green_fields(c: Canvas) -> None:
    sky(c)
    clouds(c)
    ridge(c, base=0.58, amplitude=0.07, colour=c.palette["far"])
    ridge(c, base=0.64, amplitude=0.04, colour=c.palette["mid"])
    fields(c, top=0.66)
    trees(c, base=0.665, count=9)


def _city(c: Canvas) -> None:
    sky(c)
    sun(c, x=0.22, y=0.5, radius=0.05)
    skyline(c, base=0.7, colour=c.palette["far"], tallest=0.34)
    skyline(c, base=0.76, colour=c.palette["mid"], tallest=0.26, windows=True)
    skyline(c, base=1.0, colour=c.palette["near"], tallest=0.3, windows=True, density=20)


def _city_night(c: Canvas) -> None:
    sky(c)
    stars(c, count=90)
    skyline(c, base=0.66, colour=c.palette["far"], tallest=0.3, windows=True)
    water(c, top=0.66)
    skyline(c, base=0.66, colour=c.palette["mid"], tallest=0.2, windows=True)


def _mountains(c: Canvas) -> None:
    sky(c)
    clouds(c, count=4)
    ridge(c, base=0.55, amplitude=0.22, colour=c.palette["far"], roughness=0.6, snow=True)
    ridge(c, base=0.7, amplitude=0.1, colour=c.palette["mid"])
    ridge(c, base=0.86, amplitude=0.06, colour=c.palette["near"])


def _ocean(c: Canvas) -> None:
    sky(c)
    clouds(c, count=5)
    sun(c, x=0.5, y=0.3, radius=0.04)
    waves(c, top=0.56)


def _storm_sea(c: Canvas) -> None:
    sky(c)
    clouds(c, count=12, colour=(88, 96, 104))
    ridge(c, base=0.6, amplitude=0.05, colour=c.palette["far"])
    waves(c, top=0.6)
    boats(c, base=0.62, count=6, sails=True)
    rain(c)


def _night_sky(c: Canvas) -> None:
    sky(c)
    stars(c)
    comet(c)
    ridge(c, base=0.78, amplitude=0.1, colour=c.palette["mid"])
    trees(c, base=0.86, count=20, scale=1.4)


def _factory(c: Canvas) -> None:
    sky(c)
    clouds(c, count=4)
    ridge(c, base=0.62, amplitude=0.06, colour=c.palette["far"])
    fields(c, top=0.72, furrows=18)
    factory(c, base=0.74)


def _museum(c: Canvas) -> None:
    sky(c)
    clouds(c, count=3)
    skyline(c, base=0.78, colour=c.palette["far"], tallest=0.2)
    columns(c, base=0.78)
    _vertical_gradient(c, (150, 146, 140), (96, 92, 90), c.y(0.78) + 72, c.height)


def _opera(c: Canvas) -> None:
    sky(c)
    skyline(c, base=0.8, colour=c.palette["far"], tallest=0.22, windows=True)
    dome(c, base=0.84)
    _vertical_gradient(c, (80, 70, 76), (30, 26, 34), c.y(0.84), c.height)


def _bridge(c: Canvas) -> None:
    sky(c)
    sun(c, x=0.5, y=0.46, radius=0.05)
    ridge(c, base=0.62, amplitude=0.05, colour=c.palette["far"])
    water(c, top=0.64)
    sun_path(c, x=0.5, top=0.64)
    bridge(c, base=0.6)
    runners(c, base=0.59, count=30)


def _stadium(c: Canvas) -> None:
    sky(c)
    stands(c, base=0.66)
    track(c, top=0.66)


def _plantation(c: Canvas) -> None:
    sky(c)
    clouds(c, count=4)
    ridge(c, base=0.5, amplitude=0.12, colour=c.palette["far"])
    ridge(c, base=0.58, amplitude=0.06, colour=c.palette["mid"])
    hill_rows(c, base=0.62)


def _protest(c: Canvas) -> None:
    sky(c)
    skyline(c, base=0.7, colour=c.palette["far"], tallest=0.28, windows=True)
    _vertical_gradient(c, (140, 130, 120), (90, 84, 80), c.y(0.7), c.height)
    crowd(c, base=0.8)


def _street_tram(c: Canvas) -> None:
    sky(c)
    skyline(c, base=0.74, colour=c.palette["far"], tallest=0.3, windows=True)
    _vertical_gradient(c, (120, 120, 124), (70, 70, 76), c.y(0.74), c.height)
    tram(c, base=0.82)


def _snowfield(c: Canvas) -> None:
    sky(c)
    sun(c, x=0.2, y=0.5, radius=0.04)
    ridge(c, base=0.6, amplitude=0.12, colour=c.palette["far"], snow=True)
    ridge(c, base=0.74, amplitude=0.05, colour=c.palette["ground"])
    trees(c, base=0.78, count=22)


def _coast(c: Canvas) -> None:
    sky(c)
    sun(c, x=0.8, y=0.4)
    ridge(c, base=0.6, amplitude=0.1, colour=c.palette["far"])
    water(c, top=0.62)
    sun_path(c, x=0.8, top=0.62)
    boats(c, base=0.7, count=4, sails=True)


SCENES: dict[str, Recipe] = {
    "harbour": _harbour,
    "farmland": _farmland,
    "green-fields": _green_fields,
    "city": _city,
    "city-night": _city_night,
    "mountains": _mountains,
    "ocean": _ocean,
    "storm-sea": _storm_sea,
    "night-sky": _night_sky,
    "factory": _factory,
    "museum": _museum,
    "opera": _opera,
    "bridge": _bridge,
    "stadium": _stadium,
    "plantation": _plantation,
    "protest": _protest,
    "street-tram": _street_tram,
    "snowfield": _snowfield,
    "coast": _coast,
}
"""What the demo can draw: each name picks a recipe of layers."""


def draw_scene(
    scene: str, *, palette: str, seed: str, size: tuple[int, int] = SCENE_SIZE
) -> Image.Image:
    """Return a text-free landscape for ``scene`` in ``palette``; the same seed, the same picture.

    Raises KeyError naming the scene or palette when either is unknown.
    """
    if scene not in SCENES:
        raise KeyError(f"Unknown demo scene {scene!r}; choose one of {', '.join(sorted(SCENES))}.")
    if palette not in PALETTES:
        raise KeyError(
            f"Unknown demo palette {palette!r}; choose one of {', '.join(sorted(PALETTES))}."
        )
    canvas = Canvas(PALETTES[palette], seed, size)
    SCENES[scene](canvas)
    vignette(canvas)
    return canvas.image


def jpeg_bytes(image: Image.Image, *, quality: int = 84) -> bytes:
    """Return the image as progressive JPEG bytes."""
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=quality, optimize=True, progressive=True)
    return buffer.getvalue()


def png_bytes(image: Image.Image) -> bytes:
    buffer = BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


# --- Portraits and creatives --------------------------------------------------------------


def _font(name: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Return one of the full Source fonts in assets/fonts, or Pillow's own when it is missing."""
    path = Path(settings.BASE_DIR) / "assets" / "fonts" / name
    try:
        return ImageFont.truetype(str(path), size)
    except OSError:
        return ImageFont.load_default(size)


SERIF_BOLD = "source-serif-4-latin-700-normal.woff2"
SERIF = "source-serif-4-latin-400-normal.woff2"
SANS_BOLD = "source-sans-3-latin-700-normal.woff2"
SANS = "source-sans-3-latin-400-normal.woff2"


def initials(name: str) -> str:
    parts = [p for p in name.replace("-", " ").split() if p[:1].isalpha()]
    if not parts:
        return "?"
    return (parts[0][0] + (parts[-1][0] if len(parts) > 1 else "")).upper()


def draw_portrait(
    name: str, *, colour: Colour, size: tuple[int, int] = PORTRAIT_SIZE
) -> Image.Image:
    """Return an abstract portrait: the author's initials over soft light on their colour."""
    width, height = size
    rng = random.Random(name)  # noqa: S311 - pictures, not secrets
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    light, dark = _shade(colour, 0.3), _shade(colour, -0.4)
    for y in range(height):
        draw.line([(0, y), (width, y)], fill=_mix(light, dark, y / height))
    glow = Image.new("L", size, 0)
    glow_draw = ImageDraw.Draw(glow)
    for _ in range(9):
        r = rng.randrange(width // 10, width // 3)
        cx, cy = rng.randrange(width), rng.randrange(height)
        glow_draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=rng.randrange(40, 110))
    glow = _soften(glow, width / 24)
    image.paste(Image.new("RGB", size, _shade(colour, 0.55)), mask=glow)
    draw = ImageDraw.Draw(image)
    font = _font(SERIF_BOLD, round(height * 0.36))
    text = initials(name)
    box = draw.textbbox((0, 0), text, font=font)
    text_x = (width - (box[2] - box[0])) / 2 - box[0]
    text_y = (height - (box[3] - box[1])) / 2 - box[1]
    draw.text((text_x + 4, text_y + 6), text, font=font, fill=_shade(colour, -0.55))
    draw.text((text_x, text_y), text, font=font, fill=(255, 255, 255))
    return image


def _wrap(
    draw: ImageDraw.ImageDraw,
    text: str,
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
    width: int,
) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        trial = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(trial, font=font) <= width:
            lines[-1] = trial
        else:
            lines.append(word)
    return lines


def draw_creative(
    *,
    size: tuple[int, int],
    brand: str,
    headline: str,
    offer: str,
    button: str,
    background: Colour,
    accent: Colour,
) -> Image.Image:
    """Return an ad creative: brand, headline, offer and a button, laid out for its size."""
    width, height = size
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    for row in range(height):
        draw.line(
            [(0, row), (width, row)], fill=_mix(_shade(background, 0.12), background, row / height)
        )
    draw.rectangle([0, 0, width - 1, height - 1], outline=_shade(background, -0.3), width=2)
    leaderboard = width / height > 4
    if leaderboard:
        brand_font = _font(SERIF_BOLD, round(height * 0.22))
        head_font = _font(SERIF_BOLD, round(height * 0.3))
        offer_font = _font(SANS, round(height * 0.2))
        button_font = _font(SANS_BOLD, round(height * 0.2))
        draw.text((18, height * 0.1), brand, font=brand_font, fill=accent)
        draw.text((18, height * 0.4), headline, font=head_font, fill=(255, 255, 255))
        offer_x = 18 + draw.textlength(headline, font=head_font) + 24
        draw.text((offer_x, height * 0.48), offer, font=offer_font, fill=_shade(accent, 0.5))
        button_w = draw.textlength(button, font=button_font) + 36
        bx0, by0 = width - button_w - 18, height * 0.28
        draw.rounded_rectangle([bx0, by0, width - 18, height * 0.72], radius=6, fill=accent)
        draw.text((bx0 + 18, by0 + height * 0.08), button, font=button_font, fill=background)
        return image
    brand_font = _font(SERIF_BOLD, round(height * 0.085))
    head_font = _font(SERIF_BOLD, round(height * 0.12))
    offer_font = _font(SANS, round(height * 0.075))
    button_font = _font(SANS_BOLD, round(height * 0.075))
    margin = round(width * 0.07)
    draw.text((margin, margin * 0.8), brand, font=brand_font, fill=accent)
    draw.line(
        [(margin, margin * 0.8 + height * 0.12), (width - margin, margin * 0.8 + height * 0.12)],
        fill=_shade(accent, -0.2),
        width=2,
    )
    y = height * 0.26
    for line in _wrap(draw, headline, head_font, width - 2 * margin):
        draw.text((margin, y), line, font=head_font, fill=(255, 255, 255))
        y += height * 0.14
    y += height * 0.02
    for line in _wrap(draw, offer, offer_font, width - 2 * margin):
        draw.text((margin, y), line, font=offer_font, fill=_shade(accent, 0.55))
        y += height * 0.09
    button_h = height * 0.15
    draw.rounded_rectangle(
        [margin, height - margin - button_h, width - margin, height - margin], radius=6, fill=accent
    )
    text_w = draw.textlength(button, font=button_font)
    draw.text(
        ((width - text_w) / 2, height - margin - button_h * 0.78),
        button,
        font=button_font,
        fill=background,
    )
    return image


def palette_names() -> Sequence[str]:
    return tuple(PALETTES)
