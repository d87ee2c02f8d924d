"""Join bylines the way English does: "A", "A and B", "A in Lisbon, B in Nairobi and C in Lima"."""

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class BylinePart:
    name: str
    location: str = ""
    url: str = ""


def join_names(items: Sequence[str]) -> str:
    """Return "A", "A and B" or "A, B and C"."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} and {items[-1]}"


def byline_text(parts: Sequence[BylinePart]) -> str:
    """Return the plain byline, each author followed by " in Place" where a place is given."""
    return join_names([f"{p.name} in {p.location}" if p.location else p.name for p in parts])


def byline_separators(count: int) -> list[str]:
    """Return the text that follows each of ``count`` bylines: ", ", " and " or ""."""
    if count <= 0:
        return []
    separators = [", "] * (count - 2) + [" and "] if count >= 2 else []
    return [*separators, ""]
