"""Schedule instant alerts once a published article's annotations are stored."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone


def schedule_alerts(sender: Any, article_id: int, live: bool = False, **kwargs: Any) -> None:
    """Fan the article out to its followers a configurable delay from now.

    Content sends ``annotations_changed`` after the publish's annotations were committed (and
    again after a correction or a re-annotation); the outbox makes repeats add nothing, and
    articles first published longer ago than the alert age limit are not scheduled at all.
    """
    from broadsheet.content.models import ArticlePage

    from . import conf
    from .tasks import fan_out_alerts_task

    if not live:
        return
    now = timezone.now()
    recent = ArticlePage.objects.filter(
        pk=article_id,
        live=True,
        published_at__gte=now - timedelta(seconds=conf.alert_max_age_seconds()),
    )
    if not recent.exists():
        return
    fan_out = fan_out_alerts_task
    delay = conf.alert_delay_seconds()
    if delay and fan_out.get_backend().supports_defer:
        fan_out = fan_out.using(run_after=now + timedelta(seconds=delay))
    fan_out.enqueue(article_id)


def connect() -> None:
    from broadsheet.content.signals import annotations_changed

    annotations_changed.connect(schedule_alerts, dispatch_uid="alerts.schedule_on_annotation")
