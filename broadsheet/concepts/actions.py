"""Changes to the vocabulary: import, merge. Each is one transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

import annotator

from . import signals
from .models import Concept, ConceptLabel, LabelKind


class VocabularyImportError(ValueError):
    """The import would leave the vocabulary unusable; nothing was written."""


@dataclass(slots=True, kw_only=True)
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    dry_run: bool = False


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


def _unique_slug(label: str, taken: set[str]) -> str:
    base = slugify(label)[:190] or "concept"
    slug, n = base, 2
    while slug in taken or Concept.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def _fields(concept: annotator.Concept) -> dict[str, object]:
    rules = {
        key: list(value)
        for key, value in (
            ("context", concept.context),
            ("exclude", concept.exclude),
            ("keywords", concept.keywords),
            ("requires", concept.requires),
        )
        if value
    }
    fields: dict[str, object] = {
        "type": concept.type,
        "pref_label": concept.pref_label,
        "rules": rules,
        "case_sensitive": concept.case_sensitive,
    }
    # A file without descriptions leaves the ones editors wrote alone.
    if concept.description:
        fields["description"] = concept.description
    return fields


def _labels(concept: annotator.Concept) -> list[tuple[str, str]]:
    return [(label, str(LabelKind.ALT)) for label in concept.alt_labels] + [
        (label, str(LabelKind.HIDDEN)) for label in concept.hidden_labels
    ]


def import_vocabulary(
    vocabulary: annotator.Vocabulary,
    *,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Create or update a concept per vocabulary entry, matched by URI, with labels and relations.

    All or nothing: raises VocabularyImportError (and writes nothing) when the result would
    have a broader cycle. With ``dry_run`` the report says what would change and nothing is kept.
    """
    report = ImportReport(dry_run=dry_run)
    try:
        with transaction.atomic():
            _import(vocabulary, report, progress)
            _check_whole_vocabulary()
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    if not dry_run and (report.created or report.updated):
        uris = [*report.created, *report.updated]
        transaction.on_commit(lambda: signals.vocabulary_changed.send(sender=Concept, uris=uris))
    return report


def _import(
    vocabulary: annotator.Vocabulary,
    report: ImportReport,
    progress: Callable[[int, int], None] | None,
) -> None:
    existing = {c.uri: c for c in Concept.objects.filter(uri__in=list(vocabulary.by_uri))}
    labels_of: dict[int, list[tuple[str, str]]] = {}
    for concept_id, label, kind in (
        ConceptLabel.objects.filter(concept__in=list(existing.values()))
        .order_by("concept_id", "sort_order", "pk")
        .values_list("concept_id", "label", "kind")
    ):
        labels_of.setdefault(concept_id, []).append((label, kind))
    taken: set[str] = set()
    rows: dict[str, Concept] = {}
    changed_uris: set[str] = set()
    total = len(vocabulary.concepts)
    for number, entry in enumerate(vocabulary.concepts, start=1):
        values = _fields(entry)
        row = existing.get(entry.uri)
        if row is None:
            row = Concept.objects.create(
                uri=entry.uri, slug=_unique_slug(entry.pref_label, taken), **values
            )
            report.created.append(entry.uri)
        elif any(getattr(row, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            row.save()
            changed_uris.add(entry.uri)
        wanted = _labels(entry)
        if labels_of.get(row.pk, []) != wanted:
            ConceptLabel.objects.filter(concept=row).delete()
            ConceptLabel.objects.bulk_create(
                ConceptLabel(concept=row, label=label, kind=kind, sort_order=n)
                for n, (label, kind) in enumerate(wanted)
            )
            if entry.uri in existing:
                changed_uris.add(entry.uri)
        rows[entry.uri] = row
        if progress is not None:
            progress(number, total)
    relinked = _write_relations(vocabulary, rows)
    if relinked:
        # Links are no column of the row: touch it so the engine's snapshot is rebuilt.
        Concept.objects.filter(uri__in=relinked).update(updated_at=timezone.now())
    changed_uris |= relinked
    for uri in existing:
        (report.updated if uri in changed_uris else report.unchanged).append(uri)


def _write_relations(vocabulary: annotator.Vocabulary, rows: dict[str, Concept]) -> set[str]:
    """Make the file's broader and related links the links of its concepts; return the URIs of
    existing concepts whose links changed. Related links count in both directions, so a file
    that lists one only in one direction keeps it on every import."""
    uri_of = {row.pk: uri for uri, row in rows.items()}
    ids = list(uri_of)
    changed: set[str] = set()
    for name, wanted_pairs in (
        (
            "broader",
            {(rows[e.uri].pk, rows[u].pk) for e in vocabulary.concepts for u in e.broader},
        ),
        (
            "related",
            {
                (rows[uri].pk, rows[other].pk)
                for uri in rows
                for other in vocabulary.related_to.get(uri, frozenset())
            },
        ),
    ):
        through = Concept._meta.get_field(name).remote_field.through  # type: ignore[union-attr]
        have = set(
            through.objects.filter(from_concept_id__in=ids).values_list(
                "from_concept_id", "to_concept_id"
            )
        )
        stale, missing = have - wanted_pairs, wanted_pairs - have
        for a, b in stale:
            through.objects.filter(from_concept_id=a, to_concept_id=b).delete()
            if name == "related":  # symmetric: the mirror row goes too
                through.objects.filter(from_concept_id=b, to_concept_id=a).delete()
        through.objects.bulk_create(
            through(from_concept_id=a, to_concept_id=b) for a, b in sorted(missing)
        )
        changed |= {uri_of[a] for a, _ in stale | missing}
    return changed


def _check_whole_vocabulary() -> None:
    from .snapshot import build_vocabulary

    try:
        build_vocabulary()
    except annotator.VocabularyError as error:
        raise VocabularyImportError(f"The vocabulary would not be usable: {error}") from error


def merge_concepts(source: Concept, *, into: Concept) -> Concept:
    """Merge ``source`` into ``into``: it redirects there, and its tags move (issue #4: follows).

    Raises ValueError when merging a concept into itself or into one merged into it.
    """
    if source.pk == into.pk or into.survivor().pk == source.pk:
        raise ValueError("A concept cannot be merged into itself.")
    with transaction.atomic():
        source.superseded_by = into
        source.is_active = False
        source.save(update_fields=["superseded_by", "is_active", "updated_at"])
        Concept.objects.filter(superseded_by=source).update(superseded_by=into)
        signals.concept_merged.send(sender=Concept, source=source, into=into)
    uris = [uri for uri in (source.uri, into.uri) if uri]
    transaction.on_commit(lambda: signals.vocabulary_changed.send(sender=Concept, uris=uris))
    return into
