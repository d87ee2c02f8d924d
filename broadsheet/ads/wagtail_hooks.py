"""Plug ad slots into article bodies and house ads into the admin."""

from typing import Any

from django.http import HttpRequest
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from broadsheet.content.blocks import MEDIA_BLOCK_TYPES
from broadsheet.content.hooks import ARTICLE_BODY_HOOK
from broadsheet.content.models import ArticlePage

from .backends import SlotRequest, get_backend
from .inventory import ad_settings
from .models import HouseAd
from .placement import slot_positions
from .slots import slot_html


class HouseAdViewSet(SnippetViewSet):
    model = HouseAd
    icon = "placeholder"
    menu_label = "House ads"
    menu_order = 400
    add_to_admin_menu = True
    list_display = ["name", "link_url", "is_active"]


register_snippet(HouseAdViewSet)


@hooks.register(ARTICLE_BODY_HOOK)
def insert_ad_slots(
    page: ArticlePage, items: list[dict[str, Any]], request: HttpRequest
) -> list[dict[str, Any]]:
    """Insert an "Advertisement" slot after the blocks the cadence picks, if a creative is served."""
    settings = ad_settings(request)
    if not settings.is_enabled:
        return items
    kinds = [item.get("block_type", "") for item in items]
    positions = slot_positions(
        kinds,
        first_after=settings.first_after_paragraph,
        every=settings.every_paragraphs,
        media_types=MEDIA_BLOCK_TYPES,
    )
    if not positions:
        return items
    requests = [
        SlotRequest(article_id=page.pk, section_id=page.section_id, position=n)
        for n in range(len(positions))
    ]
    creatives = get_backend().creatives_for(requests)
    slots = dict(zip(positions, creatives, strict=True))
    out: list[dict[str, Any]] = []
    for index, item in enumerate(items):
        out.append(item)
        creative = slots.get(index)
        if creative is not None:
            out.append(
                {
                    "kind": "ad",
                    "creative": creative,
                    "block_type": "ad",
                    "html": slot_html(creative),
                }
            )
    return out
