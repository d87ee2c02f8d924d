"""Instant alerts and digests by email."""

from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "broadsheet.alerts"
    label = "alerts"
    verbose_name = "Instant alerts and digests by email"

    def ready(self) -> None:
        from . import signal_handlers

        signal_handlers.connect()
