"""Signed unsubscribe tokens: one reader, and either some of their follows or all of them."""

from __future__ import annotations

from dataclasses import dataclass

from django.core import signing

SALT = "broadsheet.alerts.unsubscribe"


class BadToken(Exception):
    """The token was not signed by this site or does not say what to stop."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Unsubscribe:
    reader_id: int
    follow_ids: tuple[int, ...] | None
    """The follows to stop emailing; None stops every follow's email."""


def make_token(*, reader_id: int, follow_ids: list[int] | tuple[int, ...] | None) -> str:
    """Return a signed token; it does not expire, so links in old emails keep working."""
    follows = None if follow_ids is None else sorted(set(follow_ids))
    return signing.dumps({"r": reader_id, "f": follows}, salt=SALT)


def read_token(token: str) -> Unsubscribe:
    """Return what the token asks to stop; raise BadToken if it was tampered with."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature as error:
        raise BadToken("The link's signature does not match.") from error
    if not isinstance(data, dict):
        raise BadToken("The link says nothing to stop.")
    reader_id, follows = data.get("r"), data.get("f")
    if not isinstance(reader_id, int) or not (
        follows is None or (isinstance(follows, list) and all(isinstance(f, int) for f in follows))
    ):
        raise BadToken("The link says nothing to stop.")
    return Unsubscribe(reader_id=reader_id, follow_ids=None if follows is None else tuple(follows))
