"""Events of the vocabulary that higher layers (content, follows) react to."""

from django.dispatch import Signal

vocabulary_changed = Signal()
"""Sent after concepts were created, changed, merged or deleted: ``uris`` lists them (may be empty)."""

concept_merged = Signal()
"""Sent after ``source`` was merged ``into`` another concept: move whatever points at it."""
