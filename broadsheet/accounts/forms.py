"""Forms of the account page: email preferences, deleting the account."""

import zoneinfo
from functools import cache
from typing import Any

from django import forms

from broadsheet.accounts.models import User, Weekday


@cache
def _time_zone_choices() -> list[tuple[str, str]]:
    names = sorted(zoneinfo.available_timezones() - {"localtime", "Factory"})
    return [(name, name.replace("_", " ")) for name in names]


class EmailPreferencesForm(forms.Form):
    time_zone = forms.ChoiceField(
        label="Time zone", help_text="Digests arrive at your chosen hour in this time zone."
    )
    digest_hour = forms.TypedChoiceField(
        label="Daily digest hour",
        coerce=int,
        choices=[(hour, f"{hour:02d}:00") for hour in range(24)],
        help_text="The hour at which daily and weekly digests are sent.",
    )
    digest_weekday = forms.TypedChoiceField(
        label="Weekly digest day", coerce=int, choices=Weekday.choices
    )
    email_new_follows = forms.BooleanField(
        label="Email me about new follows",
        required=False,
        help_text=(
            "New follows start with a daily digest. Off, they start with no email; you can still"
            " choose email per follow. Unsubscribing from all email turns this off."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = _time_zone_choices()  # type: ignore[attr-defined]

    @classmethod
    def for_user(cls, user: User, data: Any = None) -> "EmailPreferencesForm":
        initial = {
            "time_zone": user.time_zone,
            "digest_hour": user.digest_hour,
            "digest_weekday": user.digest_weekday,
            "email_new_follows": user.email_new_follows,
        }
        return cls(data=data, initial=initial)


class DeleteAccountForm(forms.Form):
    """Confirm deletion with the account's password.

    A reader without a password (who only signs in by emailed code) confirms by having
    signed in within the last five minutes instead.
    """

    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args: Any, user: User, recently_signed_in: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.recently_signed_in = recently_signed_in
        if not user.has_usable_password():
            del self.fields["password"]

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean() or {}
        if not self.user.has_usable_password() and not self.recently_signed_in:
            raise forms.ValidationError(
                "Sign in again with a code, then delete within five minutes.",
                code="sign_in_again",
            )
        return cleaned_data

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password.", code="wrong_password")
        return password
