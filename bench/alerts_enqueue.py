"""Time the fan-out of one article's instant alerts to 100,000 following readers (target ≤ 10 s).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/alerts_enqueue.py
        [--readers 100000] [--rounds 3]

Creates a throwaway test database beside DATABASE_URL's (``test_<name>``, dropped afterwards),
migrates it, publishes one article about one concept, gives it ``--readers`` readers with an
instant follow on that concept (half of them following a second concept the article is also
about, so the one-email-per-reader grouping is exercised), then times
``broadsheet.alerts.actions.fan_out_alerts`` writing their outbox rows, emptying the outbox
between rounds. Prints the median and each round. PostgreSQL is the target; SQLite works for a
small run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET_SECONDS = 10.0


def populate(*, readers: int, chunk: int = 5000) -> int:
    """Create the article and its followers; return the article's id."""
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from broadsheet.accounts.models import User
    from broadsheet.concepts.models import Concept
    from broadsheet.content.annotating import annotate_article
    from broadsheet.content.models import ArticleTag, TagDecision
    from broadsheet.content.tests.factories import make_article, make_site
    from broadsheet.follows.models import Delivery, Follow

    _home, section = make_site()
    strike = Concept.objects.create(pref_label="Bench strike", slug="bench-strike", type="story")
    harbour = Concept.objects.create(pref_label="Bench harbour", slug="bench-harbour", type="topic")
    article = make_article(
        section=section,
        title="Bench article",
        tags=[
            ArticleTag(concept=strike, decision=TagDecision.ABOUT),
            ArticleTag(concept=harbour, decision=TagDecision.ABOUT),
        ],
    )
    annotate_article(article)
    password = make_password(None)
    for start in range(0, readers, chunk):
        with transaction.atomic():
            users = User.objects.bulk_create(
                User(username=f"bench{n}", email=f"bench{n}@example.org", password=password)
                for n in range(start, min(readers, start + chunk))
            )
            if not users or users[0].pk is None:  # backends that return no ids
                users = list(User.objects.filter(username__startswith="bench").order_by("pk"))
                users = users[start : start + chunk]
            follows = [Follow(reader=u, concept=strike, delivery=Delivery.INSTANT) for u in users]
            follows += [
                Follow(reader=u, concept=harbour, delivery=Delivery.INSTANT) for u in users[::2]
            ]
            Follow.objects.bulk_create(follows)
    return int(article.pk)


def measure(article_id: int) -> tuple[float, int]:
    """Empty the outbox, fan the article out; return the seconds taken and the rows written."""
    from broadsheet.alerts.actions import fan_out_alerts
    from broadsheet.alerts.models import OutboxMessage

    OutboxMessage.objects.all().delete()
    started = time.perf_counter()
    fan_out_alerts(article_id)
    seconds = time.perf_counter() - started
    return seconds, OutboxMessage.objects.filter(article_id=article_id).count()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, help="readers per fan-out transaction")
    options = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    if options.batch_size:
        settings.BROADSHEET_ALERT_BATCH_SIZE = options.batch_size

    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        print(f"Populating {options.readers:,} readers on {connection.vendor}...", flush=True)
        started = time.perf_counter()
        article_id = populate(readers=options.readers)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # planner statistics, as autovacuum keeps them live
        print(f"  done in {time.perf_counter() - started:.1f} s", flush=True)
        rounds = [measure(article_id) for _ in range(options.rounds)]
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    for n, (seconds, rows) in enumerate(rounds, 1):
        print(f"  round {n}: {rows:,} alerts enqueued in {seconds:.2f} s")
    median = statistics.median(seconds for seconds, _ in rounds)
    verdict = "within" if median <= TARGET_SECONDS else "OVER"
    print(
        f"Median: {median:.2f} s for {rounds[-1][1]:,} alerts ({verdict} the {TARGET_SECONDS:.0f} s target)"
    )
    return 0 if median <= TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
