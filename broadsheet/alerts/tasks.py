"""Background work: fan an article out after the delay, send the outbox."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django_tasks import task

from . import actions, conf


def _enqueue_later(run_after: datetime | None, *, senders: int = 1) -> None:
    """Enqueue send tasks, deferred to ``run_after`` when the backend can defer."""
    sender = send_outbox_task
    if run_after is not None:
        if not sender.get_backend().supports_defer:
            return  # Immediate backends cannot wait; `manage.py send_outbox` picks retries up.
        sender = sender.using(run_after=run_after)
    for _ in range(senders):
        sender.enqueue()


@task()
def fan_out_alerts_task(article_id: int) -> int:
    """Queue the article's instant alerts, then start senders; safe to run twice."""
    readers = actions.fan_out_alerts(article_id)
    if readers:
        senders = min(conf.outbox_senders(), 1 + readers // 1000)
        transaction.on_commit(lambda: _enqueue_later(None, senders=senders))
    return readers


@task()
def send_outbox_task() -> int:
    """Send what the outbox owes; when rows wait for a retry, come back when they are due."""
    report = actions.send_outbox()
    retry_at = actions.next_retry_at()
    if retry_at is not None:
        _enqueue_later(retry_at)
    return report.sent
