"""Reads for the content API: only live, public articles, each query with its own prefetching."""

from __future__ import annotations

from datetime import UTC, datetime

from django.core import signing
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from broadsheet.concepts.models import Concept
from broadsheet.content.models import (
    ArticleAnnotation,
    ArticleByline,
    ArticlePage,
    Author,
    SectionPage,
)
from broadsheet.content.queries import FEED_PREDICATES
from broadsheet.core.pagination import BadCursor, keyset_page
from broadsheet.core.pagination import Page as ResultPage

_SIGNER = signing.Signer(salt="broadsheet.syndication.api.cursor")


def sign_cursor(cursor: str | None) -> str | None:
    return _SIGNER.sign(cursor) if cursor else None


def unsign_cursor(token: str | None) -> str | None:
    """Return the cursor inside a token this API wrote; raise BadCursor for any other."""
    if not token:
        return None
    try:
        return _SIGNER.unsign(token)
    except signing.BadSignature as error:
        raise BadCursor("cursor signature does not match") from error


def published_articles() -> QuerySet[ArticlePage]:
    """Return live, public, published articles with what a list item shows."""
    return (
        ArticlePage.objects.published()
        .select_related("section", "lead_image")
        .prefetch_related(
            "lead_image__renditions",
            Prefetch(
                "bylines",
                queryset=ArticleByline.objects.select_related("author").order_by("sort_order"),
            ),
        )
    )


def concept_by_reference(reference: str) -> Concept | None:
    """Return the active concept with this slug or URI, following merges; None when none is."""
    found = Concept.objects.filter(Q(slug=reference) | Q(uri=reference)).order_by("pk").first()
    if found is None:
        return None
    survivor = found.survivor()
    return survivor if survivor.is_active else None


def live_sections() -> QuerySet[SectionPage]:
    return SectionPage.objects.live().public().select_related("concept").order_by("path")


def articles_page(
    *,
    concept: Concept | None = None,
    section: SectionPage | None = None,
    author: Author | None = None,
    updated_since: datetime | None = None,
    cursor: str | None,
    limit: int,
) -> ResultPage[ArticlePage]:
    """Return one page of published articles, newest first, narrowed by the filters given.

    Raises BadCursor for a cursor this API did not write.
    """
    articles = published_articles()
    if concept is not None:
        tagged = ArticleAnnotation.objects.filter(
            concept=concept, predicate__in=FEED_PREDICATES, published_at__isnull=False
        ).values("article_id")
        articles = articles.filter(Q(pk__in=tagged) | Q(display_concept=concept))
    if section is not None:
        articles = articles.filter(section=section)
    if author is not None:
        articles = articles.filter(
            Exists(ArticleByline.objects.filter(page=OuterRef("pk"), author=author))
        )
    if updated_since is not None:
        if updated_since.tzinfo is None:
            updated_since = updated_since.replace(tzinfo=UTC)
        articles = articles.filter(last_published_at__gte=updated_since)
    page = keyset_page(
        articles, cursor=unsign_cursor(cursor), per_page=limit, time_field="published_at"
    )
    return ResultPage(items=page.items, next_cursor=sign_cursor(page.next_cursor))


def article_detail(article_id: int) -> ArticlePage | None:
    """Return a published article with its bylines, lead media and annotations; None if none."""
    return (
        ArticlePage.objects.published()
        .select_related("section", "lead_image", "lead_video__poster")
        .prefetch_related(
            "lead_image__renditions",
            "lead_video__poster__renditions",
            Prefetch(
                "bylines",
                queryset=ArticleByline.objects.select_related("author").order_by("sort_order"),
            ),
            Prefetch(
                "annotations",
                queryset=ArticleAnnotation.objects.filter(
                    published_at__isnull=False,
                    concept__is_active=True,
                    concept__superseded_by__isnull=True,
                )
                .select_related("concept")
                .order_by("-score", "concept__pref_label", "pk"),
                to_attr="public_annotations",
            ),
        )
        .filter(pk=article_id)
        .first()
    )


def _after_pk(queryset: QuerySet, cursor: str | None, limit: int) -> tuple[list, str | None]:
    """Return up to ``limit`` rows after the cursor in primary-key order, and the next cursor."""
    after = unsign_cursor(cursor)
    if after is not None:
        if not after.isdigit():
            raise BadCursor("not a page cursor")
        queryset = queryset.filter(pk__gt=int(after))
    rows = list(queryset.order_by("pk")[: limit + 1])
    if len(rows) > limit:
        rows = rows[:limit]
        return rows, sign_cursor(str(rows[-1].pk))
    return rows, None


def concepts_page(
    *, q: str | None, type: str | None, cursor: str | None, limit: int
) -> tuple[list[Concept], str | None]:
    """Return active concepts whose label or an alias contains ``q``, in id order."""
    concepts = Concept.objects.active()
    if q and q.strip():
        words = q.split()
        for word in words[:8]:
            concepts = concepts.filter(
                Q(pref_label__icontains=word) | Q(labels__label__icontains=word)
            )
        concepts = concepts.distinct()
    if type:
        concepts = concepts.filter(type=type)
    return _after_pk(concepts, cursor, limit)


def concept_detail(slug: str) -> Concept | None:
    concept = concept_by_reference(slug)
    if concept is None:
        return None
    return (
        Concept.objects.filter(pk=concept.pk)
        .prefetch_related("labels", "links", "broader", "related")
        .first()
    )


def authors_with_articles() -> QuerySet[Author]:
    """Return authors credited on at least one published article."""
    published = ArticlePage.objects.published().values("pk")
    return Author.objects.filter(
        Exists(ArticleByline.objects.filter(author=OuterRef("pk"), page__in=published))
    )


def authors_page(*, cursor: str | None, limit: int) -> tuple[list[Author], str | None]:
    return _after_pk(authors_with_articles(), cursor, limit)


def author_detail(slug: str) -> Author | None:
    return (
        authors_with_articles()
        .select_related("concept")
        .prefetch_related("links")
        .filter(slug=slug)
        .first()
    )
