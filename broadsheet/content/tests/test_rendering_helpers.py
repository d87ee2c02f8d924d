"""content.rendering's small helpers: escaping as templates do, timestamps per time zone."""

from datetime import UTC, datetime, timedelta, timezone

from django.utils import timezone as django_timezone
from django.utils.functional import lazy
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from broadsheet.content import rendering


def test_text_escapes_as_a_template_variable_does():
    lazy_text = lazy(lambda: "<b>lazy</b>", str)()
    for value in ['Tom & Jerry\'s "show" <b>', mark_safe("<i>safe</i>"), 42, lazy_text, ""]:
        assert rendering.text(value) == str(conditional_escape(value))
    assert rendering.text(None) == ""


def test_a_timestamp_writes_the_moment_as_given_and_the_date_in_the_current_zone():
    moment = datetime(2026, 11, 25, 23, 30, tzinfo=UTC)
    same_moment_elsewhere = moment.astimezone(timezone(timedelta(hours=2)))
    in_utc = rendering.timestamp(moment, "Published")
    assert 'datetime="2026-11-25T23:30:00+00:00"' in in_utc
    assert "Published 25 November 2026</time>" in in_utc
    # Equal moments, different text: not one memo entry.
    assert 'datetime="2026-11-26T01:30:00+02:00"' in rendering.timestamp(
        same_moment_elsewhere, "Published"
    )
    with django_timezone.override("Asia/Tokyo"):
        assert "Published 26 November 2026</time>" in rendering.timestamp(moment, "Published")
    first = moment - timedelta(days=1)
    updated = rendering.timestamp(moment, "Updated", first)
    assert 'title="First published 24 November 2026"' in updated
    assert "title=" not in rendering.timestamp(moment, "Published", moment)
