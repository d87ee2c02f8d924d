"""The content API's endpoints: parse, look up, represent. Read-only; every route needs a key."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Path, Query, Router
from ninja.errors import HttpError
from pydantic import BaseModel

from broadsheet.content.models import SectionPage

from . import queries, represent
from .base import BadRequest
from .schemas import (
    SLUG_PATTERN,
    Article,
    ArticleFilters,
    ArticleList,
    Author,
    AuthorList,
    Concept,
    ConceptFilters,
    ConceptList,
    Error,
    PageFilters,
    Section,
    SectionList,
)

router = Router()

ERRORS: dict[int, Any] = {400: Error, 401: Error, 404: Error, 429: Error}
MAX_ID = 2**31 - 1


def allow_only(request: HttpRequest, *schemas: type[BaseModel]) -> None:
    """Refuse query parameters the endpoint does not read, and NUL characters anywhere."""
    known = {name for schema in schemas for name in schema.model_fields}
    unknown = sorted(set(request.GET) - known)
    if unknown:
        allowed = ", ".join(sorted(known)) or "none"
        raise BadRequest(
            f"unknown query parameter: {', '.join(unknown)[:200]} (this endpoint reads: {allowed})."
        )
    for name, values in request.GET.lists():
        if len(values) > 1:
            raise BadRequest(f"query parameter {name} is given {len(values)} times; give it once.")
        if any("\x00" in value for value in values):
            raise BadRequest(f"query parameter {name} contains a NUL character.")


def _section(slug: str) -> SectionPage:
    section = queries.live_sections().filter(slug=slug).first()
    if section is None:
        raise HttpError(404, f"no section has the slug {slug!r}.")
    return section


@router.get("/articles", response={200: ArticleList, **ERRORS}, tags=["articles"])
def list_articles(request: HttpRequest, filters: Query[ArticleFilters]) -> Any:
    """List published articles, newest first, a page at a time."""
    allow_only(request, ArticleFilters)
    concept = section = author = None
    if filters.concept:
        concept = queries.concept_by_reference(filters.concept)
        if concept is None:
            raise BadRequest(f"concept: no concept has the slug or URI {filters.concept!r}.")
    if filters.section:
        section = queries.live_sections().filter(slug=filters.section).first()
        if section is None:
            raise BadRequest(f"section: no section has the slug {filters.section!r}.")
    if filters.author:
        author = queries.authors_with_articles().filter(slug=filters.author).first()
        if author is None:
            raise BadRequest(
                f"author: no author with published articles has the slug {filters.author!r}."
            )
    page = queries.articles_page(
        concept=concept,
        section=section,
        author=author,
        updated_since=filters.updated_since,
        cursor=filters.cursor,
        limit=filters.limit,
    )
    return {
        "items": [represent.article_summary(request, a) for a in page.items],
        "next_cursor": page.next_cursor,
    }


@router.get(
    "/articles/{article_id}",
    response={200: Article, **ERRORS},
    tags=["articles"],
    url_name="article",
)
def get_article(request: HttpRequest, article_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    """Return one published article: bylines, media with renditions, body, annotations."""
    allow_only(request)
    article = queries.article_detail(article_id)
    if article is None:
        raise HttpError(404, f"no published article has the id {article_id}.")
    return represent.article_data(request, article)


@router.get(
    "/articles/{article_id}/ninjs",
    response={200: dict[str, Any], **ERRORS},
    tags=["articles"],
    url_name="article_ninjs",
)
def get_article_ninjs(request: HttpRequest, article_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    """Return one published article as an IPTC ninjs 2.1 item (see docs/api.md)."""
    allow_only(request)
    article = queries.article_detail(article_id)
    if article is None:
        raise HttpError(404, f"no published article has the id {article_id}.")
    from broadsheet.syndication.ninjs_export import article_ninjs

    return article_ninjs(request, article)


@router.get("/concepts", response={200: ConceptList, **ERRORS}, tags=["concepts"])
def list_concepts(request: HttpRequest, filters: Query[ConceptFilters]) -> Any:
    """Search active concepts by label or alias (every word must match), in id order."""
    allow_only(request, ConceptFilters)
    rows, next_cursor = queries.concepts_page(
        q=filters.q, type=filters.type, cursor=filters.cursor, limit=filters.limit
    )
    return {
        "items": [represent.concept_summary(request, c) for c in rows],
        "next_cursor": next_cursor,
    }


@router.get("/concepts/{slug}", response={200: Concept, **ERRORS}, tags=["concepts"])
def get_concept(
    request: HttpRequest, slug: str = Path(..., max_length=200, pattern=SLUG_PATTERN)
) -> Any:
    """Return one concept by slug (a merged concept answers with the one it was merged into)."""
    allow_only(request)
    concept = queries.concept_detail(slug)
    if concept is None:
        raise HttpError(404, f"no active concept has the slug {slug!r}.")
    return represent.concept_data(request, concept)


@router.get("/concepts/{slug}/articles", response={200: ArticleList, **ERRORS}, tags=["concepts"])
def list_concept_articles(
    request: HttpRequest,
    filters: Query[PageFilters],
    slug: str = Path(..., max_length=200, pattern=SLUG_PATTERN),
) -> Any:
    """List the published articles about, mentioning majorly, by or filed under a concept."""
    allow_only(request, PageFilters)
    concept = queries.concept_by_reference(slug)
    if concept is None:
        raise HttpError(404, f"no active concept has the slug {slug!r}.")
    page = queries.articles_page(concept=concept, cursor=filters.cursor, limit=filters.limit)
    return {
        "items": [represent.article_summary(request, a) for a in page.items],
        "next_cursor": page.next_cursor,
    }


@router.get("/authors", response={200: AuthorList, **ERRORS}, tags=["authors"])
def list_authors(request: HttpRequest, filters: Query[PageFilters]) -> Any:
    """List authors credited on at least one published article, in id order."""
    allow_only(request, PageFilters)
    rows, next_cursor = queries.authors_page(cursor=filters.cursor, limit=filters.limit)
    return {
        "items": [represent.author_summary(request, a) for a in rows],
        "next_cursor": next_cursor,
    }


@router.get("/authors/{slug}", response={200: Author, **ERRORS}, tags=["authors"])
def get_author(
    request: HttpRequest, slug: str = Path(..., max_length=200, pattern=SLUG_PATTERN)
) -> Any:
    """Return one author credited on a published article."""
    allow_only(request)
    author = queries.author_detail(slug)
    if author is None:
        raise HttpError(404, f"no author with published articles has the slug {slug!r}.")
    return represent.author_data(request, author)


@router.get("/sections", response={200: SectionList, **ERRORS}, tags=["sections"])
def list_sections(request: HttpRequest) -> Any:
    """List the live sections in site order."""
    allow_only(request)
    return {"items": [represent.section_data(request, s) for s in queries.live_sections()]}


@router.get("/sections/{slug}", response={200: Section, **ERRORS}, tags=["sections"])
def get_section(
    request: HttpRequest, slug: str = Path(..., max_length=200, pattern=SLUG_PATTERN)
) -> Any:
    """Return one live section."""
    allow_only(request)
    return represent.section_data(request, _section(slug))
