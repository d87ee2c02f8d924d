"""The vocabulary: concepts with their labels, relations, rules and merges."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from broadsheet.core.urls import url_for


class ConceptType(models.TextChoices):
    PERSON = "person", "Person"
    ORGANISATION = "organisation", "Organisation"
    LOCATION = "location", "Place"
    TOPIC = "topic", "Topic"
    STORY = "story", "Running story"
    SECTION = "section", "Section"
    AUTHOR = "author", "Author"


ANNOTATABLE_TYPES = frozenset(
    {
        ConceptType.PERSON,
        ConceptType.ORGANISATION,
        ConceptType.LOCATION,
        ConceptType.TOPIC,
        ConceptType.STORY,
    }
)
"""Types the annotation engine finds in text; sections and authors come from the CMS."""


class ConceptQuerySet(models.QuerySet["Concept"]):
    def active(self) -> ConceptQuerySet:
        return self.filter(is_active=True, superseded_by__isnull=True)


class Concept(index.Indexed, ClusterableModel):
    """One thing the news is about: a person, organisation, place, topic or running story.

    Sections and authors are concepts too (created from the CMS), so readers follow them the
    same way. A merged concept points at its survivor through ``superseded_by``.
    """

    type = models.CharField(max_length=20, choices=ConceptType.choices, default=ConceptType.TOPIC)
    pref_label = models.CharField("label", max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    uri = models.CharField(
        "URI",
        max_length=300,
        unique=True,
        null=True,
        blank=True,
        help_text="Identifier in the vocabulary it came from, e.g. bs:person/ana-lima.",
    )
    description = models.TextField(blank=True)
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    broader = ParentalManyToManyField(
        "self", symmetrical=False, blank=True, related_name="narrower"
    )
    related = ParentalManyToManyField("self", symmetrical=True, blank=True)
    rules = models.JSONField(
        default=dict,
        blank=True,
        help_text=(
            'Keys: "context", "exclude", "keywords" (lists of words or phrases) and "requires" '
            "(list of concept URIs)."
        ),
    )
    case_sensitive = models.BooleanField(
        null=True, blank=True, help_text="Empty: the engine decides from the labels."
    )
    is_active = models.BooleanField(default=True)
    is_suggested = models.BooleanField(
        default=False,
        help_text="Proposed by a wire sender's tag; inactive until an editor reviews it.",
    )
    superseded_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged",
        help_text="Merged into this concept: its pages redirect and its tags move there.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ConceptQuerySet.as_manager()

    search_fields = [
        index.SearchField("pref_label"),
        index.AutocompleteField("pref_label"),
        index.SearchField("description"),
        index.SearchField("uri"),
        index.RelatedFields("labels", [index.SearchField("label")]),
        index.FilterField("type"),
        index.FilterField("is_active"),
    ]

    panels = [
        FieldRowPanel([FieldPanel("pref_label"), FieldPanel("type")]),
        FieldRowPanel([FieldPanel("slug"), FieldPanel("uri")]),
        FieldPanel("description"),
        FieldPanel("image"),
        InlinePanel("labels", label="Other labels"),
        MultiFieldPanel(
            [FieldPanel("broader"), FieldPanel("related"), InlinePanel("links", label="Same as")],
            heading="Relations",
        ),
        MultiFieldPanel(
            [FieldPanel("rules"), FieldPanel("case_sensitive")], heading="Matching rules"
        ),
        FieldRowPanel(
            [FieldPanel("is_active"), FieldPanel("is_suggested"), FieldPanel("superseded_by")]
        ),
    ]

    class Meta:
        ordering = ["pref_label"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(superseded_by=models.F("pk")),
                name="concept_not_merged_into_itself",
            )
        ]

    def __str__(self) -> str:
        return self.pref_label

    def get_absolute_url(self) -> str:
        return url_for("content:concept", self.slug)

    def clean(self) -> None:
        super().clean()
        unknown = set(self.rules or {}) - {"context", "exclude", "keywords", "requires"}
        if not isinstance(self.rules, dict) or unknown:
            raise ValidationError(
                {
                    "rules": f"Unknown rule keys: {', '.join(sorted(unknown))}."
                    if unknown
                    else "Give an object."
                }
            )
        for key, value in self.rules.items():
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValidationError({"rules": f'"{key}" must be a list of strings.'})

    def survivor(self) -> Concept:
        """Return the concept this one was merged into, following chains; itself if not merged."""
        seen = {self.pk}
        current = self
        while current.superseded_by_id is not None and current.superseded_by_id not in seen:
            seen.add(current.superseded_by_id)
            current = Concept.objects.get(pk=current.superseded_by_id)
        return current

    @property
    def is_annotatable(self) -> bool:
        return self.type in ANNOTATABLE_TYPES

    def rule(self, key: str) -> tuple[str, ...]:
        value: Any = (self.rules or {}).get(key, [])
        return tuple(value) if isinstance(value, list) else ()


class LabelKind(models.TextChoices):
    ALT = "alt", "Alias"
    HIDDEN = "hidden", "Hidden (misspelling, demonym)"


class ConceptLabel(Orderable):
    """Another name a concept goes by: an alias readers see, or a hidden label only for matching."""

    concept = ParentalKey(Concept, on_delete=models.CASCADE, related_name="labels")
    label = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=LabelKind.choices, default=LabelKind.ALT)

    panels = [FieldRowPanel([FieldPanel("label"), FieldPanel("kind")])]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["concept", "label", "kind"], name="unique_concept_label"
            )
        ]

    def __str__(self) -> str:
        return self.label


class ConceptLink(Orderable):
    """The same concept in another vocabulary (skos:exactMatch), e.g. a Wikidata URL."""

    concept = ParentalKey(Concept, on_delete=models.CASCADE, related_name="links")
    url = models.URLField(max_length=500)

    panels = [FieldPanel("url")]

    def __str__(self) -> str:
        return self.url
