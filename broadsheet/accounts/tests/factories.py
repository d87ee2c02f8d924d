"""Readers with a verified email address, and newsroom staff."""

from typing import Any

import factory
from allauth.account.models import EmailAddress

from broadsheet.accounts.models import User

PASSWORD = "correct-horse-battery-73"


class ReaderFactory(factory.django.DjangoModelFactory):
    """A reader who signed up with email and password and verified the address."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    username = factory.LazyAttribute(lambda reader: reader.email.split("@")[0])

    @factory.post_generation
    def password(self, create: bool, extracted: str | None, **kwargs: Any) -> None:
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])

    @factory.post_generation
    def verified_email(self, create: bool, extracted: bool | None, **kwargs: Any) -> None:
        if create:
            EmailAddress.objects.create(
                user=self, email=self.email, primary=True, verified=extracted is not False
            )


class StaffFactory(ReaderFactory):
    """A superuser of the newsroom admin."""

    email = factory.Sequence(lambda n: f"editor{n}@newsroom.example.org")
    is_staff = True
    is_superuser = True
