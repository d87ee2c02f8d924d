from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "broadsheet.delivery"
    label = "delivery"
    verbose_name = "Delivery and caching"

    def ready(self) -> None:
        from . import signal_handlers

        signal_handlers.connect()
