"""The sender's tags on wire copy: matched to concepts by URI or label, kept as wire annotations."""

from __future__ import annotations

from django.db.models import Q
from django.utils.text import slugify

from broadsheet.concepts.models import Concept

from .ingest.ninjs import WireTag
from .models import AnnotationSource, ArticleAnnotation, ArticlePage, Predicate

WIRE_SCORES = {Predicate.ABOUT: 1.0, Predicate.MAJOR_MENTIONS: 0.75, Predicate.MENTIONS: 0.5}
"""The sender gives no scores: a wire tag scores by its predicate alone."""

SUGGESTED_DESCRIPTION = "Suggested by a wire sender's tag; review, then activate or merge it."


def _free_slug(label: str) -> str:
    base = slugify(label)[:180] or "concept"
    slug, n = base, 2
    while Concept.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def concept_for_tag(tag: WireTag) -> tuple[Concept, bool]:
    """Return the concept a tag names and whether it was created as a suggestion.

    Matched by URI, else by label or alias (case-insensitive), preferring the tag's type (a
    subject may name a topic or a running story). Unknown tags become suggested concepts.
    """
    if tag.uri:
        found = Concept.objects.filter(uri=tag.uri).first()
        if found is not None:
            return found.survivor(), False
    if tag.name:
        named = Concept.objects.filter(
            Q(pref_label__iexact=tag.name) | Q(labels__label__iexact=tag.name)
        ).distinct()
        types = {"topic": ["topic", "story"]}.get(tag.type, [tag.type])
        candidates = sorted(named, key=lambda c: (c.type not in types, not c.is_active, c.pk))
        if candidates and candidates[0].type in types:
            return candidates[0].survivor(), False
    label = tag.name or tag.uri.rsplit("/", 1)[-1]
    created = Concept.objects.create(
        type=tag.type,
        pref_label=label[:200],
        slug=_free_slug(label),
        uri=tag.uri or None,
        description=SUGGESTED_DESCRIPTION,
        is_active=False,
        is_suggested=True,
    )
    return created, True


def apply_wire_tags(page: ArticlePage, tags: tuple[WireTag, ...]) -> list[str]:
    """Replace the article's wire annotations with the sender's tags; return new suggestions."""
    ArticleAnnotation.objects.filter(article=page, source=AnnotationSource.WIRE).delete()
    suggested: list[str] = []
    rows: dict[tuple[int, str], ArticleAnnotation] = {}
    for tag in tags:
        concept, created = concept_for_tag(tag)
        if created:
            suggested.append(concept.pref_label)
        predicate = (
            Predicate.ABOUT
            if tag.is_about
            else Predicate.MAJOR_MENTIONS
            if tag.is_major_mention
            else Predicate.MENTIONS
        )
        rows.setdefault(
            (concept.pk, predicate),
            ArticleAnnotation(
                article=page,
                concept=concept,
                predicate=predicate,
                source=AnnotationSource.WIRE,
                score=WIRE_SCORES[predicate],
                evidence=[],
                published_at=page.published_at if page.live else None,
            ),
        )
    ArticleAnnotation.objects.bulk_create(rows.values())
    return suggested
