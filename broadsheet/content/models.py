"""Tables of the editorial model: pages (home, section, article), authors, bylines, images, video."""

from __future__ import annotations

import secrets
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import TemporaryUploadedFile, UploadedFile
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Orderable, Page, PageManager, PageQuerySet
from wagtail.search import index

from broadsheet.concepts.models import Concept
from broadsheet.core.urls import url_for

from .blocks import ArticleBodyBlock
from .forms import ArticlePageForm
from .media import VideoProbeError, format_duration, iso_duration, probe_video
from .panels import SuggestionsPanel

# --- Images -------------------------------------------------------------------------------


class Licence(models.TextChoices):
    ALL_RIGHTS_RESERVED = "all-rights-reserved", "All rights reserved"
    AGENCY = "agency", "Agency licence"
    CC_BY = "cc-by", "Creative Commons BY"
    CC_BY_SA = "cc-by-sa", "Creative Commons BY-SA"
    PUBLIC_DOMAIN = "public-domain", "Public domain"
    HANDOUT = "handout", "Handout"


class BroadsheetImage(AbstractImage):
    """An image with what a newsroom must say about it: alt text, caption, credit and licence."""

    alt_text = models.CharField(
        max_length=400,
        blank=True,
        help_text="What the image shows, for readers who cannot see it. Required to publish.",
    )
    caption = models.CharField(max_length=500, blank=True)
    credit = models.CharField(max_length=200, blank=True, help_text='e.g. "Agency/Photographer"')
    licence = models.CharField(
        max_length=40, choices=Licence.choices, default=Licence.ALL_RIGHTS_RESERVED
    )

    admin_form_fields = (*Image.admin_form_fields, "alt_text", "caption", "credit", "licence")

    @property
    def default_alt_text(self) -> str:
        return self.alt_text or ""


class BroadsheetRendition(AbstractRendition):
    image = models.ForeignKey(BroadsheetImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


# --- Video --------------------------------------------------------------------------------


def _media_name(folder: str, filename: str) -> str:
    """Generate a storage name: never the uploader's path, so no traversal and no clashes."""
    suffix = Path(filename).suffix.lower()[:8]
    return f"{folder}/{timezone.now():%Y/%m}/{secrets.token_hex(12)}{suffix}"


def video_upload_to(_instance: Video, filename: str) -> str:
    return _media_name("video", filename)


def captions_upload_to(_instance: Video, filename: str) -> str:
    return _media_name("captions", filename)


class Video(index.Indexed, models.Model):
    """A video: an uploaded MP4/WebM (or an external HLS stream) with poster and captions.

    The duration is read from the file by ffprobe when it is saved through a form, never typed.
    """

    title = models.CharField(max_length=255)
    file = models.FileField(
        upload_to=video_upload_to,
        blank=True,
        validators=[FileExtensionValidator(["mp4", "webm"])],
        help_text="An MP4 or WebM file.",
    )
    hls_url = models.URLField(
        "HLS stream URL", blank=True, help_text="Instead of a file: an https .m3u8 stream."
    )
    poster = models.ForeignKey(
        BroadsheetImage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    captions = models.FileField(
        "captions (WebVTT)",
        upload_to=captions_upload_to,
        blank=True,
        validators=[FileExtensionValidator(["vtt"])],
    )
    captions_language = models.CharField(max_length=16, default="en")
    caption = models.CharField(max_length=500, blank=True)
    credit = models.CharField(max_length=200, blank=True)
    duration_seconds = models.FloatField(null=True, editable=False)
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    panels = [
        FieldPanel("title"),
        FieldPanel("file"),
        FieldPanel("hls_url"),
        FieldPanel("poster"),
        FieldRowPanel([FieldPanel("captions"), FieldPanel("captions_language")]),
        FieldPanel("caption"),
        FieldPanel("credit"),
    ]

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if bool(self.file) == bool(self.hls_url):
            raise ValidationError(
                "Give either a video file or an HLS stream URL, not both or neither."
            )
        if self.hls_url and not self.hls_url.startswith("https://"):
            raise ValidationError({"hls_url": "The stream must be served over https."})
        if self.captions:
            self._check_captions()
        if self.file and isinstance(self.file.file, UploadedFile):
            self._read_duration(self.file.file)

    def _check_captions(self) -> None:
        handle = self.captions.file
        handle.seek(0)
        head = handle.read(16)
        handle.seek(0)
        text = head.decode("utf-8-sig", errors="replace") if isinstance(head, bytes) else head
        if not text.startswith("WEBVTT"):
            raise ValidationError(
                {"captions": "This is not a WebVTT file: it must begin with WEBVTT."}
            )

    def _read_duration(self, upload: UploadedFile) -> None:
        """Probe the uploaded file and keep its duration and frame size; refuse what won't play."""
        max_bytes = settings.BROADSHEET_VIDEO_MAX_BYTES
        if upload.size is not None and upload.size > max_bytes:
            raise ValidationError(
                {"file": f"The video is larger than {max_bytes // (1024 * 1024)} MB."}
            )
        try:
            if isinstance(upload, TemporaryUploadedFile):
                probe = probe_video(upload.temporary_file_path())
            else:
                import tempfile

                with tempfile.NamedTemporaryFile(suffix=Path(upload.name or "").suffix) as copy:
                    for chunk in upload.chunks():
                        copy.write(chunk)
                    copy.flush()
                    probe = probe_video(copy.name)
                upload.seek(0)
        except VideoProbeError as error:
            raise ValidationError({"file": str(error)}) from error
        self.duration_seconds = probe.duration_seconds
        self.width = probe.width
        self.height = probe.height

    @property
    def duration_label(self) -> str:
        return format_duration(self.duration_seconds) if self.duration_seconds else ""

    @property
    def iso_duration(self) -> str:
        return iso_duration(self.duration_seconds) if self.duration_seconds else ""

    @property
    def mime_type(self) -> str:
        if self.hls_url:
            return "application/vnd.apple.mpegurl"
        return "video/webm" if (self.file.name or "").endswith(".webm") else "video/mp4"

    @property
    def source_url(self) -> str:
        return self.hls_url or self.file.url


# --- Authors ------------------------------------------------------------------------------


class Author(index.Indexed, ClusterableModel):
    """A writer or photographer; an author with a slug has a page listing everything they wrote."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    job_title = models.CharField(max_length=200, blank=True)
    bio = models.TextField(blank=True)
    photo = models.ForeignKey(
        BroadsheetImage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    has_page = models.BooleanField(
        default=True, help_text="Wire writers and one-off contributors may have no author page."
    )
    concept = models.OneToOneField(
        Concept,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="author",
    )
    """The author as a concept readers can follow; created with the author."""

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("job_title"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("has_page"),
        InlinePanel("links", label="Links"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return url_for("content:author", self.slug)


class AuthorLink(Orderable):
    author = ParentalKey(Author, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(max_length=100, help_text='e.g. "Email", "Mastodon"')
    url = models.URLField(max_length=500)

    panels = [FieldPanel("label"), FieldPanel("url")]

    def __str__(self) -> str:
        return self.label


# --- Publication settings -----------------------------------------------------------------


@register_setting(icon="site")
class PublicationSettings(BaseSiteSetting):
    """Name, brand and policies of the publication: settings, not code."""

    name = models.CharField(max_length=100, default="The Broadsheet")
    tagline = models.CharField(max_length=200, blank=True)
    copyright_holder = models.CharField(
        max_length=200,
        default="The Broadsheet",
        help_text="Used in the copyright line of staff articles.",
    )
    copyright_policy_url = models.CharField(
        max_length=500,
        blank=True,
        default="/about/copyright/",
        help_text="Where the copyright line links.",
    )
    accent_colour = models.CharField(
        max_length=7, default="#a4161a", help_text="A hex colour, e.g. #a4161a"
    )
    about_url = models.CharField(max_length=500, blank=True, default="/about/")
    terms_url = models.CharField(max_length=500, blank=True, default="/about/terms/")
    privacy_url = models.CharField(max_length=500, blank=True, default="/about/privacy/")

    def clean(self) -> None:
        import re

        errors = {}
        if not re.fullmatch(r"#[0-9a-fA-F]{6}", self.accent_colour):
            errors["accent_colour"] = "Give a colour as # and six hex digits."
        # These links appear on every page: a javascript: or data: URL would run for every reader.
        for field in ("copyright_policy_url", "about_url", "terms_url", "privacy_url"):
            link = getattr(self, field)
            if link and not re.fullmatch(r"(/(?![/\\])|https?://)[^\s\\]*", link, re.IGNORECASE):
                errors[field] = (
                    "Give a path on this site (/about/) or an http:// or https:// address."
                )
        if errors:
            raise ValidationError(errors)


# --- Pages --------------------------------------------------------------------------------


class HomePage(Page):
    """The front page: a lead story, top stories, a rail per section and the latest."""

    lead_story = models.ForeignKey(
        "content.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Leave empty to lead with the newest article.",
    )

    content_panels = [
        *Page.content_panels,
        PageChooserPanel("lead_story", "content.ArticlePage"),
        InlinePanel("top_stories", label="Top stories", max_num=8),
    ]
    subpage_types = ["content.SectionPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from broadsheet.core.http_cache import cache_publicly, key_for

        from .queries import front_page_context

        cache_publicly(request, key_for(self), key_for(self, listing=True))
        context = super().get_context(request, *args, **kwargs)
        context.update(front_page_context(self))
        return context


class TopStory(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="top_stories")
    article = models.ForeignKey("content.ArticlePage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("article", "content.ArticlePage")]


class SectionPage(Page):
    """A section (World, Business, ...): lists its articles, newest first, a page at a time."""

    description = models.CharField(max_length=300, blank=True)
    concept = models.OneToOneField(
        Concept,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="section",
    )
    """The section as a concept (isPrimarilyClassifiedBy); created with the section."""

    content_panels = [*Page.content_panels, FieldPanel("description")]
    subpage_types = ["content.ArticlePage"]
    parent_page_types = ["content.HomePage"]

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from broadsheet.core.http_cache import cache_publicly, key_for

        from .queries import section_page_of_articles

        cache_publicly(request, key_for(self), key_for(self, listing=True))
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = section_page_of_articles(self, cursor=request.GET.get("before"))
        return context

    def serve(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        from django.http import Http404

        from broadsheet.core.pagination import BadCursor

        try:
            return super().serve(request, *args, **kwargs)
        except BadCursor as error:
            raise Http404(str(error)) from error


class ArticlePageQuerySet(PageQuerySet):
    def published(self, *, private: Q | None = None) -> ArticlePageQuerySet:
        """Live, public articles with a publication time: what anonymous readers may list.

        ``private`` is ``Page.objects.private_q()`` when the caller already read it (a query
        of the view restrictions each time): a page that lists articles several ways reads
        the restrictions once.
        """
        return (
            self.live()
            .exclude(self.private_q() if private is None else private)
            .filter(published_at__isnull=False)
        )


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)


class ArticlePage(Page):
    """A news article. The page title is its headline."""

    display_concept = models.ForeignKey(
        Concept,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="display label (kicker)",
        help_text="The running story or topic shown above the headline; empty shows the section.",
    )
    social_headline = models.CharField(
        "SEO/social headline",
        max_length=255,
        blank=True,
        help_text="For search results and shares.",
    )
    standfirst = models.TextField(
        max_length=600, help_text="One or two sentences: what the story is."
    )
    meta_description = models.CharField(
        max_length=300, blank=True, help_text="Defaults to the standfirst."
    )
    lead_image = models.ForeignKey(
        BroadsheetImage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead_video = models.ForeignKey(
        Video,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown instead of the lead image when set.",
    )
    published_at = models.DateTimeField(null=True, editable=False, db_index=True)
    """A copy of ``first_published_at`` (kept by Wagtail across revisions), indexed with the section."""
    updated_at = models.DateTimeField(
        "last updated",
        null=True,
        blank=True,
        help_text="Set when the story has changed in substance.",
    )
    body = StreamField(ArticleBodyBlock(), blank=True)
    copyright_holder = models.CharField(
        max_length=200,
        blank=True,
        help_text="Empty: the publication. Wire copy carries its agency's.",
    )
    section = models.ForeignKey(
        SectionPage, null=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    wire_uri = models.CharField(max_length=500, null=True, blank=True, unique=True, editable=False)

    objects = ArticlePageManager()

    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.FilterField("published_at"),
        index.FilterField("section"),
    ]
    content_panels = [
        FieldPanel("title", classname="title", heading="Headline"),
        FieldPanel("standfirst"),
        MultiFieldPanel([FieldPanel("lead_image"), FieldPanel("lead_video")], heading="Lead media"),
        InlinePanel("bylines", label="Byline", min_num=1),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("updated_at"), FieldPanel("copyright_holder")],
            heading="Time and rights",
        ),
        MultiFieldPanel(
            [
                FieldPanel("display_concept"),
                SuggestionsPanel(heading="Suggested concepts"),
                InlinePanel("tags", label="Editor's decision"),
            ],
            heading="Concepts",
        ),
    ]
    promote_panels = [
        *Page.promote_panels,
        FieldPanel("social_headline"),
        FieldPanel("meta_description"),
    ]
    subpage_types: list[str] = []
    parent_page_types = ["content.SectionPage"]
    base_form_class = ArticlePageForm

    class Meta:
        indexes = [models.Index(fields=["section", "published_at"], name="article_section_time")]

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.published_at = self.first_published_at
        # mypy cannot see the FK's _id attribute while the module is being analysed.
        if self.section_id is None and self.depth:  # type: ignore[has-type]
            parent = self.get_parent()
            if parent is not None and parent.specific_class is SectionPage:
                self.section_id = parent.pk
        super().save(*args, **kwargs)

    # -- what the page shows --

    @property
    def headline(self) -> str:
        return self.title

    @property
    def kicker_concept(self) -> Concept | None:
        """Return the concept the kicker names: the display concept, else the top "about" topic
        or story (when listings prefetched it as ``kicker_candidates``); None for the section."""
        if self.display_concept is not None and self.display_concept.is_active:
            return self.display_concept
        candidates = getattr(self, "kicker_candidates", None)
        if candidates:
            concept: Concept = candidates[0].concept
            return concept
        return None

    @property
    def kicker(self) -> tuple[str, str] | None:
        """Return (label, url) of ``kicker_concept``, else of the section."""
        concept = self.kicker_concept
        if concept is not None:
            return concept.pref_label, concept.get_absolute_url()
        if self.section is not None:
            return self.section.title, self.section.url or ""
        return None

    @property
    def lead_media_kind(self) -> str:
        if self.lead_video_id:
            return "video"
        return "image" if self.lead_image_id else ""

    def copyright_line_holder(self, publication: PublicationSettings) -> str:
        return self.copyright_holder or publication.copyright_holder

    def unpublishable_reasons(self) -> list[str]:
        """Return what stops this article from being published (empty when it may be)."""
        from .blocks import images_in_body

        reasons = []
        images = [img for img in [self.lead_image, *images_in_body(self.body)] if img is not None]
        for image in images:
            if not image.alt_text.strip():
                reasons.append(
                    f'The image "{image.title}" has no alt text; add it before publishing.'
                )
        if not self.standfirst.strip():
            reasons.append("The standfirst is empty.")
        return reasons

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from .queries import article_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(article_page_context(self, request=request))
        return context

    def timestamp(self) -> tuple[str, datetime] | None:
        if self.published_at is None:
            return None
        if self.updated_at and self.updated_at > self.published_at:
            return "Updated", self.updated_at
        return "Published", self.published_at


class ArticleByline(Orderable):
    """One author on one article, with where they filed from for this article."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="bylines")
    location = models.CharField(max_length=100, blank=True, help_text='e.g. "Lisbon"')

    panels = [FieldPanel("author"), FieldPanel("location")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["page", "author"], name="one_byline_per_author")
        ]

    def __str__(self) -> str:
        return f"{self.author} in {self.location}" if self.location else str(self.author)


# --- Concept annotations ------------------------------------------------------------------


class Predicate(models.TextChoices):
    ABOUT = "about", "About"
    MAJOR_MENTIONS = "majorMentions", "Major mention"
    MENTIONS = "mentions", "Mentions"
    HAS_AUTHOR = "hasAuthor", "Has author"
    PRIMARY_SECTION = "isPrimarilyClassifiedBy", "Section"
    DISPLAY_TAG = "hasDisplayTag", "Display label"


ENGINE_PREDICATES = (Predicate.ABOUT, Predicate.MAJOR_MENTIONS, Predicate.MENTIONS)
"""Predicates the annotation engine sets, strongest first; editors may choose among them."""


class AnnotationSource(models.TextChoices):
    AUTO = "auto", "Annotation engine"
    EDITOR = "editor", "Editor"
    WIRE = "wire", "Wire sender"
    CMS = "cms", "Byline, section or kicker"


class ArticleAnnotation(models.Model):
    """A stored link from a published article to a concept, with its evidence.

    Written on publish; ``published_at`` is copied from the article and set to NULL when it is
    unpublished, so feeds read one index on (concept, published_at).
    """

    article = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="annotations")
    concept = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="+")
    predicate = models.CharField(max_length=32, choices=Predicate.choices)
    source = models.CharField(max_length=10, choices=AnnotationSource.choices)
    score = models.FloatField(default=0)
    evidence = models.JSONField(default=list, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "concept", "predicate", "source"], name="unique_annotation"
            )
        ]
        indexes = [
            models.Index(
                "concept",
                models.F("published_at").desc(),
                models.F("article").desc(),
                "predicate",
                name="annotation_feed",
            ),
            models.Index(
                fields=["published_at", "concept", "article", "predicate"], name="annotation_digest"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article_id} {self.predicate} {self.concept_id}"


class TagDecision(models.TextChoices):
    ABOUT = "about", "About"
    MAJOR_MENTIONS = "majorMentions", "Major mention"
    MENTIONS = "mentions", "Mentions"
    REJECTED = "rejected", "Rejected"


class ArticleTag(Orderable):
    """An editor's decision about one concept on one article, kept in the article's revisions.

    It overrides the engine for that concept on every re-annotation: a predicate to use, or
    ``rejected`` to leave the concept off.
    """

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="tags")
    concept = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="+")
    decision = models.CharField(
        max_length=16, choices=TagDecision.choices, default=TagDecision.ABOUT
    )

    panels = [FieldRowPanel([FieldPanel("concept"), FieldPanel("decision")])]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["page", "concept"], name="one_tag_per_concept")
        ]

    def __str__(self) -> str:
        return f"{self.concept_id}: {self.decision}"
