"""The closed set of body blocks. No raw HTML block exists; rich text is sanitised on the way in."""

import copy
from collections.abc import Hashable, Iterable
from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock, EmbedValue
from wagtail.embeds.templatetags.wagtailembeds_tags import embed_tag
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page
from wagtail.rich_text import RichText, features, get_rewriter
from wagtail.rich_text.rewriters import (
    FIND_A_TAG,
    LinkRewriter,
    MultiRuleRewriter,
    extract_attrs,
)
from wagtail.snippets.blocks import SnippetChooserBlock

from broadsheet.core.memo import PureMemo
from broadsheet.core.prepared import PreparedByIds

from . import rendering
from .page_urls import page_urls
from .sanitise import clean_rich_text
from .typography import smart_quotes_html

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]

OEMBED_ALLOWED_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "youtu.be",
    "vimeo.com",
    "www.vimeo.com",
    "player.vimeo.com",
}
"""Hosts whose oEmbed players may appear in an article; anything else is refused on save."""

MEDIA_BLOCK_TYPES = frozenset({"image", "video", "embed"})
"""Block types that count as media: ad slots never sit next to them."""


def _page_rows() -> QuerySet[Page]:
    # What a page's URL is built from (``page_urls``).
    return Page.objects.values_list("id", "url_path")  # type: ignore[return-value]


_linked_pages = PreparedByIds(_page_rows)


class PageLinks:
    """The pages that a set of rich text values link to, fetched in one query on first use.

    Wagtail resolves the page links of each rich text value on its own (two queries per
    paragraph with a link); the paragraphs of one body share this instead. Only each page's id
    and ``url_path`` are read, no instance: no page type here changes how its URL is built
    (``page_urls``).
    """

    def __init__(self, sources: list[str]) -> None:
        self.ids = {
            page_id for source in sources for page_id in _page_link_ids(source) if page_id.isdigit()
        }
        self._urls: dict[str, str | None] | None = None
        self._rewriter: MultiRuleRewriter | None = None

    def _page_urls(self) -> dict[str, str | None]:
        if self._urls is None:
            found = _linked_pages.rows([int(page_id) for page_id in self.ids])
            self._urls = {str(pk): url for pk, url in page_urls(found).items()}
        return self._urls

    def urls(self, ids: Iterable[str]) -> tuple[tuple[bool, str | None], ...]:
        """Return, for each page id, whether the page exists and its current URL."""
        urls = self._page_urls()
        return tuple((page_id in urls, urls.get(page_id)) for page_id in ids)

    def _expand_page_links(self, attrs_list: list[dict[str, str]]) -> list[str]:
        urls = self._page_urls()
        return [
            f'<a href="{escape(urls[page_id])}">' if page_id in urls else "<a>"
            for page_id in (str(attrs.get("id")) for attrs in attrs_list)
        ]

    def rewriter(self) -> MultiRuleRewriter:
        """Return Wagtail's rich text rewriter with page links read from this batch."""
        if self._rewriter is None:
            link_types = features.get_link_types()
            rules = {
                name: handler.expand_db_attributes_many for name, handler in link_types.items()
            }
            rules["page"] = self._expand_page_links
            rewriters = [
                LinkRewriter(
                    bulk_rules=rules,
                    reference_extractors={
                        name: handler.extract_references for name, handler in link_types.items()
                    },
                )
                if isinstance(rewriter, LinkRewriter)
                else rewriter
                for rewriter in get_rewriter().rewriters
            ]
            self._rewriter = MultiRuleRewriter(rewriters)
        return self._rewriter


class LinkedRichText(RichText):
    """Rich text that resolves its page links with the other paragraphs of its body."""

    def __init__(self, source: str, links: PageLinks) -> None:
        super().__init__(source)
        self.links = links

    def __html__(self) -> str:
        if not self.links.ids:
            return super().__html__()
        html = self.links.rewriter()(self.source)
        return render_to_string("wagtailcore/shared/richtext.html", {"html": html})


_paragraphs: PureMemo[SafeString] = PureMemo("content.paragraph_html")
"""A paragraph block's HTML by its source and the current URL of each page it links to."""


def paragraph_html(value: RichText) -> SafeString:
    """Return a paragraph block's ``<div class="body-text">`` with typographic quotes.

    Kept per process under the sanitised source and the current URL of every page it links
    to, so a page moved or renamed gives a new key. A link of any other type (a document, an
    email link) leaves the paragraph unkept: its output would depend on rows not in the key.
    """
    source = value.source
    targets = link_targets(source)
    if targets is None:
        return _render_paragraph(value)
    if targets:
        links = value.links if isinstance(value, LinkedRichText) else PageLinks([source])
        key: Hashable = (source, links.urls(targets))
    else:
        key = source
    return _paragraphs.get(key, lambda: _render_paragraph(value))


def _render_paragraph(value: RichText) -> SafeString:
    rich = smart_quotes_html(str(value.__html__()))
    return mark_safe(f'<div class="body-text">{rich}</div>\n')  # noqa: S308 - sanitised rich text


_link_targets: PureMemo[tuple[str, ...] | None] = PureMemo("content.rich_text_links")


def link_targets(source: str) -> tuple[str, ...] | None:
    """Return the ids of the pages rich text links to, or None when it has another link type."""
    return _link_targets.get(source, lambda: _find_link_targets(source))


def _page_link_ids(source: str) -> tuple[str, ...]:
    targets = link_targets(source)
    if targets is not None:
        return targets
    return tuple(
        attrs.get("id", "")
        for match in FIND_A_TAG.finditer(source)
        if (attrs := extract_attrs(match.group(1))).get("linktype") == "page"
    )


def _find_link_targets(source: str) -> tuple[str, ...] | None:
    ids: list[str] = []
    for match in FIND_A_TAG.finditer(source):
        attrs = extract_attrs(match.group(1))
        link_type = attrs.get("linktype")
        if link_type is None:
            continue
        if link_type != "page":
            return None
        ids.append(attrs.get("id", ""))
    return tuple(ids)


class SafeRichTextBlock(blocks.RichTextBlock):
    """Rich text whose HTML is run through the allowlist sanitiser whenever it is stored."""

    def get_prep_value(self, value: Any) -> str:
        source = value.source if isinstance(value, RichText) else str(value or "")
        return clean_rich_text(source)

    def to_python(self, value: Any) -> RichText:
        return RichText(clean_rich_text(value or ""))

    def bulk_to_python(self, values: Any) -> list[RichText]:
        """Read every paragraph of a body at once, sharing one lookup of the pages they link."""
        sources = [clean_rich_text(value or "") for value in values]
        links = PageLinks(sources)
        return [LinkedRichText(source, links) for source in sources]


class ParagraphBlock(SafeRichTextBlock):
    def render_basic(self, value: Any, context: Any = None) -> SafeString:
        return paragraph_html(value)


class SubheadingBlock(blocks.CharBlock):
    def render_basic(self, value: Any, context: Any = None) -> SafeString:
        return rendering.subheading(value)


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(max_length=2000)
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"


class BlockQuoteBlock(QuoteBlock):
    def render_basic(self, value: Any, context: Any = None) -> SafeString:
        return rendering.blockquote(value["quote"], value["attribution"])


class PullQuoteBlock(QuoteBlock):
    def render_basic(self, value: Any, context: Any = None) -> SafeString:
        return rendering.pullquote(value["quote"], value["attribution"])


def _image_rows() -> QuerySet[Any]:
    from wagtail.images import get_image_model

    return get_image_model().objects.all()


_body_images = PreparedByIds(_image_rows)


class BodyImageChooserBlock(ImageChooserBlock):
    def bulk_to_python(self, values: Any) -> list[Any]:
        """Read a body's images in one query compiled once per number of images."""
        found = {image.pk: image for image in _body_images.all([v for v in values if v])}
        seen: set[Any] = set()
        images = []
        for image_id in values:
            image = found.get(image_id)
            if image is not None and image_id in seen:
                # The same image twice: each block gets its own instance, as Wagtail does.
                image = copy.copy(image)
            seen.add(image_id)
            images.append(image)
        return images


class ArticleImageBlock(blocks.StructBlock):
    image = BodyImageChooserBlock()
    caption = blocks.CharBlock(
        required=False, max_length=500, help_text="Leave empty to use the image's own caption."
    )

    class Meta:
        icon = "image"

    def render_basic(self, value: Any, context: Any = None) -> SafeString:
        return rendering.body_figure(value["image"], value["caption"])


class VideoBlock(SnippetChooserBlock):
    def render_basic(self, value: Any, context: Any = None) -> SafeString:
        return rendering.video(value)


class AllowlistedEmbedBlock(EmbedBlock):
    """An oEmbed from an allowlisted provider; other URLs are refused with a clear reason."""

    def clean(self, value: Any) -> Any:
        url = value.url if isinstance(value, EmbedValue) else str(value or "")
        host = (urlsplit(url).hostname or "").lower()
        if url and (urlsplit(url).scheme != "https" or host not in OEMBED_ALLOWED_HOSTS):
            raise ValidationError(
                f"Embeds are allowed only from {', '.join(sorted(OEMBED_ALLOWED_HOSTS))} over https."
            )
        return super().clean(value)

    def render_basic(self, value: Any, context: Any = None) -> SafeString:
        shown = embed_tag(value.url if value is not None else "")
        return mark_safe(f'<figure class="body-embed">{shown}</figure>\n')  # noqa: S308 - oEmbed HTML of an allowlisted provider


class ArticleBodyBlock(blocks.StreamBlock):
    """An article's body; each block renders its HTML in Python (``content.rendering``)."""

    paragraph = ParagraphBlock(features=PARAGRAPH_FEATURES)
    subheading = SubheadingBlock(max_length=200, icon="title")
    blockquote = BlockQuoteBlock(label="Block quote")
    pullquote = PullQuoteBlock(label="Pull quote")
    image = ArticleImageBlock()
    video = VideoBlock("content.Video")
    embed = AllowlistedEmbedBlock(label="Embed (YouTube, Vimeo)")

    def get_prep_value(self, value: Any) -> list[Any]:
        # A stream assigned as raw JSON (an import, a script) is stored item by item as given
        # unless each item has been read; reading it prepares it through its block, and so
        # through the sanitiser, before it reaches the database or a revision.
        for _block in value or ():
            pass
        return super().get_prep_value(value)


def images_in_body(body: Any) -> list[Any]:
    """Return the images used by the body's image blocks and video posters."""
    images = []
    for block in body:
        if block.block_type == "image" and block.value["image"] is not None:
            images.append(block.value["image"])
        elif block.block_type == "video" and block.value is not None and block.value.poster:
            images.append(block.value.poster)
    return images
