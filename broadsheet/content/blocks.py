"""The closed set of body blocks. No raw HTML block exists; rich text is sanitised on the way in."""

from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.html import escape
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock, EmbedValue
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText, features, get_rewriter
from wagtail.rich_text.rewriters import (
    FIND_A_TAG,
    LinkRewriter,
    MultiRuleRewriter,
    extract_attrs,
)
from wagtail.snippets.blocks import SnippetChooserBlock

from .sanitise import clean_rich_text

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


class PageLinks:
    """The pages that a set of rich text values link to, fetched in one query on first use.

    Wagtail resolves the page links of each rich text value on its own (two queries per
    paragraph with a link); the paragraphs of one body share this instead. The pages are read
    without ``.specific()``: no page type here changes how its URL is built.
    """

    def __init__(self, sources: list[str]) -> None:
        self.ids = {
            attrs["id"]
            for source in sources
            for match in FIND_A_TAG.finditer(source)
            if (attrs := extract_attrs(match.group(1))).get("linktype") == "page"
            and attrs.get("id", "").isdigit()
        }
        self._pages: dict[str, Any] | None = None
        self._rewriter: MultiRuleRewriter | None = None

    def _expand_page_links(self, attrs_list: list[dict[str, str]]) -> list[str]:
        if self._pages is None:
            from wagtail.models import Page

            found = Page.objects.filter(id__in=[int(i) for i in self.ids]) if self.ids else ()
            self._pages = {str(page.pk): page for page in found}
        pages = self._pages
        return [
            f'<a href="{escape(page.localized.url)}">' if page is not None else "<a>"
            for page in (pages.get(str(attrs.get("id"))) for attrs in attrs_list)
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


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(max_length=2000)
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"


class ArticleImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(
        required=False, max_length=500, help_text="Leave empty to use the image's own caption."
    )

    class Meta:
        icon = "image"
        template = "content/blocks/image.html"


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


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = SafeRichTextBlock(
        features=PARAGRAPH_FEATURES, template="content/blocks/paragraph.html"
    )
    subheading = blocks.CharBlock(
        max_length=200, icon="title", template="content/blocks/subheading.html"
    )
    blockquote = QuoteBlock(template="content/blocks/blockquote.html", label="Block quote")
    pullquote = QuoteBlock(template="content/blocks/pullquote.html", label="Pull quote")
    image = ArticleImageBlock()
    video = SnippetChooserBlock("content.Video", template="content/blocks/video.html")
    embed = AllowlistedEmbedBlock(
        template="content/blocks/embed.html", label="Embed (YouTube, Vimeo)"
    )

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
