from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "broadsheet.core"
    label = "core"

    def ready(self) -> None:
        from .cluster import keep_child_relations_per_class

        keep_child_relations_per_class()
