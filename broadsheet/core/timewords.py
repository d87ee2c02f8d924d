"""Say when something happened the way ARTICLE_PAGE.md tells readers.

The same rules live in static/js/broadsheet.js, which keeps a cached page current.
"""

from datetime import datetime, timedelta

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def absolute_date(moment: datetime) -> str:
    """Return "25 November 2026" for a moment (in its own time zone)."""
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"


def relative_wording(moment: datetime, *, now: datetime) -> str:
    """Return "just now", "12 minutes ago", "4 hours ago", "3 days ago" or a date.

    A moment in the future (clock skew) reads as "just now".
    """
    elapsed = now - moment
    if elapsed < timedelta(minutes=1):
        return "just now"
    if elapsed < timedelta(hours=1):
        minutes = int(elapsed.total_seconds() // 60)
        return f"{minutes} minute{'s' if minutes != 1 else ''} ago"
    if elapsed < timedelta(days=1):
        hours = int(elapsed.total_seconds() // 3600)
        return f"{hours} hour{'s' if hours != 1 else ''} ago"
    if elapsed < timedelta(days=7):
        days = elapsed.days
        return f"{days} day{'s' if days != 1 else ''} ago"
    return absolute_date(moment)


def timestamp_wording(*, published_at: datetime, updated_at: datetime | None, now: datetime) -> str:
    """Return "Published 4 hours ago" or, for an article updated since, "Updated 25 minutes ago"."""
    if updated_at is not None and updated_at > published_at:
        return f"Updated {relative_wording(updated_at, now=now)}"
    return f"Published {relative_wording(published_at, now=now)}"
