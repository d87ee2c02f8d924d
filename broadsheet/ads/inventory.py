"""Ad settings and the house-ad inventory, read once per process and kept until they change.

Both show on every article, and change a few times a year: a ``VersionedMemo`` keeps them,
invalidated (``invalidate_inventory``, connected in ``apps.py``) when ad settings, a house ad,
its sections or an image are saved or deleted. House ads keep their image with the renditions
this process holds (``content.renditions``), so choosing a creative costs no query.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from django.http import HttpRequest
from wagtail.models import Site

from broadsheet.content.renditions import attach_renditions
from broadsheet.core.memo import VersionedMemo

from .models import AdSettings, HouseAd


@dataclass(frozen=True, slots=True)
class StockedAd:
    ad: HouseAd
    section_ids: frozenset[int]
    """Sections the ad targets; empty: every section."""


_settings_memo: VersionedMemo[AdSettings] = VersionedMemo("ads.settings")
_house_ads_memo: VersionedMemo[tuple[StockedAd, ...]] = VersionedMemo("ads.house_ads")


def ad_settings(request: HttpRequest) -> AdSettings:
    """Return the request's site's ad settings (installed on the request like ``for_request``)."""
    attr = AdSettings.get_cache_attr_name()
    if hasattr(request, attr):
        found: AdSettings = getattr(request, attr)
        return found
    site = Site.find_for_request(request)
    if site is None:
        return AdSettings.for_request(request)
    shared = _settings_memo.get(site.pk, lambda: AdSettings.for_site(site))
    mine = copy.copy(shared)
    setattr(request, attr, mine)
    return mine


def _stock() -> tuple[StockedAd, ...]:
    ads = list(
        HouseAd.objects.filter(is_active=True)
        .select_related("image")
        .prefetch_related("sections")
        .order_by("pk")
    )
    # The renditions this process holds for pages (one query), so a rendition is looked up once.
    attach_renditions(ad.image for ad in ads)
    return tuple(
        StockedAd(ad=ad, section_ids=frozenset(section.pk for section in ad.sections.all()))
        for ad in ads
    )


def house_ads_for_section(section_id: int | None) -> list[HouseAd]:
    """Return the active house ads that may run in a section (untargeted ones run everywhere),
    in a fixed order."""
    return [
        stocked.ad
        for stocked in _house_ads_memo.get("all", _stock)
        if not stocked.section_ids or section_id in stocked.section_ids
    ]


def invalidate_inventory() -> None:
    """Make every process read the ad settings and house ads again."""
    _settings_memo.invalidate()
    _house_ads_memo.invalidate()
