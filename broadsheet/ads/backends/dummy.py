"""An ad server that never serves: articles read whole, no slot is rendered."""

from .base import AdServerBackend, Creative, SlotRequest


class DummyAdBackend(AdServerBackend):
    def creatives_for(self, slots: list[SlotRequest]) -> list[Creative | None]:
        return [None for _ in slots]
