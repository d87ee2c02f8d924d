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
        indexes = [models.Index(fields=["concept", "delivery"], name="follow_concept_delivery")]

    def __str__(self) -> str:
        return f"{self.reader} follows {self.concept}"
