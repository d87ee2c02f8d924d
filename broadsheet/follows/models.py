import hashlib

from django.conf import settings
from django.db import models

from broadsheet.concepts.models import Concept


class Delivery(models.TextChoices):
    """How a follow reaches the reader by email, besides My feed."""

    INSTANT = "instant", "Instant alert"
    DAILY = "daily", "Daily digest"
    WEEKLY = "weekly", "Weekly digest"
    NONE = "none", "No email"


class Follow(models.Model):
    """A reader following one concept: a topic, story, person, organisation, place, author or section."""

    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    concept = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="follows")
    include_mentions = models.BooleanField(
        default=False,
        help_text="Also bring articles that only mention the concept (not only those about it).",
    )
    delivery = models.CharField(max_length=10, choices=Delivery.choices, default=Delivery.DAILY)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["reader", "concept"], name="follow_once_per_concept")
        ]
        indexes = [
            # The fan-out reads one article's instant followers a range of readers at a time.
            models.Index(fields=["concept", "delivery", "reader"], name="follow_concept_delivery")
        ]

    def __str__(self) -> str:
        return f"{self.reader} follows {self.concept}"


class FeedState(models.Model):
    """One reader's My feed: when it was last visited, and the hash of its private Atom token."""

    reader = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="feed_state",
    )
    visited_at = models.DateTimeField(null=True, blank=True)
    previous_visit_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="The visit before the latest: articles published after it are marked new.",
    )
    atom_token_hash = models.CharField(
        max_length=64,
        blank=True,
        help_text="SHA-256 of the secret in the private Atom URL; empty when there is none.",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["atom_token_hash"],
                condition=~models.Q(atom_token_hash=""),
                name="feed_state_unique_atom_token",
            )
        ]

    def __str__(self) -> str:
        return f"My feed of {self.reader}"


def atom_token_digest(token: str) -> str:
    """Return the stored form of a private Atom token: its SHA-256 in hex."""
    return hashlib.sha256(token.encode()).hexdigest()
