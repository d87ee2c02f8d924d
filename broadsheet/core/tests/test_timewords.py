from datetime import UTC, datetime, timedelta

import pytest

from broadsheet.core.timewords import absolute_date, relative_wording, timestamp_wording

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("elapsed", "expected"),
    [
        (timedelta(seconds=0), "just now"),
        (timedelta(seconds=59), "just now"),
        (timedelta(minutes=1), "1 minute ago"),
        (timedelta(minutes=12, seconds=40), "12 minutes ago"),
        (timedelta(minutes=59, seconds=59), "59 minutes ago"),
        (timedelta(hours=1), "1 hour ago"),
        (timedelta(hours=4, minutes=59), "4 hours ago"),
        (timedelta(hours=23, minutes=59), "23 hours ago"),
        (timedelta(days=1), "1 day ago"),
        (timedelta(days=3, hours=5), "3 days ago"),
        (timedelta(days=6, hours=23), "6 days ago"),
        (timedelta(days=7), "18 November 2026"),
        (timedelta(days=400), "21 October 2025"),
        (timedelta(minutes=-5), "just now"),
    ],
)
def test_relative_wording(elapsed, expected):
    assert relative_wording(NOW - elapsed, now=NOW) == expected


def test_absolute_date_has_no_leading_zero():
    assert absolute_date(datetime(2026, 3, 5, tzinfo=UTC)) == "5 March 2026"


def test_published_wording():
    published = NOW - timedelta(hours=4)
    assert (
        timestamp_wording(published_at=published, updated_at=None, now=NOW)
        == "Published 4 hours ago"
    )


def test_updated_wording_wins_after_an_update():
    published = NOW - timedelta(days=2)
    updated = NOW - timedelta(minutes=25)
    assert (
        timestamp_wording(published_at=published, updated_at=updated, now=NOW)
        == "Updated 25 minutes ago"
    )


def test_update_before_publication_is_ignored():
    published = NOW - timedelta(hours=2)
    assert (
        timestamp_wording(
            published_at=published, updated_at=published - timedelta(hours=1), now=NOW
        )
        == "Published 2 hours ago"
    )
