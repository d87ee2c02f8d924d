"""Background work on articles: annotation after publish and after vocabulary changes."""

from django_tasks import task

from .annotating import annotate_all, annotate_article, withdraw_annotations
from .models import ArticlePage


@task()
def annotate_article_task(article_id: int) -> int:
    """Store the annotations of one article (none if it is no longer live); safe to run twice."""
    page = ArticlePage.objects.filter(pk=article_id).first()
    if page is None:
        return 0
    if not page.live:
        return withdraw_annotations(page)
    return len(annotate_article(page))


@task()
def reannotate_all_task() -> int:
    """Re-annotate every live article, e.g. after the vocabulary changed."""
    return annotate_all()
