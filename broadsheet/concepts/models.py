from django.db import models
from django.urls import reverse
from wagtail.search import index


class ConceptType(models.TextChoices):
    PERSON = "person", "Person"
    ORGANISATION = "organisation", "Organisation"
    LOCATION = "location", "Place"
    TOPIC = "topic", "Topic"
    STORY = "story", "Running story"


class ConceptQuerySet(models.QuerySet["Concept"]):
    def active(self) -> "ConceptQuerySet":
        return self.filter(is_active=True)


class Concept(index.Indexed, models.Model):
    """One thing the news is about: a person, organisation, place, topic or running story.

    The kicker above an article's headline is a concept; the concepts issue adds labels,
    rules, relations and annotations around this row without changing it.
    """

    type = models.CharField(max_length=20, choices=ConceptType.choices, default=ConceptType.TOPIC)
    pref_label = models.CharField("label", max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ConceptQuerySet.as_manager()

    search_fields = [
        index.SearchField("pref_label"),
        index.AutocompleteField("pref_label"),
        index.FilterField("type"),
    ]

    class Meta:
        ordering = ["pref_label"]

    def __str__(self) -> str:
        return self.pref_label

    def get_absolute_url(self) -> str:
        return reverse("content:concept", kwargs={"slug": self.slug})
