"""Reader follows and the personal feed."""

from django.apps import AppConfig


class FollowsConfig(AppConfig):
    name = "broadsheet.follows"
    label = "follows"
    verbose_name = "Reader follows and the personal feed"

    def ready(self) -> None:
        from broadsheet.accounts import registry

        from . import signal_handlers
        from .queries import personal_data

        signal_handlers.connect()
        registry.register_account_section(
            registry.AccountSection(
                key="follows",
                title="Follows",
                description="What you follow, and whether each reaches you by email.",
                url_name="follows:manage",
            )
        )
        registry.register_personal_data_exporter("follows", personal_data)
