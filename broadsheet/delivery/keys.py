"""Which surrogate keys a change affects: exactly the pages that show it, or will now."""

from __future__ import annotations

from collections.abc import Iterable

from broadsheet.concepts.models import Concept
from broadsheet.content.models import ArticleAnnotation, ArticleByline, ArticlePage, HomePage
from broadsheet.core.http_cache import key_for
from broadsheet.search.views import SEARCH_KEY


def article_keys(article: ArticlePage, *, concept_ids: Iterable[int] = ()) -> set[str]:
    """Return the keys to purge when an article is published, edited or withdrawn.

    Every page that shows the article carries its own key. The listings that may now gain
    it carry list-keys: the front page, its section, its authors' pages, the pages of
    the concepts it is (or was, per ``concept_ids``) annotated with or displays, and every
    search page.
    """
    keys = {key_for(article), SEARCH_KEY}
    home = HomePage.objects.ancestor_of(article).first()
    if home is not None:
        keys.add(key_for(home, listing=True))
    if article.section_id:
        keys.add(f"list-sectionpage-{article.section_id}")
    author_ids = ArticleByline.objects.filter(page_id=article.pk).values_list(
        "author_id", flat=True
    )
    keys.update(f"list-author-{author_id}" for author_id in author_ids)
    concepts = set(concept_ids)
    concepts.update(
        ArticleAnnotation.objects.filter(article_id=article.pk).values_list("concept_id", flat=True)
    )
    if article.display_concept_id:
        concepts.add(article.display_concept_id)
    keys.update(f"list-concept-{concept_id}" for concept_id in concepts)
    return keys


def concept_keys(concept: Concept) -> set[str]:
    """A concept's label, description or status shows on its page and on every page naming it."""
    return {key_for(concept), key_for(concept, listing=True)}
