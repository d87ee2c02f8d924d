from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    name = "broadsheet.syndication"
    label = "syndication"
    verbose_name = "Feeds, sitemaps, structured data and the content API"
