"""Purge what a publish, an edit, a withdrawal or an annotation change affects."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from broadsheet.ads.models import AdSettings, HouseAd
from broadsheet.concepts import signals as concept_signals
from broadsheet.concepts.models import Concept
from broadsheet.content import signals as content_signals
from broadsheet.content.models import ArticlePage, Author, PublicationSettings
from broadsheet.core.http_cache import SITE_KEY, key_for

from . import actions
from .keys import article_keys, concept_keys


def page_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A page was published, edited and republished, or unpublished."""
    page = instance.specific if hasattr(instance, "specific") else instance
    if isinstance(page, ArticlePage):
        actions.purge(article_keys(page))
    else:
        actions.purge({key_for(page), key_for(page, listing=True)})


def article_deleted(sender: Any, instance: ArticlePage, **kwargs: Any) -> None:
    actions.purge({key_for(instance)})


def annotations_changed(
    sender: Any, article_id: int, concept_ids: frozenset[int], **kwargs: Any
) -> None:
    article = ArticlePage.objects.filter(pk=article_id).first()
    if article is not None:
        actions.purge(article_keys(article, concept_ids=concept_ids))


def concept_saved(sender: Any, instance: Concept, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        actions.purge(concept_keys(instance))


def concept_merged(sender: Any, source: Concept, into: Concept, **kwargs: Any) -> None:
    actions.purge(concept_keys(source) | concept_keys(into))


def author_saved(sender: Any, instance: Author, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        actions.purge({key_for(instance), key_for(instance, listing=True)})


def site_setting_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    """Publication and ad settings show on every page."""
    if not raw:
        actions.purge({SITE_KEY})


def connect() -> None:
    page_published.connect(page_changed, dispatch_uid="delivery.purge_published")
    page_unpublished.connect(page_changed, dispatch_uid="delivery.purge_unpublished")
    post_delete.connect(article_deleted, sender=ArticlePage, dispatch_uid="delivery.purge_deleted")
    content_signals.annotations_changed.connect(
        annotations_changed, dispatch_uid="delivery.purge_annotations"
    )
    post_save.connect(concept_saved, sender=Concept, dispatch_uid="delivery.purge_concept")
    concept_signals.concept_merged.connect(concept_merged, dispatch_uid="delivery.purge_merged")
    post_save.connect(author_saved, sender=Author, dispatch_uid="delivery.purge_author")
    for model in (PublicationSettings, AdSettings, HouseAd):
        post_save.connect(
            site_setting_saved, sender=model, dispatch_uid=f"delivery.purge_site_{model.__name__}"
        )
