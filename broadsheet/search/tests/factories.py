"""Articles for search tests: each with one made-up word to look for, optionally back-dated."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from broadsheet.content.models import ArticlePage, SectionPage
from broadsheet.content.tests.factories import make_article


def make_story(
    *,
    section: SectionPage,
    title: str,
    text: str = "",
    published_at: datetime | None = None,
    **fields: Any,
) -> ArticlePage:
    """Publish an article whose body is ``text``; back-date it when ``published_at`` is given."""
    article = make_article(
        section=section,
        title=title,
        standfirst=fields.pop("standfirst", "A short account of what happened."),
        body=[("paragraph", f"<p>{text}</p>")] if text else None,
        **fields,
    )
    if published_at is not None:
        ArticlePage.objects.filter(pk=article.pk).update(
            published_at=published_at, first_published_at=published_at
        )
        article.refresh_from_db()
    return article
