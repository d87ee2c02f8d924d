"""Schedule instant alerts when an article is published."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone


def schedule_alerts(sender: Any, instance: Any, **kwargs: Any) -> None:
    """Fan the article out to its followers a configurable delay after publishing.

    The content app annotates the article on the same commit; the delay (and a check in the
    fan-out) means alerts are chosen from the stored annotations, after quick corrections.
    """
    from broadsheet.content.models import ArticlePage

    from . import conf
    from .tasks import fan_out_alerts_task

    if not isinstance(instance, ArticlePage):
        return
    article_id = instance.pk

    def enqueue() -> None:
        fan_out = fan_out_alerts_task
        delay = conf.alert_delay_seconds()
        if delay and fan_out.get_backend().supports_defer:
            fan_out = fan_out.using(run_after=timezone.now() + timedelta(seconds=delay))
        fan_out.enqueue(article_id)

    transaction.on_commit(enqueue)


def connect() -> None:
    from wagtail.signals import page_published

    page_published.connect(schedule_alerts, dispatch_uid="alerts.schedule_on_publish")
