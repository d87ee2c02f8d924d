import zoneinfo

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models


def validate_time_zone(value: str) -> None:
    """Refuse a name that is not an IANA time zone, such as "Europe/London"."""
    if value not in zoneinfo.available_timezones():
        raise ValidationError(f"{value!r} is not a time zone name such as Europe/London.")


class Weekday(models.IntegerChoices):
    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


class User(AbstractUser):
    """A person who signs in: staff in the newsroom, or a reader who follows concepts."""

    time_zone = models.CharField(
        max_length=64,
        default="Europe/London",
        validators=[validate_time_zone],
        help_text="Digests arrive at the chosen hour in this time zone.",
    )
    digest_hour = models.PositiveSmallIntegerField(
        default=7,
        validators=[MaxValueValidator(23)],
        help_text="Hour of the day (0-23, local time) at which daily and weekly digests are sent.",
    )
    digest_weekday = models.PositiveSmallIntegerField(
        choices=Weekday.choices,
        default=Weekday.MONDAY,
        help_text="Day of the week on which the weekly digest is sent.",
    )
    email_new_follows = models.BooleanField(
        default=True,
        help_text=(
            "New follows start with a daily digest; off, they start with no email. Turned off by"
            ' "unsubscribe from all", back on only from the account page.'
        ),
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
