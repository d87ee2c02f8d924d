"""Signals content sends for the apps above it (alerts, delivery) to react to."""

from django.dispatch import Signal

annotations_changed = Signal()
"""Sent after an article's stored annotations were written or withdrawn, once committed.

Arguments: ``article_id`` (int), ``concept_ids`` (frozenset[int]: the concepts annotated before
or after the change, so listings that gained or lost the article can be refreshed) and
``live`` (bool: whether the article is published now).
"""
