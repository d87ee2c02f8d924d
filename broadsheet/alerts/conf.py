"""Settings of alerts and digests, read when used so tests may override them."""

from django.conf import settings

from broadsheet.content.models import Predicate


def alert_delay_seconds() -> int:
    """Seconds between publishing and the instant alert, so quick corrections land first."""
    return int(getattr(settings, "BROADSHEET_ALERT_DELAY_SECONDS", 300))


def alert_max_age_seconds() -> int:
    """An article first published longer ago than this sends no alert when republished."""
    return int(getattr(settings, "BROADSHEET_ALERT_MAX_AGE_SECONDS", 24 * 3600))


def alert_predicates() -> list[str]:
    """Annotations that make an instant alert: by default only articles about the concept."""
    return list(getattr(settings, "BROADSHEET_ALERT_PREDICATES", [Predicate.ABOUT]))


def digest_predicates() -> list[str]:
    """Annotations that put an article in a digest (``mentions`` too when the follow asks)."""
    default = [
        Predicate.ABOUT,
        Predicate.MAJOR_MENTIONS,
        Predicate.HAS_AUTHOR,
        Predicate.PRIMARY_SECTION,
    ]
    return list(getattr(settings, "BROADSHEET_DIGEST_PREDICATES", default))


def digest_articles_per_concept() -> int:
    return int(getattr(settings, "BROADSHEET_DIGEST_ARTICLES_PER_CONCEPT", 5))


def digest_batch_size() -> int:
    """Readers whose digests are built together (three reads, one insert)."""
    return int(getattr(settings, "BROADSHEET_DIGEST_BATCH_SIZE", 500))


def fan_out_batch_size() -> int:
    """Readers per fan-out transaction (one INSERT ... SELECT each)."""
    return int(getattr(settings, "BROADSHEET_ALERT_BATCH_SIZE", 10_000))


def outbox_lease_seconds() -> int:
    """How long a sender owns the rows it claimed; a crashed sender's rows return after it."""
    return int(getattr(settings, "BROADSHEET_OUTBOX_LEASE_SECONDS", 300))


def outbox_max_attempts() -> int:
    return int(getattr(settings, "BROADSHEET_OUTBOX_MAX_ATTEMPTS", 12))


def outbox_retry_seconds() -> tuple[int, int]:
    """First retry delay and the cap of the exponential backoff after an SMTP failure."""
    return (
        int(getattr(settings, "BROADSHEET_OUTBOX_RETRY_SECONDS", 60)),
        int(getattr(settings, "BROADSHEET_OUTBOX_RETRY_MAX_SECONDS", 3600)),
    )


def outbox_senders() -> int:
    """How many send tasks a fan-out enqueues; they share the rows (skip locked)."""
    return int(getattr(settings, "BROADSHEET_OUTBOX_SENDERS", 4))


def unsubscribe_mailto() -> str:
    """An address for mailto unsubscribes in List-Unsubscribe; empty leaves it out."""
    return str(getattr(settings, "BROADSHEET_UNSUBSCRIBE_MAILTO", ""))
