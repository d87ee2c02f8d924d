"""Keep modelcluster's child relations per model class instead of finding them per instance.

``ClusterableModel.__init__`` (every Wagtail page, every model with ``ParentalKey`` children)
asks ``get_all_child_relations`` and ``get_all_child_m2m_relations`` for its class's child
relations on every instance it builds, and each answer scans all of the model's fields: about a
third of a millisecond for the eight instances an article page builds. A model's fields are fixed
once the app registry is ready, so the answers are kept per class from then on.

Only modelcluster's own calls go through the kept answers; code that imported the functions by
name (Wagtail's page copy and reference index) keeps calling the originals.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from modelcluster import models as cluster_models

_Finder = Callable[[Any], list[Any]]


def _per_class(find: _Finder) -> _Finder:
    kept = functools.cache(find)

    @functools.wraps(find)
    def per_class(model: Any) -> list[Any]:
        # A fresh list each time, as the original returns: callers may change theirs.
        return list(kept(model if isinstance(model, type) else type(model)))

    return per_class


def keep_child_relations_per_class() -> None:
    """Install the per-class answers (from ``CoreConfig.ready``, once every model is loaded)."""
    if getattr(cluster_models.get_all_child_relations, "__wrapped__", None) is not None:
        return
    cluster_models.get_all_child_relations = _per_class(cluster_models.get_all_child_relations)
    cluster_models.get_all_child_m2m_relations = _per_class(
        cluster_models.get_all_child_m2m_relations
    )
