"""The editor's side of annotation: suggestions beside the text, and decisions saved as drafts.

Decisions (accept with a predicate, reject, add, choose the display concept) are saved as a new
revision of the article, like any edit; publishing stores them with the annotations.
"""

from __future__ import annotations

import logging
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from wagtail.models import Revision

from broadsheet.concepts.models import ANNOTATABLE_TYPES, Concept

from .annotating import Suggestion, suggestions_for
from .models import ArticlePage, ArticleTag, TagDecision

logger = logging.getLogger(__name__)


def decide_concept(page: ArticlePage, *, concept: Concept, decision: str, user: Any) -> Revision:
    """Record an editor's decision about a concept in a new draft revision of the article.

    ``decision`` is about, majorMentions, mentions, rejected, or "undo" to drop the decision.
    Raises ValueError for anything else.
    """
    if decision not in {*TagDecision.values, "undo"}:
        raise ValueError(f"Unknown decision {decision!r}.")
    with transaction.atomic():
        draft = page.get_latest_revision_as_object()
        kept = [tag for tag in draft.tags.all() if tag.concept_id != concept.pk]
        if decision != "undo":
            kept.append(ArticleTag(concept=concept, decision=decision))
        draft.tags.set(kept)
        return draft.save_revision(user=user, log_action=True)


def choose_display_concept(page: ArticlePage, *, concept: Concept | None, user: Any) -> Revision:
    """Set (or clear) the display concept above the headline in a new draft revision."""
    with transaction.atomic():
        draft = page.get_latest_revision_as_object()
        draft.display_concept = concept
        return draft.save_revision(user=user, log_action=True)


def _editable_article(request: HttpRequest, page_id: int) -> ArticlePage:
    page = get_object_or_404(ArticlePage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def safe_suggestions(page: ArticlePage) -> tuple[list[Suggestion], str]:
    try:
        return suggestions_for(page), ""
    except Exception:  # an engine failure must never keep an editor out of the article
        logger.exception("Annotation suggestions failed for article %s", page.pk)
        return [], "Suggestions could not be computed just now; the error has been logged."


@require_http_methods(["GET", "POST"])
def review_concepts(request: HttpRequest, page_id: int) -> HttpResponse:
    """List the concepts found in the latest draft with their evidence; take decisions."""
    page = _editable_article(request, page_id)
    if request.method == "POST":
        action = request.POST.get("action", "")
        concept = None
        if request.POST.get("concept"):
            concept = Concept.objects.filter(pk=request.POST["concept"]).first()
            if concept is None:
                messages.error(request, "That concept no longer exists.")
                return redirect("content_review_concepts", page_id=page.pk)
        if action == "display":
            choose_display_concept(page, concept=concept, user=request.user)
            messages.success(request, "Display concept saved in a draft: publish to show it.")
        elif concept is not None and action in {*TagDecision.values, "undo"}:
            decide_concept(page, concept=concept, decision=action, user=request.user)
            messages.success(
                request, f"“{concept}”: decision saved in a draft. Publish to apply it."
            )
        else:
            messages.error(request, "Choose a concept and a decision.")
        return redirect("content_review_concepts", page_id=page.pk)
    draft = page.get_latest_revision_as_object()
    suggestions, problem = safe_suggestions(draft)
    query = request.GET.get("q", "").strip()[:100]
    matches = (
        list(
            Concept.objects.active()
            .filter(type__in=ANNOTATABLE_TYPES, pref_label__icontains=query)
            .order_by("pref_label")[:20]
        )
        if query
        else []
    )
    context = {
        "page": page,
        "draft": draft,
        "found": [s for s in suggestions if s.concept is not None],
        "unresolved": [s for s in suggestions if s.concept is None],
        "tags": list(draft.tags.select_related("concept")) if draft.pk else [],
        "decisions": TagDecision.choices,
        "problem": problem,
        "query": query,
        "matches": matches,
        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
    }
    return TemplateResponse(request, "content/admin/review_concepts.html", context)
