from django.apps import AppConfig


class SiteSearchConfig(AppConfig):
    name = "broadsheet.search"
    label = "search"
    verbose_name = "Site search"
