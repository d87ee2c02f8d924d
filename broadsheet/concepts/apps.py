from django.apps import AppConfig


class ConceptsConfig(AppConfig):
    name = "broadsheet.concepts"
    label = "concepts"
    verbose_name = "Concepts"
