"""Readers, follows and articles tagged with concepts for follows tests."""

from __future__ import annotations

from datetime import datetime

import factory
import time_machine

from broadsheet.accounts.models import User
from broadsheet.concepts.models import Concept
from broadsheet.content.models import (
    AnnotationSource,
    ArticleAnnotation,
    ArticlePage,
    Predicate,
    SectionPage,
)
from broadsheet.content.tests.factories import make_article
from broadsheet.follows.models import Follow


class ReaderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"reader{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("a long reader passphrase")


class FollowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Follow

    reader = factory.SubFactory(ReaderFactory)
    concept = factory.SubFactory("broadsheet.content.tests.factories.ConceptFactory")


def tagged_article(
    section: SectionPage,
    *,
    at: datetime,
    title: str,
    tags: list[tuple[Concept, str]],
    **fields: object,
) -> ArticlePage:
    """Publish an article at ``at`` and annotate it with (concept, predicate) pairs."""
    with time_machine.travel(at, tick=False):
        article = make_article(section=section, title=title, **fields)  # type: ignore[arg-type]
    for concept, predicate in tags:
        ArticleAnnotation.objects.create(
            article=article,
            concept=concept,
            predicate=predicate,
            source=AnnotationSource.EDITOR,
            published_at=article.published_at,
        )
    return article


ABOUT = Predicate.ABOUT
MAJOR = Predicate.MAJOR_MENTIONS
MENTIONS = Predicate.MENTIONS
