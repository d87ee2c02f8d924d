"""The closed set of body blocks. No raw HTML block exists; rich text is sanitised on the way in."""

from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock, EmbedValue
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText
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


class SafeRichTextBlock(blocks.RichTextBlock):
    """Rich text whose HTML is run through the allowlist sanitiser whenever it is stored."""

    def get_prep_value(self, value: Any) -> str:
        source = value.source if isinstance(value, RichText) else str(value or "")
        return clean_rich_text(source)

    def to_python(self, value: Any) -> RichText:
        return RichText(clean_rich_text(value or ""))

    def bulk_to_python(self, values: Any) -> list[RichText]:
        return [self.to_python(value) for value in values]


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
