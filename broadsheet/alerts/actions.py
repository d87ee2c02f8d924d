"""Changes: fan an article out to its followers, queue digests, send the outbox, unsubscribe."""

from __future__ import annotations

import logging
import smtplib
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.mail import get_connection
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from broadsheet.accounts.models import User
from broadsheet.content.annotating import annotate_article
from broadsheet.content.models import ArticleAnnotation, ArticlePage
from broadsheet.follows.models import Delivery, Follow

from . import conf, queries
from .emails import build_email
from .models import Kind, OutboxMessage, Status
from .tokens import Unsubscribe

logger = logging.getLogger(__name__)


def fan_out_alerts(article_id: int, *, now: datetime | None = None) -> int:
    """Queue one instant alert per reader following the article; return how many readers.

    Re-reads the article: nothing is queued if it was unpublished (or made private) meanwhile,
    or if it was first published too long ago (a late republish). Safe to run twice: the outbox
    holds one alert per reader and article, naming every follow that matched. Rows are written
    by the database itself (INSERT ... SELECT), a batch of readers per transaction.
    """
    now = now or timezone.now()
    article = ArticlePage.objects.published().filter(pk=article_id).first()
    if article is None or article.published_at is None:
        return 0
    if article.published_at < now - timedelta(seconds=conf.alert_max_age_seconds()):
        return 0
    if not ArticleAnnotation.objects.filter(article=article, published_at__isnull=False).exists():
        # The annotation task has not run yet (a busy worker): annotate before choosing readers.
        annotate_article(article)
    reader_ids = queries.alert_reader_ids(article.pk)
    batch_size = conf.fan_out_batch_size()
    low = 0
    for start in range(0, len(reader_ids), batch_size):
        high = reader_ids[min(len(reader_ids), start + batch_size) - 1]
        with transaction.atomic():
            _insert_alerts(article.pk, readers_above=low, readers_up_to=high, now=now)
        low = high
    return len(reader_ids)


def _insert_alerts(
    article_id: int, *, readers_above: int, readers_up_to: int, now: datetime
) -> None:
    """Write the alert rows of readers in (readers_above, readers_up_to], skipping existing ones."""
    follows = queries.alert_follows(article_id).filter(
        reader_id__gt=readers_above, reader_id__lte=readers_up_to
    )
    select_sql, select_params = (
        follows.order_by("reader_id", "pk")
        .values(follower=F("reader_id"), follow=F("pk"))
        .query.sql_with_params()
    )
    if connection.vendor == "postgresql":
        follow_ids = "jsonb_agg(matched.follow ORDER BY matched.follow)"
    else:
        follow_ids = "json_group_array(matched.follow)"  # in the subquery's order
    table = connection.ops.quote_name(OutboxMessage._meta.db_table)
    sql = f"""
        INSERT INTO {table} (reader_id, kind, article_id, period, follow_ids, article_ids, status,
                             attempts, next_attempt_at, claim, last_error, created_at)
        SELECT matched.follower, %s, %s, '', {follow_ids}, '[]', %s, 0, %s, '', '', %s
        FROM ({select_sql}) AS matched
        WHERE TRUE
        GROUP BY matched.follower
        ON CONFLICT DO NOTHING
    """  # noqa: S608 - only quoted names and Django's own compiled SQL are interpolated
    at = connection.ops.adapt_datetimefield_value(now)
    with connection.cursor() as cursor:
        cursor.execute(sql, [Kind.ALERT, article_id, Status.PENDING, at, at, *select_params])


def _insert(rows: list[OutboxMessage]) -> None:
    """Insert rows in one transaction, skipping those the outbox already holds."""
    with transaction.atomic():
        OutboxMessage.objects.bulk_create(rows, ignore_conflicts=True)


def queue_due_digests(*, now: datetime | None = None) -> int:
    """Queue every daily and weekly digest due at ``now``; return how many have something to say.

    A digest with nothing in it is recorded as skipped, so each period is decided once. Readers
    go by batches of ``BROADSHEET_DIGEST_BATCH_SIZE``: two reads and one insert each, besides one
    ranking of the period's articles shared by every batch.
    """
    now = now or timezone.now()
    queued = 0
    batch_size = conf.digest_batch_size()
    rankings: dict[tuple[datetime, datetime], queries.Ranking] = {}
    for group in queries.due_digests(now):
        span = (group.period.starts_at, group.period.ends_at)
        if span not in rankings:
            rankings[span] = queries.digest_ranking(group.period)
        for start in range(0, len(group.reader_ids), batch_size):
            batch = group.reader_ids[start : start + batch_size]
            found = queries.digest_contents_for(batch, group.period, ranking=rankings[span])
            rows = []
            for reader_id in batch:
                contents = found.get(reader_id, [])
                rows.append(
                    OutboxMessage(
                        reader_id=reader_id,
                        kind=group.period.kind,
                        period=group.period.key,
                        follow_ids=[follow_id for follow_id, _ in contents],
                        article_ids=[[follow_id, ids] for follow_id, ids in contents],
                        status=Status.PENDING if contents else Status.SKIPPED,
                        next_attempt_at=now,
                    )
                )
            _insert(rows)
            queued += len(found)
    return queued


@dataclass(slots=True)
class SendReport:
    sent: int = 0
    skipped: int = 0
    retrying: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def claim_outbox(*, limit: int, now: datetime | None = None) -> tuple[str, list[int]]:
    """Take up to ``limit`` due rows for this sender; return the claim token and their ids.

    Each claimed row counts an attempt and carries a lease: a sender that dies leaves its rows
    to be taken again when the lease runs out. On PostgreSQL concurrent senders skip each
    other's locked rows; SQLite serialises writers (immediate transactions).
    """
    now = now or timezone.now()
    claim = uuid.uuid4().hex
    with transaction.atomic():
        due = OutboxMessage.objects.claimable(now).order_by("next_attempt_at", "pk")
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        ids = list(due.values_list("pk", flat=True)[:limit])
        if ids:
            OutboxMessage.objects.claimable(now).filter(pk__in=ids).update(
                status=Status.SENDING,
                claim=claim,
                claimed_until=now + timedelta(seconds=conf.outbox_lease_seconds()),
                attempts=F("attempts") + 1,
            )
    return claim, ids


def _retry_at(attempts: int, now: datetime) -> datetime:
    first, cap = conf.outbox_retry_seconds()
    return now + timedelta(seconds=min(cap, first * 2 ** max(0, attempts - 1)))


def _finish(row: OutboxMessage, claim: str, **changes: object) -> None:
    OutboxMessage.objects.filter(pk=row.pk, claim=claim, status=Status.SENDING).update(
        claim="", claimed_until=None, **changes
    )


def _give_back(row: OutboxMessage, claim: str, error: str, *, tried: bool) -> bool:
    """Put a row back with backoff; return False when it has used up its attempts."""
    now = timezone.now()
    attempts = row.attempts if tried else row.attempts - 1
    if tried and attempts >= conf.outbox_max_attempts():
        _finish(row, claim, status=Status.FAILED, last_error=error)
        return False
    _finish(
        row,
        claim,
        status=Status.PENDING,
        attempts=attempts,
        next_attempt_at=_retry_at(max(attempts, 1), now),
        last_error=error,
    )
    return True


def send_outbox(*, batch_size: int = 100, max_batches: int | None = None) -> SendReport:
    """Send due outbox rows batch by batch until none is left; return what happened.

    Every row is marked sent in its own write right after the SMTP server accepted it, so a
    crash loses nothing and repeats nothing already marked. An SMTP failure puts the row (and,
    when the server is unreachable, the rest of the batch) back with exponential backoff.
    """
    report = SendReport()
    batches = 0
    while max_batches is None or batches < max_batches:
        claim, ids = claim_outbox(limit=batch_size)
        if not ids:
            break
        batches += 1
        rows = list(
            OutboxMessage.objects.filter(pk__in=ids, claim=claim)
            .select_related("reader")
            .order_by("pk")
        )
        if not _send_batch(rows, claim, report):
            break
    return report


def _send_batch(rows: list[OutboxMessage], claim: str, report: SendReport) -> bool:
    """Send one claimed batch over one SMTP connection; return False if the server is down."""
    email_connection = get_connection(fail_silently=False)
    opened = False
    try:
        for index, row in enumerate(rows):
            email = build_email(row)
            if email is None:
                _finish(row, claim, status=Status.SKIPPED, sent_at=None)
                report.skipped += 1
                continue
            try:
                if not opened:
                    email_connection.open()
                    opened = True
                email_connection.send_messages([email])
            except (
                smtplib.SMTPRecipientsRefused,
                smtplib.SMTPSenderRefused,
                smtplib.SMTPDataError,
            ) as error:
                # The server refused this message: retry it alone, carry on with the batch.
                message = f"{type(error).__name__}: {error}"
                report.errors.append(message)
                logger.warning("SMTP refused outbox row %s: %s", row.pk, message)
                if _give_back(row, claim, message, tried=True):
                    report.retrying += 1
                else:
                    report.failed += 1
                continue
            except OSError as error:
                # Unreachable or disconnected (smtplib's errors are OSErrors too): this row and
                # the untried rest of the batch wait for a retry.
                message = f"{type(error).__name__}: {error}"
                report.errors.append(message)
                logger.warning(
                    "SMTP unreachable, outbox row %s will be retried: %s", row.pk, message
                )
                if _give_back(row, claim, message, tried=True):
                    report.retrying += 1
                else:
                    report.failed += 1
                for untried in rows[index + 1 :]:
                    report.retrying += _give_back(untried, claim, message, tried=False)
                opened = False
                return False
            _finish(row, claim, status=Status.SENT, sent_at=timezone.now(), last_error="")
            report.sent += 1
    finally:
        if opened:
            email_connection.close()
    return True


def next_retry_at() -> datetime | None:
    """Return when the earliest waiting row becomes due, if any row waits."""
    return (
        OutboxMessage.objects.filter(status=Status.PENDING)
        .order_by("next_attempt_at")
        .values_list("next_attempt_at", flat=True)
        .first()
    )


def retry_failed() -> int:
    """Give rows that used up their attempts a fresh start; return how many."""
    return OutboxMessage.objects.filter(status=Status.FAILED).update(
        status=Status.PENDING, attempts=0, next_attempt_at=timezone.now()
    )


def unsubscribe(request: Unsubscribe) -> int:
    """Stop email for the token's follows (or all the reader's); return how many changed.

    Unsubscribing from all also makes the reader's later follows start with no email
    (``User.email_new_follows``) until they turn it back on in their account page. Idempotent:
    a second call changes nothing. The follows stay, so My feed keeps them.
    """
    follows = Follow.objects.filter(reader_id=request.reader_id)
    if request.follow_ids is not None:
        follows = follows.filter(pk__in=request.follow_ids)
    with transaction.atomic():
        if request.follow_ids is None:
            User.objects.filter(pk=request.reader_id, email_new_follows=True).update(
                email_new_follows=False
            )
        return follows.exclude(delivery=Delivery.NONE).update(delivery=Delivery.NONE)
