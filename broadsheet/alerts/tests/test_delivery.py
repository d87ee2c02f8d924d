"""End to end against a real SMTP server on loopback: the right emails, outages, crashes."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import time_machine
from django.conf import settings as django_settings
from django.db import connection
from django.test import Client
from django.utils import timezone

from broadsheet.alerts.actions import fan_out_alerts, send_outbox
from broadsheet.alerts.models import OutboxMessage, Status
from broadsheet.content.tests.factories import ConceptFactory
from broadsheet.follows.models import Delivery, Follow

from .conftest import SmtpServer
from .factories import FollowFactory, ReaderFactory
from .helpers import tagged_article

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.django_db
def test_the_right_readers_get_the_right_email_with_one_click_unsubscribe(
    smtp_server: SmtpServer, section, settings
):
    settings.BASE_URL = "https://news.example.org"
    settings.DEFAULT_FROM_EMAIL = "Broadsheet <alerts@news.example.org>"
    strike, harbour = ConceptFactory(pref_label="Strike"), ConceptFactory(pref_label="Harbour")
    ana = ReaderFactory(username="ana")
    FollowFactory(reader=ana, concept=strike)
    FollowFactory(reader=ana, concept=harbour)
    ben_follow = FollowFactory(reader=ReaderFactory(username="ben"), concept=harbour)
    FollowFactory(reader=ReaderFactory(username="cat"), concept=harbour, delivery=Delivery.DAILY)
    FollowFactory(reader=ReaderFactory(username="dan"), concept=ConceptFactory(pref_label="Rain"))

    article = tagged_article(
        section, about=[strike, harbour], title="Dockers end the harbour strike"
    )

    assert sorted(m["To"] for m in smtp_server.messages) == ["ana@example.org", "ben@example.org"]
    email = smtp_server.to("ben@example.org")[0]
    assert email["Subject"] == "Dockers end the harbour strike"
    assert email["From"] == "Broadsheet <alerts@news.example.org>"
    assert email["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    [one_click] = re.fullmatch(r"<(https://news\.example\.org/alerts/unsubscribe/[^>]+/)>",
                               email["List-Unsubscribe"].strip()).groups()  # fmt: skip
    row = OutboxMessage.objects.get(reader=ben_follow.reader)
    assert email["Message-ID"] == f"<outbox-{row.pk}-alert@news.example.org>"
    assert email.get_content_type() == "multipart/alternative"
    text = email.get_body(("plain",)).get_content()
    html = email.get_body(("html",)).get_content()
    assert article.standfirst in text
    assert f"Read the article: {article.get_full_url()}" in text
    assert '<html lang="en-GB">' in html
    assert re.search(
        r"<h1[^>]*><a href=\"[^\"]+\"[^>]*>Dockers end the harbour strike</a></h1>", html
    )
    assert "<table" not in html
    assert "You follow Harbour with instant alerts." in text
    assert "Strike" not in text  # Ben follows only Harbour
    ana_text = smtp_server.to("ana@example.org")[0].get_body(("plain",)).get_content()
    assert "You follow Harbour" in ana_text
    assert "You follow Strike" in ana_text

    # The mail client's one-click POST (RFC 8058): no session, no CSRF token.
    response = Client(enforce_csrf_checks=True).post(
        urlsplit(one_click).path, {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert Follow.objects.get(pk=ben_follow.pk).delivery == Delivery.NONE
    assert Follow.objects.filter(reader=ana).exclude(delivery=Delivery.INSTANT).count() == 0


@pytest.mark.django_db
def test_an_smtp_outage_then_recovery_loses_nothing(smtp_server: SmtpServer, section, settings):
    settings.BROADSHEET_OUTBOX_RETRY_SECONDS = 60
    strike = ConceptFactory(pref_label="Strike")
    readers = [FollowFactory(concept=strike).reader for _ in range(5)]
    smtp_server.stop()  # given: the mail server is down

    article = tagged_article(section, about=[strike])  # when: an article is published

    rows = OutboxMessage.objects.filter(article=article)
    assert smtp_server.messages == []
    # The first row was tried; the rest of the batch waits untried.
    assert sorted(rows.values_list("status", "attempts")) == [(Status.PENDING, 0)] * 4 + [
        (Status.PENDING, 1)
    ]
    first_retry = rows.order_by("next_attempt_at").first().next_attempt_at
    assert first_retry > timezone.now() + timedelta(seconds=50)

    # Still down a minute later: the next retry waits twice as long.
    with time_machine.travel(first_retry + timedelta(seconds=1)):
        report = send_outbox()
    assert (report.sent, report.retrying) == (0, 5)
    tried_twice = rows.get(attempts=2)
    assert tried_twice.next_attempt_at - first_retry >= timedelta(seconds=120)

    smtp_server.start()
    with time_machine.travel(tried_twice.next_attempt_at + timedelta(seconds=1)):
        assert send_outbox().sent == 5
        assert send_outbox().sent == 0

    assert sorted(m["To"] for m in smtp_server.messages) == sorted(r.email for r in readers)
    assert set(rows.values_list("status", flat=True)) == {Status.SENT}


@contextmanager
def database_for_subprocess(tmp_path: Path) -> Iterator[str]:
    """Yield a DATABASE_URL another process can use to see (and change) the test's data.

    PostgreSQL: the test database itself. SQLite keeps tests in memory, so the data is copied to
    a file for the subprocess and copied back afterwards.
    """
    if connection.vendor == "postgresql":
        params = connection.settings_dict
        yield (
            f"postgres://{params['USER']}@{params['HOST'] or '127.0.0.1'}:"
            f"{params['PORT'] or 5432}/{params['NAME']}"
        )
        return
    connection.ensure_connection()
    path = tmp_path / "shared.sqlite3"
    with sqlite3.connect(path) as shared:
        connection.connection.backup(shared)
    yield f"sqlite:///{path}"
    with sqlite3.connect(path) as shared:
        shared.backup(connection.connection)


def start_sender(database_url: str, smtp: SmtpServer) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DATABASE_URL": database_url,
        "EMAIL_URL": f"smtp://{smtp.host}:{smtp.port}",
        "OUTBOX_LEASE_SECONDS": "3",
        "SECRET_KEY": django_settings.SECRET_KEY,
        "LOG_LEVEL": "WARNING",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return subprocess.Popen(
        [sys.executable, "manage.py", "send_outbox", "--batch-size", "10"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_sender_killed_mid_batch_and_restarted_loses_and_repeats_nothing(
    smtp_server: SmtpServer, site_tree, tmp_path, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    strike = ConceptFactory(pref_label="Strike")
    article = tagged_article(site_tree[1], about=[strike])
    readers = [FollowFactory(concept=strike).reader for _ in range(25)]
    assert fan_out_alerts(article.pk) == 25

    sender: subprocess.Popen[bytes] | None = None
    kill_after = 13  # in the middle of the second batch of 10

    def kill_during_the_next_message(address: str) -> None:
        if sender is not None and len(smtp_server.messages) == kill_after:
            smtp_server.recorder.on_rcpt = None
            os.kill(sender.pid, signal.SIGKILL)
            sender.wait(timeout=10)

    with database_for_subprocess(tmp_path) as database_url:
        smtp_server.recorder.on_rcpt = kill_during_the_next_message
        sender = start_sender(database_url, smtp_server)
        sender.wait(timeout=120)
        assert sender.returncode == -signal.SIGKILL
        assert len(smtp_server.messages) == kill_after

        time.sleep(3.5)  # the dead sender's lease runs out
        restarted = start_sender(database_url, smtp_server)
        out, err = restarted.communicate(timeout=120)
        assert restarted.returncode == 0, err.decode()
        assert out.decode().startswith(f"Sent {25 - kill_after}, skipped 0, retrying 0, failed 0")

    received = Counter(m["To"] for m in smtp_server.messages)
    assert received == Counter(r.email for r in readers)  # 0 lost, 0 duplicates
    assert Counter(OutboxMessage.objects.values_list("status", flat=True)) == {Status.SENT: 25}
