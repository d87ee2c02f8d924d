"""The values the engine takes and returns: concepts, articles, annotations and their evidence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ConceptType = Literal["person", "organisation", "location", "topic", "story"]
CONCEPT_TYPES: tuple[ConceptType, ...] = ("person", "organisation", "location", "topic", "story")

Predicate = Literal["about", "majorMentions", "mentions"]
PREDICATES: tuple[Predicate, ...] = ("about", "majorMentions", "mentions")

Part = Literal["headline", "standfirst", "body"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Concept:
    """One entry of the vocabulary, with the labels and rules that find it in text."""

    uri: str
    type: ConceptType
    pref_label: str
    alt_labels: tuple[str, ...] = ()
    hidden_labels: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    """Words or phrases whose presence in an article confirms this sense of a shared label."""
    exclude: tuple[str, ...] = ()
    """Words or phrases whose presence in an article rules this sense out."""
    keywords: tuple[str, ...] = ()
    """Topics and stories: words or phrases that indicate the concept on their own."""
    requires: tuple[str, ...] = ()
    """Topics and stories: URIs of concepts whose joint presence indicates the concept."""
    case_sensitive: bool | None = None
    """True: labels match only in their own case; None: the engine decides per label."""
    description: str = ""
    """A sentence for readers and editors (an office holder's "as of" date, say); never matched."""

    @property
    def labels(self) -> tuple[str, ...]:
        """Return the preferred label, then the alternative and hidden labels."""
        return (self.pref_label, *self.alt_labels, *self.hidden_labels)


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """The zones of one article that are read: headline, standfirst and body paragraphs.

    The byline is carried for callers but never searched: author names are no evidence of
    what an article is about.
    """

    id: str
    headline: str = ""
    standfirst: str = ""
    byline: str = ""
    body: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """A span of the original text that produced an annotation.

    ``paragraph`` is the body paragraph's index (None for headline and standfirst), and
    ``original[start:end] == text`` for that part or paragraph.
    """

    part: Part
    paragraph: int | None
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Annotation:
    """A concept the article is about or mentions, with its salience score in [0, 1]."""

    concept: str
    predicate: Predicate
    score: float
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Suggestion:
    """A surface form the engine could not settle; an editor picks a candidate or none."""

    surface: str
    candidates: tuple[str, ...]
    reason: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class AnnotationResult:
    """Everything found in one article, best first, and the cases left for an editor."""

    article_id: str
    annotations: tuple[Annotation, ...]
    suggestions: tuple[Suggestion, ...] = ()
