"""Digests: at the reader's hour in the reader's time zone, grouped by concept, once a period."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from broadsheet.alerts.actions import queue_due_digests
from broadsheet.alerts.models import Kind, OutboxMessage, Status
from broadsheet.alerts.queries import latest_period
from broadsheet.content.tests.factories import ConceptFactory
from broadsheet.follows.models import Delivery

from .factories import FollowFactory, ReaderFactory
from .helpers import tagged_article


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("kind", "time_zone", "now", "key", "starts_at", "ends_at"),
    [
        # 06:59 in New York is before the hour: the latest period is yesterday's.
        ("daily", "America/New_York", utc(2026, 11, 25, 11, 59), "2026-11-24",
         utc(2026, 11, 23, 12), utc(2026, 11, 24, 12)),
        ("daily", "America/New_York", utc(2026, 11, 25, 12, 0), "2026-11-25",
         utc(2026, 11, 24, 12), utc(2026, 11, 25, 12)),
        # 07:00 in Tokyo is 22:00 UTC the day before.
        ("daily", "Asia/Tokyo", utc(2026, 11, 24, 22, 0), "2026-11-25",
         utc(2026, 11, 23, 22), utc(2026, 11, 24, 22)),
        # The night the clocks go forward in London the period is 23 hours long.
        ("daily", "Europe/London", utc(2026, 3, 29, 6, 30), "2026-03-29",
         utc(2026, 3, 28, 7), utc(2026, 3, 29, 6)),
        # Weekly on Monday: Wednesday 25 November's latest period ended on Monday 23rd.
        ("weekly", "Europe/London", utc(2026, 11, 25, 12), "2026-W48",
         utc(2026, 11, 16, 7), utc(2026, 11, 23, 7)),
        ("weekly", "Europe/London", utc(2026, 11, 23, 6, 59), "2026-W47",
         utc(2026, 11, 9, 7), utc(2026, 11, 16, 7)),
    ],
)  # fmt: skip
def test_latest_period_follows_the_local_clock(kind, time_zone, now, key, starts_at, ends_at):
    period = latest_period(kind, time_zone=time_zone, hour=7, weekday=0, now=now)
    assert (period.key, period.starts_at, period.ends_at) == (key, starts_at, ends_at)


@pytest.mark.django_db
def test_a_daily_digest_is_queued_at_the_readers_hour_in_their_time_zone(section):
    strike = ConceptFactory(pref_label="Strike")
    new_york = ReaderFactory(username="ny", time_zone="America/New_York", digest_hour=7)
    tokyo = ReaderFactory(username="tokyo", time_zone="Asia/Tokyo", digest_hour=7)
    FollowFactory(reader=new_york, concept=strike, delivery=Delivery.DAILY)
    FollowFactory(reader=tokyo, concept=strike, delivery=Delivery.DAILY)
    with time_machine.travel(utc(2026, 11, 24, 13), tick=False):
        article = tagged_article(section, about=[strike])

    def queued() -> set[tuple[str, str]]:
        return set(OutboxMessage.objects.values_list("reader__username", "period"))

    with time_machine.travel(utc(2026, 11, 25, 11, 59), tick=False):  # 06:59 in New York
        queue_due_digests()
        assert queue_due_digests() == 0
    # Tokyo's 25 November digest went at 07:00 JST, 22:00 UTC on the 24th.
    assert queued() == {("ny", "2026-11-24"), ("tokyo", "2026-11-25")}

    with time_machine.travel(utc(2026, 11, 25, 12, 0), tick=False):  # 07:00 in New York
        assert queue_due_digests() == 1

    assert queued() == {("ny", "2026-11-24"), ("ny", "2026-11-25"), ("tokyo", "2026-11-25")}
    row = OutboxMessage.objects.get(reader=new_york, period="2026-11-25")
    assert (row.kind, row.status, row.article_ids) == (
        Kind.DAILY,
        Status.PENDING,
        [[new_york.follows.get().pk, [article.pk]]],
    )


@pytest.mark.django_db
def test_weekly_digest_on_the_readers_weekday(section):
    strike = ConceptFactory(pref_label="Strike")
    reader = ReaderFactory(time_zone="Europe/London", digest_hour=8, digest_weekday=2)
    FollowFactory(reader=reader, concept=strike, delivery=Delivery.WEEKLY)
    with time_machine.travel(utc(2026, 11, 20, 9), tick=False):
        tagged_article(section, about=[strike])

    with time_machine.travel(utc(2026, 11, 25, 7, 59), tick=False):  # Wednesday, 07:59
        queue_due_digests()
    with time_machine.travel(utc(2026, 11, 25, 8, 0), tick=False):
        assert queue_due_digests() == 1

    assert list(
        OutboxMessage.objects.filter(reader=reader)
        .order_by("period")
        .values_list("period", "status")
    ) == [("2026-W47", Status.SKIPPED), ("2026-W48", Status.PENDING)]


@pytest.mark.django_db
def test_digest_groups_by_concept_keeps_the_top_few_and_leaves_out_alerted_articles(
    section, settings
):
    settings.BROADSHEET_DIGEST_ARTICLES_PER_CONCEPT = 2
    strike, harbour, budget = (
        ConceptFactory(pref_label=n) for n in ("Strike", "Harbour", "Budget")
    )
    reader = ReaderFactory(username="reader", time_zone="Europe/London", digest_hour=7)
    FollowFactory(reader=reader, concept=budget, delivery=Delivery.INSTANT)
    harbour_follow = FollowFactory(reader=reader, concept=harbour, delivery=Delivery.DAILY)
    strike_follow = FollowFactory(reader=reader, concept=strike, delivery=Delivery.DAILY)
    published = {}
    for hour, title, about in [
        (8, "Oldest strike story", [strike]),
        (9, "Strike and harbour story", [strike, harbour]),
        (10, "Strike story alerted by budget", [strike, budget]),
        (11, "Newest strike story", [strike]),
        (12, "Harbour story", [harbour]),
    ]:
        with time_machine.travel(utc(2026, 11, 24, hour), tick=False):
            published[title] = tagged_article(section, about=about, title=title).pk
    assert [m.subject for m in mail.outbox] == ["Strike story alerted by budget"]
    mail.outbox.clear()

    with time_machine.travel(utc(2026, 11, 25, 7), tick=False):
        assert queue_due_digests() == 1
        call_command("send_outbox", stdout=open("/dev/null", "w"))  # noqa: SIM115

    row = OutboxMessage.objects.get(reader=reader, kind=Kind.DAILY)
    assert row.article_ids == [
        [harbour_follow.pk, [published["Harbour story"], published["Strike and harbour story"]]],
        [strike_follow.pk, [published["Newest strike story"], published["Oldest strike story"]]],
    ]
    assert row.status == Status.SENT
    [email] = mail.outbox
    assert email.subject == "Your daily digest from Broadsheet"
    html = email.alternatives[0].content
    assert html.index("<h2") < html.index("Harbour story") < html.index("Strike and harbour story")
    assert "Strike story alerted by budget" not in html + email.body
    assert email.body.index("HARBOUR") < email.body.index("STRIKE")


@pytest.mark.django_db
def test_send_digests_sends_each_period_once(section):
    strike = ConceptFactory(pref_label="Strike")
    reader = ReaderFactory(time_zone="Europe/London", digest_hour=7)
    FollowFactory(reader=reader, concept=strike, delivery=Delivery.DAILY)
    with time_machine.travel(utc(2026, 11, 24, 12), tick=False):
        tagged_article(section, about=[strike])

    with time_machine.travel(utc(2026, 11, 25, 7, 5), tick=False):
        call_command("send_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
        call_command("send_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert [m.to for m in mail.outbox] == [[reader.email]]
    assert OutboxMessage.objects.get().status == Status.SENT


@pytest.mark.django_db
def test_digests_are_built_in_batches_whose_queries_do_not_grow_with_readers(
    section, settings, django_assert_num_queries
):
    """Each reader's digest is what they alone would get; a batch costs the same few queries."""
    from broadsheet.alerts.queries import digest_contents_for

    settings.BROADSHEET_DIGEST_BATCH_SIZE = 3
    settings.BROADSHEET_DIGEST_ARTICLES_PER_CONCEPT = 1
    strike, harbour = ConceptFactory(pref_label="Strike"), ConceptFactory(pref_label="Harbour")
    readers = [ReaderFactory(username=f"r{n}", digest_hour=7) for n in range(6)]
    for n, reader in enumerate(readers):
        FollowFactory(reader=reader, concept=strike, delivery=Delivery.DAILY)
        if n % 2:
            FollowFactory(reader=reader, concept=harbour, delivery=Delivery.DAILY)
    with time_machine.travel(utc(2026, 11, 24, 9), tick=False):
        both = tagged_article(section, about=[strike, harbour], title="Both").pk
    with time_machine.travel(utc(2026, 11, 24, 10), tick=False):
        harbour_only = tagged_article(section, about=[harbour], title="Harbour only").pk
    period = latest_period(
        Kind.DAILY, time_zone="Europe/London", hour=7, weekday=0, now=utc(2026, 11, 25, 7)
    )

    together = digest_contents_for([r.pk for r in readers], period)

    assert together == {
        r.pk: alone[r.pk]
        for r in readers
        if (alone := digest_contents_for([r.pk], period)).get(r.pk)
    }
    assert [ids for _, ids in together[readers[0].pk]] == [[both]]
    for reader in readers[1::2]:  # Harbour first by label, then Strike; each article once
        placed = [a for _, ids in together[reader.pk] for a in ids]
        assert together[reader.pk][0][0] == reader.follows.get(concept=harbour).pk
        assert sorted(placed) == sorted(set(placed))
        assert set(placed) <= {both, harbour_only}
    # Schedules, due readers, the ranking, then per batch of 3: follows, alerts, insert (in a
    # transaction: savepoint and release under the test's own transaction).
    with (
        time_machine.travel(utc(2026, 11, 25, 7), tick=False),
        django_assert_num_queries(3 + 2 * 5),
    ):
        assert queue_due_digests() == 6
    assert OutboxMessage.objects.filter(kind=Kind.DAILY, status=Status.PENDING).count() == 6
