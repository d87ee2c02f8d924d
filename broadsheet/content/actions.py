"""Changes to content: the one path that views, admin, commands and tasks go through."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from .ingest.bylines import BylineEntry
from .ingest.html import MediaBlock, ParagraphBlock, QuoteBlock, SubheadingBlock
from .ingest.media import Fetcher, MediaImporter
from .ingest.ninjs import NinjsError, NinjsItem, parse_item
from .models import ArticleByline, ArticlePage, Author, BroadsheetImage, SectionPage, Video
from .wire_tags import apply_wire_tags

AUTHOR_NAME_MAX_CHARS = 200
LOCATION_MAX_CHARS = 100
SLUG_MAX_CHARS = 80

_MODEL_FIELD_TO_NINJS = {
    "title": "headlines",
    "social_headline": "headlines (social)",
    "standfirst": "descriptions",
    "copyright_holder": "copyrightholder",
    "wire_uri": "uri",
    "body": "bodies",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportResult:
    page: ArticlePage
    created: bool
    """False when an article with the item's uri existed and got a new revision."""
    published: bool
    """True when the new revision went live."""
    scheduled: bool
    """True when publishing was asked for and an embargo holds the revision back until then."""
    warnings: tuple[str, ...]

    @property
    def state(self) -> str:
        """Return "published", "scheduled" or "draft"."""
        if self.published:
            return "published"
        return "scheduled" if self.scheduled else "draft"


def import_ninjs_item(
    data: object,
    *,
    base_dir: Path | None,
    section: SectionPage,
    publish: bool,
    user: Any = None,
    fetcher: Fetcher | None = None,
) -> ImportResult:
    """Create or update the article for one decoded ninjs item, as a draft or published.

    An article whose ``wire_uri`` is the item's uri gets a new revision (it stays in its own
    section); otherwise a new article is added to ``section``. Media hrefs are read relative to
    ``base_dir`` or fetched with ``fetcher`` (the guarded fetcher by default). Raises NinjsError
    naming the field at fault, or saying what ``user`` may not do; then nothing of the item is
    kept: its rows roll back and the media files it stored are deleted.
    """
    item = parse_item(data)
    existing = ArticlePage.objects.filter(wire_uri=item.uri).first()
    _authorise(user, existing=existing, section=section, publish=publish)
    media = MediaImporter(base_dir=base_dir, **({"fetcher": fetcher} if fetcher else {}))
    try:
        with transaction.atomic():
            return _import(item, existing=existing, section=section, publish=publish,
                           user=user, media=media)  # fmt: skip
    except BaseException:
        media.discard()
        raise
    finally:
        media.close()


def _authorise(
    user: Any, *, existing: ArticlePage | None, section: SectionPage, publish: bool
) -> None:
    if user is None:
        return
    if existing is not None:
        permissions = existing.permissions_for_user(user)
        if not permissions.can_edit():
            raise NinjsError("uri", f'you may not edit "{existing.title}", which has this uri.')
        if publish and not permissions.can_publish():
            raise NinjsError("", f'you may not publish "{existing.title}"; import it as a draft.')
        return
    section_permissions = section.permissions_for_user(user)
    if not section_permissions.can_add_subpage():
        raise NinjsError("", f"you may not add articles to {section.title}.")
    if publish and not section_permissions.can_publish_subpage():
        raise NinjsError("", f"you may not publish in {section.title}; import as drafts.")


def _import(
    item: NinjsItem,
    *,
    existing: ArticlePage | None,
    section: SectionPage,
    publish: bool,
    user: Any,
    media: MediaImporter,
) -> ImportResult:
    lead: BroadsheetImage | Video | None = None
    if item.lead_key:
        lead = media.media_for(item.association(item.lead_key), require_alt_text=publish)
    body = _body(item, media=media, publish=publish)
    bylines = _bylines(item)

    if existing is None:
        page = ArticlePage(
            slug=_free_slug(section, item.headline),
            owner=user,
            live=False,
            has_unpublished_changes=True,
            wire_uri=item.uri,
            first_published_at=item.first_created_at,
        )
    else:
        page = existing.get_latest_revision_as_object()
    page.title = item.headline
    page.draft_title = item.headline
    page.social_headline = item.social_headline
    page.standfirst = item.standfirst
    page.body = body
    page.lead_image = lead if isinstance(lead, BroadsheetImage) else None
    page.lead_video = lead if isinstance(lead, Video) else None
    page.copyright_holder = item.copyright_holder
    first_at = item.first_created_at or page.first_published_at
    if item.version_created_at and first_at and item.version_created_at > first_at:
        page.updated_at = item.version_created_at
    if item.embargoed_until is not None:
        page.go_live_at = item.embargoed_until
    page.bylines = [
        ArticleByline(author=author, location=location, sort_order=order)
        for order, (author, location) in enumerate(bylines)
    ]

    try:
        if existing is None:
            section.add_child(instance=page)
        elif existing.first_published_at is None and item.first_created_at is not None:
            # Wagtail keeps first_published_at out of revisions, so set it on the row itself.
            ArticlePage.objects.filter(pk=page.pk).update(
                first_published_at=item.first_created_at, published_at=item.first_created_at
            )
            page.first_published_at = item.first_created_at
        revision = page.save_revision(user=user, log_action=True)
    except ValidationError as error:
        raise _as_ninjs_error(error) from error
    suggested = apply_wire_tags(page, item.tags)
    if publish:
        revision.publish(user=user)
    page = ArticlePage.objects.get(pk=page.pk)
    warnings = item.warnings + tuple(
        f'The sender\'s tag "{label}" is new: it was added as a suggested concept for review.'
        for label in suggested
    )
    return ImportResult(
        page=page,
        created=existing is None,
        published=publish and page.live,
        scheduled=publish and not page.live,
        warnings=warnings,
    )


def _body(item: NinjsItem, *, media: MediaImporter, publish: bool) -> list[tuple[str, Any]]:
    stream = ArticlePage.body.field.stream_block
    blocks: list[tuple[str, Any]] = []
    for block in item.body:
        if isinstance(block, ParagraphBlock):
            blocks.append(("paragraph", stream.child_blocks["paragraph"].normalize(block.html)))
        elif isinstance(block, SubheadingBlock):
            blocks.append(("subheading", block.text))
        elif isinstance(block, QuoteBlock):
            value = {"quote": block.quote, "attribution": block.attribution}
            blocks.append(("blockquote", stream.child_blocks["blockquote"].normalize(value)))
        elif isinstance(block, MediaBlock):
            placed = media.media_for(item.association(block.key), require_alt_text=publish)
            if isinstance(placed, Video):
                blocks.append(("video", placed))
            else:
                value = {"image": placed, "caption": ""}
                blocks.append(("image", stream.child_blocks["image"].normalize(value)))
    return blocks


def _bylines(item: NinjsItem) -> list[tuple[Author, str]]:
    """Return (author, location) for each name, matching authors by name in any case."""
    entries = list(item.byline)
    if not entries and item.copyright_holder:
        # Agency copy without a byline is credited to the agency, as a wire writer.
        entries = [BylineEntry(name=item.copyright_holder, location="")]
    if not entries:
        raise NinjsError("by", "no byline and no copyright holder to credit; give a byline.")
    bylines: list[tuple[Author, str]] = []
    for entry in entries:
        if len(entry.name) > AUTHOR_NAME_MAX_CHARS:
            raise NinjsError("by", f'the name "{entry.name[:60]}…" is too long for an author.')
        if len(entry.location) > LOCATION_MAX_CHARS:
            raise NinjsError(
                "by",
                f'the location "{entry.location[:60]}…" is longer than {LOCATION_MAX_CHARS} characters.',
            )
        author = Author.objects.filter(name__iexact=entry.name).order_by("pk").first()
        if author is None:
            author = Author.objects.create(
                name=entry.name, slug=_free_author_slug(entry.name), has_page=False
            )
        if all(author.pk != known.pk for known, _location in bylines):
            bylines.append((author, entry.location))
    return bylines


def _free_author_slug(name: str) -> str:
    base = slugify(name)[:SLUG_MAX_CHARS].strip("-") or "author"
    slug, number = base, 1
    while Author.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _free_slug(section: SectionPage, headline: str) -> str:
    base = slugify(headline)[:SLUG_MAX_CHARS].strip("-") or "article"
    taken = set(section.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def _as_ninjs_error(error: ValidationError) -> NinjsError:
    if hasattr(error, "error_dict"):
        for name, messages in error.message_dict.items():
            return NinjsError(_MODEL_FIELD_TO_NINJS.get(name, name), " ".join(messages))
    return NinjsError("", " ".join(error.messages))
