"""Keep every author and section a concept of its own, so readers follow them like any other."""

from __future__ import annotations

from django.db import models, transaction
from django.utils.text import slugify

from broadsheet.concepts.models import Concept, ConceptType

from .models import Author, SectionPage


def _free_slug(base: str, *, keep: Concept | None) -> str:
    slug, n = base, 2
    while Concept.objects.filter(slug=slug).exclude(pk=getattr(keep, "pk", None)).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _ensure_concept(
    owner: Author | SectionPage, *, concept_type: str, label: str, slug_base: str
) -> Concept:
    """Create the owner's concept, or bring its label and slug in line with the owner."""
    model: type[models.Model] = type(owner)
    with transaction.atomic():
        concept = owner.concept
        base = slug_base[:200]
        if concept is None:
            concept = Concept.objects.create(
                type=concept_type, pref_label=label, slug=_free_slug(base, keep=None)
            )
            model._default_manager.filter(pk=owner.pk).update(concept=concept)
            owner.concept = concept
        elif concept.pref_label != label or not concept.slug.startswith(base):
            concept.pref_label = label
            concept.slug = _free_slug(base, keep=concept)
            concept.save(update_fields=["pref_label", "slug", "updated_at"])
    return concept


def ensure_author_concept(author: Author) -> Concept:
    """Create or refresh the author's concept (type author, label = name); return it."""
    return _ensure_concept(
        author,
        concept_type=ConceptType.AUTHOR,
        label=author.name,
        slug_base=f"author-{author.slug or slugify(author.name)}",
    )


def ensure_section_concept(section: SectionPage) -> Concept:
    """Create or refresh the section's concept (type section, label = title); return it."""
    return _ensure_concept(
        section,
        concept_type=ConceptType.SECTION,
        label=section.title,
        slug_base=f"section-{section.slug}",
    )
