"""Changes to what readers follow and to their feed: the one path for views, admin and tasks."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from broadsheet.concepts.models import Concept

from .models import Delivery, FeedState, Follow, atom_token_digest

if TYPE_CHECKING:
    from broadsheet.accounts.models import User


class NotFollowable(ValueError):
    """The concept is retired without a survivor: nobody can start following it."""


def followable(concept: Concept) -> Concept:
    """Return the concept a follow of ``concept`` lands on: itself, or the one it was merged into.

    Raises NotFollowable when the concept is retired and was merged into nothing live.
    """
    survivor = concept.survivor()
    if not survivor.is_active:
        raise NotFollowable(f"{concept.pref_label} is no longer in use.")
    return survivor


def follow(reader: User, concept: Concept) -> Follow:
    """Start following a concept (or the concept it was merged into). Following twice changes
    nothing: the existing follow and its settings are kept.

    A new follow sends a daily digest, or no email when the reader has turned email about new
    follows off (``User.email_new_follows``, which "unsubscribe from all" does). Raises
    NotFollowable for a retired concept.
    """
    delivery = Delivery.DAILY if reader.email_new_follows else Delivery.NONE
    following, _created = Follow.objects.get_or_create(
        reader=reader, concept=followable(concept), defaults={"delivery": delivery}
    )
    return following


def unfollow(reader: User, concept: Concept) -> bool:
    """Stop following a concept; return whether there was a follow to remove."""
    deleted, _ = Follow.objects.filter(reader=reader, concept=concept).delete()
    return deleted > 0


def set_delivery(following: Follow, delivery: Delivery | str) -> Follow:
    """Choose how this follow reaches the reader by email.

    Raises ValueError for a value that is not one of ``Delivery``.
    """
    if delivery not in Delivery.values:
        raise ValueError(f"{delivery!r} is not a delivery choice.")
    following.delivery = str(delivery)
    following.save(update_fields=["delivery"])
    return following


def set_include_mentions(following: Follow, include_mentions: bool) -> Follow:
    """Bring (or stop bringing) articles that only mention the concept into My feed."""
    following.include_mentions = include_mentions
    following.save(update_fields=["include_mentions"])
    return following


def move_follows(source: Concept, *, into: Concept) -> int:
    """Move every follow of ``source`` to ``into``; return how many moved.

    A reader who already follows ``into`` keeps that follow and its settings; the follow of
    ``source`` is dropped. Safe to run twice.
    """
    with transaction.atomic():
        already = Follow.objects.filter(concept=into).values("reader_id")
        Follow.objects.filter(concept=source, reader_id__in=already).delete()
        return Follow.objects.filter(concept=source).update(concept=into)


def record_feed_visit(reader: User, *, now: datetime | None = None) -> datetime | None:
    """Note that the reader opened My feed now; return the visit before, which marks what is new.

    Two queries whatever the history: lock-free get-or-create, then one UPDATE.
    """
    moment = now or timezone.now()
    state, _created = FeedState.objects.get_or_create(reader=reader)
    previous = state.visited_at
    FeedState.objects.filter(pk=state.pk).update(visited_at=moment, previous_visit_at=previous)
    return previous


def issue_atom_token(reader: User) -> str:
    """Make a new secret for the reader's private Atom URL and return it; the old one stops
    working. Only its hash is stored, so the URL can be shown once."""
    token = secrets.token_urlsafe(32)
    FeedState.objects.update_or_create(
        reader=reader, defaults={"atom_token_hash": atom_token_digest(token)}
    )
    return token


def revoke_atom_token(reader: User) -> None:
    """Turn the reader's private Atom URL off."""
    FeedState.objects.filter(reader=reader).update(atom_token_hash="")
