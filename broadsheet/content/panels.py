"""Admin panels of the article editor."""

from typing import Any

from django.urls import reverse
from wagtail.admin.panels import Panel


class SuggestionsPanel(Panel):
    """Show, beside the article's fields, the concepts the engine finds in the saved draft."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "content/admin/suggestions_panel.html"

        def get_context_data(self, parent_context: Any = None) -> Any:
            from .concept_review import safe_suggestions

            context = super().get_context_data(parent_context)
            page = self.instance
            if getattr(page, "pk", None):
                suggestions, problem = safe_suggestions(page)
                context["found"] = [s for s in suggestions if s.concept is not None]
                context["unresolved"] = [s for s in suggestions if s.concept is None]
                context["problem"] = problem
                context["review_url"] = reverse("content_review_concepts", args=[page.pk])
            return context
