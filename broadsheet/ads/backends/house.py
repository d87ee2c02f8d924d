"""House ads from the database, targeted by section, rotated deterministically per article."""

from django.db.models import Q

from ..models import HouseAd
from .base import AdServerBackend, Creative, SlotRequest

RENDITION = "max-600x600"


class HouseAdBackend(AdServerBackend):
    def creatives_for(self, slots: list[SlotRequest]) -> list[Creative | None]:
        if not slots:
            return []
        section_id = slots[0].section_id
        ads = list(
            HouseAd.objects.filter(is_active=True)
            .filter(Q(sections__isnull=True) | Q(sections=section_id))
            .select_related("image")
            .prefetch_related("image__renditions")
            .distinct()
            .order_by("pk")
        )
        if not ads:
            return [None for _ in slots]
        chosen: list[Creative | None] = []
        for slot in slots:
            ad = ads[(slot.article_id + slot.position) % len(ads)]
            rendition = ad.image.get_rendition(RENDITION)
            chosen.append(
                Creative(
                    image_url=rendition.url,
                    link_url=ad.link_url,
                    alt_text=ad.alt_text,
                    width=rendition.width,
                    height=rendition.height,
                    advertiser=ad.name,
                )
            )
        return chosen
