"""Read agency copy (IPTC ninjs 2.x) into articles: parsing, body HTML, bylines and media.

``ninjs``, ``html`` and ``bylines`` are pure: they take decoded JSON or text and return frozen
dataclasses, touching neither the database nor the network. ``media`` stores pictures and video
(through ``broadsheet.core.fetch`` for http hrefs); ``batch`` and ``views`` drive
``broadsheet.content.actions.import_ninjs_item``, the one path that writes articles. The
mapping and the conventions are documented in docs/ninjs.md.
"""

from .bylines import BylineEntry, parse_byline
from .html import ConvertedBody, html_to_blocks, text_to_blocks
from .ninjs import Association, NinjsError, NinjsItem, Rendition, load_ninjs_file, parse_item

__all__ = [
    "Association",
    "BylineEntry",
    "ConvertedBody",
    "NinjsError",
    "NinjsItem",
    "Rendition",
    "html_to_blocks",
    "load_ninjs_file",
    "parse_byline",
    "parse_item",
    "text_to_blocks",
]
