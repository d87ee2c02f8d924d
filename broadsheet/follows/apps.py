from django.apps import AppConfig


class FollowsConfig(AppConfig):
    name = "broadsheet.follows"
    label = "follows"
    verbose_name = "Reader follows and the personal feed"
