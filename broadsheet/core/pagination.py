"""Keyset pagination over (published_at, id): constant cost on any page, stable while publishing."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

from django.db.models import Model, Q, QuerySet

M = TypeVar("M", bound=Model)


class BadCursor(ValueError):
    """The cursor in the URL is not one this site wrote."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Cursor:
    published_at: datetime
    pk: int

    def encode(self) -> str:
        raw = f"{self.published_at.isoformat()}|{self.pk}".encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str) -> Cursor:
        try:
            padded = token + "=" * (-len(token) % 4)
            stamp, pk = base64.urlsafe_b64decode(padded.encode()).decode().split("|")
            moment = datetime.fromisoformat(stamp)
            if moment.tzinfo is None:
                raise BadCursor("cursor has no time zone")
            return cls(published_at=moment, pk=int(pk))
        except (ValueError, UnicodeDecodeError) as error:
            raise BadCursor(f"not a page cursor: {token[:40]!r}") from error


@dataclass(frozen=True, slots=True, kw_only=True)
class Page(Generic[M]):
    items: list[M]
    next_cursor: str | None


def keyset_page(
    queryset: QuerySet[M], *, cursor: str | None, per_page: int, time_field: str
) -> Page[M]:
    """Return the items after the cursor, newest first, and the cursor of the page after.

    Raises BadCursor when the cursor was not written by this site.
    """
    ordered = queryset.order_by(f"-{time_field}", "-pk")
    if cursor:
        after = Cursor.decode(cursor)
        ordered = ordered.filter(
            Q(**{f"{time_field}__lt": after.published_at})
            | Q(**{time_field: after.published_at, "pk__lt": after.pk})
        )
    items = list(ordered[: per_page + 1])
    next_cursor = None
    if len(items) > per_page:
        items = items[:per_page]
        last = items[-1]
        next_cursor = Cursor(published_at=getattr(last, time_field), pk=last.pk).encode()
    return Page(items=items, next_cursor=next_cursor)
