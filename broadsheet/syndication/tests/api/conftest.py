"""Fixtures for the content API: a key, a client that sends it, and a small newsroom."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.core.cache import cache
from django.test import Client

from broadsheet.content.models import AnnotationSource, ArticleAnnotation, Predicate
from broadsheet.content.tests.factories import (
    AuthorFactory,
    ConceptFactory,
    ImageFactory,
    make_article,
)
from broadsheet.syndication.api_keys import IssuedKey, issue_api_key


@pytest.fixture(autouse=True)
def _fresh_rate_windows():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def issued(db) -> IssuedKey:
    return issue_api_key(name="Partner app", requests_per_minute=1000)


@pytest.fixture
def api(issued) -> Client:
    """A client that sends the key as a bearer token."""
    return Client(headers={"Authorization": f"Bearer {issued.key}"})


def tag(article, concept, predicate=Predicate.ABOUT, *, score=5.0, source=AnnotationSource.EDITOR):
    return ArticleAnnotation.objects.create(
        article=article,
        concept=concept,
        predicate=predicate,
        source=source,
        score=score,
        evidence=[{"zone": "headline", "start": 0, "end": 7, "text": "Harbour"}],
        published_at=article.published_at,
    )


@pytest.fixture
def newsroom(section):
    """Two published articles (one with an image, a quote and a concept), a draft and a story."""
    ana = AuthorFactory(name="Ana Lima", slug="ana-lima")
    rui = AuthorFactory(name="Rui Faria", slug="rui-faria")
    strike = ConceptFactory(
        pref_label="Harbour strike", slug="harbour-strike", uri="bs:story/harbour-strike"
    )
    photo = ImageFactory(title="Quay at dusk")
    first = make_article(
        section=section,
        title="Harbour workers vote to end strike",
        authors=[(ana, "Lisbon"), (rui, "")],
        lead_image=photo,
        body=[
            ("paragraph", "<p>Dockers voted <b>by a wide margin</b> to return.</p>"),
            ("subheading", "What the deal gives"),
            (
                "blockquote",
                {"quote": "We held out for the young ones.", "attribution": "A crane driver"},
            ),
            (
                "image",
                {"image": ImageFactory(title="Cranes"), "caption": "Cranes idle at the port"},
            ),
            ("paragraph", "<p>Ships will berth again from Monday.</p>"),
        ],
    )
    tag(first, strike)
    second = make_article(
        section=section, title="Ferry timetable changes", authors=[(rui, "Porto")]
    )
    draft = make_article(section=section, title="Draft about the strike", publish=False)
    tag_draft = ArticleAnnotation.objects.create(
        article=draft,
        concept=strike,
        predicate="about",
        source="editor",
        score=9,
        published_at=None,
    )
    return {
        "first": first,
        "second": second,
        "draft": draft,
        "strike": strike,
        "ana": ana,
        "rui": rui,
        "draft_tag": tag_draft,
        "at": datetime(2026, 1, 1, tzinfo=UTC),
    }
