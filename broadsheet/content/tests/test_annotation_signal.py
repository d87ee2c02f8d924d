"""annotations_changed tells the apps above content which concepts an article gained or lost."""

import pytest

from broadsheet.concepts.models import Concept
from broadsheet.content.annotating import annotate_article
from broadsheet.content.models import ArticleAnnotation
from broadsheet.content.signals import annotations_changed
from broadsheet.content.tests.factories import make_article

TRAMS = [("paragraph", "<p>Trams in Lisbon ran again on Monday after the repairs.</p>")]


@pytest.fixture
def received():
    calls: list[dict] = []

    def handler(sender, **kwargs):
        calls.append(kwargs)

    annotations_changed.connect(handler, dispatch_uid="test-received")
    yield calls
    annotations_changed.disconnect(dispatch_uid="test-received")


@pytest.fixture
def lisbon(db):
    return Concept.objects.create(
        uri="bs:place/lisbon", type="location", pref_label="Lisbon", slug="lisbon"
    )


def stored_concepts(article):
    return frozenset(
        ArticleAnnotation.objects.filter(article=article).values_list("concept_id", flat=True)
    )


def test_publish_announces_the_annotated_concepts(section, lisbon, received):
    article = make_article(section=section, title="Trams return to Lisbon", body=TRAMS)
    assert lisbon.pk in stored_concepts(article)
    last = received[-1]
    assert last["article_id"] == article.pk
    assert last["live"] is True
    assert last["concept_ids"] == stored_concepts(article)


def test_unpublish_announces_what_the_article_left(
    section, lisbon, received, django_capture_on_commit_callbacks
):
    article = make_article(section=section, title="Trams return to Lisbon", body=TRAMS)
    stored = stored_concepts(article)
    received.clear()
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    assert received[-1]["concept_ids"] == stored
    assert received[-1]["live"] is False
    assert received[-1]["article_id"] == article.pk


def test_nothing_is_announced_before_commit(
    section, lisbon, received, django_capture_on_commit_callbacks
):
    article = make_article(section=section, title="Trams return to Lisbon", body=TRAMS)
    received.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        annotate_article(article)
    assert received == []
    assert callbacks
