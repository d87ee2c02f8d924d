"""Convert concept rows to the annotator's frozen vocabulary, and keep one ready per version.

The built index is also saved under ``settings.ANNOTATOR_INDEX_DIR`` (``var/annotator-index``
by default; empty turns it off), so a new process loads it instead of building it again. The
file is authenticated with a key derived from SECRET_KEY and is only read from that private
folder; see ``annotator/store.py`` and docs/concepts.md.
"""

from __future__ import annotations

import threading

from django.conf import settings
from django.db.models import Count, Max, Prefetch
from django.utils.crypto import salted_hmac

import annotator
from annotator.store import cached_annotator

from .models import ANNOTATABLE_TYPES, Concept, ConceptLabel, LabelKind

_lock = threading.Lock()
_built: dict[str, tuple[annotator.Vocabulary, annotator.Annotator]] = {}


def concept_to_engine(concept: Concept) -> annotator.Concept:
    """Return the engine's view of one concept row (labels, relations and rules prefetched)."""
    labels = list(concept.labels.all())
    return annotator.Concept(
        uri=concept.uri or f"bs:concept/{concept.pk}",
        type=concept.type,  # type: ignore[arg-type]  # filtered to annotatable types
        pref_label=concept.pref_label,
        alt_labels=tuple(lab.label for lab in labels if lab.kind == LabelKind.ALT),
        hidden_labels=tuple(lab.label for lab in labels if lab.kind == LabelKind.HIDDEN),
        broader=tuple(
            sorted(
                b.uri or f"bs:concept/{b.pk}"
                for b in concept.broader.all()
                if b.type in ANNOTATABLE_TYPES and b.is_active
            )
        ),
        related=tuple(
            sorted(
                r.uri or f"bs:concept/{r.pk}"
                for r in concept.related.all()
                if r.type in ANNOTATABLE_TYPES and r.is_active
            )
        ),
        context=concept.rule("context"),
        exclude=concept.rule("exclude"),
        keywords=concept.rule("keywords") if concept.type in ("topic", "story") else (),
        requires=concept.rule("requires") if concept.type in ("topic", "story") else (),
        case_sensitive=concept.case_sensitive,
    )


def build_vocabulary() -> annotator.Vocabulary:
    """Return the active, annotatable concepts as a checked engine vocabulary."""
    rows = (
        Concept.objects.active()
        .filter(type__in=ANNOTATABLE_TYPES)
        .prefetch_related(
            Prefetch("labels", queryset=ConceptLabel.objects.order_by("sort_order", "pk")),
            "broader",
            "related",
        )
        .order_by("pk")
    )
    concepts = [concept_to_engine(row) for row in rows]
    known = {c.uri for c in concepts}
    # Requirements naming inactive or merged concepts are dropped rather than refused.
    cleaned = [
        annotator.Concept(
            **{
                **{f: getattr(c, f) for f in annotator.Concept.__dataclass_fields__},
                "requires": tuple(u for u in c.requires if u in known),
                "broader": tuple(u for u in c.broader if u in known),
                "related": tuple(u for u in c.related if u in known),
            }
        )
        for c in concepts
    ]
    return annotator.Vocabulary(concepts=tuple(cleaned))


def vocabulary_version() -> str:
    """Return a token that changes whenever a concept is added, changed or removed.

    Read from the database, so the web process and the task worker agree without a shared cache.
    """
    stats = Concept.objects.aggregate(count=Count("pk"), changed=Max("updated_at"))
    changed = stats["changed"].isoformat() if stats["changed"] else "-"
    return f"{stats['count']}:{changed}"


def index_key() -> bytes:
    """Return the key that authenticates saved index files: derived from SECRET_KEY."""
    return salted_hmac("broadsheet.concepts.snapshot.index", "annotator-index").digest()


def make_annotator(vocabulary: annotator.Vocabulary) -> annotator.Annotator:
    """Return an Annotator, its index loaded from ANNOTATOR_INDEX_DIR when saved there."""
    directory = getattr(settings, "ANNOTATOR_INDEX_DIR", "")
    if not directory:
        return annotator.Annotator(vocabulary)
    return cached_annotator(vocabulary, directory, key=index_key())


def current_annotator() -> annotator.Annotator:
    """Return an Annotator over the current vocabulary, built once per vocabulary version."""
    version = vocabulary_version()
    with _lock:
        ready = _built.get(version)
        if ready is None:
            vocabulary = build_vocabulary()
            ready = (vocabulary, make_annotator(vocabulary))
            _built.clear()
            _built[version] = ready
        return ready[1]
