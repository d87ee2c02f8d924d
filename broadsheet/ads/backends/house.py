"""House ads from the database, targeted by section, rotated deterministically per article."""

from broadsheet.content import rendering

from ..inventory import house_ads_for_section
from .base import AdServerBackend, Creative, SlotRequest

RENDITION = "max-600x600"


class HouseAdBackend(AdServerBackend):
    def creatives_for(self, slots: list[SlotRequest]) -> list[Creative | None]:
        if not slots:
            return []
        section_id = slots[0].section_id
        # Read once per process (ads.inventory), with each image's renditions prefetched.
        ads = house_ads_for_section(section_id)
        if not ads:
            return [None for _ in slots]
        chosen: list[Creative | None] = []
        for slot in slots:
            ad = ads[(slot.article_id + slot.position) % len(ads)]
            rendition = rendering.rendition(ad.image, RENDITION)
            chosen.append(
                Creative(
                    image_url=rendering.url(rendition),
                    link_url=ad.link_url,
                    alt_text=ad.alt_text,
                    width=rendition.width,
                    height=rendition.height,
                    advertiser=ad.name,
                )
            )
        return chosen
