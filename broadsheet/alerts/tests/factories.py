"""Readers and their follows."""

import factory

from broadsheet.accounts.models import User
from broadsheet.content.tests.factories import ConceptFactory
from broadsheet.follows.models import Delivery, Follow


class ReaderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"reader{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    time_zone = "Europe/London"
    digest_hour = 7


class FollowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Follow

    reader = factory.SubFactory(ReaderFactory)
    concept = factory.SubFactory(ConceptFactory)
    delivery = Delivery.INSTANT
