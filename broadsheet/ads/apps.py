from typing import Any

from django.apps import AppConfig


def inventory_changed(sender: Any, raw: bool = False, **kwargs: Any) -> None:
    """Ad settings, a house ad or an image changed: every process reads the inventory again."""
    if raw:
        return
    from .inventory import invalidate_inventory

    invalidate_inventory()


class AdsConfig(AppConfig):
    name = "broadsheet.ads"
    label = "ads"
    verbose_name = "Advertising"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from broadsheet.content.models import BroadsheetImage

        from .models import AdSettings, HouseAd

        for model in (AdSettings, HouseAd, BroadsheetImage):
            for verb, signal in [("saved", post_save), ("deleted", post_delete)]:
                signal.connect(
                    inventory_changed,
                    sender=model,
                    dispatch_uid=f"ads.inventory_{model.__name__}_{verb}",
                )
