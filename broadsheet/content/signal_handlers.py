"""Keep derived article fields true when pages move."""

from typing import Any

from wagtail.signals import post_page_move


def refile_moved_article(sender: Any, instance: Any, parent_page_after: Any, **kwargs: Any) -> None:
    """Point a moved article at its new section."""
    from .models import ArticlePage, SectionPage

    if isinstance(instance, ArticlePage):
        section_id = (
            parent_page_after.pk if parent_page_after.specific_class is SectionPage else None
        )
        ArticlePage.objects.filter(pk=instance.pk).update(section_id=section_id)


def connect() -> None:
    post_page_move.connect(refile_moved_article, dispatch_uid="content.refile_moved_article")
