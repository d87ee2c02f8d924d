"""Salience: how central a concept is to an article, and the predicate that follows from it."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from annotator.model import Predicate

HEADLINE_WEIGHT = 3.0
STANDFIRST_WEIGHT = 2.0
FIRST_PARAGRAPH_WEIGHT = 1.5
FREQUENCY_WEIGHT = 1.2
POSITION_WEIGHT = 1.0
COVERAGE_WEIGHT = 1.0
DATELINE_PENALTY = 1.0

ABOUT_FIRST = 3.5
"""The best-ranked concept is `about` from this relevance..."""
ABOUT_OTHERS = 5.5
"""...and any other from this one."""
MAX_ABOUT = 4
MAJOR_RELEVANCE = 3.0
"""`majorMentions` from this relevance..."""
MAJOR_COUNT = 3
"""...or from this many mentions."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Features:
    """Where and how often a concept occurs in an article."""

    in_headline: bool
    in_standfirst: bool
    in_first_paragraph: bool
    count: int
    first_position: float
    """Index of the first body paragraph naming it over the number of paragraphs (1.0: none)."""
    coverage: float
    """Share of body paragraphs naming it."""
    dateline_only: bool = False


def relevance(features: Features) -> float:
    """Return a concept's relevance: 0 for nothing, about 12 for everywhere and often."""
    value = (
        HEADLINE_WEIGHT * features.in_headline
        + STANDFIRST_WEIGHT * features.in_standfirst
        + FIRST_PARAGRAPH_WEIGHT * features.in_first_paragraph
        + FREQUENCY_WEIGHT * math.log1p(features.count)
        + POSITION_WEIGHT * (1.0 - features.first_position)
        + COVERAGE_WEIGHT * features.coverage
    )
    if features.dateline_only:
        value -= DATELINE_PENALTY
    return max(0.0, value)


def assign_predicates(scored: Sequence[tuple[float, str, int]]) -> dict[str, Predicate]:
    """Return each URI's predicate from its (relevance, uri, mention count).

    At most MAX_ABOUT concepts are `about`; `majorMentions` needs MAJOR_RELEVANCE or
    MAJOR_COUNT mentions; the rest are `mentions`. Ties are broken by URI, so the result does
    not depend on input order.
    """
    ranked = sorted(scored, key=lambda item: (-item[0], item[1]))
    predicates: dict[str, Predicate] = {}
    about = 0
    for rank, (value, uri, count) in enumerate(ranked):
        threshold = ABOUT_FIRST if rank == 0 else ABOUT_OTHERS
        if about < MAX_ABOUT and value >= threshold:
            predicates[uri] = "about"
            about += 1
        elif value >= MAJOR_RELEVANCE or count >= MAJOR_COUNT:
            predicates[uri] = "majorMentions"
        else:
            predicates[uri] = "mentions"
    return predicates
