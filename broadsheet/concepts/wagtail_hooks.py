"""Admin wiring: the vocabulary as a searchable, filterable snippet listing."""

from typing import Any

from django.db import transaction
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import signals
from .models import ANNOTATABLE_TYPES, Concept


class ConceptViewSet(SnippetViewSet):
    model = Concept
    icon = "tag"
    menu_label = "Concepts"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["pref_label", "type", "slug", "uri", "is_active", "is_suggested"]
    list_filter = ["type", "is_active", "is_suggested"]


register_snippet(ConceptViewSet)


def _vocabulary_edited(request: Any, instances: Any) -> None:
    """Re-annotate once an editor's change to annotatable concepts has committed.

    Create and edit hooks pass one instance; the delete hook passes a list.
    """
    changed = [
        concept
        for concept in (instances if isinstance(instances, list | tuple) else [instances])
        if isinstance(concept, Concept) and concept.type in ANNOTATABLE_TYPES
    ]
    if changed:
        uris = [concept.uri for concept in changed if concept.uri]
        transaction.on_commit(lambda: signals.vocabulary_changed.send(sender=Concept, uris=uris))


for _hook in ("after_create_snippet", "after_edit_snippet", "after_delete_snippet"):
    hooks.register(_hook, _vocabulary_edited)
