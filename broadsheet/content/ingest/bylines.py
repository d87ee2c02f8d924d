"""Read a wire byline ("By A in Lisbon, B in Nairobi and C") into (name, location) pairs.

Rules, in order:
- whitespace of any kind is collapsed; a leading "By"/"BY"/"by:" is dropped;
- names are separated by commas, semicolons, "and", "&" (any case), so the Oxford comma
  ("A, B, and C") reads the same as "A, B and C";
- within one name, the first standalone word "in" starts the location: "A in Lisbon".
  A location belongs only to the name it follows: "A and B in Lisbon" is A (no location) and B
  in Lisbon, because a wire byline gives each writer's place after their own name;
- a standalone word "for" and what follows it ("A for Northwind Wire") and a trailing
  parenthesis ("A (Northwind Wire)") are agency credits, not names, and are dropped: the agency
  belongs in the copyright line;
- "in", "and" and "for" count only as whole words, so "Quinn Lindqvist", "Andrea" and
  "Fordham" are never split;
- empty parts are skipped, and a name given twice (in any case) is kept once, first place wins.
Anything without a name in it ("", "By", ", and ,", "in Lisbon") gives an empty list.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_SPACE = re.compile(r"\s+")
_BY = re.compile(r"^by\b[\s:]*", re.IGNORECASE)
_SEPARATOR = re.compile(
    r"\s*[,;]\s*(?:(?:and|&)(?:\s+|$))?|\s+and\s+|\s*&\s*|^and\s+|\s+and$", re.IGNORECASE
)
_TRAILING_PARENTHESIS = re.compile(r"\s*\([^()]*\)\s*$")
_EDGE_PUNCTUATION = " .,:;-\u2013\u2014\"'\u201c\u201d\u2018\u2019"


class BylineEntry(NamedTuple):
    name: str
    location: str


def parse_byline(text: object) -> list[BylineEntry]:
    """Return the writers named in ``text`` with their locations, in byline order."""
    if not isinstance(text, str):
        return []
    line = _BY.sub("", _SPACE.sub(" ", text).strip())
    entries: list[BylineEntry] = []
    seen: set[str] = set()
    for part in _SEPARATOR.split(line):
        entry = _read_part(part)
        if entry is None or entry.name.casefold() in seen:
            continue
        seen.add(entry.name.casefold())
        entries.append(entry)
    return entries


def _read_part(part: str) -> BylineEntry | None:
    words = _TRAILING_PARENTHESIS.sub("", part).split()
    lowered = [word.lower() for word in words]
    if "in" in lowered:
        at = lowered.index("in")
        name_words, location_words = words[:at], words[at + 1 :]
    else:
        name_words, location_words = words, []
    name = _tidy(_before_for(name_words))
    if not name:
        return None
    return BylineEntry(name=name, location=_tidy(_before_for(location_words)))


def _before_for(words: list[str]) -> list[str]:
    lowered = [word.lower() for word in words]
    return words[: lowered.index("for")] if "for" in lowered else words


def _tidy(words: list[str]) -> str:
    return " ".join(words).strip(_EDGE_PUNCTUATION)
