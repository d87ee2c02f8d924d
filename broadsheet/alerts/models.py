from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models

from broadsheet.content.models import ArticlePage


class Kind(models.TextChoices):
    ALERT = "alert", "Instant alert"
    DAILY = "daily", "Daily digest"
    WEEKLY = "weekly", "Weekly digest"


class Status(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    SENDING = "sending", "Claimed by a sender"
    SENT = "sent", "Sent"
    SKIPPED = "skipped", "Nothing to send"
    FAILED = "failed", "Gave up"


class OutboxMessageQuerySet(models.QuerySet["OutboxMessage"]):
    def claimable(self, now: datetime) -> OutboxMessageQuerySet:
        """Rows a sender may take now: due pending rows, and rows whose sender's lease ran out."""
        return self.filter(
            models.Q(status=Status.PENDING, next_attempt_at__lte=now)
            | models.Q(status=Status.SENDING, claimed_until__lt=now)
        )


class OutboxMessage(models.Model):
    """One email owed to one reader: an instant alert for an article, or a digest for a period.

    The unique constraints make every alert and every digest exist once; a row is sent by a
    sender that claims it (status ``sending`` with a lease) and marks it sent after SMTP accepted it.
    """

    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="outbox_messages"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    article = models.ForeignKey(
        ArticlePage, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    period = models.CharField(
        max_length=20,
        blank=True,
        default="",
        help_text="A digest's period: 2026-11-25 or 2026-W48.",
    )
    follow_ids = models.JSONField(default=list, help_text="The follows that brought this email.")
    article_ids = models.JSONField(
        default=list, help_text="A digest's articles by follow: [[follow id, [article ids]], ...]."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    claimed_until = models.DateTimeField(null=True, blank=True)
    claim = models.CharField(max_length=32, blank=True, default="")
    last_error = models.TextField(blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = OutboxMessageQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["reader", "article", "kind"],
                condition=models.Q(kind="alert"),
                name="outbox_one_alert_per_article",
            ),
            models.UniqueConstraint(
                fields=["reader", "kind", "period"],
                condition=models.Q(kind__in=["daily", "weekly"]),
                name="outbox_one_digest_per_period",
            ),
            models.CheckConstraint(
                condition=models.Q(kind="alert", article__isnull=False)
                | models.Q(kind__in=["daily", "weekly"], article__isnull=True),
                name="outbox_alert_has_article",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="outbox_due"),
            models.Index(fields=["status", "claimed_until"], name="outbox_leases"),
        ]

    def __str__(self) -> str:
        what = f"article {self.article_id}" if self.kind == Kind.ALERT else self.period
        return f"{self.get_kind_display()} to {self.reader_id} for {what} ({self.status})"
