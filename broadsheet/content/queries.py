"""Reads of content, each doing its own select_related/prefetch so page queries stay constant."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Prefetch, QuerySet

from broadsheet.core.pagination import Page as ResultPage
from broadsheet.core.pagination import keyset_page

from .bylines import byline_separators
from .hooks import ARTICLE_BODY_HOOK
from .models import (
    ArticleByline,
    ArticlePage,
    Author,
    PublicationSettings,
    SectionPage,
)
from .structured_data import news_article_json_ld

ARTICLES_PER_PAGE = 20


def article_cards() -> QuerySet[ArticlePage]:
    """Return published articles with what a teaser card shows, in a fixed number of queries."""
    return (
        ArticlePage.objects.published()
        .select_related("section", "display_concept", "lead_image", "lead_video__poster")
        .prefetch_related(
            "lead_image__renditions",
            "lead_video__poster__renditions",
            Prefetch(
                "bylines",
                queryset=ArticleByline.objects.select_related("author").order_by("sort_order"),
            ),
        )
    )


def latest_articles(*, limit: int, exclude: Iterable[int] = ()) -> list[ArticlePage]:
    """Return the newest published articles across the site."""
    return list(
        article_cards().exclude(pk__in=list(exclude)).order_by("-published_at", "-pk")[:limit]
    )


def section_rail(section: SectionPage, *, limit: int) -> list[ArticlePage]:
    """Return the newest published articles of one section."""
    return list(article_cards().filter(section=section).order_by("-published_at", "-pk")[:limit])


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
    """Return the front page's lead story, top stories, section rails and latest articles."""
    cards = article_cards()
    lead = cards.filter(pk=home.lead_story_id).first() if home.lead_story_id else None
    chosen_ids = list(home.top_stories.order_by("sort_order").values_list("article_id", flat=True))
    by_id = {a.pk: a for a in cards.filter(pk__in=chosen_ids)} if chosen_ids else {}
    top = [by_id[pk] for pk in chosen_ids if pk in by_id and pk != getattr(lead, "pk", None)]
    newest = latest_articles(limit=40)
    if lead is None and newest:
        lead = newest[0]
    shown = {a.pk for a in [lead, *top] if a is not None}
    for article in newest:
        if len(top) >= 4:
            break
        if article.pk not in shown:
            top.append(article)
            shown.add(article.pk)
    sections = list(SectionPage.objects.live().public().child_of(home).order_by("path"))
    rails = []
    for section in sections:
        rail = [a for a in section_rail(section, limit=4 + len(shown)) if a.pk not in shown][:4]
        if rail:
            rails.append((section, rail))
    latest = [a for a in newest if a.pk not in shown][:10]
    return {"lead_story": lead, "top_stories": top, "section_rails": rails, "latest": latest}


def article_page_context(page: ArticlePage, *, request: Any) -> dict[str, Any]:
    """Return what the article template needs beyond the page: bylines, body items, copyright."""
    from wagtail import hooks

    bylines = list(page.bylines.select_related("author", "author__photo").order_by("sort_order"))
    separators = byline_separators(len(bylines))
    body_items: list[Any] = [
        {"kind": "block", "block": block, "block_type": block.block_type} for block in page.body
    ]
    for hook in hooks.get_hooks(ARTICLE_BODY_HOOK):
        body_items = hook(page, body_items, request)
    publication = PublicationSettings.for_request(request)
    follow_items: list[dict[str, str]] = []
    if page.display_concept is not None and page.display_concept.is_active:
        follow_items.append(
            {
                "label": page.display_concept.pref_label,
                "url": page.display_concept.get_absolute_url(),
                "kind": page.display_concept.get_type_display(),
            }
        )
    for byline in bylines:
        if byline.author.has_page:
            follow_items.append(
                {
                    "label": byline.author.name,
                    "url": byline.author.get_absolute_url(),
                    "kind": "Author",
                }
            )
    return {
        "json_ld": news_article_json_ld(
            page, request=request, bylines=bylines, publication=publication
        ),
        "bylines": list(zip(bylines, separators, strict=True)),
        "body_items": body_items,
        "publication": publication,
        "copyright_holder": page.copyright_line_holder(publication),
        "follow_items": follow_items,
    }
