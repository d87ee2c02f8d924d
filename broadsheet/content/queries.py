"""Reads of content, each doing its own select_related/prefetch so page queries stay constant."""

from __future__ import annotations

import operator
from collections.abc import Iterable
from functools import reduce
from typing import Any

from django.db import connections
from django.db.models import (
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    prefetch_related_objects,
)
from django.db.models.functions import Substr
from wagtail.models import Page, PageViewRestriction, Site

from broadsheet.concepts.models import Concept, ConceptLink, ConceptType
from broadsheet.core.http_cache import cache_publicly, key_for
from broadsheet.core.pagination import Page as ResultPage
from broadsheet.core.pagination import keyset_page
from broadsheet.core.prepared import PreparedQuery, int_slot, slot

from . import chrome
from .blocks import images_in_body
from .bylines import byline_separators
from .hooks import ARTICLE_BODY_HOOK
from .models import (
    ArticleAnnotation,
    ArticleByline,
    ArticlePage,
    Author,
    Predicate,
    PublicationSettings,
    SectionPage,
)
from .renditions import attach_renditions

ARTICLES_PER_PAGE = 20
KICKER_TYPES = (ConceptType.TOPIC, ConceptType.STORY)
FOLLOW_TYPES = (
    ConceptType.PERSON,
    ConceptType.ORGANISATION,
    ConceptType.LOCATION,
    ConceptType.TOPIC,
    ConceptType.STORY,
)
FEED_PREDICATES = (
    Predicate.ABOUT,
    Predicate.MAJOR_MENTIONS,
    Predicate.HAS_AUTHOR,
    Predicate.PRIMARY_SECTION,
    Predicate.DISPLAY_TAG,
)
"""An article is listed on a concept's page when it is about, majorly mentions, is by or is
filed under that concept (``mentions`` are asides: they don't list an article)."""


def article_cards(*, private: Q | None = None) -> QuerySet[ArticlePage]:
    """Return published articles with what a teaser card shows, in a fixed number of queries.

    ``private``: the view restrictions' ``Page.objects.private_q()``, when already read.
    """
    return (
        ArticlePage.objects.published(private=private)
        .select_related("section", "display_concept", "lead_image", "lead_video__poster")
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
                    predicate=Predicate.ABOUT,
                    concept__type__in=KICKER_TYPES,
                    concept__is_active=True,
                )
                .select_related("concept")
                .order_by("-score", "concept__pref_label"),
                to_attr="kicker_candidates",
            ),
        )
    )


def latest_articles(*, limit: int, exclude: Iterable[int] = ()) -> list[ArticlePage]:
    """Return the newest published articles across the site."""
    return list(
        article_cards().exclude(pk__in=list(exclude)).order_by("-published_at", "-pk")[:limit]
    )


def articles_for_concept(concept: Concept, *, cursor: str | None) -> ResultPage[ArticlePage]:
    """Return one page of the articles listed on a concept's page, newest first."""
    tagged = ArticleAnnotation.objects.filter(
        concept=concept, predicate__in=FEED_PREDICATES, published_at__isnull=False
    ).values("article_id")
    return keyset_page(
        article_cards().filter(Q(pk__in=tagged) | Q(display_concept=concept)),
        cursor=cursor,
        per_page=ARTICLES_PER_PAGE,
        time_field="published_at",
    )


def related_concepts(concept: Concept, *, limit: int = 12) -> list[Concept]:
    """Return the concept's related, broader and narrower concepts that have pages."""
    found: dict[int, Concept] = {}
    for group in (concept.related.all(), concept.broader.all(), concept.narrower.all()):
        for other in group:
            if other.is_active and other.superseded_by_id is None and other.pk != concept.pk:
                found.setdefault(other.pk, other)
    return sorted(found.values(), key=lambda c: c.pref_label)[:limit]


def section_page_of_articles(
    section: SectionPage, *, cursor: str | None
) -> ResultPage[ArticlePage]:
    """Return one page of a section's articles, newest first, after ``cursor``."""
    return keyset_page(
        article_cards().filter(section=section),
        cursor=cursor,
        per_page=ARTICLES_PER_PAGE,
        time_field="published_at",
    )


def articles_by_author(author: Author, *, cursor: str | None) -> ResultPage[ArticlePage]:
    """Return one page of everything an author wrote or co-wrote, newest first."""
    return keyset_page(
        article_cards().filter(bylines__author=author).distinct(),
        cursor=cursor,
        per_page=ARTICLES_PER_PAGE,
        time_field="published_at",
    )


def front_page_context(home: Any) -> dict[str, Any]:
    """Return the front page's lead story, top stories, section rails and latest articles.

    Ten queries however many sections the front has: the view restrictions, the chosen top
    stories' ids, the 40 newest ids, the sections, every section's newest ids at once
    (``_newest_per_section``), then the cards of all of them together
    (``article_cards``, five queries). A query per section, each with its four prefetches and
    its own read of the view restrictions, made it 32 for three sections, and compiling them
    cost more than running them.
    """
    private = Page.objects.private_q()  # the view restrictions, read once for every listing
    chosen_ids = list(home.top_stories.order_by("sort_order").values_list("article_id", flat=True))
    newest_ids = list(
        ArticlePage.objects.published(private=private)
        .order_by("-published_at", "-pk")
        .values_list("pk", flat=True)[:40]
    )
    sections = list(SectionPage.objects.live().exclude(private).child_of(home).order_by("path"))
    # A rail skips what the lead and top stories show: at most the lead, every chosen story
    # (or four from the newest), so this many per section always leaves four to show.
    per_section = 4 + 1 + max(len(chosen_ids), 4)
    rail_ids = _newest_per_section(
        [section.pk for section in sections], limit=per_section, private=private
    )
    wanted = {
        *([home.lead_story_id] if home.lead_story_id else []),
        *chosen_ids,
        *newest_ids,
        *(pk for ids in rail_ids.values() for pk in ids),
    }
    # A card shows no body and none of Wagtail's bookkeeping: 70 cards' StreamField JSON unread.
    found = article_cards(private=private).filter(pk__in=wanted).defer("body", *PAGE_BOOKKEEPING)
    cards = {article.pk: article for article in found}

    lead = cards.get(home.lead_story_id) if home.lead_story_id else None
    top = [cards[pk] for pk in chosen_ids if pk in cards and pk != getattr(lead, "pk", None)]
    newest = [cards[pk] for pk in newest_ids if pk in cards]
    if lead is None and newest:
        lead = newest[0]
    shown = {a.pk for a in [lead, *top] if a is not None}
    for article in newest:
        if len(top) >= 4:
            break
        if article.pk not in shown:
            top.append(article)
            shown.add(article.pk)
    rails = []
    for section in sections:
        rail = [
            cards[pk] for pk in rail_ids.get(section.pk, []) if pk in cards and pk not in shown
        ][:4]
        if rail:
            rails.append((section, rail))
    latest = [a for a in newest if a.pk not in shown][:10]
    return {"lead_story": lead, "top_stories": top, "section_rails": rails, "latest": latest}


def _newest_per_section(section_ids: list[int], *, limit: int, private: Q) -> dict[int, list[int]]:
    """Return the ids of each section's ``limit`` newest published articles, newest first, in
    one query.

    One ``ORDER BY published_at DESC LIMIT`` per section, joined with ``UNION ALL``: each walks
    the (section, published_at) index from the newest and stops after ``limit`` rows, so the
    query costs the same with a thousand articles or a million. (A window function ranking
    each section's articles would read and sort every article of every section.) Django
    refuses ``union()`` of sliced querysets on SQLite, which does accept each as a subquery in
    ``FROM``.
    """
    if not section_ids:
        return {}
    parts: list[str] = []
    params: list[Any] = []
    for number, section_id in enumerate(section_ids):
        newest = (
            ArticlePage.objects.published(private=private)
            .filter(section_id=section_id)
            .order_by("-published_at", "-pk")
            .values_list("section_id", "published_at", "pk")[:limit]
        )
        sql, found = newest.query.get_compiler(using=newest.db).as_sql()
        parts.append(f"SELECT * FROM ({sql}) AS rail_{number}")  # noqa: S608 - the ORM's SQL
        params.extend(found)
    with connections[ArticlePage.objects.db].cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        rows = cursor.fetchall()
    # UNION ALL promises no order: newest first within each section, as each subquery chose.
    rows.sort(key=lambda row: (row[1], row[2]), reverse=True)
    rails: dict[int, list[int]] = {}
    for section_id, _, pk in rows:
        rails.setdefault(section_id, []).append(pk)
    return rails


def _servable_article_query(depth: int) -> QuerySet[ArticlePage]:
    # The article's own path and each ancestor's are prefixes of its path, one step per level.
    trail = [Substr(OuterRef("path"), 1, Page.steplen * level) for level in range(1, depth + 1)]
    restricted = PageViewRestriction.objects.filter(
        reduce(operator.or_, (Q(page__path=prefix) for prefix in trail))
    )
    aliased = Page.objects.filter(
        reduce(operator.or_, (Q(path=prefix) for prefix in trail)), alias_of__isnull=False
    )
    return (
        ArticlePage.objects.filter(
            slug=slot("slug"), depth=depth, url_path=slot("url_path"), live=True
        )
        .annotate(is_restricted=Exists(restricted), in_alias_trail=Exists(aliased))
        .select_related("section", "display_concept", "lead_image", "lead_video__poster")
        .defer(*_unread_by_article_page())
        .order_by()
    )


PAGE_BOOKKEEPING = (
    "draft_title",
    "go_live_at",
    "expire_at",
    "expired",
    "locked",
    "locked_at",
    "locked_by",
    "latest_revision",
    "latest_revision_created_at",
    "live_revision",
    "has_unpublished_changes",
    "owner",
    "numchild",
    "translation_key",
    "search_description",
    "show_in_menus",
)
"""Wagtail's editing and scheduling columns, which a reader's page never shows."""

SECTION_SHOWN = ("title", "slug", "url_path", "path", "depth", "live", "locale", "content_type")
"""What the article page reads of its section: its title and URL (kicker, breadcrumb, meta)."""
CONCEPT_SHOWN = ("type", "pref_label", "slug", "is_active")
"""What the kicker reads of the display concept: its label and page, and whether it is live."""
IMAGE_UNSHOWN = ("collection", "description", "created_at", "uploaded_by_user", "file_size")
"""An image's columns no figure, picture or JSON-LD shows (renditions read the rest)."""


def _unread_by_article_page() -> list[str]:
    """The columns the article lookup leaves unread: a shorter statement (SQLite's placeholder
    rewrite scales with it), fewer values converted and lighter instances. Reading one later
    costs a query, which the query-count tests would catch."""

    def all_but(model: Any, shown: tuple[str, ...]) -> list[str]:
        return [
            field.name
            for field in model._meta.concrete_fields
            if not field.primary_key and field.name not in shown and field.attname not in shown
        ]

    return [
        *PAGE_BOOKKEEPING,
        *(f"section__{name}" for name in all_but(SectionPage, SECTION_SHOWN)),
        *(f"display_concept__{name}" for name in all_but(Concept, CONCEPT_SHOWN)),
        *(f"lead_image__{name}" for name in IMAGE_UNSHOWN),
        *(f"lead_video__poster__{name}" for name in IMAGE_UNSHOWN),
    ]


_servable_article_queries: dict[int, PreparedQuery[ArticlePage]] = {}


def _shown_annotations(article_id: Any) -> QuerySet[ArticleAnnotation]:
    return ArticleAnnotation.objects.filter(
        article_id=article_id,
        published_at__isnull=False,
        predicate__in=(Predicate.ABOUT, Predicate.MAJOR_MENTIONS, Predicate.MENTIONS),
        concept__is_active=True,
        concept__superseded_by__isnull=True,
    )


# An article page's reads, compiled once per thread (their parameter is the article's id).
_article_bylines = PreparedQuery(
    lambda: (
        ArticleByline.objects.filter(page_id=int_slot("page_id"))
        .select_related("author")
        .order_by("sort_order")
    ),
    slots=["page_id"],
)
_article_annotations = PreparedQuery(
    lambda: (
        _shown_annotations(int_slot("article_id"))
        .select_related("concept")
        .order_by("-score", "concept__pref_label")
    ),
    slots=["article_id"],
)
_article_concept_links = PreparedQuery(
    lambda: ConceptLink.objects.filter(
        concept__in=_shown_annotations(int_slot("article_id")).values("concept_id")
    ).order_by("concept_id", "sort_order", "pk"),
    slots=["article_id"],
)


def servable_article(site: Site, path: str) -> ArticlePage | None:
    """Return the live article at ``path`` (``section/slug/``) under the site's root, with what
    its page shows beside the body, in one query; or None when there is none, or when Wagtail
    must decide who may see it (a view restriction on it or an ancestor, or an alias in its
    trail, whose restrictions are its source's).

    The query is compiled once per depth and thread (``core.prepared``): compiling its joins
    costs more than running it.
    """
    root = site.root_page
    components = [part for part in path.split("/") if part]
    if not components:
        return None
    depth = root.depth + len(components)
    query = _servable_article_queries.get(depth)
    if query is None:
        query = PreparedQuery(lambda: _servable_article_query(depth), slots=["slug", "url_path"])
        _servable_article_queries[depth] = query
    found = query.all(slug=components[-1], url_path=root.url_path + "/".join(components) + "/")
    page = found[0] if found else None
    if page is None or page.is_restricted or page.in_alias_trail:  # type: ignore[attr-defined]
        return None
    return page


def article_page_context(page: ArticlePage, *, request: Any) -> dict[str, Any]:
    """Return what the article template needs beyond the page: bylines, body items, copyright.

    A fixed number of queries: bylines with authors, the body's images, its videos and their
    posters, the pages its paragraphs link to, annotations with concepts, and their links; the
    site, settings and menus come from ``chrome`` and renditions from ``renditions``.
    """
    from wagtail import hooks

    chrome.site_chrome(request)
    bylines = _article_bylines.all(page_id=page.pk)
    separators = byline_separators(len(bylines))
    body_items: list[Any] = [
        {"kind": "block", "block": block, "block_type": block.block_type} for block in page.body
    ]
    videos = [
        item["block"].value
        for item in body_items
        if item["block_type"] == "video" and item["block"].value is not None
    ]
    prefetch_related_objects(videos, "poster")
    attach_renditions(
        [
            page.lead_image,
            page.lead_video.poster if page.lead_video is not None else None,
            *images_in_body(page.body),
        ]
    )
    for hook in hooks.get_hooks(ARTICLE_BODY_HOOK):
        body_items = hook(page, body_items, request)
    publication = PublicationSettings.for_request(request)
    annotations = _article_annotations.all(article_id=page.pk)
    # The concepts' exact-match links (the JSON-LD's sameAs): one query, even with no concepts.
    same_as: dict[int, list[str]] = {}
    for link in _article_concept_links.all(article_id=page.pk):
        same_as.setdefault(link.concept_id, []).append(link.url)
    # The same rule as teaser cards: ArticlePage.kicker reads these candidates.
    page.kicker_candidates = [  # type: ignore[attr-defined]
        row
        for row in annotations
        if row.predicate == Predicate.ABOUT and row.concept.type in KICKER_TYPES
    ]
    kicker = page.kicker
    follow_items = follow_topics(page, annotations, bylines)
    cache_publicly(
        request,
        key_for(page),
        *(key_for(row.concept) for row in annotations),
        # The kicker and the first topic to follow, annotated or not.
        *([f"concept-{page.display_concept_id}"] if page.display_concept_id else []),
        *(key_for(byline.author) for byline in bylines),
        *([f"sectionpage-{page.section_id}"] if page.section_id else []),
    )
    return {
        "bylines": list(zip(bylines, separators, strict=True)),
        "body_items": body_items,
        "publication": publication,
        "copyright_holder": page.copyright_line_holder(publication),
        "follow_items": follow_items,
        "kicker": kicker,
        "annotations": annotations,
        "same_as": same_as,
    }


def follow_topics(
    page: ArticlePage,
    annotations: list[ArticleAnnotation],
    bylines: list[ArticleByline],
    *,
    limit: int = 5,
) -> list[dict[str, str]]:
    """Return "Follow the topics in this article": the display concept, other "about" concepts,
    people and organisations majorly mentioned, then the authors; each once, with the id of the
    concept a follow button follows ("" for an author without one)."""
    items: list[dict[str, str]] = []
    seen: set[str] = set()

    def add(label: str, url: str, kind: str, concept_id: int | None) -> None:
        if url and url not in seen:
            seen.add(url)
            items.append(
                {"label": label, "url": url, "kind": kind, "concept_id": str(concept_id or "")}
            )

    display = (
        page.display_concept if page.display_concept and page.display_concept.is_active else None
    )
    if display is None:
        display = next(
            (
                r.concept
                for r in annotations
                if r.predicate == Predicate.ABOUT and r.concept.type in KICKER_TYPES
            ),
            None,
        )
    if display is not None:
        add(display.pref_label, display.get_absolute_url(), display.get_type_display(), display.pk)
    about = [
        r for r in annotations if r.predicate == Predicate.ABOUT and r.concept.type in FOLLOW_TYPES
    ]
    major = [
        r
        for r in annotations
        if r.predicate == Predicate.MAJOR_MENTIONS
        and r.concept.type in (ConceptType.PERSON, ConceptType.ORGANISATION)
    ]
    for row in [*about, *major]:
        if len(items) >= limit:
            break
        add(
            row.concept.pref_label,
            row.concept.get_absolute_url(),
            row.concept.get_type_display(),
            row.concept.pk,
        )
    for byline in bylines:
        if byline.author.has_page:
            add(
                byline.author.name,
                byline.author.get_absolute_url(),
                "Author",
                byline.author.concept_id,
            )
    return items
