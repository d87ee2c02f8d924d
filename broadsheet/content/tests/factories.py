"""Factories for content: images made with Pillow, authors, sections and published articles."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import factory
from django.core.files.images import ImageFile
from django.test import TestCase
from PIL import Image as PILImage
from wagtail.models import Locale, Page, Site

from broadsheet.concepts.models import Concept
from broadsheet.content.models import (
    ArticleByline,
    ArticlePage,
    Author,
    BroadsheetImage,
    HomePage,
    SectionPage,
)


def image_file(
    *,
    width: int = 1600,
    height: int = 900,
    colour: tuple[int, int, int] = (40, 90, 140),
    name: str = "photo.jpg",
) -> ImageFile:
    buffer = BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, "JPEG")
    buffer.seek(0)
    return ImageFile(buffer, name=name)


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BroadsheetImage

    title = factory.Sequence(lambda n: f"Photo {n}")
    file = factory.LazyFunction(image_file)
    alt_text = "A quay at dusk with fishing boats tied up"
    caption = "Fishing boats at the quay"
    credit = "Wirephoto/Rosa Marin"


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Writer Number{n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))
    job_title = "Correspondent"


class ConceptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Concept
        django_get_or_create = ("slug",)

    pref_label = factory.Sequence(lambda n: f"Running story {n}")
    slug = factory.LazyAttribute(lambda o: o.pref_label.lower().replace(" ", "-"))
    type = "story"


def make_site() -> tuple[HomePage, SectionPage]:
    """Return the front page and a "World" section, creating the tree on first call."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        if root is None:
            # A browser test (transactional) flushed the tree Wagtail's migrations made.
            Locale.objects.get_or_create(language_code="en-gb")
            root = Page.add_root(instance=Page(title="Root", slug="root"))
        home = root.add_child(instance=HomePage(title="Front page", slug="front"))
        Site.objects.all().delete()
        Site.objects.create(
            hostname="testserver", port=80, root_page=home, is_default_site=True, site_name="Test"
        )
    section = SectionPage.objects.child_of(home).filter(slug="world").first()
    if section is None:
        section = home.add_child(instance=SectionPage(title="World", slug="world"))
    return home, section


def paragraphs(count: int) -> list[tuple[str, str]]:
    return [
        ("paragraph", f"<p>Paragraph {n} of the report, with its own facts.</p>")
        for n in range(1, count + 1)
    ]


def make_article(
    *,
    section: SectionPage,
    title: str = "Harbour workers vote to end strike",
    standfirst: str = "Dockers accepted a two-year pay deal after nine days off the job.",
    body: list[tuple[str, Any]] | None = None,
    authors: list[tuple[Author, str]] | None = None,
    publish: bool = True,
    **fields: Any,
) -> ArticlePage:
    """Create an article under ``section`` with bylines and, unless told otherwise, publish it."""
    article = ArticlePage(
        title=title,
        live=publish,
        standfirst=standfirst,
        body=body if body is not None else paragraphs(5),
        **fields,
    )
    section.add_child(instance=article)
    for order, (author, location) in enumerate(authors or [(AuthorFactory(), "")]):
        ArticleByline.objects.create(
            page=article, author=author, location=location, sort_order=order
        )
    revision = article.save_revision()
    if publish:
        # Run what publishing defers to the commit (annotation), as a real request would.
        with TestCase.captureOnCommitCallbacks(execute=True):
            revision.publish()
    article.refresh_from_db()
    return article
