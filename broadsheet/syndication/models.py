"""Tables of syndication: the content API's keys."""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

API_KEY_PREFIX_CHARS = 8


def hash_api_key(key: str) -> str:
    """Return the SHA-256 hex digest stored for ``key``; the key itself is never stored."""
    return hashlib.sha256(key.encode()).hexdigest()


class ApiKey(models.Model):
    """A key for the content API, issued by staff; only its prefix and SHA-256 hash are kept."""

    name = models.CharField(max_length=200, help_text='Who uses it, e.g. "Partner app (Ana Lima)"')
    prefix = models.CharField(max_length=API_KEY_PREFIX_CHARS, unique=True, editable=False)
    """The key's first characters: shown in lists so a key can be told apart without the secret."""
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    requests_per_minute = models.PositiveIntegerField(
        default=120, help_text="Requests allowed in each minute; more get 429 Too Many Requests."
    )
    is_active = models.BooleanField(
        default=True, help_text="Untick to revoke the key: its requests then get 401."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "API key"

    def __str__(self) -> str:
        state = "" if self.is_active else " (revoked)"
        return f"{self.name} ({self.prefix}…){state}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The revocation time follows the switch, whichever screen or command flips it.
        if self.is_active:
            self.revoked_at = None
        elif self.revoked_at is None:
            self.revoked_at = timezone.now()
        super().save(*args, **kwargs)
