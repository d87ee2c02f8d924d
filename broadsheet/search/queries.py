"""Reads for site search: ranked, filtered, paginated articles and concepts named by a query.

Only what anonymous readers may see is ever searched: ``ArticlePage.objects.published()``
(live, outside any view restriction, with a publication time). The index holds each page's
live row, never a draft revision (Wagtail indexes the row, and drafts live in revisions).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from math import ceil

from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.safestring import SafeString

from broadsheet.concepts.models import Concept, ConceptLabel, LabelKind
from broadsheet.content.models import (
    ArticleAnnotation,
    ArticleByline,
    ArticlePage,
    ArticlePageQuerySet,
    Author,
    SectionPage,
)
from broadsheet.content.queries import FEED_PREDICATES, article_cards

from .ranking import Candidate, rank
from .snippets import highlight, query_terms, snippet

CANDIDATES = 200
"""How many of the most relevant matches are re-ranked with recency; results stop there."""
RESULTS_PER_PAGE = 20
MAX_PAGES = ceil(CANDIDATES / RESULTS_PER_PAGE)
CONCEPT_SUGGESTIONS = 3


@dataclass(frozen=True, slots=True, kw_only=True)
class Filters:
    section: SectionPage | None = None
    concept: Concept | None = None
    author: Author | None = None
    published_from: date | None = None
    published_to: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Result:
    article: ArticlePage
    headline: SafeString
    snippet: SafeString


@dataclass(frozen=True, slots=True, kw_only=True)
class ResultPage:
    results: list[Result]
    number: int
    page_count: int
    total: int
    """Matches found, counted up to CANDIDATES."""
    is_capped: bool
    """More than CANDIDATES articles matched; only the best CANDIDATES are shown."""

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.page_count


def search_articles(query: str, *, filters: Filters, page: int, now: datetime) -> ResultPage:
    """Return one page of published articles matching ``query``, relevance blended with recency.

    Runs a fixed number of queries whatever the number of matches: one for the candidates and
    their scores, then the cards of this page with their images, bylines and kickers.
    """
    matches = (
        _filtered(ArticlePage.objects.published(), filters)
        .only("pk", "published_at")
        .search(query, operator="and", order_by_relevance=True)
        .annotate_score("_score")
    )
    found = list(matches[: CANDIDATES + 1])
    is_capped = len(found) > CANDIDATES
    found = found[:CANDIDATES]
    ranked = rank(
        [
            Candidate(pk=a.pk, relevance=a._score or 0.0, published_at=a.published_at)
            for a in found
            if a.published_at is not None
        ],
        now=now,
    )
    page_count = max(1, ceil(len(ranked) / RESULTS_PER_PAGE))
    shown = [r.pk for r in ranked[(page - 1) * RESULTS_PER_PAGE : page * RESULTS_PER_PAGE]]
    cards = {a.pk: a for a in article_cards().filter(pk__in=shown)} if shown else {}
    terms = query_terms(query)
    results = [
        Result(
            article=cards[pk],
            headline=highlight(cards[pk].title, terms),
            snippet=snippet(_plain_texts(cards[pk]), terms),
        )
        for pk in shown
        if pk in cards
    ]
    return ResultPage(
        results=results,
        number=page,
        page_count=page_count,
        total=len(ranked),
        is_capped=is_capped,
    )


def concepts_named(query: str) -> list[Concept]:
    """Return active concepts whose label or alias is the query (any case), label matches first."""
    label = " ".join(query.split())
    if not label:
        return []
    aliased = ConceptLabel.objects.filter(label__iexact=label, kind=LabelKind.ALT).values(
        "concept_id"
    )
    return list(
        Concept.objects.active()
        .filter(Q(pref_label__iexact=label) | Q(pk__in=aliased))
        .annotate(
            by_alias=Case(
                When(pref_label__iexact=label, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("by_alias", "pref_label", "pk")[:CONCEPT_SUGGESTIONS]
    )


def _filtered(articles: ArticlePageQuerySet, filters: Filters) -> ArticlePageQuerySet:
    if filters.section is not None:
        articles = articles.filter(section=filters.section)
    if filters.concept is not None:
        tagged = ArticleAnnotation.objects.filter(
            concept=filters.concept, predicate__in=FEED_PREDICATES, published_at__isnull=False
        ).values("article_id")
        shown_as_kicker = ArticlePage.objects.filter(display_concept=filters.concept).values("pk")
        articles = articles.filter(Q(pk__in=tagged) | Q(pk__in=shown_as_kicker))
    if filters.author is not None:
        articles = articles.filter(
            pk__in=ArticleByline.objects.filter(author=filters.author).values("page_id")
        )
    if filters.published_from is not None:
        articles = articles.filter(published_at__gte=_start_of(filters.published_from))
    if filters.published_to is not None:
        articles = articles.filter(
            published_at__lt=_start_of(filters.published_to + timedelta(days=1))
        )
    return articles


def _start_of(day: date) -> datetime:
    """Return midnight at the start of ``day`` in the site's time zone."""
    return timezone.make_aware(datetime.combine(day, time.min))


def _plain_texts(article: ArticlePage) -> Iterator[str]:
    """Yield the article's standfirst, then the plain text of each body block, in order."""
    yield article.standfirst
    for block in article.body:
        yield from (str(text) for text in block.block.get_searchable_content(block.value))
