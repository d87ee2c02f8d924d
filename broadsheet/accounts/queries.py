"""Reads about one account: its personal data, whether this session passed a second factor."""

import time
from typing import Any

from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.http import HttpRequest

from broadsheet.accounts import registry
from broadsheet.accounts.models import User, Weekday


def personal_data(user: User) -> dict[str, Any]:
    """Return everything Broadsheet keeps about ``user``, ready for ``json.dumps``.

    The user's own fields come under "account"; each registered exporter
    (``registry.register_personal_data_exporter``) adds its own key. Secrets (the password
    hash, TOTP secrets, recovery codes) are never included.
    """
    emails = EmailAddress.objects.filter(user=user).order_by("pk")
    authenticators = Authenticator.objects.filter(user=user).order_by("pk")
    data: dict[str, Any] = {
        "account": {
            "username": user.username,
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "time_zone": user.time_zone,
            "digest_hour": user.digest_hour,
            "digest_weekday": Weekday(user.digest_weekday).label,
            "email_new_follows": user.email_new_follows,
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in emails
            ],
            "second_factors": [
                {
                    "type": authenticator.type,
                    "created_at": authenticator.created_at.isoformat(),
                    "last_used_at": (
                        authenticator.last_used_at.isoformat()
                        if authenticator.last_used_at
                        else None
                    ),
                }
                for authenticator in authenticators
            ],
        }
    }
    for key, exporter in registry.personal_data_exporters().items():
        data[key] = exporter(user)
    return data


def has_totp(user: User) -> bool:
    """Return whether ``user`` has set up an authenticator app."""
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def passed_second_factor(request: HttpRequest) -> bool:
    """Return whether the signed-in user entered a second-factor code in this session.

    allauth records each way the session authenticated; a "mfa" record counts only if its
    authenticator belongs to the user signed in now.
    """
    records = request.session.get(AUTHENTICATION_METHODS_SESSION_KEY) or []
    authenticator_ids = [
        record.get("id")
        for record in records
        if isinstance(record, dict) and record.get("method") == "mfa"
    ]
    if not authenticator_ids:
        return False
    return Authenticator.objects.filter(pk__in=authenticator_ids, user=request.user).exists()


def signed_in_recently(request: HttpRequest, *, within_seconds: int = 300) -> bool:
    """Return whether this session signed in (by password, code or second factor) lately."""
    records = request.session.get(AUTHENTICATION_METHODS_SESSION_KEY) or []
    times = [record["at"] for record in records if isinstance(record, dict) and "at" in record]
    return bool(times) and time.time() - max(times) < within_seconds
