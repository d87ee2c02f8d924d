"""Reader follows and the personal feed."""

from django.apps import AppConfig


class FollowsConfig(AppConfig):
    name = "broadsheet.follows"
    label = "follows"
    verbose_name = "Reader follows and the personal feed"

    def ready(self) -> None:
        from . import signal_handlers

        signal_handlers.connect()
