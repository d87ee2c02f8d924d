"""Changes to one account: email preferences, second-factor set-up, deletion."""

from allauth.mfa.base.internal.flows import post_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, clear_totp_secret
from django.db import transaction
from django.http import HttpRequest

from broadsheet.accounts.models import User

PREFERENCES = ["time_zone", "digest_hour", "digest_weekday", "email_new_follows"]


def update_email_preferences(
    user: User,
    *,
    time_zone: str,
    digest_hour: int,
    digest_weekday: int,
    email_new_follows: bool | None = None,
) -> User:
    """Set when digests reach ``user`` (the hour in their time zone and the weekly day) and,
    unless None, whether new follows start with a daily digest or with no email."""
    user.time_zone = time_zone
    user.digest_hour = digest_hour
    user.digest_weekday = digest_weekday
    if email_new_follows is not None:
        user.email_new_follows = email_new_follows
    user.clean_fields(exclude={f.name for f in User._meta.fields} - set(PREFERENCES))
    user.save(update_fields=PREFERENCES)
    return user


@transaction.atomic
def delete_account(user: User) -> None:
    """Delete ``user`` and, through cascades, everything that is theirs (follows, emails)."""
    User.objects.filter(pk=user.pk).delete()


def activate_totp(request: HttpRequest, *, secret: str) -> Authenticator:
    """Give the signed-in user an authenticator app and count it as this session's second factor.

    ``secret`` must already be confirmed by a code from the app (allauth's ActivateTOTPForm).
    """
    authenticator = TOTP.activate(request.user, secret).instance  # type: ignore[arg-type]
    clear_totp_secret(request)
    post_authentication(request, authenticator)
    return authenticator
