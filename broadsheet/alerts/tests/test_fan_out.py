"""Instant alerts: who gets one, once per article, after the delay."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.test import TestCase
from django_tasks_db.models import DBTaskResult

from broadsheet.alerts.actions import fan_out_alerts
from broadsheet.alerts.models import Kind, OutboxMessage, Status
from broadsheet.alerts.tasks import fan_out_alerts_task
from broadsheet.content.annotating import annotate_article
from broadsheet.content.tasks import annotate_article_task
from broadsheet.content.tests.factories import ConceptFactory
from broadsheet.follows.models import Delivery

from .factories import FollowFactory, ReaderFactory
from .helpers import publish_article, tagged_article

pytestmark = pytest.mark.django_db


def test_publishing_alerts_each_instant_follower_once_naming_every_matching_follow(section):
    strike, harbour, weather = (ConceptFactory(pref_label=n) for n in ("Strike", "Harbour", "Rain"))
    both = ReaderFactory(username="both")
    both_strike = FollowFactory(reader=both, concept=strike)
    both_harbour = FollowFactory(reader=both, concept=harbour)
    one = FollowFactory(reader=ReaderFactory(username="one"), concept=strike)
    FollowFactory(reader=ReaderFactory(username="daily"), concept=strike, delivery=Delivery.DAILY)
    FollowFactory(reader=ReaderFactory(username="none"), concept=strike, delivery=Delivery.NONE)
    FollowFactory(reader=ReaderFactory(username="rain"), concept=weather)

    article = tagged_article(section, about=[strike, harbour])  # when: published

    rows = OutboxMessage.objects.order_by("reader__username")
    assert [(r.reader.username, r.kind, r.article_id, r.follow_ids, r.status) for r in rows] == [
        ("both", Kind.ALERT, article.pk, sorted([both_strike.pk, both_harbour.pk]), Status.SENT),
        ("one", Kind.ALERT, article.pk, [one.pk], Status.SENT),
    ]
    assert sorted(m.to[0] for m in mail.outbox) == ["both@example.org", "one@example.org"]
    email = next(m for m in mail.outbox if m.to == ["both@example.org"])
    assert "You follow Harbour with instant alerts." in email.body
    assert "You follow Strike with instant alerts." in email.body


def test_republishing_a_correction_sends_nothing_more(section):
    strike = ConceptFactory(pref_label="Strike")
    FollowFactory(concept=strike)
    article = tagged_article(section, about=[strike])
    article.title = "Harbour workers vote to end the strike"

    publish_article(article)

    assert OutboxMessage.objects.count() == 1
    assert len(mail.outbox) == 1


def test_mentions_alert_only_when_settings_say_so(section, settings):
    strike = ConceptFactory(pref_label="Strike")
    FollowFactory(concept=strike, include_mentions=True)
    tagged_article(section, mentions=[strike])
    assert OutboxMessage.objects.count() == 0

    settings.BROADSHEET_ALERT_PREDICATES = ["about", "mentions"]
    tagged_article(section, mentions=[strike], title="Second harbour vote")
    assert OutboxMessage.objects.count() == 1


def test_an_article_unpublished_before_the_delay_ran_out_alerts_nobody(section, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    strike = ConceptFactory(pref_label="Strike")
    FollowFactory(concept=strike)
    article = tagged_article(section, about=[strike])
    article.unpublish()

    assert fan_out_alerts(article.pk) == 0
    assert OutboxMessage.objects.count() == 0


def test_fan_out_twice_keeps_one_row_per_reader(section, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    strike = ConceptFactory(pref_label="Strike")
    FollowFactory.create_batch(3, concept=strike)
    article = tagged_article(section, about=[strike])

    fan_out_alerts(article.pk)
    fan_out_alerts(article.pk)

    assert OutboxMessage.objects.filter(article=article, status=Status.PENDING).count() == 3


def test_fan_out_batches_rows(section, settings, django_assert_num_queries):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.BROADSHEET_ALERT_BATCH_SIZE = 10
    strike = ConceptFactory(pref_label="Strike")
    FollowFactory.create_batch(35, concept=strike)
    article = tagged_article(section, about=[strike])
    annotate_article(article)  # the annotation task, still queued in the database

    # The live article (2), its annotations (1), the followers (1), 4 batches of 3 (savepoint,
    # insert, release).
    with django_assert_num_queries(4 + 4 * 3):
        assert fan_out_alerts(article.pk) == 35
    assert OutboxMessage.objects.count() == 35


def test_alert_waits_for_the_configured_delay_after_the_annotations_are_in(section, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.BROADSHEET_ALERT_DELAY_SECONDS = 300
    strike = ConceptFactory(pref_label="Strike")
    FollowFactory(concept=strike)
    published = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)

    with time_machine.travel(published, tick=False):
        article = tagged_article(section, about=[strike])
        assert not DBTaskResult.objects.filter(task_path=fan_out_alerts_task.module_path).exists()
        # The worker runs the annotation task: once the annotations are in, alerts are scheduled.
        with TestCase.captureOnCommitCallbacks(execute=True):
            annotate_article_task.call(article.pk)
    fan_out = DBTaskResult.objects.get(task_path=fan_out_alerts_task.module_path)
    assert fan_out.run_after == published + timedelta(seconds=300)
    assert fan_out.args_kwargs == {"args": [article.pk], "kwargs": {}}

    with time_machine.travel(published + timedelta(seconds=299), tick=False):
        assert not DBTaskResult.objects.ready().filter(pk=fan_out.pk).exists()
    with time_machine.travel(published + timedelta(seconds=300), tick=False):
        assert DBTaskResult.objects.ready().filter(pk=fan_out.pk).exists()
        fan_out_alerts_task.call(article.pk)
    assert OutboxMessage.objects.filter(article=article).count() == 1


def test_reannotating_an_old_article_schedules_no_alert(section, settings):
    strike = ConceptFactory(pref_label="Strike")
    with time_machine.travel(datetime(2026, 11, 1, 9, tzinfo=UTC), tick=False):
        article = tagged_article(section, about=[strike])
    FollowFactory(concept=strike)  # a reader who follows later
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    with TestCase.captureOnCommitCallbacks(execute=True):
        annotate_article(article)  # e.g. after a vocabulary change

    assert not DBTaskResult.objects.filter(task_path=fan_out_alerts_task.module_path).exists()
    assert OutboxMessage.objects.count() == 0
