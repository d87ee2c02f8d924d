from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from broadsheet.content.models import BroadsheetImage, SectionPage


@register_setting(icon="placeholder")
class AdSettings(BaseSiteSetting):
    """The publication's ad cadence in article bodies."""

    is_enabled = models.BooleanField("show ads in articles", default=True)
    first_after_paragraph = models.PositiveSmallIntegerField(
        default=3, help_text="The first slot follows this paragraph."
    )
    every_paragraphs = models.PositiveSmallIntegerField(
        default=6, help_text="Then one slot every this many paragraphs."
    )

    def clean(self) -> None:
        if self.first_after_paragraph < 1 or self.every_paragraphs < 1:
            raise ValidationError("Both numbers of paragraphs must be at least 1.")


class HouseAd(ClusterableModel):
    """A creative the publication serves itself: an image that links somewhere."""

    name = models.CharField(max_length=200)
    image = models.ForeignKey(BroadsheetImage, on_delete=models.PROTECT, related_name="+")
    link_url = models.URLField(max_length=500)
    alt_text = models.CharField(max_length=300, help_text="What the ad says, for screen readers.")
    sections = ParentalManyToManyField(
        SectionPage, blank=True, related_name="+", help_text="Empty: every section."
    )
    is_active = models.BooleanField(default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("image"),
        FieldPanel("link_url"),
        FieldPanel("alt_text"),
        FieldPanel("sections"),
        FieldPanel("is_active"),
    ]

    def __str__(self) -> str:
        return self.name
