"""The HTML of an ad slot in the article body, written in Python like the blocks around it."""

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from broadsheet.core.memo import PureMemo

from .backends.base import Creative

_slots: PureMemo[SafeString] = PureMemo("ads.slot_html")
"""Ad slots by their creative (a frozen dataclass: everything the slot shows)."""


def slot_html(creative: Creative) -> SafeString:
    """Return the labelled "Advertisement" aside showing ``creative``, linked and lazy-loaded."""
    return _slots.get(creative, lambda: _slot_html(creative))


def _slot_html(creative: Creative) -> SafeString:
    link_url, image_url, alt_text = (
        conditional_escape(value)
        for value in (creative.link_url, creative.image_url, creative.alt_text)
    )
    return mark_safe(  # noqa: S308 - every value is escaped
        '<aside class="ad-slot" role="note" aria-label="Advertisement">\n'
        '  <p class="ad-slot__label">Advertisement</p>\n'
        f'  <a class="ad-slot__link" href="{link_url}" rel="sponsored noopener">'
        f'<img class="ad-slot__image" src="{image_url}" width="{creative.width}" '
        f'height="{creative.height}" alt="{alt_text}" loading="lazy"></a>\n'
        "</aside>\n"
    )
