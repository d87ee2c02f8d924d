"""Reads for alerts and digests: who follows an article, which digests are due, what they hold."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import QuerySet

from broadsheet.content.models import ArticleAnnotation, Predicate
from broadsheet.follows.models import Delivery, Follow

from . import conf
from .models import Kind, OutboxMessage


def alert_follows(article_id: int) -> QuerySet[Follow]:
    """Return the instant follows that owe a reader an alert for the article."""
    concepts = ArticleAnnotation.objects.filter(
        article_id=article_id,
        predicate__in=conf.alert_predicates(),
        published_at__isnull=False,
    ).values("concept_id")
    return Follow.objects.filter(
        concept_id__in=concepts, delivery=Delivery.INSTANT, reader__is_active=True
    ).exclude(reader__email="")


def alert_reader_ids(article_id: int) -> list[int]:
    """Return the ids of readers owed an alert for the article, each once, in order."""
    return list(
        alert_follows(article_id)
        .order_by("reader_id")
        .values_list("reader_id", flat=True)
        .distinct()
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Period:
    """One digest period of one reader's schedule: [starts_at, ends_at), sent at ends_at."""

    kind: str
    key: str
    starts_at: datetime
    ends_at: datetime


def _at(day: date, hour: int, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=zone)


def latest_period(kind: str, *, time_zone: str, hour: int, weekday: int, now: datetime) -> Period:
    """Return the latest period whose sending time (local hour, local weekday) has passed."""
    zone = ZoneInfo(time_zone)
    local = now.astimezone(zone)
    if kind == Kind.DAILY:
        day = local.date()
        if local < _at(day, hour, zone):
            day -= timedelta(days=1)
        return Period(
            kind=kind,
            key=day.isoformat(),
            starts_at=_at(day - timedelta(days=1), hour, zone),
            ends_at=_at(day, hour, zone),
        )
    day = local.date() - timedelta(days=(local.weekday() - weekday) % 7)
    if local < _at(day, hour, zone):
        day -= timedelta(days=7)
    year, week, _ = day.isocalendar()
    return Period(
        kind=kind,
        key=f"{year}-W{week:02d}",
        starts_at=_at(day - timedelta(days=7), hour, zone),
        ends_at=_at(day, hour, zone),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class DueGroup:
    """Readers sharing a schedule whose digest for ``period`` has not been queued yet."""

    period: Period
    reader_ids: list[int]


def due_digests(now: datetime) -> list[DueGroup]:
    """Return the readers owed a daily or weekly digest at ``now``, grouped by schedule."""
    groups: list[DueGroup] = []
    schedules = (
        Follow.objects.filter(
            delivery__in=[Delivery.DAILY, Delivery.WEEKLY], reader__is_active=True
        )
        .exclude(reader__email="")
        .values_list(
            "delivery", "reader__time_zone", "reader__digest_hour", "reader__digest_weekday"
        )
        .distinct()
    )
    seen: set[tuple[str, str, int, int]] = set()
    for delivery, time_zone, hour, weekday in schedules:
        if delivery == Delivery.DAILY:
            weekday = -1  # any weekday: one group per zone and hour
        if (delivery, time_zone, hour, weekday) in seen:
            continue
        seen.add((delivery, time_zone, hour, weekday))
        period = latest_period(
            delivery, time_zone=time_zone, hour=hour, weekday=max(weekday, 0), now=now
        )
        readers = Follow.objects.filter(
            delivery=delivery,
            reader__is_active=True,
            reader__time_zone=time_zone,
            reader__digest_hour=hour,
        ).exclude(reader__email="")
        if delivery == Delivery.WEEKLY:
            readers = readers.filter(reader__digest_weekday=weekday)
        done = OutboxMessage.objects.filter(kind=delivery, period=period.key).values("reader_id")
        reader_ids = list(
            readers.exclude(reader_id__in=done)
            .order_by("reader_id")
            .values_list("reader_id", flat=True)
            .distinct()
        )
        if reader_ids:
            groups.append(DueGroup(period=period, reader_ids=reader_ids))
    return groups


Ranking = dict[int, tuple[list[int], list[int]]]
"""Per concept, the period's articles best first: [0] without mentions, [1] with them."""


def digest_ranking(period: Period) -> Ranking:
    """Rank, per concept, the articles published in the period, by score then recency (one
    query, a range of the index ``annotation_digest``; shared by every digest of the period)."""
    predicates = set(conf.digest_predicates())
    rows = (
        ArticleAnnotation.objects.filter(
            published_at__gte=period.starts_at,
            published_at__lt=period.ends_at,
            predicate__in=[*predicates, Predicate.MENTIONS],
        )
        .order_by("-score", "-published_at", "-article_id")
        .values_list("concept_id", "article_id", "predicate")
    )
    ranked: Ranking = {}
    seen: set[tuple[int, int, bool]] = set()
    for concept_id, article_id, predicate in rows:
        lists = ranked.setdefault(concept_id, ([], []))
        for with_mentions in (False, True) if predicate in predicates else (True,):
            if (concept_id, article_id, with_mentions) not in seen:
                seen.add((concept_id, article_id, with_mentions))
                lists[with_mentions].append(article_id)
    return ranked


def digest_contents_for(
    reader_ids: Sequence[int], period: Period, *, ranking: Ranking | None = None
) -> dict[int, list[tuple[int, list[int]]]]:
    """Return, per reader with something to say, [(follow id, article ids)] of their digest.

    Articles published in the period about (or, per follow, mentioning) a followed concept, at
    most a few per follow by score then recency, each article once per digest, none the reader
    already has an alert for; follows by concept label. Two queries for a batch of readers
    (their follows, their alerts for the period's articles) besides ``digest_ranking``, which
    the caller may pass to share it between batches.
    """
    if not reader_ids:
        return {}
    by_reader: dict[int, list[tuple[int, int, bool]]] = {}
    for reader_id, follow_id, concept_id, include_mentions in (
        Follow.objects.filter(reader_id__in=list(reader_ids), delivery=period.kind)
        .order_by("reader_id", "concept__pref_label", "pk")
        .values_list("reader_id", "pk", "concept_id", "include_mentions")
    ):
        by_reader.setdefault(reader_id, []).append((follow_id, concept_id, include_mentions))
    if not by_reader:
        return {}
    if ranking is None:
        ranking = digest_ranking(period)
    if not ranking:
        return {}
    alerted: dict[int, set[int]] = {}
    in_period = ArticleAnnotation.objects.filter(
        published_at__gte=period.starts_at, published_at__lt=period.ends_at
    ).values("article_id")
    for reader_id, article_id in OutboxMessage.objects.filter(
        reader_id__in=list(by_reader), kind=Kind.ALERT, article_id__in=in_period
    ).values_list("reader_id", "article_id"):
        alerted.setdefault(reader_id, set()).add(article_id)
    limit = conf.digest_articles_per_concept()
    found: dict[int, list[tuple[int, list[int]]]] = {}
    for reader_id, reader_follows in by_reader.items():
        placed = set(alerted.get(reader_id, ()))
        contents: list[tuple[int, list[int]]] = []
        for follow_id, concept_id, include_mentions in reader_follows:
            lists = ranking.get(concept_id)
            if lists is None:
                continue
            chosen: list[int] = []
            for article_id in lists[include_mentions]:
                if article_id not in placed:
                    chosen.append(article_id)
                    if len(chosen) == limit:
                        break
            placed.update(chosen)
            if chosen:
                contents.append((follow_id, chosen))
        if contents:
            found[reader_id] = contents
    return found
