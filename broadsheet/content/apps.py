from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "broadsheet.content"
    label = "content"
    verbose_name = "Content"

    def ready(self) -> None:
        from . import signal_handlers

        signal_handlers.connect()
