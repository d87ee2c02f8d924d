"""Load the demo publication into the database: site, sections, staff, media, articles, ads.

Every row is found by its key (slug, title or name) before it is made, so loading twice adds
nothing. All database work happens in one transaction; media files written by a load that fails
are deleted again.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from io import BytesIO
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.models import Collection, Page, Revision, Site
from wagtail.rich_text import RichText

from broadsheet.concepts.models import Concept

from ..models import (
    ArticleByline,
    ArticlePage,
    Author,
    AuthorLink,
    BroadsheetImage,
    HomePage,
    PublicationSettings,
    SectionPage,
    TopStory,
    Video,
)
from . import articles as article_data
from . import newsroom
from .pictures import (
    PALETTES,
    SCENES,
    draw_creative,
    draw_portrait,
    draw_scene,
    initials,
    jpeg_bytes,
    png_bytes,
)
from .schema import (
    ArticleSpec,
    BlockQuote,
    Clip,
    ClipSpec,
    Figure,
    Paragraph,
    Picture,
    PullQuote,
    Subheading,
)
from .video import find_ffmpeg, make_clip, poster_image, webvtt

DEFAULT_VIDEO_SECONDS = 53.0
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
WEEKDAY = re.compile(r"\{day([+-]\d+)?\}")
"""``{day}`` is the weekday of publication, ``{day-1}`` the day before, ``{day+3}`` three after."""

Progress = Callable[[str], None]


class DemoError(Exception):
    """The demo cannot be loaded; the message says why and what to do."""


# The ads app sits above content in the layers, so its models are looked up by name, not
# imported: the demo fills every app's rows, but content must not depend on ads.
def _ad_settings_model() -> Any:
    return apps.get_model("ads", "AdSettings")


def _house_ad_model() -> Any:
    return apps.get_model("ads", "HouseAd")


# --- Checks -------------------------------------------------------------------------------


def check_data(specs: Iterable[ArticleSpec] | None = None) -> None:
    """Check the demo data hangs together: every link, author, section, concept and scene exists.

    Raises DemoError naming the article and the broken reference.
    """
    specs = tuple(article_data.ARTICLES if specs is None else specs)
    slugs = [spec.slug for spec in specs]
    duplicates = sorted({slug for slug in slugs if slugs.count(slug) > 1})
    if duplicates:
        raise DemoError(f"Demo article slugs are used twice: {', '.join(duplicates)}.")
    sections = {s.slug for s in newsroom.SECTIONS}
    concepts = {c.slug for c in newsroom.CONCEPTS}
    authors = {a.slug for a in newsroom.AUTHORS}
    clips = {c.key for c in newsroom.CLIPS}
    known = set(slugs)
    for spec in specs:
        where = f'Demo article "{spec.slug}"'
        if spec.section not in sections:
            raise DemoError(f"{where} is filed in an unknown section {spec.section!r}.")
        if spec.concept is not None and spec.concept not in concepts:
            raise DemoError(f"{where} has an unknown display concept {spec.concept!r}.")
        if not spec.bylines:
            raise DemoError(f"{where} has no byline.")
        for byline in spec.bylines:
            if byline.author not in authors:
                raise DemoError(f"{where} is bylined to an unknown author {byline.author!r}.")
        if spec.lead_clip is not None and spec.lead_clip not in clips:
            raise DemoError(f"{where} leads with an unknown clip {spec.lead_clip!r}.")
        if spec.updated_ago is not None and spec.updated_ago >= spec.published_ago:
            raise DemoError(f"{where} is updated before it was published.")
        for picture in _pictures_of(spec):
            if picture.scene not in SCENES or picture.palette not in PALETTES:
                raise DemoError(f"{where} uses an unknown scene or palette in {picture.key!r}.")
            if not picture.alt.strip():
                raise DemoError(f"{where} has a picture without alt text: {picture.key!r}.")
        for text in _texts_of(spec):
            if "{" in WEEKDAY.sub("", text) or "}" in WEEKDAY.sub("", text):
                raise DemoError(f"{where} has a placeholder other than {{day}}: {text[:60]!r}.")
        for item in spec.body:
            if isinstance(item, Clip) and item.key not in clips:
                raise DemoError(f"{where} embeds an unknown clip {item.key!r}.")
            if isinstance(item, Paragraph):
                for _label, target in LINK.findall(item.text):
                    kind, _, key = target.partition(":")
                    if kind == "article" and key not in known:
                        raise DemoError(f"{where} links to an unknown article {key!r}.")
                    if kind == "topic" and key not in concepts:
                        raise DemoError(f"{where} links to an unknown topic {key!r}.")
                    if kind not in {"article", "topic", "https"}:
                        raise DemoError(f"{where} has a link that is not https: {target!r}.")


def _texts_of(spec: ArticleSpec) -> list[str]:
    texts = [spec.standfirst]
    for item in spec.body:
        if isinstance(item, Paragraph | Subheading):
            texts.append(item.text)
        elif isinstance(item, BlockQuote | PullQuote):
            texts += [item.quote, item.attribution]
    return texts


def _pictures_of(spec: ArticleSpec) -> list[Picture]:
    figures = [item.picture for item in spec.body if isinstance(item, Figure)]
    return [spec.lead, *figures] if spec.lead is not None else figures


def is_loaded() -> bool:
    """Return whether every demo article, author, clip and house ad is already in the database."""
    home = HomePage.objects.filter(slug=newsroom.HOME_SLUG).first()
    if home is None:
        return False
    wanted = {spec.slug for spec in article_data.ARTICLES}
    found = set(
        ArticlePage.objects.descendant_of(home)
        .filter(slug__in=wanted)
        .values_list("slug", flat=True)
    )
    authors = {a.slug for a in newsroom.AUTHORS}
    clips = {c.title for c in newsroom.CLIPS}
    ads = {a.name for a in newsroom.HOUSE_ADS}
    return (
        found == wanted
        and Author.objects.filter(slug__in=authors).count() == len(authors)
        and Video.objects.filter(title__in=clips).count() == len(clips)
        and _house_ad_model().objects.filter(name__in=ads).count() == len(ads)
    )


# --- Loading ------------------------------------------------------------------------------


@dataclass
class LoadResult:
    """What a load made, for the command's closing message."""

    created: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, count: int = 1) -> None:
        self.created[kind] = self.created.get(kind, 0) + count


class DemoLoader:
    """One load of the demo publication; use ``load()``."""

    def __init__(
        self,
        *,
        video_seconds: float = DEFAULT_VIDEO_SECONDS,
        ffmpeg: str = "ffmpeg",
        progress: Progress | None = None,
        now: datetime | None = None,
    ) -> None:
        if video_seconds <= 0:
            raise DemoError("The demo video must be longer than 0 seconds.")
        self.video_seconds = video_seconds
        self.ffmpeg_command = ffmpeg
        self.progress: Progress = progress or (lambda _line: None)
        self.now = now or timezone.now()
        self.result = LoadResult()
        self.written: list[str] = []
        self.images: dict[str, BroadsheetImage] = {}
        self.collection: Collection | None = None
        self.editor: Any = None

    def load(self) -> LoadResult:
        """Load whatever part of the demo is missing, in one transaction.

        Raises DemoError (with nothing written to the database and new media files removed)
        when ffmpeg is missing, the data is inconsistent or a media file cannot be made.
        """
        check_data()
        ffmpeg = self._ffmpeg_if_needed()
        try:
            with transaction.atomic():
                self._load(ffmpeg)
        except BaseException:
            self._remove_written_files()
            raise
        return self.result

    def _ffmpeg_if_needed(self) -> str:
        titles = {clip.title for clip in newsroom.CLIPS}
        if Video.objects.filter(title__in=titles).count() == len(titles):
            return ""
        try:
            return find_ffmpeg(self.ffmpeg_command)
        except RuntimeError as error:
            raise DemoError(str(error)) from error

    def _remove_written_files(self) -> None:
        for name in self.written:
            default_storage.delete(name)

    def _load(self, ffmpeg: str) -> None:
        self.editor = self._editor()
        self.collection = self._collection()
        home = self._home()
        site = self._site(home)
        self._settings(site)
        sections = self._sections(home)
        concepts = self._concepts()
        authors = self._authors()
        clips = self._clips(ffmpeg)
        self._house_ads(sections)
        pages = self._articles(sections=sections, concepts=concepts, authors=authors, clips=clips)
        self._front_page(home, pages)

    # -- people, collection, site --

    def _editor(self) -> Any:
        users = get_user_model()
        editor = users.objects.filter(username=newsroom.EDITOR_USERNAME).first()
        if editor is None:
            editor = users.objects.create_superuser(
                username=newsroom.EDITOR_USERNAME,
                email=newsroom.EDITOR_EMAIL,
                password=newsroom.EDITOR_PASSWORD,
                first_name="Demo",
                last_name="Editor",
            )
            self.result.add("staff users")
            self.progress(f'Staff: superuser "{newsroom.EDITOR_USERNAME}" created')
        return editor

    def _collection(self) -> Collection:
        root = Collection.get_first_root_node()
        existing = root.get_children().filter(name=newsroom.COLLECTION_NAME).first()
        if existing is not None:
            return existing
        return root.add_child(instance=Collection(name=newsroom.COLLECTION_NAME))

    def _home(self) -> HomePage:
        home = HomePage.objects.filter(slug=newsroom.HOME_SLUG).first()
        if home is not None:
            return home
        other = HomePage.objects.first()
        if other is not None:
            raise DemoError(
                f'This database already has a front page, "{other.title}", that the demo did '
                "not make. Load the demo into an empty database: make clean, then make demo."
            )
        home = HomePage(
            title=newsroom.HOME_TITLE, slug=newsroom.HOME_SLUG, live=False, owner=self.editor
        )
        Page.get_first_root_node().add_child(instance=home)
        home.save_revision(user=self.editor).publish(user=self.editor)
        self.result.add("pages")
        self.progress(f"Front page: {home.title}")
        return home

    def _site(self, home: HomePage) -> Site:
        """Make the demo's front page the root of the default site on localhost:80."""
        site = Site.objects.filter(root_page=home).first()
        if site is not None:
            return site
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site.objects.filter(hostname="localhost", port=80).first()
        welcome = site.root_page if site is not None else None
        if site is None:
            site = Site(hostname="localhost", port=80)
        site.root_page = home
        site.is_default_site = True
        site.hostname, site.port = "localhost", 80
        site.site_name = newsroom.SITE_NAME
        site.save()
        if welcome is not None and _is_wagtail_welcome_page(welcome):
            welcome.delete()
        self.progress("Site: localhost:80 serves the demo front page")
        return site

    def _settings(self, site: Site) -> None:
        publication = PublicationSettings.objects.filter(site=site).first()
        default_name = PublicationSettings._meta.get_field("name").get_default()
        if publication is None or publication.name == default_name:
            publication = publication or PublicationSettings(site=site)
            publication.name = newsroom.PUBLICATION.name
            publication.tagline = newsroom.PUBLICATION.tagline
            publication.copyright_holder = newsroom.PUBLICATION.copyright_holder
            publication.accent_colour = newsroom.PUBLICATION.accent_colour
            publication.full_clean()
            publication.save()
            self.progress(f"Settings: {publication.name}, {publication.tagline}")
        ad_settings_model = _ad_settings_model()
        if not ad_settings_model.objects.filter(site=site).exists():
            ad_settings = ad_settings_model(
                site=site, is_enabled=True, first_after_paragraph=3, every_paragraphs=6
            )
            ad_settings.full_clean()
            ad_settings.save()
            self.progress("Settings: ads after paragraph 3, then every 6")

    # -- sections, concepts, authors --

    def _sections(self, home: HomePage) -> dict[str, SectionPage]:
        sections: dict[str, SectionPage] = {}
        for spec in newsroom.SECTIONS:
            section = SectionPage.objects.child_of(home).filter(slug=spec.slug).first()
            if section is None:
                section = SectionPage(
                    title=spec.title,
                    slug=spec.slug,
                    description=spec.description,
                    live=False,
                    owner=self.editor,
                    show_in_menus=True,
                )
                home.add_child(instance=section)
                section.save_revision(user=self.editor).publish(user=self.editor)
                self.result.add("pages")
                self.progress(f"Sections: {section.title}")
            sections[spec.slug] = section
        return sections

    def _concepts(self) -> dict[str, Concept]:
        concepts: dict[str, Concept] = {}
        for spec in newsroom.CONCEPTS:
            concept = Concept.objects.filter(slug=spec.slug).first()
            if concept is None:
                concept = Concept.objects.create(
                    slug=spec.slug,
                    pref_label=spec.label,
                    type=spec.type,
                    description=spec.description,
                )
                self.result.add("concepts")
            concepts[spec.slug] = concept
        self.progress(f"Concepts: {', '.join(c.pref_label for c in concepts.values())}")
        return concepts

    def _authors(self) -> dict[str, Author]:
        authors: dict[str, Author] = {}
        for spec in newsroom.AUTHORS:
            author = Author.objects.filter(slug=spec.slug).first()
            if author is None:
                photo = self._image(
                    key=f"portrait-{spec.slug}",
                    title=f"Portrait of {spec.name}",
                    image=draw_portrait(spec.name, colour=spec.colour),
                    alt=f"Portrait card of {spec.name}: the initials {initials(spec.name)} "
                    "on a coloured background",
                    caption=spec.name,
                    credit="Meridian Post/Design desk",
                )
                author = Author.objects.create(
                    slug=spec.slug,
                    name=spec.name,
                    job_title=spec.job_title,
                    bio=spec.bio,
                    photo=photo,
                    has_page=spec.has_page,
                )
                for order, (label, url) in enumerate(spec.links):
                    AuthorLink.objects.create(author=author, label=label, url=url, sort_order=order)
                self.result.add("authors")
                self.progress(f"Authors: {author.name}, {author.job_title}")
            authors[spec.slug] = author
        return authors

    # -- media --

    def _image(
        self,
        *,
        key: str,
        title: str,
        image: PILImage.Image,
        alt: str,
        caption: str,
        credit: str,
        licence: str = "all-rights-reserved",
        png: bool = False,
    ) -> BroadsheetImage:
        """Return the demo image called ``title``, saving the drawn ``image`` if it is new."""
        if title in self.images:
            return self.images[title]
        existing = BroadsheetImage.objects.filter(collection=self.collection, title=title).first()
        if existing is not None:
            self.images[title] = existing
            return existing
        data = png_bytes(image) if png else jpeg_bytes(image)
        name = f"{key}.{'png' if png else 'jpg'}"
        stored = BroadsheetImage(
            title=title,
            file=ImageFile(BytesIO(data), name=name),
            collection=self.collection,
            alt_text=alt,
            caption=caption,
            credit=credit,
            licence=licence,
            uploaded_by_user=self.editor,
        )
        stored._set_image_file_metadata()
        stored.full_clean()
        stored.save()
        self.written.append(stored.file.name)
        self.images[title] = stored
        self.result.add("images")
        return stored

    def _picture(self, picture: Picture) -> BroadsheetImage:
        return self._image(
            key=picture.key,
            title=picture.title,
            image=draw_scene(picture.scene, palette=picture.palette, seed=picture.key),
            alt=picture.alt,
            caption=picture.caption,
            credit=picture.credit,
            licence=picture.licence,
        )

    def _clips(self, ffmpeg: str) -> dict[str, Video]:
        videos: dict[str, Video] = {}
        for spec in newsroom.CLIPS:
            video = Video.objects.filter(title=spec.title).first()
            if video is None:
                video = self._clip(spec, ffmpeg=ffmpeg)
            videos[spec.key] = video
        return videos

    def _clip(self, spec: ClipSpec, *, ffmpeg: str) -> Video:
        seconds = min(self.video_seconds, spec.max_seconds or self.video_seconds)
        poster = self._image(
            key=spec.poster.key,
            title=spec.poster.title,
            image=poster_image(spec),
            alt=spec.poster.alt,
            caption=spec.caption,
            credit=spec.credit,
        )
        try:
            data = make_clip(spec, seconds=seconds, ffmpeg=ffmpeg)
        except RuntimeError as error:
            raise DemoError(str(error)) from error
        video = Video(
            title=spec.title,
            poster=poster,
            caption=spec.caption,
            credit=spec.credit,
            captions_language="en",
        )
        video.file = SimpleUploadedFile(f"{spec.key}.mp4", data, content_type="video/mp4")
        video.captions = SimpleUploadedFile(
            f"{spec.key}.vtt",
            webvtt(spec.cues, seconds=seconds).encode(),
            content_type="text/vtt",
        )
        try:
            # Validation probes the upload with ffprobe: the duration is read, never typed.
            video.full_clean()
        except ValidationError as error:
            raise DemoError(
                f'The demo video "{spec.title}" was refused: {_messages(error)}'
            ) from error
        video.save()
        self.written += [video.file.name, video.captions.name]
        self.result.add("videos")
        self.progress(f"Video: {video.title} ({video.duration_label}, captioned)")
        return video

    def _house_ads(self, sections: dict[str, SectionPage]) -> None:
        house_ad_model = _house_ad_model()
        for spec in newsroom.HOUSE_ADS:
            if house_ad_model.objects.filter(name=spec.name).exists():
                continue
            creative = draw_creative(
                size=spec.size,
                brand=spec.brand,
                headline=spec.headline,
                offer=spec.offer,
                button=spec.button,
                background=spec.background,
                accent=spec.accent,
            )
            image = self._image(
                key=f"ad-{_slug(spec.name)}",
                title=f"House ad: {spec.name}",
                image=creative,
                alt=spec.alt_text,
                caption=spec.name,
                credit="Meridian Post/Marketing",
                png=True,
            )
            ad: Any = house_ad_model(
                name=spec.name,
                image=image,
                link_url=spec.link_url,
                alt_text=spec.alt_text,
                is_active=True,
            )
            ad.sections = [sections[slug] for slug in spec.section_slugs]
            ad.full_clean()
            ad.save()
            self.result.add("house ads")
            where = ", ".join(sections[s].title for s in spec.section_slugs) or "every section"
            self.progress(f"House ads: {spec.name} ({spec.size[0]}x{spec.size[1]}, {where})")

    # -- articles and the front page --

    def _articles(
        self,
        *,
        sections: dict[str, SectionPage],
        concepts: dict[str, Concept],
        authors: dict[str, Author],
        clips: dict[str, Video],
    ) -> dict[str, ArticlePage]:
        """Create every missing article, then write and publish their bodies.

        Bodies link to each other, so every page must exist (and have an id) before any body
        is written.
        """
        specs = article_data.ARTICLES
        pages: dict[str, ArticlePage] = {}
        new: list[ArticleSpec] = []
        for spec in specs:
            section = sections[spec.section]
            page = ArticlePage.objects.child_of(section).filter(slug=spec.slug).first()
            if page is None:
                page = self._article_page(
                    spec, section=section, concepts=concepts, authors=authors, clips=clips
                )
                new.append(spec)
            pages[spec.slug] = page
        for number, spec in enumerate(new, start=1):
            page = pages[spec.slug]
            page.body = [
                self._block(
                    item, pages=pages, clips=clips, published_at=self.now - spec.published_ago
                )
                for item in spec.body
            ]
            revision = page.save_revision(user=self.editor)
            revision.publish(user=self.editor)
            moment = self.now - (spec.updated_ago or spec.published_ago)
            # Date the admin history like the story: published (or last updated) when it says.
            Revision.objects.filter(pk=revision.pk).update(created_at=moment)
            ArticlePage.objects.filter(pk=page.pk).update(last_published_at=moment)
            self.result.add("pages")
            self.progress(f"[{number}/{len(new)}] Articles: {_shorten(spec.headline)}")
        return pages

    def _article_page(
        self,
        spec: ArticleSpec,
        *,
        section: SectionPage,
        concepts: dict[str, Concept],
        authors: dict[str, Author],
        clips: dict[str, Video],
    ) -> ArticlePage:
        published_at = self.now - spec.published_ago
        page = ArticlePage(
            title=spec.headline,
            slug=spec.slug,
            standfirst=with_weekdays(spec.standfirst, published_at=published_at),
            lead_image=self._picture(spec.lead) if spec.lead is not None else None,
            lead_video=clips[spec.lead_clip] if spec.lead_clip is not None else None,
            display_concept=concepts[spec.concept] if spec.concept is not None else None,
            first_published_at=published_at,
            updated_at=self.now - spec.updated_ago if spec.updated_ago is not None else None,
            copyright_holder=spec.copyright_holder,
            wire_uri=spec.wire_uri,
            live=False,
            owner=self.editor,
        )
        section.add_child(instance=page)
        for order, byline in enumerate(spec.bylines):
            ArticleByline.objects.create(
                page=page,
                author=authors[byline.author],
                location=byline.location,
                sort_order=order,
            )
        return page

    def _block(
        self,
        item: object,
        *,
        pages: dict[str, ArticlePage],
        clips: dict[str, Video],
        published_at: datetime,
    ) -> tuple[str, Any]:
        def dated(text: str) -> str:
            return with_weekdays(text, published_at=published_at)

        if isinstance(item, Paragraph):
            return ("paragraph", RichText(_rich_text(dated(item.text), pages=pages)))
        if isinstance(item, Subheading):
            return ("subheading", dated(item.text))
        if isinstance(item, BlockQuote | PullQuote):
            kind = "blockquote" if isinstance(item, BlockQuote) else "pullquote"
            return (kind, {"quote": dated(item.quote), "attribution": dated(item.attribution)})
        if isinstance(item, Figure):
            return ("image", {"image": self._picture(item.picture), "caption": item.caption})
        if isinstance(item, Clip):
            return ("video", clips[item.key])
        raise DemoError(f"The demo has a body item it cannot write: {item!r}.")

    def _front_page(self, home: HomePage, pages: dict[str, ArticlePage]) -> None:
        if home.lead_story_id is not None or home.top_stories.exists():
            return
        home.lead_story = pages[article_data.LEAD_STORY]
        home.top_stories = [
            TopStory(article=pages[slug], sort_order=order)
            for order, slug in enumerate(article_data.TOP_STORIES)
        ]
        home.save_revision(user=self.editor).publish(user=self.editor)
        self.progress(
            f"Front page: leads with {_shorten(home.lead_story.title)}, "
            f"{len(article_data.TOP_STORIES)} top stories"
        )


# --- Removing -----------------------------------------------------------------------------


def remove_demo() -> None:
    """Delete everything the demo made except the editor's account, in one transaction.

    Pages, the site and its settings, demo authors, concepts, videos, house ads and the demo
    image collection go. Video files are deleted once the transaction commits; image files and
    renditions are deleted by Wagtail's file-deletion task, which the task worker runs.
    """
    with transaction.atomic():
        home = HomePage.objects.filter(slug=newsroom.HOME_SLUG).first()
        if home is not None:
            home.delete()
        _house_ad_model().objects.filter(name__in=[a.name for a in newsroom.HOUSE_ADS]).delete()
        Author.objects.filter(slug__in=[a.slug for a in newsroom.AUTHORS]).delete()
        Concept.objects.filter(slug__in=[c.slug for c in newsroom.CONCEPTS]).delete()
        files: list[str] = []
        for video in Video.objects.filter(title__in=[c.title for c in newsroom.CLIPS]):
            files += [name for name in (video.file.name, video.captions.name) if name]
            video.delete()
        collection = (
            Collection.get_first_root_node()
            .get_children()
            .filter(name=newsroom.COLLECTION_NAME)
            .first()
        )
        if collection is not None:
            for image in BroadsheetImage.objects.filter(collection=collection):
                image.delete()
            collection.delete()

        def delete_files() -> None:
            for name in files:
                default_storage.delete(name)

        transaction.on_commit(delete_files)


# --- Helpers ------------------------------------------------------------------------------


def with_weekdays(text: str, *, published_at: datetime) -> str:
    """Return ``text`` with each ``{day±N}`` replaced by a weekday counted from publication.

    The demo's times move with the moment it is loaded, so its weekdays must move with them.
    """
    local = timezone.localtime(published_at)

    def weekday(match: re.Match[str]) -> str:
        return (local + timedelta(days=int(match.group(1) or 0))).strftime("%A")

    return WEEKDAY.sub(weekday, text)


def _is_wagtail_welcome_page(page: Page) -> bool:
    """Return whether ``page`` is the placeholder "Welcome" page of Wagtail's first migration."""
    return (
        page.specific_class is Page
        and page.depth == 2
        and page.numchild == 0
        and not Site.objects.filter(root_page=page).exists()
    )


def _rich_text(text: str, *, pages: dict[str, ArticlePage]) -> str:
    """Return paragraph HTML for ``text``, turning its link markup into Wagtail links."""

    def link(match: re.Match[str]) -> str:
        label, target = match.group(1), match.group(2)
        kind, _, key = target.partition(":")
        if kind == "article":
            return f'<a linktype="page" id="{pages[key].pk}">{label}</a>'
        if kind == "topic":
            return f'<a href="{reverse("content:concept", kwargs={"slug": key})}">{label}</a>'
        return f'<a href="{html.escape(target)}">{label}</a>'

    return f"<p>{LINK.sub(link, html.escape(text, quote=False))}</p>"


def _messages(error: ValidationError) -> str:
    return " ".join(str(message) for message in error.messages)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
