"""Keep every author and section a concept of its own, so readers follow them like any other."""

from __future__ import annotations

from django.db import transaction
from django.utils.text import slugify

from broadsheet.concepts.models import Concept, ConceptType

from .models import Author, SectionPage


def _free_slug(base: str, *, keep: Concept | None) -> str:
    slug, n = base, 2
    while Concept.objects.filter(slug=slug).exclude(pk=getattr(keep, "pk", None)).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def ensure_author_concept(author: Author) -> Concept:
    """Create or refresh the author's concept (type author, label = name); return it."""
    with transaction.atomic():
        concept = author.concept
        base = f"author-{author.slug or slugify(author.name)}"[:200]
        if concept is None:
            concept = Concept.objects.create(
                type=ConceptType.AUTHOR, pref_label=author.name, slug=_free_slug(base, keep=None)
            )
            Author.objects.filter(pk=author.pk).update(concept=concept)
            author.concept = concept
        elif concept.pref_label != author.name or not concept.slug.startswith(base):
            concept.pref_label = author.name
            concept.slug = _free_slug(base, keep=concept)
            concept.save(update_fields=["pref_label", "slug", "updated_at"])
    return concept


def ensure_section_concept(section: SectionPage) -> Concept:
    """Create or refresh the section's concept (type section, label = title); return it."""
    with transaction.atomic():
        concept = section.concept
        base = f"section-{section.slug}"[:200]
        if concept is None:
            concept = Concept.objects.create(
                type=ConceptType.SECTION, pref_label=section.title, slug=_free_slug(base, keep=None)
            )
            SectionPage.objects.filter(pk=section.pk).update(concept=concept)
            section.concept = concept
        elif concept.pref_label != section.title or not concept.slug.startswith(base):
            concept.pref_label = section.title
            concept.slug = _free_slug(base, keep=concept)
            concept.save(update_fields=["pref_label", "slug", "updated_at"])
    return concept
