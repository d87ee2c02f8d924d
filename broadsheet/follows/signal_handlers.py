"""Reactions of follows to events of the vocabulary."""

from typing import Any

from broadsheet.concepts import signals as concept_signals


def concept_merged(sender: Any, source: Any, into: Any, **kwargs: Any) -> None:
    """Move the follows of a merged concept to the survivor, inside the merge's transaction."""
    from .actions import move_follows

    move_follows(source, into=into)


def connect() -> None:
    concept_signals.concept_merged.connect(concept_merged, dispatch_uid="follows.concept_merged")
