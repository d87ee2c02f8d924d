"""Annotate articles with concepts: suggestions for drafts, stored annotations for live articles.

The engine's output is combined with editors' decisions (``ArticleTag``), which always win, and
with what the CMS knows for certain: authors, the section and the chosen display concept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction

import annotator
from annotator.articles import paragraphs_from_html
from broadsheet.concepts.models import Concept
from broadsheet.concepts.snapshot import current_annotator

from .bylines import BylinePart, byline_text
from .models import (
    AnnotationSource,
    ArticleAnnotation,
    ArticlePage,
    ArticleTag,
    Predicate,
    TagDecision,
)
from .signals import annotations_changed

TEXT_BLOCKS = {"paragraph", "subheading", "blockquote", "pullquote"}


def engine_article(page: ArticlePage) -> annotator.Article:
    """Return the article's zones as the engine reads them (captions and ads are not read)."""
    paragraphs: list[str] = []
    for block in page.body:
        if block.block_type == "paragraph":
            paragraphs.extend(paragraphs_from_html(block.value.source))
        elif block.block_type == "subheading":
            paragraphs.append(str(block.value))
        elif block.block_type in ("blockquote", "pullquote"):
            paragraphs.append(str(block.value["quote"]))
    bylines = [BylinePart(name=b.author.name, location=b.location) for b in page.bylines.all()]
    return annotator.Article(
        id=str(page.pk or 0),
        headline=page.title,
        standfirst=page.standfirst,
        byline=byline_text(bylines),
        body=tuple(p for p in paragraphs if p.strip()),
    )


def _concepts_by_uri(uris: Iterable[str]) -> dict[str, Concept]:
    wanted = set(uris)
    by_uri = {c.uri: c for c in Concept.objects.filter(uri__in=wanted) if c.uri}
    numbered = {u for u in wanted - set(by_uri) if u.startswith("bs:concept/")}
    if numbered:
        ids = [int(u.rsplit("/", 1)[1]) for u in numbered if u.rsplit("/", 1)[1].isdigit()]
        by_uri.update({f"bs:concept/{c.pk}": c for c in Concept.objects.filter(pk__in=ids)})
    return by_uri


@dataclass(frozen=True, slots=True, kw_only=True)
class Suggestion:
    """One concept the engine found in a draft, or a case it left to the editor."""

    concept: Concept | None
    predicate: str
    score: float
    evidence: tuple[annotator.Evidence, ...]
    decision: str = ""
    """The editor's decision on this concept, if any (about, mentions, rejected...)."""
    surface: str = ""
    candidates: tuple[Concept, ...] = ()
    reason: str = ""


def suggestions_for(page: ArticlePage) -> list[Suggestion]:
    """Return the engine's view of this (draft) article with evidence, and unresolved cases.

    Computed on demand from the text as it is now; nothing is stored.
    """
    result = current_annotator().annotate(engine_article(page))
    uris = [a.concept for a in result.annotations]
    uris += [uri for s in result.suggestions for uri in s.candidates]
    concepts = _concepts_by_uri(uris)
    decisions = {tag.concept_id: tag.decision for tag in page.tags.all()}
    found = [
        Suggestion(
            concept=concepts[a.concept],
            predicate=a.predicate,
            score=a.score,
            evidence=a.evidence,
            decision=decisions.get(concepts[a.concept].pk, ""),
        )
        for a in result.annotations
        if a.concept in concepts
    ]
    unresolved = [
        Suggestion(
            concept=None,
            predicate="",
            score=0.0,
            evidence=s.evidence,
            surface=s.surface,
            candidates=tuple(concepts[u] for u in s.candidates if u in concepts),
            reason=s.reason,
        )
        for s in result.suggestions
    ]
    return found + unresolved


def _evidence_json(evidence: Iterable[annotator.Evidence]) -> list[dict[str, object]]:
    return [
        {"part": e.part, "paragraph": e.paragraph, "start": e.start, "end": e.end, "text": e.text}
        for e in evidence
    ]


def annotate_article(page: ArticlePage) -> list[ArticleAnnotation]:
    """Store the annotations of a live article; a draft or unpublished article gets none.

    Replaces the engine, editor and CMS rows (wire rows stay); safe to run twice.
    """
    page = ArticlePage.objects.select_related("section__concept", "display_concept").get(pk=page.pk)
    with transaction.atomic():
        before = _annotated_concept_ids(page.pk)
        ArticleAnnotation.objects.filter(article=page).exclude(
            source=AnnotationSource.WIRE
        ).delete()
        if not page.live or page.published_at is None:
            ArticleAnnotation.objects.filter(article=page).update(published_at=None)
            _announce(page.pk, before, live=False)
            return []
        rows = _rows_for(page)
        ArticleAnnotation.objects.bulk_create(rows)
        ArticleAnnotation.objects.filter(article=page, source=AnnotationSource.WIRE).update(
            published_at=page.published_at
        )
        _announce(page.pk, before | _annotated_concept_ids(page.pk), live=True)
    return rows


def _annotated_concept_ids(article_id: int) -> frozenset[int]:
    return frozenset(
        ArticleAnnotation.objects.filter(article_id=article_id).values_list("concept_id", flat=True)
    )


def _announce(article_id: int, concept_ids: frozenset[int], *, live: bool) -> None:
    """Send annotations_changed once the current transaction commits."""
    transaction.on_commit(
        lambda: annotations_changed.send(
            sender=ArticlePage, article_id=article_id, concept_ids=concept_ids, live=live
        )
    )


def _rows_for(page: ArticlePage) -> list[ArticleAnnotation]:
    result = current_annotator().annotate(engine_article(page))
    concepts = _concepts_by_uri(a.concept for a in result.annotations)
    engine = {concepts[a.concept].pk: a for a in result.annotations if a.concept in concepts}
    tags: list[ArticleTag] = list(page.tags.all())
    decided = {tag.concept_id for tag in tags}
    rows: list[ArticleAnnotation] = []

    def add(
        concept_id: int,
        predicate: str,
        source: str,
        score: float,
        evidence: list[dict[str, object]],
    ) -> None:
        rows.append(
            ArticleAnnotation(
                article=page,
                concept_id=concept_id,
                predicate=predicate,
                source=source,
                score=round(score, 4),
                evidence=evidence,
                published_at=page.published_at,
            )
        )

    for concept_id, found in engine.items():
        if concept_id not in decided:
            add(
                concept_id,
                found.predicate,
                AnnotationSource.AUTO,
                found.score,
                _evidence_json(found.evidence),
            )
    for tag in tags:
        if tag.decision == TagDecision.REJECTED:
            continue
        found_by_engine = engine.get(tag.concept_id)
        score = found_by_engine.score if found_by_engine else 1.0
        evidence = _evidence_json(found_by_engine.evidence) if found_by_engine else []
        add(tag.concept_id, tag.decision, AnnotationSource.EDITOR, score, evidence)
    seen_authors: set[int] = set()
    for byline in page.bylines.select_related("author"):
        concept_id = byline.author.concept_id
        if concept_id and concept_id not in seen_authors:
            seen_authors.add(concept_id)
            add(concept_id, Predicate.HAS_AUTHOR, AnnotationSource.CMS, 1.0, [])
    if page.section is not None and page.section.concept_id:
        add(page.section.concept_id, Predicate.PRIMARY_SECTION, AnnotationSource.CMS, 1.0, [])
    if page.display_concept_id:
        add(page.display_concept_id, Predicate.DISPLAY_TAG, AnnotationSource.CMS, 1.0, [])
    return rows


def withdraw_annotations(page: ArticlePage) -> int:
    """Take an unpublished article out of every feed: its annotations lose their time."""
    withdrawn = ArticleAnnotation.objects.filter(article=page).update(published_at=None)
    _announce(page.pk, _annotated_concept_ids(page.pk), live=False)
    return withdrawn


def annotate_all(
    *, progress: Callable[[int, int], None] | None = None, batch_size: int = 200
) -> int:
    """Re-annotate every live article, oldest first, in batches; return how many."""
    ids = list(ArticlePage.objects.live().order_by("pk").values_list("pk", flat=True))
    for done, start in enumerate(range(0, len(ids), batch_size)):
        for page in ArticlePage.objects.filter(pk__in=ids[start : start + batch_size]).order_by(
            "pk"
        ):
            annotate_article(page)
        if progress is not None:
            progress(min(len(ids), (done + 1) * batch_size), len(ids))
    return len(ids)
