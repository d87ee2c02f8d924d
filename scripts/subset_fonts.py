"""Make the one web font the reading pages load: Broadsheet Headline, a subset of Source Serif 4 Bold.

Reads assets/fonts/source-serif-4-latin-700-normal.woff2 (not served) and writes
static/fonts/broadsheet-headline-700.woff2 with only the characters in CHARACTERS, kerning
and standard ligatures, no hinting, under a new family name: the SIL Open Font License
reserves the name "Source" for the unmodified fonts. The output is the same byte for byte
on every run (the source's timestamp is kept), so tests can check the committed file.

With a local font file as argument, print instead the @font-face descriptors that make that
font take the room of Broadsheet Headline: the fallback face in static/css/broadsheet.css
(`python scripts/subset_fonts.py /usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf`).

Run with `make fonts`; it needs fonttools and brotli (the dev dependencies).
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "assets" / "fonts" / "source-serif-4-latin-700-normal.woff2"
TARGET = REPO / "static" / "fonts" / "broadsheet-headline-700.woff2"

FAMILY = "Broadsheet Headline"
POSTSCRIPT_NAME = "BroadsheetHeadline-Bold"

TYPOGRAPHIC_MARKS = (
    "\u00a0"  # no-break space
    "\u2009"  # thin space
    "\u2013\u2014"  # en and em dashes
    "\u2018\u2019\u201a\u201c\u201d\u201e"  # curly quotes, as content.typography makes them
    "\u2022\u2026"  # bullet, ellipsis
    "\u2032\u2033"  # prime, double prime (feet and inches, minutes and seconds)
    "\u2039\u203a"  # single guillemets
    "\u2044"  # fraction slash
    "\u20ac"  # euro
)
CHARACTERS = (
    "".join(chr(code) for code in range(0x20, 0x7F))  # Basic Latin
    # Latin-1 letters, from À to ÿ without the multiplication and division signs.
    + "".join(chr(code) for code in range(0xC0, 0x100) if code not in {0xD7, 0xF7})
    + "\u0152\u0153"  # OE and oe ligatures
    + "\u00a3\u00b0\u00ab\u00bb"  # pound, degree, guillemets
    + TYPOGRAPHIC_MARKS
)
"""Every character Broadsheet Headline draws; others fall back, one by one, to a local serif.

Kerning is a quarter of the file and each glyph up to about 100 bytes: the rarer Latin-1 signs
(©, ½, ¿) are left to the fallback, as they appear in credits and body text, not headlines.
"""

SAMPLE = "The quick brown fox jumps over the lazy dog: THE QUICK BROWN FOX, 1,234,567"
"""Text whose average advance stands for a headline's, to match widths with a fallback."""

LAYOUT_FEATURES = ["kern", "liga"]


def rename(font: TTFont) -> None:
    """Give the subset its own family name, keeping the copyright and licence records."""
    names = font["name"]
    copyright_notice = names.getDebugName(0)
    licence = names.getDebugName(13)
    licence_url = names.getDebugName(14)
    version = names.getDebugName(5)
    names.names = []
    records = {
        0: copyright_notice,
        1: FAMILY,
        2: "Bold",
        3: f"{POSTSCRIPT_NAME};subset of Source Serif 4 Bold",
        4: f"{FAMILY} Bold",
        5: version,
        6: POSTSCRIPT_NAME,
        13: licence,
        14: licence_url,
    }
    for name_id, text in records.items():
        if text:
            names.setName(text, name_id, 3, 1, 0x409)


def make_subset(source: Path = SOURCE) -> TTFont:
    """Return Broadsheet Headline made from the full Source Serif 4 Bold at ``source``."""
    font = TTFont(source, recalcTimestamp=False)
    missing = sorted({char for char in CHARACTERS if ord(char) not in font.getBestCmap()})
    if missing:
        raise SystemExit(f"{source.name} lacks {''.join(missing)!r}")
    options = subset.Options()
    options.layout_features = LAYOUT_FEATURES
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    options.drop_tables += ["BASE", "STAT", "gasp"]
    options.flavor = "woff2"
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=CHARACTERS)
    subsetter.subset(font)
    rename(font)
    font.flavor = "woff2"
    return font


def average_advance(font: TTFont) -> float:
    """Return the average advance of SAMPLE's characters, in ems."""
    cmap = font.getBestCmap()
    advances = [font["hmtx"][cmap[ord(char)]][0] for char in SAMPLE]
    return sum(advances) / len(advances) / font["head"].unitsPerEm


def fallback_descriptors(fallback: Path, *, source: Path = SOURCE) -> str:
    """Return size-adjust and the line metric overrides that fit ``fallback`` to the source."""
    headline = TTFont(source)
    scale = average_advance(headline) / average_advance(TTFont(fallback))
    units = headline["head"].unitsPerEm
    hhea = headline["hhea"]
    return "\n".join(
        [
            f"size-adjust: {scale:.2%};",
            f"ascent-override: {hhea.ascent / units / scale:.2%};",
            f"descent-override: {-hhea.descent / units / scale:.2%};",
            f"line-gap-override: {hhea.lineGap / units / scale:.2%};",
        ]
    )


def main() -> int:
    if len(sys.argv) > 1:
        sys.stdout.write(fallback_descriptors(Path(sys.argv[1])) + "\n")
        return 0
    font = make_subset()
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    font.save(TARGET)
    size = TARGET.stat().st_size
    sys.stdout.write(f"{TARGET.relative_to(REPO)}: {size:,} bytes, {len(CHARACTERS)} characters\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
