"""The alerts enqueue benchmark's own code, at a small scale."""

import pytest

from bench.alerts_enqueue import measure, populate
from broadsheet.alerts.models import OutboxMessage


@pytest.mark.django_db
def test_the_benchmark_enqueues_one_alert_per_generated_reader(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.BROADSHEET_ALERT_BATCH_SIZE = 7
    article_id = populate(readers=30, chunk=8)

    _seconds, rows = measure(article_id)
    _seconds, rows_again = measure(article_id)

    assert rows == rows_again == 30
    two_follows = OutboxMessage.objects.filter(reader__username="bench0").get()
    assert len(two_follows.follow_ids) == 2
    assert len(OutboxMessage.objects.get(reader__username="bench1").follow_ids) == 1
