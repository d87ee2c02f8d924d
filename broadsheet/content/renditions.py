"""Image renditions of reading pages, held per process.

Wagtail finds an image's renditions in its renditions cache, reading and writing back every
one on each render (pickled, or a Redis round trip each way). ``attach_renditions`` gives the
images of a page their renditions from a ``VersionedMemo`` instead, as Wagtail's own
``prefetched_renditions``; the images it does not hold cost one query together. A rendition
Wagtail creates while rendering is added to the held list. The memo is read again when an image
is saved or deleted, or a rendition deleted (``signal_handlers``).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any

from broadsheet.core.memo import VersionedMemo

from .models import BroadsheetImage, BroadsheetRendition
from .rendering import HeldRenditions

_memo: VersionedMemo[HeldRenditions] = VersionedMemo(
    "content.renditions", ttl_seconds=300.0, max_entries=4096
)


def _load(image_ids: list[Hashable]) -> dict[Hashable, HeldRenditions]:
    held = {image_id: HeldRenditions() for image_id in image_ids}
    for rendition in BroadsheetRendition.objects.filter(image_id__in=image_ids):
        held[rendition.image_id].append(rendition)
    return held


def attach_renditions(images: Iterable[BroadsheetImage | None]) -> None:
    """Give each image its renditions (as ``prefetched_renditions``): at most one query."""
    wanted = [image for image in images if image is not None and image.pk is not None]
    if not wanted:
        return
    held = _memo.get_many([image.pk for image in wanted], _load)
    for image in wanted:
        renditions: Any = held[image.pk]
        for rendition in renditions:
            # The same row as the image the rendition was read with: alt text comes from here.
            rendition.image = image
        image.prefetched_renditions = renditions  # type: ignore[attr-defined]


def invalidate_renditions() -> None:
    """Make every process read renditions from the database again."""
    _memo.invalidate()
