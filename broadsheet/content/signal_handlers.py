"""Keep derived article fields true when pages move, and the per-process site chrome fresh."""

from typing import Any

from wagtail.signals import page_published, page_unpublished, post_page_move

from broadsheet.concepts import signals as concept_signals


def refile_moved_article(sender: Any, instance: Any, parent_page_after: Any, **kwargs: Any) -> None:
    """Point a moved article at its new section."""
    from .models import ArticlePage, SectionPage

    if isinstance(instance, ArticlePage):
        section_id = (
            parent_page_after.pk if parent_page_after.specific_class is SectionPage else None
        )
        ArticlePage.objects.filter(pk=instance.pk).update(section_id=section_id)


def author_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    """Give every author a concept of their own (type author)."""
    if raw:
        return
    from .concept_links import ensure_author_concept

    ensure_author_concept(instance)


def section_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    """Give every section a concept of its own (type section)."""
    if raw:
        return
    from .concept_links import ensure_section_concept

    ensure_section_concept(instance)


def article_published(sender: Any, instance: Any, **kwargs: Any) -> None:
    """Annotate a published article once the publish has committed."""
    from django.db import transaction

    from .models import ArticlePage
    from .tasks import annotate_article_task

    if isinstance(instance, ArticlePage):
        page_id = instance.pk
        transaction.on_commit(lambda: annotate_article_task.enqueue(page_id))


def article_unpublished(sender: Any, instance: Any, **kwargs: Any) -> None:
    """Take an unpublished article out of every feed at once."""
    from .annotating import withdraw_annotations
    from .models import ArticlePage

    if isinstance(instance, ArticlePage):
        withdraw_annotations(instance)


def vocabulary_changed(sender: Any, uris: list[str] | None = None, **kwargs: Any) -> None:
    """Re-annotate live articles in the background when the vocabulary changes."""
    from .tasks import reannotate_all_task

    reannotate_all_task.enqueue()


def concept_merged(sender: Any, source: Any, into: Any, **kwargs: Any) -> None:
    """Point annotations, tags and kickers of a merged concept at the survivor."""
    from .models import ArticleAnnotation, ArticlePage, ArticleTag

    for row in ArticleAnnotation.objects.filter(concept=source):
        clash = ArticleAnnotation.objects.filter(
            article_id=row.article_id, concept=into, predicate=row.predicate, source=row.source
        ).exists()
        if clash:
            row.delete()
        else:
            ArticleAnnotation.objects.filter(pk=row.pk).update(concept=into)
    for tag in ArticleTag.objects.filter(concept=source):
        if ArticleTag.objects.filter(page_id=tag.page_id, concept=into).exists():
            tag.delete()
        else:
            ArticleTag.objects.filter(pk=tag.pk).update(concept=into)
    ArticlePage.objects.filter(display_concept=source).update(display_concept=into)


def site_chrome_changed(sender: Any, instance: Any = None, **kwargs: Any) -> None:
    """A site, the publication settings or a view restriction changed: read them again."""
    if kwargs.get("raw"):
        return
    from .chrome import invalidate_site_chrome

    invalidate_site_chrome()


def page_chrome_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A page other than an article (the front page, a section) changed in the page tree.

    Articles are published all day and show in no menu, so they leave the chrome alone.
    """
    from .chrome import invalidate_site_chrome
    from .models import ArticlePage

    if getattr(instance, "specific_class", None) is not ArticlePage:
        invalidate_site_chrome()


def renditions_changed(sender: Any, raw: bool = False, **kwargs: Any) -> None:
    """An image changed or a rendition went: renditions are read from the database again."""
    if raw:
        return
    from .renditions import invalidate_renditions

    invalidate_renditions()


def connect() -> None:
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page, PageViewRestriction, Site

    from .models import (
        Author,
        BroadsheetImage,
        BroadsheetRendition,
        PublicationSettings,
        SectionPage,
    )

    for model in (Site, PublicationSettings, PageViewRestriction):
        for verb, signal in [("saved", post_save), ("deleted", post_delete)]:
            signal.connect(
                site_chrome_changed,
                sender=model,
                dispatch_uid=f"content.chrome_{model.__name__}_{verb}",
            )
    for name, page_signal in [
        ("published", page_published),
        ("unpublished", page_unpublished),
        ("moved", post_page_move),
    ]:
        page_signal.connect(page_chrome_changed, dispatch_uid=f"content.chrome_page_{name}")
    post_delete.connect(page_chrome_changed, sender=Page, dispatch_uid="content.chrome_page_gone")
    post_save.connect(
        renditions_changed, sender=BroadsheetImage, dispatch_uid="content.image_saved"
    )
    for model in (BroadsheetImage, BroadsheetRendition):
        post_delete.connect(
            renditions_changed, sender=model, dispatch_uid=f"content.{model.__name__}_deleted"
        )

    post_page_move.connect(refile_moved_article, dispatch_uid="content.refile_moved_article")
    post_save.connect(author_saved, sender=Author, dispatch_uid="content.author_concept")
    post_save.connect(section_saved, sender=SectionPage, dispatch_uid="content.section_concept")
    page_published.connect(article_published, dispatch_uid="content.annotate_on_publish")
    page_unpublished.connect(article_unpublished, dispatch_uid="content.withdraw_on_unpublish")
    concept_signals.vocabulary_changed.connect(
        vocabulary_changed, dispatch_uid="content.reannotate"
    )
    concept_signals.concept_merged.connect(concept_merged, dispatch_uid="content.concept_merged")
