"""Articles tagged with chosen concepts, published the way the newsroom publishes them."""

from __future__ import annotations

from typing import Any

from django.test import TestCase

from broadsheet.concepts.models import Concept
from broadsheet.content.models import ArticlePage, ArticleTag, SectionPage, TagDecision
from broadsheet.content.tests.factories import make_article


def tagged_article(
    section: SectionPage,
    *,
    about: list[Concept] = (),  # type: ignore[assignment]
    mentions: list[Concept] = (),  # type: ignore[assignment]
    publish: bool = True,
    **fields: Any,
) -> ArticlePage:
    """Create an article the editor tagged about and mentioning concepts; publish it."""
    tags = [ArticleTag(concept=c, decision=TagDecision.ABOUT) for c in about]
    tags += [ArticleTag(concept=c, decision=TagDecision.MENTIONS) for c in mentions]
    article = make_article(section=section, publish=False, tags=tags, **fields)
    if publish:
        publish_article(article)
    return article


def publish_article(article: ArticlePage) -> ArticlePage:
    """Publish the latest revision and run what the publish defers to its commit."""
    revision = article.save_revision()
    with TestCase.captureOnCommitCallbacks(execute=True):
        revision.publish()
    article.refresh_from_db()
    return article
