"""Salience: how central a concept is to an article, and the predicate that follows from it."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from annotator.model import ConceptType, Predicate

HEADLINE_WEIGHT = 3.0
STANDFIRST_WEIGHT = 2.0
FIRST_PARAGRAPH_WEIGHT = 1.5
FREQUENCY_WEIGHT = 1.2
POSITION_WEIGHT = 1.0
COVERAGE_WEIGHT = 1.0
DATELINE_PENALTY = 1.0

MAX_ABOUT = 4
ABOUT_MIN_COUNT = 2
"""An `about` concept is named at least this often..."""
ABOUT_STANDFIRST_COUNT = 3
"""...this often when it is in the standfirst but not the headline..."""
ABOUT_THEME_COUNT = 4
ABOUT_THEME_COVERAGE = 0.5
"""...and a topic or story only in the body needs this many hits over this share of paragraphs."""
ABOUT_PLACE_COUNT = 3
"""...a place, named in the headline as more than a setting, this often..."""
ABOUT_KEYWORD_FORMS = 2
"""...and a topic or story found by keywords alone, through this many different keywords."""
MAJOR_RELEVANCE = 3.0
"""`majorMentions` from this relevance..."""
MAJOR_COUNT = 3
"""...or from this many mentions."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Features:
    """Where and how often a concept occurs in an article."""

    type: ConceptType
    in_headline: bool
    headline_subject: bool
    """Named in the headline other than after a preposition of place ("in X", "off X") or as
    the setting of a venue ("X bakery")."""
    in_standfirst: bool
    in_first_paragraph: bool
    count: int
    first_position: float
    """Index of the first body paragraph naming it over the number of paragraphs (1.0: none)."""
    coverage: float
    """Share of body paragraphs naming it."""
    dateline_only: bool = False
    named: bool = True
    """Named by a label of its own, not only found through keywords or required concepts."""
    forms: int = 1
    """How many different labels and keywords named it."""


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


def may_be_about(features: Features) -> bool:
    """Return whether a concept's place in the article lets it be `about`.

    The headline and standfirst say what an article is about. A place qualifies only from the
    headline and not as the setting of something else ("wins in Monaco"); a topic or story
    may also qualify by running through most of the body.
    """
    if features.count < ABOUT_MIN_COUNT:
        return False
    if (
        features.type in ("topic", "story")
        and not features.named
        and features.forms < ABOUT_KEYWORD_FORMS
    ):
        return False
    if features.type == "location":
        return features.headline_subject and features.count >= ABOUT_PLACE_COUNT
    if features.in_headline:
        return True
    if features.in_standfirst and features.count >= ABOUT_STANDFIRST_COUNT:
        # An organisation the standfirst names is a main actor when the opening deals with it.
        return features.type != "organisation" or features.in_first_paragraph
    return (
        features.type in ("topic", "story")
        and features.count >= ABOUT_THEME_COUNT
        and features.coverage >= ABOUT_THEME_COVERAGE
    )


def assign_predicates(scored: Sequence[tuple[float, str, Features]]) -> dict[str, Predicate]:
    """Return each URI's predicate from its (relevance, uri, features).

    The MAX_ABOUT most relevant concepts that may be about are `about`; of the rest,
    `majorMentions` needs MAJOR_RELEVANCE or MAJOR_COUNT mentions, and the others are
    `mentions`. Ties are broken by URI, so the result does not depend on input order.
    """
    ranked = sorted(scored, key=lambda item: (-item[0], item[1]))
    predicates: dict[str, Predicate] = {}
    about = 0
    for value, uri, features in ranked:
        if about < MAX_ABOUT and may_be_about(features):
            predicates[uri] = "about"
            about += 1
        elif value >= MAJOR_RELEVANCE or features.count >= MAJOR_COUNT:
            predicates[uri] = "majorMentions"
        else:
            predicates[uri] = "mentions"
    return predicates
