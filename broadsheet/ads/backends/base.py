"""The interface an ad server implements: given a slot, return a creative or nothing."""

from abc import ABC, abstractmethod
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class SlotRequest:
    article_id: int
    section_id: int | None
    position: int
    """0 for the first slot in the article, 1 for the second, ..."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Creative:
    image_url: str
    link_url: str
    alt_text: str
    width: int
    height: int
    advertiser: str = ""


class AdServerBackend(ABC):
    supports_server_side = True
    """True when creatives are chosen while rendering; a client-side server fills slots in script."""

    @abstractmethod
    def creatives_for(self, slots: list[SlotRequest]) -> list[Creative | None]:
        """Return one creative (or None: the slot is not rendered) per requested slot, in order."""
